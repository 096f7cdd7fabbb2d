"""Caseloads for the municipality: move a participant to another coach.

The municipality sees names, usernames and who coaches whom, never a thread,
a plan or a profile. Reassigning changes ``users.coach_id``; every coaching
check reads it per request, so the old coach loses access at once.
"""

from functools import wraps

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from webapp.db import get_db, now_iso, one, rows, write_transaction
from webapp.domain import coaching as rules
from webapp.forms import CONTROL_CHARACTERS
from webapp.gemeente import bp
from webapp.notifications import notify

SHOWN = 20
SEARCH_MAX = 60


def municipality_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not rules.may_reassign(current_user.role):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def _like(text):
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


RESIDENT_COLUMNS = """residents.id, residents.username, residents.display_name,
                      residents.coach_id, coaches.display_name AS coach_name,
                      coaches.username AS coach_username"""


def coaches(db):
    """Every coach with the size of their caseload, smallest first (to spread the work)."""
    return rows(
        db,
        """SELECT coaches.id, coaches.username, coaches.display_name,
                  (SELECT COUNT(*) FROM users AS r
                   WHERE r.coach_id = coaches.id AND r.role = 'resident') AS caseload
           FROM users AS coaches WHERE coaches.role = 'coach'
           ORDER BY caseload, coaches.display_name, coaches.username""",
    )


@bp.get("/caseloads")
@municipality_required
def caseloads():
    db = get_db()
    search = request.args.get("q", "")
    status, error = 200, None
    if len(search) > SEARCH_MAX or CONTROL_CHARACTERS.search(search):
        search, status = "", 400
        error = _("Type a shorter name, with letters only.")
    search = search.strip()
    found = []
    if search:
        found = rows(
            db,
            f"""SELECT {RESIDENT_COLUMNS} FROM users AS residents
                LEFT JOIN users AS coaches ON coaches.id = residents.coach_id
                WHERE residents.role = 'resident'
                AND (residents.display_name LIKE ? ESCAPE '\\'
                     OR residents.username LIKE ? ESCAPE '\\')
                ORDER BY residents.display_name, residents.username LIMIT ?""",  # noqa: S608
            (_like(search), _like(search), SHOWN),
        )
    without = rows(
        db,
        f"""SELECT {RESIDENT_COLUMNS} FROM users AS residents
            LEFT JOIN users AS coaches ON coaches.id = residents.coach_id
            WHERE residents.role = 'resident' AND residents.coach_id IS NULL
            ORDER BY residents.created_at DESC LIMIT ?""",  # noqa: S608
        (SHOWN,),
    )
    totals = one(
        db,
        """SELECT (SELECT COUNT(*) FROM users WHERE role = 'coach') AS coaches,
                  (SELECT COUNT(*) FROM users WHERE role = 'resident'
                   AND coach_id IS NOT NULL) AS coached,
                  (SELECT COUNT(*) FROM users WHERE role = 'resident'
                   AND coach_id IS NULL) AS without""",
    )
    return render_template(
        "gemeente/caseloads.html", search=search, found=found, without=without, totals=totals,
        error=error, shown=SHOWN,
    ), status  # fmt: skip


def _resident_or_404(db, resident_id):
    if not 0 < resident_id <= 2**63 - 1:
        abort(404)
    row = one(
        db,
        f"""SELECT {RESIDENT_COLUMNS}, residents.role FROM users AS residents
            LEFT JOIN users AS coaches ON coaches.id = residents.coach_id
            WHERE residents.id = ?""",  # noqa: S608
        (resident_id,),
    )
    if row is None or row["role"] != "resident":
        abort(404)
    return row


@bp.route("/caseloads/<int:resident_id>", methods=["GET", "POST"])
@municipality_required
def caseload_change(resident_id):
    from webapp.coaching.forms import ReassignForm

    db = get_db()
    resident = _resident_or_404(db, resident_id)
    everyone = coaches(db)
    labelled = [
        {"id": row["id"], "label": _("%(name)s (%(num)d participants)",
                                     name=row["display_name"] or row["username"],
                                     num=row["caseload"])}
        for row in everyone
    ]  # fmt: skip
    form = ReassignForm(labelled)
    if request.method == "GET" and resident["coach_id"]:
        form.coach.data = str(resident["coach_id"])
    if form.validate_on_submit():
        new_coach = int(form.coach.data)
        moved = reassign(db, resident_id, new_coach, current_user.id)
        name = resident["display_name"] or resident["username"]
        coach = next(row for row in everyone if row["id"] == new_coach)
        coach_name = coach["display_name"] or coach["username"]
        if moved:
            flash(_("%(name)s is now in the caseload of %(coach)s.", name=name, coach=coach_name),
                  "success")  # fmt: skip
        else:
            flash(_("%(name)s was already in the caseload of %(coach)s.", name=name,
                    coach=coach_name), "info")  # fmt: skip
        return redirect(url_for("gemeente.caseloads", q=resident["username"]), code=303)
    return render_template("gemeente/caseload_change.html", resident=resident, form=form), (
        422 if form.errors else 200
    )


def reassign(db, resident_id, coach_id, by):
    """Give ``resident_id`` to ``coach_id``; False when that was already so.

    One write transaction: the coach of record, the history and both
    notifications change together, or not at all.
    """
    with write_transaction(db):
        resident = one(db, "SELECT id, role, coach_id FROM users WHERE id = ?", (resident_id,))
        coach = one(db, "SELECT id, role, coach_id FROM users WHERE id = ?", (coach_id,))
        if resident is None or coach is None:
            abort(404)
        if not rules.may_become_coach_of(rules.person(coach), rules.person(resident)):
            abort(400)
        if resident["coach_id"] == coach_id:
            return False
        db.execute("UPDATE users SET coach_id = ? WHERE id = ?", (coach_id, resident_id))
        db.execute(
            """INSERT INTO coach_changes (resident_id, old_coach_id, new_coach_id, changed_by, at)
               VALUES (?, ?, ?, ?, ?)""",
            (resident_id, resident["coach_id"], coach_id, by, now_iso()),
        )
        # The old coach's unread notices about this participant lead nowhere now.
        if resident["coach_id"]:
            db.execute(
                """UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL
                   AND (link = ? OR link LIKE ?)""",
                (now_iso(), resident["coach_id"], f"/caseload/{resident_id}",
                 f"/caseload/{resident_id}#%"),
            )  # fmt: skip
        notify(db, [resident_id], "coach_changed", "/coach")
        notify(db, [coach_id], "caseload_added", f"/caseload/{resident_id}")
    return True
