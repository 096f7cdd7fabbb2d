"""Browser tests: a resident's whole visit, with and without JavaScript, and htmx filters.

Run with ``python -m pytest tests/test_browser.py -q``. They drive Debian's
Chromium through Playwright against a real server (``live_server`` in
conftest.py) with a fresh copy of the demo database per test. Expected texts
come from the compiled catalogs (see ``browser_support.t``).
"""

import re

import pytest
from browser_support import csp_errors, log_in, query, t
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# What bewoner2 answers, step by step: (step key, values to choose or None to skip).
ANSWERS = (
    ("buurt", None),  # chosen by name below: ids are the database's
    ("work", ("elderly", "carehome")),
    ("hours", ("20",)),
    ("days", None),  # skipped
    ("travel", ("wijk",)),
    ("limits", ("heavy_lifting",)),
    ("skills", ("talk_elderly", "cooking")),
    ("languages", ("nl",)),
)
HOME_BUURT = "De Hoven"
MESSAGE = "Ik kan op maandag beginnen."


def _choose(page, value):
    """Tap the label of a choice (the big target a resident taps), then check it took."""
    choice = page.locator(f"input[name=answer][value='{value}']")
    page.locator("label.choice", has=choice).click()
    expect(choice).to_be_checked()
    return page.locator("label.choice", has=choice).inner_text().strip()


def _save(page):
    page.locator("button[name=action][value=save]").click()


def _fill_profile(page, base):
    """Every /profile/<key>: choose, save, skip one, go Back once. Returns the labels shown."""
    page.goto(base + "/profile")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("#profile-progress")).to_have_attribute("value", "0")
    page.locator("main a[href='/profile/start']").first.click()
    expect(page).to_have_url(base + "/profile/start")
    # The start page asks the first four together (tests/browser/test_first_match.py);
    # here every step page on its own, one after the other.
    page.goto(base + "/profile/buurt")
    expect(page).to_have_url(base + "/profile/buurt")

    # Saving with nothing chosen says what to do, in place, and keeps the step.
    _save(page)
    expect(page).to_have_url(base + "/profile/buurt")
    expect(page.locator(".notice--error[role=alert]")).to_contain_text(
        t("Choose one answer, or skip this question.")
    )
    fieldset = page.locator("fieldset.choices")
    expect(fieldset).to_have_attribute("aria-describedby", "step-hint buurt-and-wijk step-error")

    shown = {}
    for index, (key, values) in enumerate(ANSWERS):
        expect(page).to_have_url(base + f"/profile/{key}")
        expect(page.locator("#step-progress")).to_have_attribute("value", str(index + 1))
        if key == "buurt":
            buurt = page.locator("label.choice", has_text=HOME_BUURT)
            buurt.click()
            expect(buurt.locator("input")).to_be_checked()
            shown[key] = [HOME_BUURT]
        elif values is None:
            page.locator("button[name=action][value=skip]").click()
            continue
        else:
            shown[key] = [_choose(page, value) for value in values]
        last = index == len(ANSWERS) - 1
        button = page.locator("button[name=action][value=save]")
        expect(button).to_have_text(t("Save") if last else t("Save and go on"))
        _save(page)

        if key == "hours":
            # "Back" once from the next step: the earlier answer is still chosen.
            expect(page).to_have_url(base + "/profile/days")
            page.locator(".back a").click()
            expect(page).to_have_url(base + "/profile/hours")
            expect(page.locator("input[name=answer][value='20']")).to_be_checked()
            expect(page.locator("input[name=answer]:checked")).to_have_count(1)
            _save(page)

    expect(page).to_have_url(base + "/profile")
    expect(page.locator(".notice--success")).to_contain_text(t("Saved. You can change your answers at any time."))
    expect(page.locator("#profile-progress")).to_have_attribute("value", "7")
    expect(page.locator(".step-count")).to_contain_text(
        t("You answered %(answered)d of %(total)d questions.", answered=7, total=8)
    )
    rows = page.locator(".summary-list__row")
    expect(rows).to_have_count(len(ANSWERS))
    for index, (key, _values) in enumerate(ANSWERS):
        answer = rows.nth(index).locator("dd").first
        if key in shown:
            for label in shown[key]:
                expect(answer).to_contain_text(label)
        else:
            expect(answer).to_have_text(t("Not answered yet"))
    return shown


def _check_ranked_jobs(page, base, shown):
    page.locator(".main-nav a[href='/jobs']").click()
    expect(page).to_have_url(base + "/jobs")
    expect(page.locator("#results-title")).to_contain_text(t("best fit first"))
    first = page.locator("#results .job-card").first
    expect(first).to_contain_text(t("Why this fits you"))
    # The best job is of a kind the resident chose (that is worth the most points).
    kinds = [t("You like this kind of work: %(kind)s", kind=label) for label in shown["work"]]
    expect(first).to_contain_text(re.compile("|".join(map(re.escape, kinds))))


def _want_job(page, server, js):
    base = server.url
    title_link = page.locator("#results .job-card__title a").first
    href = title_link.get_attribute("href")
    job_id = int(href.rsplit("/", 1)[1])
    title_link.click()
    expect(page).to_have_url(base + href)
    box = page.locator("#interest")
    expect(box.locator("textarea#message")).to_be_visible()
    box.locator("textarea#message").fill(MESSAGE)
    page.evaluate("window.__stillHere = true")
    page_loads = server.requests.count(href)

    box.locator("button[type=submit]").click()

    expect(box).to_contain_text(t("You said you want this job. Your coach can see it."))
    expect(box.locator(".quote")).to_have_text(MESSAGE)
    # With or without htmx the notice is inside the box, where the person is looking.
    notice = box.locator(".notice--success")
    expect(notice).to_contain_text(t("Your coach can now see that you want this job."))
    expect(box.get_by_role("button")).to_have_text(t("Take back my interest"))
    assert server.requests.count(f"{href}/interest") == 1
    if js:
        # htmx swapped the box: the same document, the same URL, no new page load.
        assert page.evaluate("window.__stillHere === true"), "the page navigated"
        assert page.url == base + href
        assert server.requests.count(href) == page_loads
        expect(page.locator("#interest")).to_have_count(1)
    else:
        # A plain form post: 303 back to the job, at the box.
        expect(page).to_have_url(base + href + "#interest")
        assert page.evaluate("window.__stillHere === undefined"), "expected a full page load"
        assert server.requests.count(href) == page_loads + 1
    return job_id


def _check_interests(page, base, job_id):
    page.locator(".main-nav a[href='/interests']").click()
    expect(page).to_have_url(base + "/interests")
    card = page.locator("article.card", has=page.locator(f"a[href='/jobs/{job_id}']"))
    expect(card).to_contain_text(t("You want this job."))
    expect(card.locator(".quote")).to_have_text(MESSAGE)


def _switch_language(page, server, job_id):
    """The header switcher (POST forms): English, plain, back to Dutch, standard."""
    base = server.url
    job = query(server, "SELECT * FROM jobs WHERE id = ?", (job_id,))[0]
    assert job["summary_en"] != job["plain_en"] and job["summary_nl"] != job["plain_nl"]
    page.goto(base + f"/jobs/{job_id}")
    html, body, lead = page.locator("html"), page.locator("body"), page.locator("main .lead")
    language = page.locator(".language-bar button[name=lang]")
    plain = page.locator(".language-bar button[name=plain]")
    menu = page.locator(".language-menu summary")  # folded into one small control in the header
    expect(lead).to_have_text(job["summary_nl"])

    expect(language).to_have_text("English")
    menu.click()
    language.click()
    expect(html).to_have_attribute("lang", "en")
    expect(page).to_have_url(base + f"/jobs/{job_id}")
    expect(page.locator("main h1")).to_have_text(job["title_en"])
    expect(lead).to_have_text(job["summary_en"])
    expect(page.locator(".main-nav a[href='/interests']")).to_have_text(t("Jobs I want", "en"))
    expect(plain).to_have_text(t("Plain language: off", "en"))

    menu.click()
    plain.click()
    expect(body).to_have_class(re.compile(r"\bis-plain\b"))
    expect(html).to_have_attribute("lang", "en")
    expect(lead).to_have_text(job["plain_en"])
    expect(plain).to_have_text(t("Plain language: on", "en@plain"))

    expect(language).to_have_text("Nederlands")
    menu.click()
    language.click()
    expect(html).to_have_attribute("lang", "nl")
    expect(body).to_have_class(re.compile(r"\bis-plain\b"))
    expect(lead).to_have_text(job["plain_nl"])
    # Plain all the way down: the title and the other texts in plain Dutch too.
    expect(page.locator("main h1")).to_have_text(job["title_plain_nl"])
    expect(page.locator("#job-details > p").first).to_have_text(job["tasks_plain_nl"])

    menu.click()
    plain.click()
    expect(body).not_to_have_class(re.compile(r"\bis-plain\b"))
    expect(lead).to_have_text(job["summary_nl"])
    expect(plain).to_have_text(t("Plain language: off"))
    expect(language).to_have_text("English")

    # The choice is the account's: it holds on the next page load too.
    page.reload()
    expect(html).to_have_attribute("lang", "nl")
    expect(body).not_to_have_class(re.compile(r"\bis-plain\b"))


def _resident_flow(page, server, js):
    problems = csp_errors(page)
    base = server.url
    log_in(page, base, "bewoner2")
    # Nothing answered yet: she lands on the first questions, not on the list.
    expect(page).to_have_url(base + "/profile/start")
    shown = _fill_profile(page, base)
    _check_ranked_jobs(page, base, shown)
    job_id = _want_job(page, server, js)
    _check_interests(page, base, job_id)
    _switch_language(page, server, job_id)
    assert problems == [], "CSP violations:\n" + "\n".join(problems)


def test_resident_flow_with_javascript(page, live_server):
    assert page.evaluate("1 + 1") == 2  # JavaScript runs
    _resident_flow(page, live_server, js=True)


def test_resident_flow_without_javascript(browser, browser_context_args, live_server):
    context = browser.new_context(java_script_enabled=False, **browser_context_args)
    try:
        page = context.new_page()
        _resident_flow(page, live_server, js=False)

        # The job filters work as a plain GET form with the "Show jobs" button.
        page.goto(live_server.url + "/jobs")
        page.locator("details.filter-fold > summary").click()
        page.locator("#category").select_option("elderly")
        page.locator("form.filters button[type=submit]").click()
        expect(page).to_have_url(re.compile(r"/jobs\?.*category=elderly"))
        categories = page.locator("#results .job-card__category")
        expect(categories.first).to_be_visible()
        expect(categories).to_have_text([t("Activities with older people")] * categories.count())
    finally:
        context.close()


def test_htmx_filter_swaps_only_the_results(page, live_server):
    base = live_server.url
    problems = csp_errors(page)
    page.goto(base + "/jobs")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    # The service worker keeps this page when it starts, with a request of its
    # own (static/js/sw.js): let that happen before counting.
    for _ in range(150):
        if page.evaluate("() => caches.match(location.href).then(r => !!r)"):
            break
        page.wait_for_timeout(100)
    all_jobs = page.locator("#results .job-card").count()
    # Mark the document, the form and the old results: a swap keeps the first two only.
    page.evaluate(
        """() => {
            window.__stillHere = true;
            document.querySelector('form.filters').__same = true;
            document.querySelector('#results').__old = true;
        }"""
    )
    loads = live_server.requests.count("/jobs")
    page.locator("details.filter-fold > summary").click()
    page.locator("#category").select_option("elderly")

    expect(page).to_have_url(re.compile(r"/jobs\?(.*&)?category=elderly(&|$)"))
    # The old #results node is gone once htmx has swapped in the new one.
    page.wait_for_function("document.querySelector('#results').__old === undefined")
    expect(page.locator("#results .job-card").first).to_be_visible()
    categories = page.locator("#results .job-card__category")
    expect(categories).to_have_text([t("Activities with older people")] * categories.count())
    assert 0 < categories.count() < all_jobs
    assert page.evaluate("window.__stillHere === true"), "the page navigated"
    assert page.evaluate("document.querySelector('form.filters').__same === true"), (
        "the filter form was replaced too"
    )
    assert live_server.requests.count("/jobs") == loads + 1  # one htmx request, nothing else
    expect(page.locator("#category")).to_have_value("elderly")
    expect(page.locator("main h1")).to_have_count(1)
    expect(page.locator("#results")).to_have_count(1)
    assert problems == [], "CSP violations:\n" + "\n".join(problems)
