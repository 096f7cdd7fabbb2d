"""Facts about the demo proposals (webapp/seed/proposals.py) that the tests use.

Ids follow the order of ``PROPOSALS`` in the seed; ``test_demo_ids_are_what_the_tests_think``
in test_http_proposals.py checks them, so a change in the seed shows up there first.
"""

OPEN_DE_HOVEN = 1  # by buurtgroep, bewoner voted; Lindeveld-Noord
OPEN_BY_BEWONER = 2  # bewoner is the author; Lindeveld-Noord
OPEN_VOGELBUURT = 3  # in English, few votes, bewoner has not voted; Lindeveld-Noord
WITH_GEMEENTE = 4  # Bloemenbuurt, bewoner voted; waiting for a decision
APPROVED = 5  # Lindehof; a job draft exists
JOB_CREATED = 6  # Vogelbuurt; the job is open
DRAFT = 7  # buurtgroep's draft in De Hoven, like proposal 1
CHANGES_ASKED = 8  # buurtgroep's, back with the author
OPEN_CENTRUM = 9  # Oude Haven, Lindeveld-Centrum
REJECTED = 10
OPEN_OOST = 11  # two days left
CLOSED = 12
WITH_GEMEENTE_ZUID = 13
WITHDRAWN = 14
OPEN_ZUID = 15

HIDDEN_COMMENT_TEXT = "zonnepanelen"  # a comment hidden after 3 reports, on proposal 1

RESIDENT_NOORD = "bewoner"  # home buurt De Hoven
RESIDENT_NOORD_2 = "buur-2-30"  # a neighbour in Noord without a vote on 3 or 6 (sign_in only)
RESIDENT_CENTRUM = "buur-1-01"  # a resident of another wijk
NO_HOME = "bewoner2"  # a resident without a home buurt
HUGE_ID = "99999999999999999999"

VALID_PROPOSAL = {
    "buurt": "4",  # De Hoven
    "category": "errands",
    "title": "Boodschappen voor buren",
    "tasks": "Boodschappen doen voor oudere buren.",
    "problem": "De winkel is ver weg.",
    "hours": "12",
    "partners": "Buurthuis",
    "unpaid_now": "yes",
    "funding": "",
    "far_from_work": "yes",
    "lang": "nl",
    "form_token": "0" * 32,
}


# What a job drafted from a Dutch proposal still needs before it can be published,
# by the labels the refusal names them with.
MISSING_FROM_A_PROPOSALS_DRAFT = [
    "Employer",
    "Days",
    "Title (English)",
    "Summary (English)",
    "Summary in plain language (Dutch)",
    "Summary in plain language (English)",
    "What you do (English)",
    "Why this work matters (English)",
    "Who you work with (English)",
]
