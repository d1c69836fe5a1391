"""Threads and their messages in a working group, and what surrounds them: attachments, reports,
moderation history, notification choices and the site-wide posting ban."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from community.groups.models import Group


class ThreadKind(models.TextChoices):
    QUESTION = "question", "Question"
    DISCUSSION = "discussion", "Discussion"


class ThreadQuerySet(models.QuerySet):
    def shown(self):
        """Threads whose opening message is not hidden: hiding it hides the title too, everywhere."""
        opening = Message.objects.filter(thread=models.OuterRef("pk")).order_by("created_at", "pk")
        return self.alias(opening_hidden=models.Subquery(opening.values("hidden")[:1])).exclude(
            opening_hidden=True
        )

    def shown_to(self, user, group):
        """Moderators of the group still reach a thread they hid (to restore it); others do not."""
        return self if group.can_moderate(user) else self.shown()

    def readable_by(self, user):
        """Threads of the groups this user may read (the group's rule, defined once in groups)."""
        return self.filter(group__in=Group.objects.readable_by(user)).shown()


class Thread(models.Model):
    """A question or a discussion opened in a group; its replies are its messages."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="discussion_threads"
    )
    title = models.CharField("titre", max_length=200)
    kind = models.CharField("type", max_length=12, choices=ThreadKind.choices, default=ThreadKind.DISCUSSION)
    resolved_at = models.DateTimeField("résolu le", null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("ouvert le", default=timezone.now)
    last_activity_at = models.DateTimeField("dernière activité", default=timezone.now, db_index=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = "fil de discussion"
        verbose_name_plural = "fils de discussion"
        ordering = ["-last_activity_at", "-pk"]
        indexes = [models.Index(fields=["group", "-last_activity_at"], name="thread_group_activity")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url_for(self.group.slug, self.pk)

    @staticmethod
    def url_for(group_slug: str, pk: int) -> str:
        """A thread's address from its group's slug and its id, for lists read as plain values."""
        return reverse("discussions:thread", kwargs={"slug": group_slug, "pk": pk})

    @property
    def is_question(self) -> bool:
        return self.kind == ThreadKind.QUESTION

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


class Message(models.Model):
    """One post in a thread (the first one opens it): Markdown source and its sanitised HTML."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="discussion_messages"
    )
    body = models.TextField("message", help_text="Markdown simple : gras, italique, listes, liens, code.")
    # Rendered once at writing time (markup.py), never from the source at reading time.
    body_html = models.TextField("message (HTML nettoyé)", blank=True)
    created_at = models.DateTimeField("publié le", default=timezone.now, db_index=True)
    edited_at = models.DateTimeField("modifié le", null=True, blank=True)
    hidden = models.BooleanField("masqué", default=False)
    hidden_at = models.DateTimeField("masqué le", null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField("motif du masquage", max_length=500, blank=True)

    class Meta:
        verbose_name = "message"
        verbose_name_plural = "messages"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"], name="message_thread_created")]

    def __str__(self):
        return f"{self.thread} — {self.created_at:%d/%m/%Y %H:%M}"


def attachment_path(instance, filename: str) -> str:
    # An unguessable folder: attachments are served by a view that checks the group, never by URL.
    return f"discussions/{uuid.uuid4().hex}/{filename}"


class Attachment(models.Model):
    """A file joined to a message, checked like contributions' files (core/uploads.py)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("fichier", upload_to=attachment_path, max_length=300)
    name = models.CharField("nom", max_length=200)
    size = models.PositiveIntegerField("taille", default=0)

    class Meta:
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"

    def __str__(self):
        return self.name


class Report(models.Model):
    """A member's report of a message, for the group's coordinators and the site's moderators."""

    shown_on_public_pages = False  # a report must not empty the page cache (core/caching)

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField("motif", max_length=500)
    created_at = models.DateTimeField("signalé le", default=timezone.now)
    handled_at = models.DateTimeField("traité le", null=True, blank=True)

    class Meta:
        verbose_name = "signalement"
        verbose_name_plural = "signalements"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.message} : {self.reason}"


class ModerationAction(models.Model):
    """What a moderator did to a message and why: the history kept after hiding or restoring."""

    shown_on_public_pages = False  # history for moderators only (core/caching)

    class Action(models.TextChoices):
        HIDE = "masquage", "Masqué"
        RESTORE = "restauration", "Rétabli"

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="moderation_history")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField("action", max_length=12, choices=Action.choices)
    reason = models.CharField("motif", max_length=500)
    created_at = models.DateTimeField("le", default=timezone.now)

    class Meta:
        verbose_name = "action de modération"
        verbose_name_plural = "historique de modération"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} : {self.reason}"


class Frequency(models.TextChoices):
    EVERY_MESSAGE = "chaque", "À chaque message"
    DAILY = "quotidien", "Un récapitulatif par jour"
    NONE = "aucun", "Rien"


class GroupNotification(models.Model):
    """How often one member hears about one group's new messages (a digest by default)."""

    shown_on_public_pages = False  # a personal setting must not empty the page cache (core/caching)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_notifications"
    )
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(
        "fréquence", max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    # The end of the period the last digest covered: the next one starts there.
    digested_until = models.DateTimeField("récapitulatif envoyé jusqu'au", null=True, blank=True)

    class Meta:
        verbose_name = "choix de notification d'un groupe"
        verbose_name_plural = "choix de notification des groupes"
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="one_notification_choice")]

    def __str__(self):
        return f"{self.user} — {self.group} : {self.get_frequency_display()}"


class PersonalNotification(models.Model):
    """Whether a member hears when mentioned or answered in their threads (both on by default)."""

    shown_on_public_pages = False  # a personal setting must not empty the page cache (core/caching)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_notifications"
    )
    mentions = models.BooleanField("quand on me mentionne", default=True)
    replies = models.BooleanField("quand on répond à mes fils", default=True)

    class Meta:
        verbose_name = "notification personnelle"
        verbose_name_plural = "notifications personnelles"

    def __str__(self):
        return str(self.user)


class PostingBan(models.Model):
    """A member the site's moderators barred from posting in every group (set in the admin)."""

    shown_on_public_pages = False  # moderators' decision, not shown to visitors (core/caching)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="compte", on_delete=models.CASCADE, related_name="posting_ban"
    )
    reason = models.CharField("motif", max_length=500)
    until = models.DateTimeField("jusqu'au", null=True, blank=True, help_text="Vide : sans limite de durée.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("décidé le", default=timezone.now)

    class Meta:
        verbose_name = "exclusion des discussions"
        verbose_name_plural = "exclusions des discussions"

    def __str__(self):
        return f"{self.user} : {self.reason}"

    @classmethod
    def is_banned(cls, user) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        now = timezone.now()
        return (
            cls.objects.filter(user=user)
            .filter(models.Q(until__isnull=True) | models.Q(until__gt=now))
            .exists()
        )
