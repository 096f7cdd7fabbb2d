"""The oversight board's rules: who advises, what an advice needs, and when a
job may be published.

Plain functions without Flask or a database. The board (role ``toezicht``)
gives its advice on a job before it is published; the municipality may
publish against an objecting advice only with a public reason of its own.
"""

VERDICTS = ("agree", "agree_with_conditions", "object")

# The municipality's setting (webapp.domain.settings): 1 = a job needs the
# board's advice before it is published, 0 = it does not.
ADVICE_SETTING = "advice_required"

REASON_LIMIT = 2000
DISPLACEMENT_LIMIT = 2000
CONDITIONS_LIMIT = 2000
OVERRIDE_LIMIT = 2000

# Jobs the board may give an advice on: before publishing, and on an open
# job again (the board may change its mind; the newest advice counts).
ADVISABLE = ("draft", "open")


def may_advise(role, job_status):
    return role == "toezicht" and job_status in ADVISABLE


def advice_problems(verdict, reason, displacement, conditions):
    """What is wrong with an advice, as codes, in the order the form shows them.

    'verdict': not one of ``VERDICTS``; 'reason': no public reason;
    'displacement': nothing said about displacement (criterion
    no_displacement, the reason the board exists); 'conditions': "agree with
    conditions" without conditions. Too long a text has the code with
    '_long' after it.
    """
    problems = []
    if verdict not in VERDICTS:
        problems.append("verdict")
    for code, text, limit in (
        ("reason", reason, REASON_LIMIT),
        ("displacement", displacement, DISPLACEMENT_LIMIT),
        ("conditions", conditions, CONDITIONS_LIMIT),
    ):
        text = (text or "").strip()
        if len(text) > limit:
            problems.append(f"{code}_long")
        elif not text and (code != "conditions" or verdict == "agree_with_conditions"):
            problems.append(code)
    return problems


def same_advice(newest, verdict, reason):
    """True when ``newest`` (a mapping or None) already says this: a repeat stores nothing."""
    if newest is None:
        return False
    return newest["verdict"] == verdict and newest["reason"].strip() == (reason or "").strip()


def publish_refusal(advice_required, newest_verdict, override_reason=""):
    """Why a draft may not be published now, or None when it may.

    'needs_advice': the setting asks for the board's advice and there is
    none yet. 'needs_reason': the board's newest advice objects, and the
    municipality gave no public reason of its own (with the setting on or
    off: an objection, once given, is always answered in public).
    """
    if newest_verdict is None:
        return "needs_advice" if advice_required else None
    if newest_verdict == "object" and not (override_reason or "").strip():
        return "needs_reason"
    return None


def needs_override(newest_verdict):
    """Publishing now is publishing against the board: the reason is stored and shown."""
    return newest_verdict == "object"


def imported_status(status, advice_required):
    """An imported 'open' job waits for the board's advice as a draft when the setting asks for it."""
    if status == "open" and advice_required:
        return "draft"
    return status
