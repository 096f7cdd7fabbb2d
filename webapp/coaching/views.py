"""What every coaching page needs: who is asking, about whom, and the thread."""

from dataclasses import dataclass, field
from functools import cached_property, wraps

from flask import abort, make_response, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from webapp.coaching import queries
from webapp.coaching.forms import MessageForm
from webapp.db import get_db
from webapp.domain import coaching as rules


def me():
    return rules.person(current_user)


def coach_required(view):
    """Coaches only: anybody else logged in gets 403 (the page is not for them)."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not rules.may_see_caseload(current_user.role):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def participant_or_404(resident_id):
    """The logged-in coach's participant; 404 for anyone else's, so ids reveal nothing."""
    row = queries.user_row(get_db(), resident_id)
    if row is None or not rules.may_open_participant(me(), rules.person(row)):
        abort(404)
    return row


def refused(text, back, status=409):
    """Nothing changed, and why, with the way back."""
    return render_template("coaching/refused.html", text=text, back=back), status


def no_store(response):
    response.headers["Cache-Control"] = "private, no-store"
    return response


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
        return {"you": _("You"), "read": _("Read"), "unread": _("Not read yet")}


def thread_for(resident, viewer_is_coach, other_name, urls, limit=rules.MESSAGES_PER_PAGE,
               before=None, form=None, writable=True):  # fmt: skip
    db = get_db()
    thread = Thread(resident=resident, viewer_is_coach=viewer_is_coach, other_name=other_name,
                    writable=writable, before=before, **urls)  # fmt: skip
    if thread.live:
        queries.mark_read(db, resident["id"], viewer_is_coach, current_user.id)
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
    304 to a conditional request, 204 otherwise, a few hundred bytes either
    way. Changed: the new messages to append, fresh "read" marks on my own,
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
        queries.mark_read(db, resident["id"], viewer_is_coach, current_user.id)
        fresh = queries.messages_after(db, resident["id"], min(after, newest))
    refreshed = []
    if unread_mine != unread and unread:
        refreshed = queries.own_recent(db, resident["id"], viewer_is_coach, after, unread)
    thread = Thread(resident=resident, viewer_is_coach=viewer_is_coach, other_name=other_name,
                    **urls)  # fmt: skip
    thread.newest, thread.unread_mine = queries.thread_state(db, resident["id"], viewer_is_coach)
    response = make_response(
        render_template("coaching/_poll.html", thread=thread, fresh=fresh, refreshed=refreshed)
    )
    response.headers["Cache-Control"] = "private, no-store"
    response.set_etag(f"t{thread.newest}.{thread.unread_mine}", weak=True)
    return response


def _empty(status, etag):
    response = make_response("", status)
    response.set_etag(etag, weak=True)
    response.headers["Cache-Control"] = "private, no-cache"
    return response
