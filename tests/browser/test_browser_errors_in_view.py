"""A refused form shows its messages on the first screen, at 390 x 844.

Every staff form (coach and municipality), and some of the residents', is
sent wrongly; the answer must show the error summary (or the error notice)
inside the viewport, with the focus on it, at an address that opens again
with a GET (a POST-only URL sends a GET on to the form's page).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from browser_support import log_in, query, user_id
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ERRORS = ".error-summary, .notice--error[role=alert]"


@dataclass(frozen=True)
class Wrong:
    """Open ``path`` as ``who``, fill the form at ``form`` wrongly (``fill``:
    field name -> value; ``then``: anything else on the form) and send it."""

    name: str
    who: str
    path: Callable  # the live server -> path
    form: str
    fill: dict = field(default_factory=dict)
    then: Callable | None = None  # (page, form) -> None, before sending
    status: int = 422


def resident_id(server, username="bewoner"):
    return user_id(server, username)


def first(server, sql, params=()):
    return query(server, sql, params)[0][0]


def choose(value):
    def pick(page, form):
        form.locator(f"input[type=radio][value='{value}']").first.check()

    return pick


def open_details(page, form):
    """A form folded in a <details>: open it first (as a person taps 'Change')."""
    form.evaluate("f => { const d = f.closest('details'); if (d) { d.open = true; } }")


def no_coach_chosen(page, form):
    form.locator("select[name=coach]").evaluate("s => { s.add(new Option('', ''), 0); s.value = ''; }")


def step_of_goal(server):
    return first(
        server,
        "SELECT id FROM plan_steps WHERE goal_id IN (SELECT id FROM plan_goals WHERE resident_id = ?)",
        (resident_id(server),),
    )


def goal_of(server):
    return first(server, "SELECT id FROM plan_goals WHERE resident_id = ? ORDER BY id", (resident_id(server),))


def interest_of(server):
    return first(server, "SELECT id FROM interests WHERE user_id = ? ORDER BY id", (resident_id(server),))


def planned_appointment(server):
    return first(
        server,
        "SELECT id FROM appointments WHERE resident_id = ? AND status = 'planned' ORDER BY starts_at DESC",
        (resident_id(server),),
    )


def reported_item(server):
    row = query(server, "SELECT target_kind, target_id FROM reports WHERE resolved_at IS NULL ORDER BY id")[0]
    return row["target_kind"], row["target_id"]


def waiting_proposal(server):
    return first(server, "SELECT id FROM proposals WHERE status = 'with_gemeente' ORDER BY id")


def participant(server):
    return f"/caseload/{resident_id(server)}"


STAFF = [
    # The coach, on the page about one participant (a long page).
    Wrong(
        "coach-interest-not-now-without-reason",
        "coach",
        participant,
        "form[action*='/interests/{interest}']",
        then=choose("not_now"),
    ),
    Wrong("coach-plan-goal-empty", "coach", participant, "form:has([name='goal-title'])"),
    Wrong(
        "coach-plan-step-empty",
        "coach",
        participant,
        "form[action*='/plan/goals/{goal}/steps']",
        then=open_details,
    ),
    Wrong(
        "coach-plan-goal-change-empty",
        "coach",
        participant,
        "form[action*='/plan/goals/{goal}/change']",
        then=lambda page, form: (open_details(page, form), form.locator("input[name$='title']").fill("")),
    ),
    Wrong(
        "coach-plan-step-change-empty",
        "coach",
        participant,
        "form[action*='/plan/steps/{step}/change']",
        then=lambda page, form: (open_details(page, form), form.locator("input[name$='text']").fill("")),
    ),
    Wrong(
        "coach-message-too-long",
        "coach",
        lambda s: participant(s) + "/messages",
        "#message-form",
        {"body": "Een heel lang verhaal. " * 100},
    ),
    Wrong(
        "coach-appointment-new",
        "coach",
        lambda s: participant(s) + "/appointments/new",
        "main form",
        {"day": "", "time": ""},
    ),
    Wrong(
        "coach-appointment-move",
        "coach",
        lambda s: f"/appointments/{planned_appointment(s)}/move",
        "main form",
        {"day": "", "time": ""},
    ),
    Wrong("coach-new-resident-empty", "coach", lambda s: "/caseload/new", "main form"),
    Wrong(
        "coach-details-bad-phone", "coach", lambda s: "/caseload/details", "main form", {"phone": "bel me maar"}
    ),
    # The municipality.
    Wrong(
        "gemeente-settings",
        "gemeente",
        lambda s: "/gemeente/settings",
        "form:has([name=threshold])",
        {"threshold": "veel"},
    ),
    Wrong(
        "gemeente-minimum-wage",
        "gemeente",
        lambda s: "/gemeente/settings",
        "form[action*='/settings/wage']",
        {"amount": "veel"},
    ),
    Wrong(
        "gemeente-bijstand",
        "gemeente",
        lambda s: "/gemeente/settings",
        "form[action*='/settings/bijstand']",
        {"bijstand_amount": "veel"},
    ),
    Wrong(
        "gemeente-partner-empty",
        "gemeente",
        lambda s: "/gemeente/jobs/1/edit",
        "form[action*='/partners#']",
        {"name": "", "amount": "veel"},
    ),
    Wrong("gemeente-job-new-empty", "gemeente", lambda s: "/gemeente/jobs/new", "form.job-form"),
    Wrong(
        "gemeente-job-edit-no-title",
        "gemeente",
        lambda s: "/gemeente/jobs/1/edit",
        "form.job-form",
        {"title_nl": ""},
    ),
    Wrong(
        "gemeente-decision-without-choice",
        "gemeente",
        lambda s: f"/gemeente/proposals/{waiting_proposal(s)}",
        "form.decision-form",
    ),
    Wrong(
        "gemeente-placement-unknown",
        "gemeente",
        lambda s: "/gemeente/jobs/1/placements",
        "main form:has(input[name=username]:not([type=hidden]))",
        {"username": "niemand-bekend"},
    ),
    Wrong(
        "gemeente-moderation-without-choice",
        "gemeente",
        lambda s: "/gemeente/reports",
        "form[action*='/reports/{kind}/{target}']",
    ),
    Wrong(
        "gemeente-caseload-change-no-coach",
        "gemeente",
        lambda s: f"/gemeente/caseloads/{resident_id(s)}",
        "main form",
        then=no_coach_chosen,
    ),
]

RESIDENTS = [
    Wrong("resident-comment-empty", "bewoner", lambda s: "/proposals/1", "form:has([name=kind])"),
    Wrong("resident-plan-goal-empty", "bewoner", lambda s: "/plan", "form:has([name='goal-title'])"),
    Wrong(
        "resident-another-time-empty",
        "bewoner",
        lambda s: f"/appointments/{planned_appointment(s)}/another-time",
        "main form",
        {"reason": ""},
    ),
]


def selector(server, case):
    kind, target = reported_item(server) if "{kind}" in case.form else ("", "")
    values = {"kind": kind, "target": target}
    if "{interest}" in case.form:
        values["interest"] = interest_of(server)
    if "{goal}" in case.form:
        values["goal"] = goal_of(server)
    if "{step}" in case.form:
        values["step"] = step_of_goal(server)
    return case.form.format(**values)


def send_wrongly(page, server, case):
    page.goto(server.url + case.path(server))
    form = page.locator(selector(server, case)).first
    if case.then:
        case.then(page, form)
    for name, value in case.fill.items():
        form.locator(f"[name$='{name}']:not([type=hidden])").fill(value)
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button[type=submit]").last.click()
    assert posted.value.status == case.status, case.name
    page.wait_for_load_state()


def assert_errors_on_first_screen(page):
    """The messages are inside the viewport, above the menu bar fixed at the bottom:
    all of a notice, and of a summary its title and first message (a form with
    ten mistakes has a summary taller than a phone)."""
    errors = page.locator(ERRORS).locator("visible=true").first
    expect(errors).to_be_visible()
    top, bottom = errors.evaluate(
        "e => { const first = e.querySelector('li') || e;"
        " return [e.getBoundingClientRect().top, first.getBoundingClientRect().bottom]; }"
    )
    floor = page.evaluate(
        "() => { const bar = document.querySelector('.main-nav');"
        " return bar ? bar.getBoundingClientRect().top : window.innerHeight; }"
    )
    assert top >= 0 and bottom <= floor, (top, bottom, floor, page.url)


def assert_opens_again(page):
    """The address shown after the answer answers a GET (no 405): the page itself
    or, for a POST-only URL, a redirect to the page the form lives on."""
    again = page.request.get(page.url, max_redirects=0)
    assert again.status in (200, 303), (page.url, again.status)
    if again.status == 303:
        assert page.request.get(page.url).ok


@pytest.mark.parametrize("case", STAFF + RESIDENTS, ids=lambda case: case.name)
def test_a_refused_form_shows_its_messages_on_the_first_screen(page, live_server, case):
    log_in(page, live_server.url, case.who)
    send_wrongly(page, live_server, case)
    assert_errors_on_first_screen(page)
    focused = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 120)")
    assert page.evaluate(f"!!document.activeElement && document.activeElement.matches({ERRORS!r})"), focused
    assert_opens_again(page)


@pytest.mark.parametrize("case", [STAFF[0], STAFF[1], STAFF[10], STAFF[14]], ids=lambda case: case.name)
def test_without_javascript_too(browser, browser_context_args, live_server, case):
    context = browser.new_context(java_script_enabled=False, **browser_context_args)
    page = context.new_page()
    try:
        log_in(page, live_server.url, case.who)
        send_wrongly(page, live_server, case)
        assert_errors_on_first_screen(page)
        assert_opens_again(page)
    finally:
        context.close()


def test_once_accepted_the_address_is_the_page_s_own(page, live_server):
    """The form's address carries #...-errors; the redirect after the corrected
    answer keeps it (browsers do), and the page drops it: nothing is refused."""
    case = next(case for case in STAFF if case.name == "gemeente-settings")
    log_in(page, live_server.url, case.who)
    send_wrongly(page, live_server, case)
    assert page.url.endswith("/gemeente/settings#settings-form-errors")
    page.locator("form:has([name=threshold]) [name=threshold]").fill("30")
    page.locator("form:has([name=threshold]) button[type=submit]").click()
    expect(page.locator(".notice--success")).to_be_visible()
    assert page.url == live_server.url + "/gemeente/settings"
