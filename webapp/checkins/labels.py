"""Words for the check-in: each question and its five answers, from the saddest
face (1) to the happiest (5)."""

from flask_babel import lazy_gettext as _l

QUESTION = {
    "health": _l("How healthy do you feel?"),
    "contact": _l("How often do you see other people?"),
    "useful": _l("Does your week feel useful?"),
    "money": _l("How much do you worry about money?"),
    "happy": _l("How happy are you?"),
}

# Short names for the columns of a table.
SHORT = {
    "health": _l("Health"),
    "contact": _l("Seeing people"),
    "useful": _l("Useful week"),
    "money": _l("Money worries"),
    "happy": _l("Happy"),
}

ANSWERS = {
    "health": (_l("Very bad"), _l("Bad"), _l("Okay"), _l("Good"), _l("Very good")),
    "contact": (_l("Almost never"), _l("Not often"), _l("Sometimes"), _l("Often"), _l("Very often")),
    "useful": (_l("Not at all"), _l("A little"), _l("Partly"), _l("Mostly"), _l("Very much")),
    "money": (_l("Very much"), _l("Much"), _l("Somewhat"), _l("A little"), _l("Not at all")),
    "happy": (_l("Very unhappy"), _l("Unhappy"), _l("Okay"), _l("Happy"), _l("Very happy")),
}

FACE = {1: "i-face-1", 2: "i-face-2", 3: "i-face-3", 4: "i-face-4", 5: "i-face-5"}


def answer_word(question, value):
    return ANSWERS[question][int(value) - 1]
