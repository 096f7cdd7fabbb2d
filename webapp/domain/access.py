"""Who may see and do what. Plain rules, tested on their own."""

RESIDENT_PAGES = frozenset({"resident"})


def may_use_resident_pages(role):
    """Profile, interests and fit are for residents: other roles have no profile."""
    return role in RESIDENT_PAGES


def may_see_job(status, role):
    """Drafts are the municipality's work in progress; open and closed jobs are public."""
    if status == "draft":
        return role == "gemeente"
    return status in ("open", "closed")


def may_show_interest(status):
    return status == "open"


def may_read_interest(viewer_id, viewer_role, owner_id, owner_coach_id):
    """A resident reads their own interests; their own coach reads them too."""
    if viewer_id == owner_id:
        return True
    return viewer_role == "coach" and owner_coach_id == viewer_id


def may_use_gemeente_pages(role):
    """The municipality's workspace (/gemeente) is for municipality staff only."""
    return role == "gemeente"


def may_use_board_pages(role):
    """The oversight board's workspace (/toezicht) is for the board only."""
    return role == "toezicht"
