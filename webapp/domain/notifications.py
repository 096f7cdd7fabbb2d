"""The kinds of notification, each with its icon (texts: ``webapp.labels.NOTIFICATION``).

A notification says only its kind: never a name or content, because phones
show it on the lock screen. Areas add their kinds here.
"""

KINDS = {
    "message": "i-message",
    "appointment": "i-calendar",
    "appointment_reminder": "i-calendar",
    "interest_answer": "i-interest",
    "proposal_decision": "i-proposal",
    "proposal_closed": "i-proposal",
    "job_published": "i-job",
    "placed": "i-check",
    # For coaches and about coaching (issue 4).
    "participant_message": "i-message",
    "appointment_answer": "i-calendar",
    "caseload_added": "i-people",
    "coach_changed": "i-user",
    "coach_assigned": "i-user",
    "proposal_threshold": "i-vote",
    "proposal_changes_asked": "i-edit",
    "proposal_comment": "i-message",
    "proposal_answer": "i-message",
    "content_removed": "i-info",
    "retention_warning": "i-info",
    # For the municipality, from the oversight board (issue 17).
    "advice_given": "i-shield",
    # Objections and the oversight board's decisions on them (issue 17).
    "objection_new": "i-alert",
    "objection_decided": "i-check",
}


def check_kind(kind):
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind}")
