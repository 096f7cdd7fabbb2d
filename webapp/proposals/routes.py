"""The pages for proposals: list, propose, one proposal, vote, comment, report;
and the daily ``close-proposals`` command."""

import click
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from webapp import labels as common_labels
from webapp.db import connect, get_db
from webapp.domain import proposals as rules
from webapp.forms import EmptyForm, new_form_token
from webapp.i18n import current_choice
from webapp.idempotency import ID_USED_ELSEWHERE
from webapp.jobs.queries import places
from webapp.limits import successes_limited
from webapp.proposals import bp, changes, labels, queries
from webapp.proposals.forms import (
    AnswerForm,
    CommentForm,
    FilterForm,
    ProposalForm,
    ReportForm,
    ResubmitForm,
    VoteForm,
    WithdrawForm,
)
from webapp.web import is_htmx, page_or_partial, safe_next

PER_PAGE = 20

# Refusals that are about who you are (403) rather than the proposal's state (409).
NOT_FOR_YOU = ("not_resident", "other_wijk", "not_verified", "own_proposal")


@bp.app_context_processor
def inject_helpers():
    return {"proposal_labels": labels, "proposal_origin": proposal_origin, "placed_on": placed_on}


def proposal_origin(job):
    """The proposal a job came from (for "proposed by residents of ..."), or None."""
    if not job["proposal_id"]:
        return None
    return queries.proposal_origin(get_db(), job["proposal_id"])


def placed_on(job_id):
    """Whether the logged-in resident has a place in this job."""
    if not current_user.is_authenticated or not current_user.is_resident:
        return False
    return queries.is_placed(get_db(), job_id, current_user.id)


def _viewer_id():
    return current_user.id if current_user.is_authenticated else None


def _role():
    return current_user.role if current_user.is_authenticated else None


def _visible(db, proposal_id):
    """The proposal if this person may see it; 404 otherwise (a draft stays secret)."""
    proposal = queries.proposal_by_id(db, proposal_id)
    if proposal is None or not rules.may_see(
        proposal["status"], proposal["opened_at"], _viewer_id(), proposal["author_id"]
    ):
        abort(404)
    return proposal


def _buurt_ids(place_list):
    return [buurt["id"] for _wijk, buurten in place_list for buurt in buurten]


def vote_box(proposal, viewer, voted, settings, now, notice_text=None, error_text=None, refusal=None):
    """What the vote box shows: the count, the days left, and the button or why not.

    ``refusal``: the vote rules' answer, when the caller already asked them.
    """
    if viewer is None:
        refusal = "anonymous"
    elif voted:
        refusal = None
    elif refusal is None:
        refusal = rules.vote_refusal(viewer, queries.ballot(proposal), now, settings["vote_limit"])
    votes_left = None
    if viewer is not None and viewer.role == "resident":
        votes_left = max(0, settings["vote_limit"] - viewer.active_votes)
    return {
        "proposal": proposal,
        "voted": voted,
        "open": proposal["status"] == "open"
        and proposal["moderation"] == "visible"
        and not rules.is_past_deadline(proposal["deadline"], now),
        "refusal": refusal,
        "days_left": rules.days_left(proposal["deadline"], now),
        "votes_left": votes_left,
        "limit": settings["vote_limit"],
        "notice_text": notice_text,
        "error_text": error_text,
    }


# --- the list ----------------------------------------------------------------


@bp.get("/proposals")
def index():
    db = get_db()
    now = queries.now_utc()
    changes.close_expired(db, now)
    place_list = places(db)
    form = FilterForm(place_list, formdata=request.args)
    settings = queries.read_settings(db)
    viewer = queries.voter(db, current_user, now, settings)
    status, items, total, page = 200, [], 0, 1
    if form.validate():
        page = form.page_number
        items, total = queries.list_page(
            db,
            first_wijk=viewer.home_wijk if viewer else None,
            page=page,
            per_page=PER_PAGE,
            **form.wants(),
        )
        if page > 1 and not items:
            status = 404
    else:
        status = 400
    voted = set()
    if viewer is not None and viewer.role == "resident":
        voted = queries.voted_among(db, viewer.user_id, [item["id"] for item in items])
    boxes = {item["id"]: vote_box(item, viewer, item["id"] in voted, settings, now) for item in items}
    mine = []
    if rules.may_propose(_role()):
        mine = queries.authored_by(db, current_user.id)
    home_wijk_name = None
    if viewer is not None and viewer.home_wijk is not None:
        home_wijk_name = queries.wijk_name(db, viewer.home_wijk)
    return page_or_partial(
        "proposals/list.html",
        "proposals/_results.html",
        status,
        form=form,
        items=items,
        boxes=boxes,
        total=total,
        page=page,
        last_page=max(1, -(-total // PER_PAGE)),
        mine=mine,
        viewer=viewer,
        settings=settings,
        home_wijk_name=home_wijk_name,
        list_texts=ListTexts(),
    )


class ListTexts:
    """The list repeats a few phrases on every card: each is translated once a request."""

    def __init__(self):
        self._found = {}
        self.voted = _("You voted")

    def _once(self, key, make):
        text = self._found.get(key)
        if text is None:
            text = self._found[key] = make()
        return text

    def status(self, code):
        return self._once(("status", code), lambda: str(labels.STATUS[code]))

    def category(self, code):
        return self._once(("category", code), lambda: str(common_labels.CATEGORY[code]))

    def written_in(self, code):
        # The detail page says the same: a card in the other language is not a surprise.
        return self._once(
            ("written_in", code),
            lambda: _("The author wrote this in %(language)s.", language=labels.LANGUAGE[code]),
        )

    def votes(self, count, threshold):
        # Without values, gettext gives the translation with its %(...)d still in it.
        pattern = self._once("votes", lambda: _("%(count)d of %(threshold)d votes"))
        return pattern % {"count": count, "threshold": threshold}

    def days(self, number):
        if number <= 1:
            return self._once("last", lambda: _("last day"))
        return self._once(("days", number), lambda: ngettext("%(num)d day left", "%(num)d days left", number))


# --- proposing ------------------------------------------------------------------


def _must_propose():
    if not rules.may_propose(current_user.role):
        abort(403)


@bp.route("/proposals/new", methods=["GET", "POST"])
@login_required
@successes_limited("PROPOSAL_LIMIT_PER_PERSON", repeat=("proposals", "author_id", "form_token"))
def new():
    _must_propose()
    db = get_db()
    place_list = places(db)
    form = ProposalForm(_buurt_ids(place_list))
    status = 200
    if request.method == "GET":
        form.form_token.data = new_form_token()
        form.lang.data = current_choice()[0]
        home = queries.home_buurt(db, current_user.id)
        if home is not None:
            form.buurt.data = str(home)
    elif form.validate_on_submit():
        proposal_id = changes.create_draft(
            db, current_user.id, form.values(), form.form_token.data, queries.now_utc()
        )
        flash(_("Your draft is saved. Check it, then publish it."), "success")
        return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)
    else:
        status = 422
    return render_template("proposals/form.html", form=form, places=place_list, proposal=None), status


@bp.route("/proposals/<int:proposal_id>/edit", methods=["GET", "POST"])
@login_required
def edit(proposal_id):
    db = get_db()
    proposal = _visible(db, proposal_id)
    if not rules.is_author(current_user.id, proposal["author_id"]):
        abort(403)
    if not rules.may_edit(proposal["status"], current_user.id, proposal["author_id"]):
        flash(_("This proposal cannot be changed any more."), "info")
        return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)
    place_list = places(db)
    form = ProposalForm(_buurt_ids(place_list))
    status = 200
    if request.method == "GET":
        form.fill_from(proposal)
        form.form_token.data = new_form_token()
    elif form.validate_on_submit():
        outcome = changes.update_draft(db, proposal_id, current_user.id, form.values(), queries.now_utc())
        if not outcome.ok:
            abort(409)
        flash(_("Your changes are saved."), "success")
        return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)
    else:
        status = 422
    similar = queries.similar_items(
        db, proposal["buurt_id"], queries.proposal_text(proposal), exclude_id=proposal_id
    )
    return render_template(
        "proposals/form.html", form=form, places=place_list, proposal=proposal, similar=similar
    ), status


def _author_step(proposal_id, step, message, form=None):
    """Publish or resubmit: the author's POST buttons on the proposal page."""
    form = form or EmptyForm()
    db = get_db()
    proposal = _visible(db, proposal_id)
    if not rules.is_author(current_user.id, proposal["author_id"]):
        abort(403)
    if not form.validate_on_submit():
        return _detail_page(db, proposal, status=422, resubmit_form=form)
    outcome = step(db, proposal)
    if outcome.code == "unknown":
        abort(404)
    if not outcome.ok:
        flash(_("This is not possible any more. The page shows where your proposal is now."), "info")
        return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)
    flash(message, "success")
    return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)


@bp.post("/proposals/<int:proposal_id>/publish")
@login_required
def publish(proposal_id):
    def step(db, proposal):
        return changes.publish(db, proposal["id"], current_user.id, queries.read_settings(db), queries.now_utc())

    return _author_step(proposal_id, step, _("Your proposal is open for votes."))


@bp.post("/proposals/<int:proposal_id>/resubmit")
@login_required
def resubmit(proposal_id):
    form = ResubmitForm()

    def step(db, proposal):
        return changes.resubmit(
            db, proposal["id"], current_user.id, (form.reason.data or "").strip(), queries.now_utc()
        )

    message = _("Sent. The municipality looks at your proposal again.")
    return _author_step(proposal_id, step, message, form)


@bp.route("/proposals/<int:proposal_id>/withdraw", methods=["GET", "POST"])
@login_required
def withdraw(proposal_id):
    db = get_db()
    proposal = _visible(db, proposal_id)
    if not rules.is_author(current_user.id, proposal["author_id"]):
        abort(403)
    if proposal["status"] == "withdrawn":
        return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)
    if not rules.may_withdraw(proposal["status"], current_user.id, proposal["author_id"]):
        flash(_("The municipality is looking at this proposal now. You cannot withdraw it."), "info")
        return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)
    form = WithdrawForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            changes.withdraw(db, proposal_id, current_user.id, (form.reason.data or "").strip(), queries.now_utc())
            flash(_("Your proposal is withdrawn."), "success")
            return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)
        status = 422
    return render_template("proposals/withdraw.html", proposal=proposal, form=form), status


# --- one proposal ---------------------------------------------------------------------


def _detail_page(db, proposal, status=200, **forms):
    context = _detail_context(db, proposal, **forms)
    return render_template("proposals/detail.html", **context), status


def _detail_context(db, proposal, vote=None, vote_notice=None, vote_error=None, now=None, **forms):
    """``vote``: the vote state a vote POST already read (see ``queries.VoteState``)."""
    now = now or queries.now_utc()
    vote = queries.complete_vote_state(db, vote or queries.VoteState(proposal), current_user, now)
    viewer_id, role = _viewer_id(), _role()
    job = None
    if proposal["job_id"]:
        job = queries.job_made(db, proposal["job_id"])
    similar = ([], [])
    if proposal["status"] == "draft":
        similar = queries.similar_items(
            db, proposal["buurt_id"], queries.proposal_text(proposal), exclude_id=proposal["id"]
        )
    comment_form = forms.get("comment_form") or CommentForm(formdata=None).written_in(proposal["lang"])
    if not comment_form.form_token.data:
        comment_form.form_token.data = new_form_token()
    return {
        "proposal": proposal,
        "box": _box(vote, now, vote_notice, vote_error),
        "events": queries.events(db, proposal["id"]),
        "comments": queries.comments(db, proposal["id"]),
        "job": job,
        "similar_proposals": similar[0],
        "similar_jobs": similar[1],
        "settings": vote.settings,
        "is_author": rules.is_author(viewer_id, proposal["author_id"]),
        "may_read": rules.may_read_content(proposal["moderation"], viewer_id, role, proposal["author_id"]),
        "may_edit": rules.may_edit(proposal["status"], viewer_id, proposal["author_id"]),
        "may_publish": rules.may_publish(proposal["status"], viewer_id, proposal["author_id"]),
        "may_withdraw": rules.may_withdraw(proposal["status"], viewer_id, proposal["author_id"]),
        "may_resubmit": rules.may_resubmit(proposal["status"], viewer_id, proposal["author_id"]),
        "may_comment": rules.may_comment(role, proposal["status"]),
        "may_answer": rules.may_answer(viewer_id, role, proposal["author_id"]),
        "may_decide": rules.may_decide(role, proposal["status"]),
        "comment_form": comment_form,
        "answer_form": forms.get("answer_form"),
        "answer_to": forms.get("answer_to"),
        "resubmit_form": forms.get("resubmit_form") or ResubmitForm(formdata=None),
        "action_form": EmptyForm(formdata=None),
        "new_token": new_form_token,
        "now": now,
    }


@bp.get("/proposals/<int:proposal_id>")
def detail(proposal_id):
    db = get_db()
    proposal = _visible(db, proposal_id)
    if changes.close_expired(db, queries.now_utc(), proposal_id):
        proposal = queries.proposal_by_id(db, proposal_id)
    return _detail_page(db, proposal)


# --- votes -----------------------------------------------------------------------------


def _refusal_text(code, proposal, limit):
    texts = {
        "not_resident": _("Only residents can vote."),
        "withdrawn": _("This proposal was withdrawn. You cannot vote on it any more."),
        "closed": _("Voting on this proposal has closed."),
        "hidden": _("This proposal is hidden for now. You can vote again when the municipality has looked at it."),
        "other_wijk": _("Only residents of %(wijk)s can vote on this proposal.", wijk=proposal["wijk_name"]),
        "not_verified": _(
            "Your vote is not counted yet. First show that you live in %(wijk)s.", wijk=proposal["wijk_name"]
        ),
        "own_proposal": _("This is your own proposal. You cannot vote for it."),
        "limit": _("You have used all %(limit)d votes. Take back a vote on another proposal first.", limit=limit),
        "no_home_buurt": _("Tell us where you live first. Then you can vote in your district."),
        "id_used_elsewhere": str(ID_USED_ELSEWHERE),
    }
    return texts[code]


def _box(vote, now, notice_text=None, error_text=None):
    return vote_box(
        vote.proposal, vote.voter, vote.voted, vote.settings, now, notice_text, error_text, vote.refusal
    )


def _vote_box_answer(db, vote, now, status, notice_text=None, error_text=None):
    """htmx gets the vote box rebuilt; a plain form post the whole proposal page."""
    if is_htmx():
        queries.complete_vote_state(db, vote, current_user, now)
        box = _box(vote, now, notice_text, error_text)
        return page_or_partial("proposals/detail.html", "proposals/_vote.html", status, box=box)
    return _detail_page(
        db, vote.proposal, status, vote=vote, vote_notice=notice_text, vote_error=error_text, now=now
    )


def _vote_answer(db, proposal_id, outcome, now, message):
    """A plain form post that worked goes back where it came from; the rest see the box."""
    if outcome.code == "unknown":
        abort(404)
    if outcome.ok:
        if is_htmx():
            return _vote_box_answer(db, outcome.vote, now, 200, notice_text=message)
        flash(message, "success")
        target = safe_next(
            request.form.get("next"),
            url_for("proposals.detail", proposal_id=proposal_id, _anchor=f"vote-{proposal_id}"),
        )
        return redirect(target, code=303)
    status = 403 if outcome.code in NOT_FOR_YOU else 409
    if outcome.code == "no_home_buurt" and not is_htmx():
        return render_template("proposals/no_home_buurt.html", proposal=outcome.proposal), 409
    vote = queries.complete_vote_state(db, outcome.vote, current_user, now)
    error = _refusal_text(outcome.code, outcome.proposal, vote.settings["vote_limit"])
    return _vote_box_answer(db, vote, now, status, error_text=error)


def _csrf_only():
    if not EmptyForm().validate_on_submit():
        abort(400)


@bp.post("/proposals/<int:proposal_id>/vote")
@login_required
def vote(proposal_id):
    db = get_db()
    now = queries.now_utc()
    form = VoteForm()  # the CSRF token is checked before the view (CSRFProtect): a 400
    if not form.validate_on_submit():
        # A broken client id (an old or tampered form): nothing is stored, 422 with the reason.
        error = " ".join(map(str, form.client_id.errors))
        return _vote_box_answer(db, queries.VoteState(_visible(db, proposal_id)), now, 422, error_text=error)
    outcome = changes.cast_vote(db, proposal_id, current_user, now, form.client_id.data or None)
    return _vote_answer(db, proposal_id, outcome, now, _("Thank you. Your vote counts."))


@bp.post("/proposals/<int:proposal_id>/unvote")
@login_required
def unvote(proposal_id):
    _csrf_only()
    db = get_db()
    now = queries.now_utc()
    outcome = changes.take_back_vote(db, proposal_id, current_user, now)
    if outcome.code == "closed":
        return _vote_box_answer(db, outcome.vote, now, 409, error_text=_("Voting has closed. Your vote stays."))
    return _vote_answer(db, proposal_id, outcome, now, _("You took back your vote."))


# --- comments and reports ---------------------------------------------------------------


@bp.post("/proposals/<int:proposal_id>/comments")
@login_required
@successes_limited("COMMENT_LIMIT_PER_PERSON", repeat=("proposal_comments", "author_id", "form_token"))
def comment(proposal_id):
    db = get_db()
    proposal = _visible(db, proposal_id)
    if not rules.may_comment(current_user.role, proposal["status"]):
        abort(409)
    answering = "answer_to" in request.form
    if answering and not rules.may_answer(current_user.id, current_user.role, proposal["author_id"]):
        abort(403)
    form = (AnswerForm() if answering else CommentForm()).written_in(proposal["lang"])
    parent = None
    if answering and form.answer_to.data and form.answer_to.data.isdigit():
        parent = queries.comment_by_id(db, proposal_id, int(form.answer_to.data))
        if parent is None or parent["parent_id"] is not None:
            abort(404)
    if not form.validate_on_submit():
        forms = (
            {"answer_form": form, "answer_to": parent["id"] if parent else None}
            if answering
            else {"comment_form": form}
        )
        return _detail_page(db, proposal, 422, **forms)
    kind = "answer" if answering else form.kind.data
    try:
        comment_id = changes.add_comment(
            db,
            proposal_id,
            current_user,
            kind,
            form.body.data.strip(),
            form.form_token.data,
            queries.now_utc(),
            parent_id=parent["id"] if parent else None,
            lang=form.lang.data,
        )
    except changes.CommentRefused:
        abort(409)
    flash(
        _("Thank you. Your answer is on the page.") if answering else _("Thank you. Your message is on the page."),
        "success",
    )
    return redirect(
        url_for("proposals.detail", proposal_id=proposal_id, _anchor=f"comment-{comment_id}"), code=303
    )


@bp.route("/proposals/<int:proposal_id>/report", methods=["GET", "POST"])
@login_required
@successes_limited("REPORT_LIMIT_PER_PERSON")
def report(proposal_id):
    db = get_db()
    proposal = _visible(db, proposal_id)
    comment_id = request.values.get("comment")
    target_kind, target_id, target = "proposal", proposal_id, None
    if comment_id is not None:
        if not comment_id.isdigit():
            abort(404)
        target = queries.comment_by_id(db, proposal_id, int(comment_id))
        if target is None or target["moderation"] == "removed":
            abort(404)
        target_kind, target_id = "comment", target["id"]
    already = queries.has_reported(db, target_kind, target_id, current_user.id)
    form = ReportForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            changes.report(db, target_kind, target_id, current_user.id, form.reason.data, queries.now_utc())
            flash(_("Thank you. The municipality will look at it."), "success")
            return redirect(url_for("proposals.detail", proposal_id=proposal_id), code=303)
        status = 422
    return render_template(
        "proposals/report.html", proposal=proposal, target=target, form=form, already=already
    ), status


# --- the daily command -------------------------------------------------------------------


@bp.cli.command("close-proposals")
def close_proposals_command():
    """Close open proposals whose deadline passed (run daily from a timer), and
    forget the phones' ids of votes that can no longer change."""
    db = connect(current_app.config["DATABASE"])
    try:
        closed = changes.close_expired(db, queries.now_utc())
        forgotten = changes.forget_settled_vote_ids(db)
    finally:
        db.close()
    click.echo(f"Closed {closed} proposal(s) whose deadline passed.")
    click.echo(f"Forgot {forgotten} client id(s) of votes that can no longer change.")
