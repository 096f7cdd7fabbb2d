"""Messages: one thread per resident, read by the resident and their coach of today."""

from dataclasses import dataclass, field
from functools import cached_property

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import coach_required, resident_required
from webapp.coaching import bp, changes, queries
from webapp.coaching.forms import MessageForm
from webapp.coaching.routes.shared import me, participant_or_404
from webapp.db import get_db
from webapp.domain import coaching as rules
from webapp.limits import successes_limited
from webapp.web import NO_STORE, is_htmx, no_store

# --- the thread -----------------------------------------------------------------


@dataclass
class Thread:
    """One thread as a page shows it; the same partials serve resident and coach."""

    resident: object
    viewer_is_coach: bool
    other_name: str
    page_url: str
    poll_url: str
    send_url: str
    messages: list = field(default_factory=list)
    has_older: bool = False
    before: int | None = None  # set on a page of older messages
    newest: int = 0
    unread_mine: int = 0
    form: object = None
    writable: bool = True

    @property
    def live(self):
        """The latest page polls and takes new messages; an older page only shows."""
        return self.before is None

    @property
    def older_url(self):
        if not self.messages:
            return None
        return f"{self.page_url}?before={self.messages[0]['id']}"

    @property
    def poll_query(self):
        return f"{self.poll_url}?after={self.newest}&unread={self.unread_mine}"

    def is_mine(self, message):
        return bool(message["from_coach"]) == self.viewer_is_coach

    @cached_property
    def labels(self):
        """The words every message repeats, translated once per page (not 50 times)."""
        return {
            "you": _("You"),
            "read": _("Read"),
            "unread": _("Not read yet"),
            "yours": _("your message"),
            "theirs": _("message from %(name)s", name=self.other_name),
        }


def thread_for(
    resident,
    viewer_is_coach,
    other_name,
    urls,
    limit=rules.MESSAGES_PER_PAGE,
    before=None,
    form=None,
    writable=True,
):
    db = get_db()
    thread = Thread(
        resident=resident,
        viewer_is_coach=viewer_is_coach,
        other_name=other_name,
        writable=writable,
        before=before,
        **urls,
    )
    if thread.live:
        changes.mark_read(db, resident["id"], me(), viewer_is_coach)
    thread.messages, thread.has_older = queries.thread_page(db, resident["id"], before, limit)
    thread.newest, thread.unread_mine = queries.thread_state(db, resident["id"], viewer_is_coach)
    # A refused form is shown again even where nothing can be sent now: the
    # text is the person's, and they may want to copy it.
    if thread.live and (writable or form is not None):
        thread.form = form or MessageForm()
    return thread


def resident_thread_urls():
    return {
        "page_url": url_for("coaching.messages"),
        "poll_url": url_for("coaching.messages_poll"),
        "send_url": url_for("coaching.messages_send"),
    }


def coach_thread_urls(resident_id):
    return {
        "page_url": url_for("coaching.participant_messages", resident_id=resident_id),
        "poll_url": url_for("coaching.participant_messages_poll", resident_id=resident_id),
        "send_url": url_for("coaching.participant_messages_send", resident_id=resident_id),
    }


def poll_answer(request, resident, viewer_is_coach, other_name, urls):
    """The cheap "anything new since?" answer shared by resident and coach.

    The state is (newest id, how many of my messages are unread). Unchanged:
    304 to a conditional request, 204 otherwise, under 200 bytes either way
    (no body, no page policies, no cookie). Changed: the new messages to append, fresh "read" marks on my own,
    and the poller with its new state (out-of-band).
    """
    db = get_db()
    after = request.args.get("after", type=int)
    unread = request.args.get("unread", type=int)
    if after is None or unread is None or after < 0 or unread < 0:
        abort(400)
    newest, unread_mine = queries.thread_state(db, resident["id"], viewer_is_coach)
    etag = f"t{newest}.{unread_mine}"
    if request.if_none_match.contains_weak(etag):
        return _empty(304, etag)
    if (newest, unread_mine) == (after, unread):
        return _empty(204, etag)
    fresh = queries.messages_after(db, resident["id"], min(after, newest))
    if any(bool(m["from_coach"]) != viewer_is_coach for m in fresh):
        changes.mark_read(db, resident["id"], me(), viewer_is_coach)
        fresh = queries.messages_after(db, resident["id"], min(after, newest))
    refreshed = []
    if unread_mine != unread and unread:
        refreshed = queries.own_recent(db, resident["id"], viewer_is_coach, after, unread)
    thread = Thread(resident=resident, viewer_is_coach=viewer_is_coach, other_name=other_name, **urls)
    thread.newest, thread.unread_mine = queries.thread_state(db, resident["id"], viewer_is_coach)
    response = make_response(
        render_template("coaching/_poll.html", thread=thread, fresh=fresh, refreshed=refreshed)
    )
    response.headers["Cache-Control"] = NO_STORE
    response.set_etag(f"t{thread.newest}.{thread.unread_mine}", weak=True)
    return response


def _empty(status, etag):
    """No body, so no Content-Type (nor the Content-Language that comes with HTML):
    a phone on prepaid data pays for every header of an idle poll."""
    response = make_response("", status)
    response.set_etag(etag, weak=True)
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers.pop("Content-Type", None)
    return response


def _before():
    """``?before=<id>`` for a page of older messages; a broken value is a 400."""
    if "before" not in request.args:
        return None
    before = request.args.get("before", type=int)
    if before is None or not queries.valid_id(before):
        abort(400)
    return before


# --- the resident's side ---------------------------------------------------------


def _my_coach_name(db):
    coach = queries.coach_of(db, queries.user_row(db, current_user.id))
    return (queries.name_of(coach) if coach else _("Your coach")), coach


def resident_thread(limit=rules.MESSAGES_PER_PAGE, before=None, form=None):
    db = get_db()
    resident = queries.user_row(db, current_user.id)
    coach_name, coach = _my_coach_name(db)
    thread = thread_for(
        resident,
        False,
        coach_name,
        resident_thread_urls(),
        limit=limit,
        before=before,
        form=form,
        writable=rules.may_write_thread(me(), rules.person(resident)),
    )
    return thread, coach


@bp.get("/messages")
@resident_required
def messages():
    # Not no-store: the service worker keeps it, so the thread reads offline (the
    # copies go at logout); the ETag ignores the form's client id (webapp.pwa).
    thread, coach = resident_thread(before=_before())
    return render_template("coaching/messages.html", thread=thread, coach=coach)


@bp.post("/messages")
@resident_required
@successes_limited("MESSAGE_LIMIT_PER_PERSON", repeat=("messages", "sender_id"))
def messages_send():
    db = get_db()
    resident = queries.user_row(db, current_user.id)
    coach_name, _coach = _my_coach_name(db)

    def page(form, status):
        thread, coach = resident_thread(form=form)
        return render_template("coaching/messages.html", thread=thread, coach=coach), status

    return _send(resident, False, coach_name, resident_thread_urls(), page, url_for("coaching.messages"))


@bp.get("/messages/poll")
@resident_required
def messages_poll():
    db = get_db()
    resident = queries.user_row(db, current_user.id)
    coach = queries.coach_of(db, resident) if resident["coach_id"] else None
    name = queries.name_of(coach) if coach else _("Your coach")
    return poll_answer(request, resident, False, name, resident_thread_urls())


# --- the coach's side --------------------------------------------------------------


def participant_thread(resident, limit=rules.MESSAGES_PER_PAGE, before=None, form=None):
    return thread_for(
        resident,
        True,
        queries.name_of(resident),
        coach_thread_urls(resident["id"]),
        limit=limit,
        before=before,
        form=form,
    )


@bp.get("/caseload/<int:resident_id>/messages")
@coach_required
@no_store
def participant_messages(resident_id):
    resident = participant_or_404(resident_id)
    thread = participant_thread(resident, before=_before())
    changes.log_access(get_db(), current_user, resident_id, "messages")
    return render_template("coaching/participant_messages.html", thread=thread, resident=resident)


@bp.post("/caseload/<int:resident_id>/messages")
@coach_required
@successes_limited("COACH_MESSAGE_LIMIT_PER_PERSON", repeat=("messages", "sender_id"))
def participant_messages_send(resident_id):
    resident = participant_or_404(resident_id)

    def page(form, status):
        thread = participant_thread(resident, form=form)
        return render_template("coaching/participant_messages.html", thread=thread, resident=resident), status

    return _send(
        resident,
        True,
        queries.name_of(resident),
        coach_thread_urls(resident_id),
        page,
        url_for("coaching.participant", resident_id=resident_id),
    )


@bp.get("/caseload/<int:resident_id>/messages/poll")
@coach_required
def participant_messages_poll(resident_id):
    resident = participant_or_404(resident_id)
    return poll_answer(request, resident, True, queries.name_of(resident), coach_thread_urls(resident_id))


# --- sending, for both ------------------------------------------------------------


def _send(resident, viewer_is_coach, other_name, urls, full_page, back_url):
    """Store the message once, then answer: htmx gets the new messages, a form a redirect."""
    form = MessageForm()
    if not form.validate_on_submit():
        return _form_again(form, resident, viewer_is_coach, other_name, urls, full_page, 422)
    db = get_db()
    try:
        message, _created = changes.post_message(
            db,
            resident["id"],
            current_user.id,
            viewer_is_coach,
            form.body.data.strip(),
            form.client_key(),
        )
    except changes.ThreadClosed:
        form.body.errors.append(_("You cannot send messages here now. Your text is still here."))
        return _form_again(form, resident, viewer_is_coach, other_name, urls, full_page, 409)
    except changes.ClientIdTaken:
        form.body.errors.append(_("This form is out of date. Please load the page again and try once more."))
        return _form_again(form, resident, viewer_is_coach, other_name, urls, full_page, 409)
    if not is_htmx():
        flash(_("Your message is sent."), "success")
        return redirect(f"{back_url}#message-{message['id']}", code=303)
    after = request.form.get("after", type=int)
    if after is None or not 0 <= after < message["id"]:
        after = message["id"] - 1
    thread = Thread(
        resident=resident,
        viewer_is_coach=viewer_is_coach,
        other_name=other_name,
        form=MessageForm(formdata=None),
        **urls,
    )
    thread.newest, thread.unread_mine = queries.thread_state(db, resident["id"], viewer_is_coach)
    fresh = queries.messages_after(db, resident["id"], after)
    response = make_response(render_template("coaching/_sent.html", thread=thread, fresh=fresh))
    response.vary.add("HX-Request")
    response.headers["Cache-Control"] = NO_STORE
    return response


def _form_again(form, resident, viewer_is_coach, other_name, urls, full_page, status):
    """The form with its message, and the text still in the box."""
    if not is_htmx():
        return full_page(form, status)
    thread = Thread(resident=resident, viewer_is_coach=viewer_is_coach, other_name=other_name, form=form, **urls)
    response = make_response(render_template("coaching/_message_form.html", thread=thread), status)
    response.headers["HX-Retarget"] = "#message-form"
    response.headers["HX-Reswap"] = "outerHTML"
    response.vary.add("HX-Request")
    return response
