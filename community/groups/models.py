"""Working groups and who belongs to them; the reading and posting rules are defined here once."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from community.members.groups import ADMINISTRATEURS, MEMBRES, MODERATEURS


class GroupKind(models.TextChoices):
    COMMUNAUTE_DE_PRATIQUE = "communaute-de-pratique", "Communauté de pratique"
    CLUB_METIER = "club-metier", "Club métier"
    GROUPE_INCUBATEUR = "groupe-incubateur", "Groupe d'incubateur"
    PROJET_TRANSVERSE = "projet-transverse", "Projet transverse"


class GroupVisibility(models.TextChoices):
    PUBLIC = "public", "Public : lisible par tous, ouvert aux membres"
    MEMBERS = "membres", "Membres : lisible par les membres connectés"
    PRIVATE = "prive", "Privé : sur invitation ou demande"


def _group_names(user) -> set[str]:
    # Read once per request's user: the list and a group's page ask several times.
    if not hasattr(user, "_working_group_rights"):
        user._working_group_rights = set(user.groups.values_list("name", flat=True))
    return user._working_group_rights


def is_site_moderator(user) -> bool:
    """Site moderators and administrators may read and moderate every group."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(_group_names(user) & {MODERATEURS, ADMINISTRATEURS})


def is_member(user) -> bool:
    """A logged-in account with a member profile (the "Membres" group), or staff."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or MEMBRES in _group_names(user)


class GroupQuerySet(models.QuerySet):
    def readable_by(self, user):
        """Public groups for everyone; members-only for members; private for their own members."""
        if is_site_moderator(user):
            return self
        condition = Q(visibility=GroupVisibility.PUBLIC)
        if is_member(user):
            condition |= Q(visibility=GroupVisibility.MEMBERS)
            # A subquery, not a join: no DISTINCT, so counts annotated afterwards stay exact.
            condition |= Q(visibility=GroupVisibility.PRIVATE, pk__in=_active_group_ids(user))
        return self.filter(condition)

    def listed_for(self, user):
        """The list's groups: those readable, plus private groups announced to members (to ask in)."""
        if is_site_moderator(user) or not is_member(user):
            return self.readable_by(user)
        readable = self.readable_by(user).values("pk")
        return self.filter(Q(pk__in=readable) | Q(visibility=GroupVisibility.PRIVATE, listed=True))

    def of_member(self, user):
        """The groups where `user` is an active member."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(pk__in=_active_group_ids(user))


def _active_group_ids(user):
    return Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values("group_id")


class Group(models.Model):
    """A community of practice, a trade club, an incubator's group or a cross-cutting project."""

    name = models.CharField("nom", max_length=120)
    slug = models.SlugField("identifiant", max_length=140, unique=True)
    purpose = models.TextField("raison d'être", help_text="À quoi sert le groupe, pour qui.")
    kind = models.CharField(
        "type", max_length=30, choices=GroupKind.choices, default=GroupKind.COMMUNAUTE_DE_PRATIQUE
    )
    visibility = models.CharField(
        "visibilité", max_length=10, choices=GroupVisibility.choices, default=GroupVisibility.PUBLIC
    )
    # A string reference: groups are a feature beside startups and never import it.
    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_groups",
    )
    phases = models.ManyToManyField("taxonomy.Phase", verbose_name="phases", blank=True, related_name="+")
    roles = models.ManyToManyField("taxonomy.Role", verbose_name="rôles", blank=True, related_name="+")
    thematiques = models.ManyToManyField(
        "taxonomy.Thematique", verbose_name="thématiques", blank=True, related_name="+"
    )
    listed = models.BooleanField(
        "annoncé aux membres",
        default=False,
        help_text="Pour un groupe privé : son nom et sa raison d'être apparaissent dans la liste des "
        "groupes pour les membres connectés, qui peuvent demander à le rejoindre.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = "groupe de travail"
        verbose_name_plural = "groupes de travail"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("groups:detail", kwargs={"slug": self.slug})

    def membership_of(self, user):
        if not getattr(user, "is_authenticated", False):
            return None
        return self.memberships.filter(user=user).first()

    def is_active_member(self, user) -> bool:
        membership = self.membership_of(user)
        return membership is not None and membership.status == Membership.Status.ACTIVE

    def is_coordinator(self, user) -> bool:
        membership = self.membership_of(user)
        return (
            membership is not None
            and membership.status == Membership.Status.ACTIVE
            and membership.role == Membership.Role.COORDINATOR
        )

    def is_announced_to(self, user) -> bool:
        """A listed private group shows its name, purpose and coordinators to members, to ask in."""
        return self.visibility == GroupVisibility.PRIVATE and self.listed and is_member(user)

    def can_join(self, user) -> bool:
        """Public and members-only groups open to any member; a private one by request or invitation."""
        return self.visibility != GroupVisibility.PRIVATE and is_member(user)

    def can_read(self, user) -> bool:
        if self.visibility == GroupVisibility.PUBLIC:
            return True
        if self.visibility == GroupVisibility.MEMBERS:
            return is_member(user)
        return self.is_active_member(user) or is_site_moderator(user)

    def can_moderate(self, user) -> bool:
        """Coordinators moderate their group; site moderators every group."""
        return self.is_coordinator(user) or is_site_moderator(user)

    def can_post(self, user) -> bool:
        """Only active members of the group post (a site-wide ban is checked by the discussions)."""
        return self.is_active_member(user)


class Membership(models.Model):
    """One person's place in a group: a request, an invitation accepted, a member or a coordinator."""

    class Role(models.TextChoices):
        MEMBER = "membre", "Membre"
        COORDINATOR = "coordination", "Coordinateur·rice"

    class Status(models.TextChoices):
        REQUESTED = "demande", "Demande en attente"
        ACTIVE = "actif", "Membre"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField("rôle", max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField("depuis le", auto_now_add=True)

    class Meta:
        verbose_name = "adhésion à un groupe"
        verbose_name_plural = "adhésions aux groupes"
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")]

    def __str__(self):
        return f"{self.user} — {self.group}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def invitation_lifetime() -> timedelta:
    return timedelta(days=settings.FABRIQUE_GROUP_INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        """Invitations still waiting for an answer and not expired."""
        return self.filter(accepted_at=None, created_at__gt=timezone.now() - invitation_lifetime())


class Invitation(models.Model):
    """A coordinator's invitation by email: its link leads into the group, with or without an account."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("adresse électronique")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("envoyée le", auto_now_add=True)
    accepted_at = models.DateTimeField("acceptée le", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    shown_on_public_pages = False

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = "invitation à un groupe"
        verbose_name_plural = "invitations aux groupes"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} — {self.group}"

    def get_absolute_url(self):
        return reverse("groups:invitation", kwargs={"token": self.token})

    @property
    def pending(self) -> bool:
        return self.accepted_at is None

    @property
    def expires_at(self):
        return self.created_at + invitation_lifetime()

    @property
    def expired(self) -> bool:
        """A link left unanswered for FABRIQUE_GROUP_INVITATION_DAYS no longer opens the group."""
        return self.pending and timezone.now() >= self.expires_at


class SharedResource(models.Model):
    """A library resource shared into a group; coordinators pin the essential ones and order them."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="shared_resources")
    # A string reference: groups never import the library; the page's own visibility still applies.
    page = models.ForeignKey(
        "library.ResourcePage",
        verbose_name="ressource",
        on_delete=models.CASCADE,
        related_name="group_shares",
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pinned = models.BooleanField("épinglée", default=False)
    position = models.PositiveIntegerField("ordre", default=0)
    created_at = models.DateTimeField("partagée le", auto_now_add=True)

    class Meta:
        verbose_name = "ressource partagée dans un groupe"
        verbose_name_plural = "ressources partagées dans les groupes"
        ordering = ["-pinned", "position", "-created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["group", "page"], name="one_share_per_group")]

    def __str__(self):
        return f"{self.page} — {self.group}"
