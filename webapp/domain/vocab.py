"""The fixed lists a resident chooses from, by code.

Codes are stored in the database and never shown; the web layer turns each
code into a translated label (see ``webapp.labels``). Each entry carries the
name of its icon in ``static/icons.svg``.
"""

from collections import OrderedDict

# Kinds of basisbaan work, in the order the brief lists what people value.
CATEGORIES = OrderedDict(
    [
        ("elderly", "i-elderly"),  # activities with lonely older people
        ("carehome", "i-carehome"),  # living-room assistant in a care home
        ("computer", "i-computer"),  # computer lessons
        ("newcomers", "i-newcomers"),  # help for newcomers
        ("caretaker", "i-caretaker"),  # buurtconciërge
        ("school", "i-school"),  # classroom assistant
        ("handyman", "i-handyman"),  # klussendienst
        ("errands", "i-errands"),  # boodschappendienst
        ("green", "i-green"),  # green and sustainability work
        ("watch", "i-watch"),  # eyes and ears of the street
        ("mobility", "i-mobility"),  # mobility help
    ]
)

SKILLS = OrderedDict(
    [
        ("talk_elderly", "i-talk"),
        ("listening", "i-listen"),
        ("cooking", "i-cooking"),
        ("cleaning", "i-cleaning"),
        ("fixing", "i-fixing"),
        ("gardening", "i-gardening"),
        ("computers", "i-computer"),
        ("children", "i-children"),
        ("driving", "i-driving"),
        ("cycling", "i-cycling"),
        ("organising", "i-organising"),
        ("crafts", "i-crafts"),
        ("games", "i-games"),
    ]
)

LANGUAGES = OrderedDict(
    [
        ("nl", "i-language"),
        ("en", "i-language"),
        ("ar", "i-language"),
        ("tr", "i-language"),
        ("pl", "i-language"),
        ("uk", "i-language"),
        ("ti", "i-language"),
        ("so", "i-language"),
        ("pap", "i-language"),
        ("fr", "i-language"),
    ]
)

# Things a resident may not be able to do; jobs list the same codes as what
# the work asks, so matching can say plainly why a job does not fit.
LIMITS = OrderedDict(
    [
        ("heavy_lifting", "i-lifting"),
        ("standing_long", "i-standing"),
        ("walking_stairs", "i-stairs"),
        ("outdoors", "i-outdoors"),
        ("early", "i-early"),
        ("evening", "i-evening"),
    ]
)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKEND = frozenset({"sat", "sun"})

# How many hours a week someone can work at most.
HOURS_CHOICES = (8, 12, 16, 20, 24, 32, 36)

# How far someone can travel: only their own buurt, their wijk, or the town.
TRAVEL = OrderedDict(
    [
        ("buurt", "i-home"),
        ("wijk", "i-walk"),
        ("town", "i-bus"),
    ]
)

ROLES = ("resident", "buurtgroep", "coach", "gemeente", "toezicht")


def split_codes(text):
    """Turn a stored comma list into a tuple of codes ('' gives ())."""
    return tuple(code for code in (text or "").split(",") if code)


def join_codes(codes, allowed):
    """Store known codes as a comma list, in the order of ``allowed``."""
    chosen = set(codes)
    return ",".join(code for code in allowed if code in chosen)
