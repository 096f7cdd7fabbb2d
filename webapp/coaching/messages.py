"""Messages: one thread per resident, read by the resident and their coach of today."""

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import resident_required
from webapp.coaching import bp, queries
from webapp.coaching.forms import MessageForm
from webapp.coaching.views import (
    Thread,
    coach_required,
    coach_thread_urls,
    me,
    no_store,
    participant_or_404,
    poll_answer,
    resident_thread_urls,
    thread_for,
)
from webapp.db import get_db
from webapp.domain import coaching as rules
from webapp.web import is_htmx


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
        resident, False, coach_name, resident_thread_urls(), limit=limit, before=before,
        form=form, writable=rules.may_write_thread(me(), rules.person(resident)),
    )  # fmt: skip
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
def messages_send():
    db = get_db()
    resident = queries.user_row(db, current_user.id)
    coach_name, _coach = _my_coach_name(db)

    def page(form, status):
        thread, coach = resident_thread(form=form)
        return render_template("coaching/messages.html", thread=thread, coach=coach), status

    return _send(resident, False, coach_name, resident_thread_urls(), page,
                 url_for("coaching.messages"))  # fmt: skip


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
    return thread_for(resident, True, queries.name_of(resident),
                      coach_thread_urls(resident["id"]), limit=limit, before=before,
                      form=form)  # fmt: skip


@bp.get("/caseload/<int:resident_id>/messages")
@coach_required
def participant_messages(resident_id):
    resident = participant_or_404(resident_id)
    thread = participant_thread(resident, before=_before())
    queries.log_access(get_db(), current_user, resident_id, "messages")
    return no_store(make_response(render_template(
        "coaching/participant_messages.html", thread=thread, resident=resident)))  # fmt: skip


@bp.post("/caseload/<int:resident_id>/messages")
@coach_required
def participant_messages_send(resident_id):
    resident = participant_or_404(resident_id)

    def page(form, status):
        thread = participant_thread(resident, form=form)
        return render_template("coaching/participant_messages.html", thread=thread,
                               resident=resident), status  # fmt: skip

    return _send(resident, True, queries.name_of(resident), coach_thread_urls(resident_id), page,
                 url_for("coaching.participant", resident_id=resident_id))  # fmt: skip


@bp.get("/caseload/<int:resident_id>/messages/poll")
@coach_required
def participant_messages_poll(resident_id):
    resident = participant_or_404(resident_id)
    return poll_answer(request, resident, True, queries.name_of(resident),
                       coach_thread_urls(resident_id))  # fmt: skip


# --- sending, for both ------------------------------------------------------------


def _send(resident, viewer_is_coach, other_name, urls, full_page, back_url):
    """Store the message once, then answer: htmx gets the new messages, a form a redirect."""
    form = MessageForm()
    if not form.validate_on_submit():
        return _form_again(form, resident, viewer_is_coach, other_name, urls, full_page, 422)
    db = get_db()
    try:
        message, _created = queries.post_message(
            db, resident["id"], current_user.id, viewer_is_coach, form.body.data.strip(),
            form.client_key(),
        )  # fmt: skip
    except queries.ThreadClosed:
        form.body.errors.append(_("You cannot send messages here now. Your text is still here."))
        return _form_again(form, resident, viewer_is_coach, other_name, urls, full_page, 409)
    except queries.ClientIdTaken:
        form.body.errors.append(_("This form is out of date. Please load the page again and "
                                  "try once more."))  # fmt: skip
        return _form_again(form, resident, viewer_is_coach, other_name, urls, full_page, 409)
    if not is_htmx():
        flash(_("Your message is sent."), "success")
        return redirect(f"{back_url}#message-{message['id']}", code=303)
    after = request.form.get("after", type=int)
    if after is None or not 0 <= after < message["id"]:
        after = message["id"] - 1
    thread = Thread(resident=resident, viewer_is_coach=viewer_is_coach, other_name=other_name,
                    form=MessageForm(formdata=None), **urls)  # fmt: skip
    thread.newest, thread.unread_mine = queries.thread_state(db, resident["id"], viewer_is_coach)
    fresh = queries.messages_after(db, resident["id"], after)
    response = make_response(render_template("coaching/_sent.html", thread=thread, fresh=fresh))
    response.vary.add("HX-Request")
    return no_store(response)


def _form_again(form, resident, viewer_is_coach, other_name, urls, full_page, status):
    """The form with its message, and the text still in the box."""
    if not is_htmx():
        return full_page(form, status)
    thread = Thread(resident=resident, viewer_is_coach=viewer_is_coach, other_name=other_name,
                    form=form, **urls)  # fmt: skip
    response = make_response(render_template("coaching/_message_form.html", thread=thread), status)
    response.headers["HX-Retarget"] = "#message-form"
    response.headers["HX-Reswap"] = "outerHTML"
    response.vary.add("HX-Request")
    return response
