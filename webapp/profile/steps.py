"""The profile questions, one per screen, in the order a resident sees them."""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from webapp import labels
from webapp.domain import vocab


@dataclass(frozen=True)
class Step:
    key: str
    column: str
    many: bool  # checkboxes (many answers) or radio buttons (one answer)
    question: object
    hint: object
    icon: str
    # How the answer reads when a resident saves this step with nothing
    # chosen; None where choosing nothing is no answer (then it is an error).
    nothing: object = None


STEPS = (
    Step(
        "buurt",
        "home_buurt_id",
        False,
        _l("Where do you live?"),
        _l("Choose the neighbourhood you live in."),
        "i-home",
    ),
    Step(
        "work",
        "categories",
        True,
        _l("What kind of work do you like?"),
        _l("Choose as many as you like."),
        "i-job",
    ),
    Step(
        "hours",
        "hours_max",
        False,
        _l("How many hours a week can you work?"),
        _l("Choose the most you can do. Fewer hours is fine too."),
        "i-clock",
    ),
    Step(
        "days", "days", True, _l("Which days can you work?"), _l("Choose every day that suits you."), "i-calendar"
    ),
    Step(
        "travel",
        "travel",
        False,
        _l("How far can you travel to work?"),
        _l("Think of walking, cycling or the bus."),
        "i-bus",
    ),
    Step(
        "limits",
        "limits",
        True,
        _l("Is there something you cannot do?"),
        _l("Choose what is hard for you. Then we do not show you that work first."),
        "i-info",
        nothing=_l("Nothing: I can do all of this"),
    ),
    Step(
        "skills",
        "skills",
        True,
        _l("What are you good at?"),
        _l("Choose what fits you. Things you do at home count too."),
        "i-star",
    ),
    Step(
        "languages",
        "languages",
        True,
        _l("Which languages do you speak?"),
        _l("Some jobs need someone who speaks another language too."),
        "i-language",
    ),
)

BY_KEY = {step.key: step for step in STEPS}

# The four questions that weigh most in the ranking, asked together on the
# first screen; the list of jobs comes right after them.
FIRST_STEPS = STEPS[:4]


def options(step, places=()):
    """(value, label, icon) for each answer a step offers."""
    if step.key == "buurt":
        return [(str(b["id"]), b["name"], "i-pin") for _w, buurten in places for b in buurten]
    if step.key == "hours":
        return [(str(h), _l("At most %(num)d hours a week", num=h), "i-clock") for h in vocab.HOURS_CHOICES]
    table, codes, icon_of = {
        "work": (labels.CATEGORY, vocab.CATEGORIES, vocab.CATEGORIES.get),
        "days": (labels.DAY, vocab.DAYS, lambda _c: "i-calendar"),
        "travel": (labels.TRAVEL, vocab.TRAVEL, vocab.TRAVEL.get),
        "limits": (labels.LIMIT, vocab.LIMITS, vocab.LIMITS.get),
        "skills": (labels.SKILL, vocab.SKILLS, vocab.SKILLS.get),
        "languages": (labels.LANGUAGE, vocab.LANGUAGES, vocab.LANGUAGES.get),
    }[step.key]
    return [(code, table[code], icon_of(code)) for code in codes]


def problem(step, chosen):
    """What is wrong with the answers chosen for ``step``, or None."""
    if len(chosen) > 50:
        return _("Choose one of the options in the list.")
    if not step.many and len(chosen) != 1:
        return _("Choose one answer, or skip this question.")
    if step.many and not chosen and step.nothing is None:
        return _("Choose at least one answer, or skip this question.")
    return None


def first_answer(step, chosen, options):
    """(value to store, error) for one of the first questions, asked together.

    There a question left open is skipped, never an error: nothing chosen
    stores "not answered" (None, or '' for a list).
    """
    if not chosen:
        return ("" if step.many else None), None
    error = problem(step, chosen)
    if error:
        return None, error
    value = stored_value(step, {"options": options, "chosen": chosen})
    if value is None:
        return None, _("Choose one of the options in the list.")
    return value, None


def neighbours(step):
    index = STEPS.index(step)
    before = STEPS[index - 1] if index else None
    after = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return index + 1, before, after


def stored_value(step, answers):
    """What to store for the chosen answers, or None if one isn't allowed."""
    allowed = [value for value, _label, _icon in answers["options"]]
    chosen = answers["chosen"]
    if any(value not in allowed for value in chosen):
        return None
    if step.many:
        return vocab.join_codes(chosen, allowed)
    if len(chosen) != 1:
        return None
    value = chosen[0]
    return int(value) if step.key in ("buurt", "hours") else value


def chose_nothing(step, row):
    """Did the resident save ``step`` with nothing chosen (an answer where that means something)?"""
    return (
        step.nothing is not None
        and row is not None
        and row[step.column] in (None, "")
        and step.key in vocab.split_codes(row["nothing_chosen"])
    )


def is_answered(step, row):
    """Answered: something chosen, or nothing chosen where that is an answer. Skipped is not."""
    return row is not None and (row[step.column] not in (None, "") or chose_nothing(step, row))


def unanswered(row):
    """The steps still open, in the order a resident sees them."""
    return [step for step in STEPS if not is_answered(step, row)]


def current_answers(step, row):
    """The stored answer as a list of option values, for pre-filling a step."""
    if row is None or row[step.column] in (None, ""):
        return []
    value = row[step.column]
    return list(vocab.split_codes(value)) if step.many else [str(value)]


def answer_text(step, row):
    """A resident's answer to one step in words, or None when not answered."""
    if chose_nothing(step, row):
        return str(step.nothing)
    if row is None or row[step.column] in (None, ""):
        return None
    value = row[step.column]
    if step.key == "buurt":
        return f"{row['buurt_name']} ({row['wijk_name']})"
    if step.key == "hours":
        return _("At most %(num)d hours a week", num=value)
    if step.key == "days":
        return labels.day_names(vocab.split_codes(value), start_of_sentence=True)
    table = {
        "work": labels.CATEGORY,
        "days": labels.DAY,
        "travel": labels.TRAVEL,
        "limits": labels.LIMIT,
        "skills": labels.SKILL,
        "languages": labels.LANGUAGE,
    }[step.key]
    return labels.names(table, vocab.split_codes(value) if step.many else (value,))
