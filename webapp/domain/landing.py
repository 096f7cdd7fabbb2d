"""Where a person starts after logging in: each role on its own first page.

Plain rule without Flask: it names a place (a Flask endpoint) and the login
view turns it into an address. A safe ``next`` on the login still wins; that
is the view's business, not this rule's.
"""

# The place each staff role works from. A role missing here is a resident.
STAFF_START = {
    "coach": "coaching.dashboard",  # the caseload: who needs the coach now
    "gemeente": "gemeente.overview",  # the municipality's workspace
    "buurtgroep": "proposals.index",  # the proposals, the group's own first
    "toezicht": "oversight.workspace",  # the board: jobs waiting for its advice
}


def start_page(role, profile_is_empty=False):
    """The endpoint a person of ``role`` lands on after logging in.

    A resident who has answered nothing yet starts with the first questions,
    else with the jobs; a role we do not know gets the jobs too (the page
    everyone may see), never a staff page.
    """
    if role in STAFF_START:
        return STAFF_START[role]
    if role == "resident" and profile_is_empty:
        return "profile.start"
    return "jobs.index"
