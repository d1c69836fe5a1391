"""The discussion pages of a group (logic in posting.py, moderation.py, notifications.py)."""

from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from community.groups.models import Group, GroupVisibility

from . import moderation, notifications, posting
from .forms import EditForm, ModerationForm, NotificationForm, ReplyForm, ReportForm, ThreadForm
from .models import Attachment, GroupNotification, Message

THREADS_PER_PAGE = 20


def _readable_group(request, slug):
    """The group if this visitor may read it; a login for a members' group; else a 404 (no leak)."""
    group = get_object_or_404(Group, slug=slug)
    if not group.can_read(request.user):
        if not request.user.is_authenticated and group.visibility == GroupVisibility.MEMBERS:
            raise _LoginRequired
        raise Http404
    return group


class _LoginRequired(Exception):
    pass


def readable(view):
    """Hand the view a group the visitor may read (login first for a members-only group)."""

    def wrapped(request, slug, *args, **kwargs):
        try:
            group = _readable_group(request, slug)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())
        return view(request, group, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _message_of(group, pk):
    return get_object_or_404(Message.objects.select_related("thread__group"), pk=pk, thread__group=group)


@readable
def thread_list(request, group):
    threads = (
        group.threads.shown_to(request.user, group)
        .select_related("author")
        .annotate(replies=Count("messages", filter=Q(messages__hidden=False)))
        .order_by("-last_activity_at", "-pk")
    )
    page_obj = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "group": group,
        "page_obj": page_obj,
        "posting_refusal": posting.posting_refusal(group, request.user),
    }
    return render(request, "discussions/thread_list.html", context)


@readable
def thread_new(request, group):
    refusal = posting.posting_refusal(group, request.user)
    if refusal:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied(refusal)
    form = ThreadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not form.within_rate_limit(request):
            status = 429
        elif form.is_bot():
            return redirect("discussions:threads", slug=group.slug)
        elif form.is_valid():
            data = form.cleaned_data
            thread = posting.open_thread(
                group,
                request.user,
                title=data["title"].strip(),
                kind=data["kind"],
                body=data["body"],
                files=data["attachments"],
            )
            flash.success(request, "Votre fil est publié.")
            return redirect(thread.get_absolute_url())
        else:
            status = 400
    return render(request, "discussions/thread_form.html", {"group": group, "form": form}, status=status)


def _thread_page(request, group, thread, form, status=200):
    user = request.user
    can_moderate = group.can_moderate(user)
    queryset = thread.messages.select_related("author__member").prefetch_related("attachments")
    page_obj = Paginator(queryset, posting.MESSAGES_PER_PAGE).get_page(request.GET.get("page"))
    entries = [
        {
            "message": message,
            "can_edit": posting.can_edit(message, user) if message.author_id == user.pk else False,
            "can_report": user.is_authenticated and message.author_id != user.pk and not message.hidden,
        }
        for message in page_obj
    ]
    context = {
        "group": group,
        "thread": thread,
        "page_obj": page_obj,
        "entries": entries,
        "form": form,
        "posting_refusal": posting.posting_refusal(group, user),
        "can_moderate": can_moderate,
        "can_resolve": posting.can_resolve(thread, user),
        "moderation_form": ModerationForm() if can_moderate else None,
    }
    return render(request, "discussions/thread.html", context, status=status)


@readable
def thread_detail(request, group, pk):
    thread = get_object_or_404(
        group.threads.shown_to(request.user, group).select_related("author", "resolved_by"), pk=pk
    )
    if request.method != "POST":
        return _thread_page(request, group, thread, ReplyForm())
    refusal = posting.posting_refusal(group, request.user)
    if refusal:
        raise PermissionDenied(refusal)
    form = ReplyForm(request.POST, request.FILES)
    if not form.within_rate_limit(request):
        return _thread_page(request, group, thread, form, status=429)
    if form.is_bot():
        return redirect(thread.get_absolute_url())
    if not form.is_valid():
        return _thread_page(request, group, thread, form, status=400)
    message = posting.reply(
        thread, request.user, body=form.cleaned_data["body"], files=form.cleaned_data["attachments"]
    )
    last_page = posting.page_count(thread.messages.count())
    return redirect(f"{thread.get_absolute_url()}?page={last_page}#message-{message.pk}")


@require_POST
@readable
def thread_resolve(request, group, pk):
    thread = get_object_or_404(group.threads, pk=pk)
    resolved = request.POST.get("resolu") == "1"
    posting.set_resolved(thread, request.user, resolved)
    flash.success(
        request, "Question marquée résolue." if resolved else "La question n'est plus marquée résolue."
    )
    return redirect(thread.get_absolute_url())


@readable
def message_edit(request, group, pk):
    message = _message_of(group, pk)
    if not posting.can_edit(message, request.user):
        raise PermissionDenied("Ce message ne peut plus être modifié (15 minutes après sa publication).")
    form = EditForm(request.POST or None, initial={"body": message.body})
    status = 200
    if request.method == "POST":
        if not form.within_rate_limit(request):
            status = 429
        elif form.is_valid():
            posting.edit(message, request.user, body=form.cleaned_data["body"])
            return redirect(f"{message.thread.get_absolute_url()}#message-{message.pk}")
        else:
            status = 400
    context = {"group": group, "thread": message.thread, "message": message, "form": form}
    return render(request, "discussions/message_edit.html", context, status=status)


@readable
def message_report(request, group, pk):
    message = _message_of(group, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not moderation.can_report(message, request.user) or message.hidden:
        raise PermissionDenied("Vous ne pouvez pas signaler ce message.")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.report(message, request.user, form.cleaned_data["reason"].strip())
        flash.success(
            request, "Merci : le message est signalé à la coordination du groupe et à la modération."
        )
        return redirect(f"{message.thread.get_absolute_url()}#message-{message.pk}")
    context = {"group": group, "thread": message.thread, "message": message, "form": form}
    return render(request, "discussions/message_report.html", context, status=400 if form.errors else 200)


@require_POST
@readable
def message_moderate(request, group, pk):
    message = _message_of(group, pk)
    if not group.can_moderate(request.user):
        raise PermissionDenied("Seules la coordination du groupe et la modération du site modèrent.")
    form = ModerationForm(request.POST)
    if not form.is_valid():
        flash.error(request, form.errors["reason"][0])
    else:
        hidden = request.POST.get("masquer") == "1"
        moderation.set_hidden(
            message, request.user, hidden=hidden, reason=form.cleaned_data["reason"].strip()
        )
        flash.success(request, "Message masqué." if hidden else "Message rétabli.")
    return redirect(f"{message.thread.get_absolute_url()}#message-{message.pk}")


@readable
def attachment(request, group, pk):
    """Served only to those who may read the group, and never for a hidden message."""
    item = get_object_or_404(Attachment, pk=pk, message__thread__group=group, message__hidden=False)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)


@readable
def notification_settings(request, group):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    personal = notifications.personal_of(request.user)
    initial = {
        "frequency": notifications.frequency_of(request.user, group),
        "mentions": personal.mentions,
        "replies": personal.replies,
    }
    form = NotificationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        GroupNotification.objects.update_or_create(
            user=request.user, group=group, defaults={"frequency": form.cleaned_data["frequency"]}
        )
        personal.mentions = form.cleaned_data["mentions"]
        personal.replies = form.cleaned_data["replies"]
        personal.save()
        flash.success(request, "Vos choix de notification sont enregistrés.")
        return redirect("discussions:notifications", slug=group.slug)
    return render(request, "discussions/notifications.html", {"group": group, "form": form})


@csrf_exempt  # mail clients' one-click POST (RFC 8058) carries no token; it can only turn an email off
def unsubscribe(request, token):
    """One-click unsubscribe from one kind of discussion email, no login needed."""
    try:
        user_id, scope = notifications.read_unsubscribe_token(token)
        user = get_user_model().objects.get(pk=user_id)
    except (notifications.InvalidUnsubscribeLink, get_user_model().DoesNotExist):
        return render(request, "discussions/unsubscribe.html", {"invalid": True}, status=404)
    done = request.method == "POST"
    if done:
        notifications.unsubscribe(user, scope)
    context = {"label": notifications.scope_label(scope), "done": done, "token": token}
    return render(request, "discussions/unsubscribe.html", context)
