"""The shared plan ("onze afspraken"): goals and next steps, written together.

Coach and resident both add goals and steps and both tick steps done.
Everything in it is visible to both: there are no secret notes.
"""

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from webapp.access import resident_required
from webapp.coaching import bp, queries
from webapp.coaching.forms import GoalChangeForm, GoalForm, StepChangeForm, StepForm
from webapp.coaching.views import coach_required, me, participant_or_404, refused
from webapp.db import get_db, now_iso, one, rows, write_transaction
from webapp.domain import coaching as rules
from webapp.forms import EmptyForm


def plan_of(db, resident_id):
    """The goals, oldest first, each with its steps in the order they were written."""
    goals = [dict(row) | {"steps": []} for row in rows(
        db, "SELECT * FROM plan_goals WHERE resident_id = ? ORDER BY id", (resident_id,)
    )]  # fmt: skip
    by_id = {goal["id"]: goal for goal in goals}
    for step in rows(
        db,
        """SELECT plan_steps.* FROM plan_steps
           JOIN plan_goals ON plan_goals.id = plan_steps.goal_id
           WHERE plan_goals.resident_id = ? ORDER BY plan_steps.id""",
        (resident_id,),
    ):
        by_id[step["goal_id"]]["steps"].append(step)
    return goals


def plan_forms(goals, goal_form=None, step_forms=None, change_forms=None):
    """A form for a new goal, one for a new step under each goal, and one to change
    each goal and step, filled with what it says now (unique field ids)."""
    step_forms = dict(step_forms or {})
    change_forms = dict(change_forms or {})
    for goal in goals:
        step_forms.setdefault(goal["id"], StepForm(prefix=f"step{goal['id']}", formdata=None))
        change_forms.setdefault(f"goal-{goal['id']}", GoalChangeForm(
            prefix=f"goal{goal['id']}change", formdata=None, title=goal["title"]))  # fmt: skip
        for step in goal["steps"]:
            due = date.fromisoformat(step["due_date"]) if step["due_date"] else None
            change_forms.setdefault(f"step-{step['id']}", StepChangeForm(
                prefix=f"step{step['id']}change", formdata=None, text=step["text"], due=due))  # fmt: skip
    return {"goal_form": goal_form or GoalForm(prefix="goal", formdata=None),
            "step_forms": step_forms, "change_forms": change_forms}  # fmt: skip


def _back(resident_id, anchor="plan"):
    if current_user.role == "coach":
        return url_for("coaching.participant", resident_id=resident_id, _anchor=anchor)
    return url_for("coaching.plan", _anchor=anchor)


def _still_allowed(db, resident_id):
    """Read the resident again inside the write: a reassignment counts at once."""
    row = one(db, "SELECT id, role, coach_id FROM users WHERE id = ?", (resident_id,))
    if row is None or not rules.may_write_plan(me(), rules.person(row)):
        abort(404)


# --- pages -----------------------------------------------------------------------------


@bp.get("/plan")
@resident_required
def plan():
    goals = plan_of(get_db(), current_user.id)
    return render_template("coaching/plan.html", goals=goals, **plan_forms(goals))


def _plan_page_again(resident, goal_form=None, step_forms=None, change_forms=None):
    """The page the form came from, with its messages, as a 422."""
    goals = plan_of(get_db(), resident["id"])
    forms = plan_forms(goals, goal_form, step_forms, change_forms)
    if current_user.role == "coach":
        from webapp.coaching.caseload import participant_page

        return participant_page(resident, status=422, **forms)
    return render_template("coaching/plan.html", goals=goals, **forms), 422


# --- goals -------------------------------------------------------------------------------


def _write_once(db, table, resident_id, key, row):
    """Add a goal or step once per client id: a double tap or a retry gets the first one's id."""
    with write_transaction(db):
        earlier = key and one(db, f"SELECT id FROM {table} WHERE written_by = ? AND client_id = ?",  # noqa: S608
                              (current_user.id, key))  # fmt: skip
        if earlier:
            return earlier["id"]
        _still_allowed(db, resident_id)
        row = {**row, "written_by": current_user.id, "by_coach": int(current_user.role == "coach"),
               "client_id": key, "created_at": now_iso()}  # fmt: skip
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        return db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())).lastrowid  # noqa: S608


def _add_goal(resident):
    form = GoalForm(prefix="goal")
    if not form.validate_on_submit():
        return _plan_page_again(resident, goal_form=form)
    db = get_db()
    goal_id = _write_once(db, "plan_goals", resident["id"], form.client_key(),
                          {"resident_id": resident["id"], "title": form.title.data.strip()})  # fmt: skip
    flash(_("The goal is in the plan."), "success")
    return redirect(_back(resident["id"], f"goal-{goal_id}"), code=303)


@bp.post("/plan/goals")
@resident_required
def plan_goal_add():
    return _add_goal(queries.user_row(get_db(), current_user.id))


@bp.post("/caseload/<int:resident_id>/plan/goals")
@coach_required
def participant_goal_add(resident_id):
    return _add_goal(participant_or_404(resident_id))


def _goal_or_404(goal_id):
    db = get_db()
    if not queries.valid_id(goal_id):
        abort(404)
    goal = one(db, "SELECT * FROM plan_goals WHERE id = ?", (goal_id,))
    if goal is None:
        abort(404)
    resident = queries.user_row(db, goal["resident_id"])
    if resident is None or not rules.may_write_plan(me(), rules.person(resident)):
        abort(404)
    return goal, resident


@bp.post("/plan/goals/<int:goal_id>/delete")
@login_required
def plan_goal_delete(goal_id):
    goal, resident = _goal_or_404(goal_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_db()
    with write_transaction(db):
        _still_allowed(db, resident["id"])
        # A goal goes only when its steps are gone: one tap never wipes out
        # what two people wrote together.
        removed = db.execute(
            """DELETE FROM plan_goals WHERE id = ?
               AND NOT EXISTS (SELECT 1 FROM plan_steps WHERE goal_id = ?)""",
            (goal_id, goal_id),
        ).rowcount
    if not removed:
        return refused(_("This goal still has steps. Remove the steps first."),
                       _back(resident["id"], f"goal-{goal_id}"))  # fmt: skip
    flash(_("The goal is removed from the plan."), "success")
    return redirect(_back(resident["id"]), code=303)


def _change(db, table, row_id, resident_id, values):
    """Reword a goal or step; the same change sent twice is one change."""
    with write_transaction(db):
        _still_allowed(db, resident_id)
        current = one(db, f"SELECT * FROM {table} WHERE id = ?", (row_id,))  # noqa: S608 - fixed names
        if current is None:
            abort(404)
        if all(current[name] == value for name, value in values.items()):
            return
        values = {**values, "changed_at": now_iso(), "changed_by_coach": int(current_user.role == "coach")}
        assignments = ", ".join(f"{name} = ?" for name in values)
        db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*values.values(), row_id))  # noqa: S608


@bp.post("/plan/goals/<int:goal_id>/change")
@login_required
def plan_goal_change(goal_id):
    goal, resident = _goal_or_404(goal_id)
    form = GoalChangeForm(prefix=f"goal{goal_id}change")
    if not form.validate_on_submit():
        return _plan_page_again(resident, change_forms={f"goal-{goal_id}": form})
    _change(get_db(), "plan_goals", goal_id, resident["id"], {"title": form.title.data.strip()})
    flash(_("The change is saved."), "success")
    return redirect(_back(resident["id"], f"goal-{goal_id}"), code=303)


# --- steps ---------------------------------------------------------------------------------


@bp.post("/plan/goals/<int:goal_id>/steps")
@login_required
def plan_step_add(goal_id):
    goal, resident = _goal_or_404(goal_id)
    form = StepForm(prefix=f"step{goal_id}")
    if not form.validate_on_submit():
        return _plan_page_again(resident, step_forms={goal_id: form})
    db = get_db()
    step_id = _write_once(db, "plan_steps", resident["id"], form.client_key(), {
        "goal_id": goal_id, "text": form.text.data.strip(),
        "due_date": form.due.data.isoformat() if form.due.data else None,
    })  # fmt: skip
    flash(_("The step is in the plan."), "success")
    return redirect(_back(resident["id"], f"step-{step_id}"), code=303)


def _step_or_404(step_id):
    db = get_db()
    if not queries.valid_id(step_id):
        abort(404)
    step = one(db, "SELECT * FROM plan_steps WHERE id = ?", (step_id,))
    if step is None:
        abort(404)
    goal, resident = _goal_or_404(step["goal_id"])
    return step, resident


@bp.post("/plan/steps/<int:step_id>/done")
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
    db = get_db()
    with write_transaction(db):
        _still_allowed(db, resident["id"])
        if done:
            db.execute(
                """UPDATE plan_steps SET done_at = ?, done_by_coach = ?
                   WHERE id = ? AND done_at IS NULL""",
                (now_iso(), int(current_user.role == "coach"), step_id),
            )
        else:
            db.execute("UPDATE plan_steps SET done_at = NULL, done_by_coach = NULL WHERE id = ?",
                       (step_id,))  # fmt: skip
    flash(_("Well done. The step is ticked off.") if done else _("The step is open again."),
          "success")  # fmt: skip
    return redirect(_back(resident["id"], f"step-{step_id}"), code=303)


@bp.post("/plan/steps/<int:step_id>/change")
@login_required
def plan_step_change(step_id):
    step, resident = _step_or_404(step_id)
    form = StepChangeForm(prefix=f"step{step_id}change")
    if not form.validate_on_submit():
        return _plan_page_again(resident, change_forms={f"step-{step_id}": form})
    _change(get_db(), "plan_steps", step_id, resident["id"], {
        "text": form.text.data.strip(), "due_date": form.due.data.isoformat() if form.due.data else None,
    })  # fmt: skip
    flash(_("The change is saved."), "success")
    return redirect(_back(resident["id"], f"step-{step_id}"), code=303)


@bp.post("/plan/steps/<int:step_id>/delete")
@login_required
def plan_step_delete(step_id):
    step, resident = _step_or_404(step_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    db = get_db()
    with write_transaction(db):
        _still_allowed(db, resident["id"])
        db.execute("DELETE FROM plan_steps WHERE id = ?", (step_id,))
    flash(_("The step is removed from the plan."), "success")
    return redirect(_back(resident["id"], f"goal-{step['goal_id']}"), code=303)

