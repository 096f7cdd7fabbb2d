"""The shared plan ("onze afspraken"): goals and next steps, written together.

Coach and resident both add goals and steps and both tick steps done.
Everything in it is visible to both: there are no secret notes. A form
with a mistake shows the page it came from again: the resident's plan, or
the coach's page about the participant.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from webapp.access import coach_required, resident_required
from webapp.coaching import bp, changes, queries
from webapp.coaching.forms import GoalChangeForm, GoalForm, StepChangeForm, StepForm, plan_forms
from webapp.coaching.routes.shared import (
    ShowParticipantAgain,
    found_or_404,
    me,
    participant_or_404,
    refused,
)
from webapp.db import get_db
from webapp.domain import coaching as rules
from webapp.forms import EmptyForm
from webapp.limits import successes_limited
from webapp.web import form_lives_on


def _back(resident_id, anchor="plan"):
    if current_user.role == "coach":
        return url_for("coaching.participant", resident_id=resident_id, _anchor=anchor)
    return url_for("coaching.plan", _anchor=anchor)


def _due(form):
    return form.due.data.isoformat() if form.due.data else None


# --- pages -----------------------------------------------------------------------------


@bp.get("/plan")
@resident_required
def plan():
    goals = queries.plan_of(get_db(), current_user.id)
    return render_template("coaching/plan.html", goals=goals, **plan_forms(goals))


def _plan_page_again(resident, goal_form=None, step_forms=None, change_forms=None):
    """The page the form came from, with its messages, as a 422."""
    goals = queries.plan_of(get_db(), resident["id"])
    forms = plan_forms(goals, goal_form, step_forms, change_forms)
    if current_user.role == "coach":
        raise ShowParticipantAgain(resident, **forms)
    return render_template("coaching/plan.html", goals=goals, **forms), 422


# --- goals -------------------------------------------------------------------------------


def _add_goal(resident):
    form = GoalForm(prefix="goal")
    if not form.validate_on_submit():
        return _plan_page_again(resident, goal_form=form)
    with found_or_404():
        goal_id = changes.add_goal(get_db(), me(), resident["id"], form.title.data.strip(), form.client_key())
    flash(_("The goal is in the plan."), "success")
    return redirect(_back(resident["id"], f"goal-{goal_id}"), code=303)


@bp.post("/plan/goals")
@resident_required
@successes_limited("PLAN_LIMIT_PER_PERSON", repeat=("plan_goals", "written_by"))
def plan_goal_add():
    return _add_goal(queries.user_row(get_db(), current_user.id))


@bp.post("/caseload/<int:resident_id>/plan/goals")
@coach_required
@successes_limited("PLAN_LIMIT_PER_PERSON", repeat=("plan_goals", "written_by"))
def participant_goal_add(resident_id):
    return _add_goal(participant_or_404(resident_id))


def _goal_on_page(goal_id):
    _goal, resident = _goal_or_404(goal_id)
    return _back(resident["id"], f"goal-{goal_id}")


def _step_on_page(step_id):
    _step, resident = _step_or_404(step_id)
    return _back(resident["id"], f"step-{step_id}")


def _goal_or_404(goal_id):
    db = get_db()
    goal = queries.plan_goal(db, goal_id)
    if goal is None:
        abort(404)
    resident = queries.user_row(db, goal["resident_id"])
    if resident is None or not rules.may_write_plan(me(), rules.person(resident)):
        abort(404)
    return goal, resident


@bp.post("/plan/goals/<int:goal_id>/delete")
@form_lives_on(_goal_on_page)
@login_required
def plan_goal_delete(goal_id):
    goal, resident = _goal_or_404(goal_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    with found_or_404():
        removed = changes.remove_goal(get_db(), me(), goal_id, resident["id"])
    if not removed:
        return refused(
            _("This goal still has steps. Remove the steps first."), _back(resident["id"], f"goal-{goal_id}")
        )
    flash(_("The goal is removed from the plan."), "success")
    return redirect(_back(resident["id"]), code=303)


@bp.post("/plan/goals/<int:goal_id>/change")
@form_lives_on(_goal_on_page)
@login_required
def plan_goal_change(goal_id):
    goal, resident = _goal_or_404(goal_id)
    form = GoalChangeForm(prefix=f"goal{goal_id}change")
    if not form.validate_on_submit():
        return _plan_page_again(resident, change_forms={f"goal-{goal_id}": form})
    with found_or_404():
        changes.change_goal(get_db(), me(), goal_id, resident["id"], form.title.data.strip())
    flash(_("The change is saved."), "success")
    return redirect(_back(resident["id"], f"goal-{goal_id}"), code=303)


# --- steps ---------------------------------------------------------------------------------


@bp.post("/plan/goals/<int:goal_id>/steps")
@form_lives_on(_goal_on_page)
@login_required
@successes_limited("PLAN_LIMIT_PER_PERSON", repeat=("plan_steps", "written_by"))
def plan_step_add(goal_id):
    goal, resident = _goal_or_404(goal_id)
    form = StepForm(prefix=f"step{goal_id}")
    if not form.validate_on_submit():
        return _plan_page_again(resident, step_forms={goal_id: form})
    with found_or_404():
        step_id = changes.add_step(
            get_db(), me(), resident["id"], goal_id, form.text.data.strip(), _due(form), form.client_key()
        )
    flash(_("The step is in the plan."), "success")
    return redirect(_back(resident["id"], f"step-{step_id}"), code=303)


def _step_or_404(step_id):
    step = queries.plan_step(get_db(), step_id)
    if step is None:
        abort(404)
    goal, resident = _goal_or_404(step["goal_id"])
    return step, resident


@bp.post("/plan/steps/<int:step_id>/done")
@form_lives_on(_step_on_page)
@login_required
def plan_step_done(step_id):
    """Tick a step done (done=1) or not done (done=0): the same answer twice is one change."""
    step, resident = _step_or_404(step_id)
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    done = {"1": True, "0": False}.get(request.form.get("done"))
    if done is None:
        abort(400)
    with found_or_404():
        changes.tick_step(get_db(), me(), step_id, resident["id"], done)
    flash(_("Well done. The step is ticked off.") if done else _("The step is open again."), "success")
    return redirect(_back(resident["id"], f"step-{step_id}"), code=303)


@bp.post("/plan/steps/<int:step_id>/change")
@form_lives_on(_step_on_page)
@login_required
def plan_step_change(step_id):
    step, resident = _step_or_404(step_id)
    form = StepChangeForm(prefix=f"step{step_id}change")
    if not form.validate_on_submit():
        return _plan_page_again(resident, change_forms={f"step-{step_id}": form})
    with found_or_404():
        changes.change_step(get_db(), me(), step_id, resident["id"], form.text.data.strip(), _due(form))
    flash(_("The change is saved."), "success")
    return redirect(_back(resident["id"], f"step-{step_id}"), code=303)


@bp.post("/plan/steps/<int:step_id>/delete")
@form_lives_on(_step_on_page)
@login_required
def plan_step_delete(step_id):
    step, resident = _step_or_404(step_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    with found_or_404():
        changes.remove_step(get_db(), me(), step_id, resident["id"])
    flash(_("The step is removed from the plan."), "success")
    return redirect(_back(resident["id"], f"goal-{step['goal_id']}"), code=303)
