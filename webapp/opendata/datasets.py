"""The open datasets: each one's file name, title and what every column means
(the page shows it; the files are made in this order of columns)."""

from collections import namedtuple

from flask_babel import lazy_gettext as _l

from webapp.opendata import queries

Dataset = namedtuple("Dataset", "name title description read columns")

DATASETS = (
    Dataset(
        "proposals",
        _l("Proposals"),
        _l("Every proposal residents can see, with the number of votes. Not who voted."),
        queries.proposals,
        (
            ("id", _l("The proposal's number, as in its web address.")),
            ("status", _l("Where it is now: open, with_gemeente, approved, rejected, withdrawn, and so on.")),
            ("category", _l("The kind of work.")),
            ("wijk", _l("The district (wijk) of the proposal.")),
            ("buurt", _l("The neighbourhood (buurt) of the proposal.")),
            ("language", _l("The language it was written in: nl or en.")),
            ("title", _l("The title the author gave it.")),
            ("hours", _l("Hours of work a week.")),
            ("votes", _l("How many residents voted for it.")),
            ("threshold", _l("The votes it needs to go to the municipality.")),
            ("opened_at", _l("When voting started (UTC).")),
            ("deadline", _l("When voting ends (UTC).")),
            ("decided_at", _l("When the municipality decided (UTC), if it did.")),
            ("decision_reason", _l("The municipality's reason for its decision.")),
            ("job_id", _l("The job made from it, if any (see the jobs file).")),
        ),
    ),
    Dataset(
        "advices",
        _l("Advices of the oversight board"),
        _l("What the oversight board said about a job before it was published."),
        queries.advices,
        (
            ("id", _l("The advice's number.")),
            ("job_id", _l("The job it is about (see the jobs file).")),
            ("verdict", _l("agree, agree_with_conditions or object.")),
            ("reason", _l("The board's reason.")),
            ("displacement", _l("What the board says about pushing out paid work.")),
            ("conditions", _l("The board's conditions, if any.")),
            ("advised_at", _l("When the board gave it (UTC).")),
            ("override_reason", _l("Why the municipality published the job against an objecting advice.")),
            ("overridden_at", _l("When the municipality did that (UTC).")),
        ),
    ),
    Dataset(
        "objections",
        _l("Objections and their decisions"),
        _l(
            "Every objection to a proposal or a job anyone can see: open ones with the date the answer is due, "
            "and the oversight board's answer once it is given. Never who sent them, unless they chose to show "
            "a name."
        ),
        queries.objections,
        (
            ("id", _l("The objection's number.")),
            ("item", _l("What it is about: proposal or job.")),
            ("proposal_id", _l("The proposal it is about, if any.")),
            ("job_id", _l("The job it is about, if any.")),
            ("ground", _l("The ground of the objection.")),
            ("text", _l("What the objector wrote.")),
            ("public_name", _l("The name the objector chose to show; empty for none.")),
            ("sent_at", _l("When it was sent (UTC).")),
            ("answer_due", _l("When the board's answer is due (UTC).")),
            ("state", _l("open, upheld or not_upheld.")),
            ("decision_reason", _l("The board's reason.")),
            ("decided_at", _l("When the board decided (UTC).")),
        ),
    ),
    Dataset(
        "jobs",
        _l("Jobs"),
        _l("Every published job, open or closed, with its business case: what it costs a year and who pays."),
        queries.jobs,
        (
            ("id", _l("The job's number, as in its web address.")),
            ("status", _l("open or closed.")),
            ("category", _l("The kind of work.")),
            ("wijk", _l("The district (wijk) of the job.")),
            ("buurt", _l("The neighbourhood (buurt) of the job.")),
            ("title_nl", _l("The title in Dutch.")),
            ("title_en", _l("The title in English.")),
            ("employer", _l("The organisation the participant works for.")),
            ("hours", _l("Hours of work a week.")),
            ("places", _l("How many people can do this job.")),
            ("places_filled", _l("How many places are filled.")),
            ("start_date", _l("When the work starts.")),
            ("created_at", _l("When the job was made (UTC).")),
            ("proposal_id", _l("The proposal it came from, if any.")),
            ("cost_eur", _l("Its business case: wages and the employer's costs a year for all places, in euros.")),
            ("partners", _l("The partners that pay for it, separated by a semicolon.")),
            (
                "partners_eur",
                _l("What the partners give a year, in euros: money, or the estimated value of what they give."),
            ),
            ("bijstand_saved_eur", _l("The bijstand the municipality no longer pays a year, all places filled.")),
            ("missing_eur", _l("What is still missing a year, in euros; 0 when the costs are covered.")),
        ),
    ),
)

BY_NAME = {dataset.name: dataset for dataset in DATASETS}
FORMATS = {"csv": "text/csv", "json": "application/json"}  # Flask adds "; charset=utf-8" to text
