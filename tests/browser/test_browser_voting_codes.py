"""A letter's voting code redeemed on a phone: the municipality makes a batch at
390 x 844, opens the letters, and a resident types one letter's code (lower
case, with spaces) at /settings/verify. axe on both pages, no scroll at 320 px."""

import html
import io
import re

import pytest
from browser_support import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    assert_valid_html,
    csp_errors,
    log_in,
    query,
    t,
)
from http_support import page, post_form, scalar, sign_in
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CODE = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")


def test_a_letters_code_redeemed_on_a_phone(browser, browser_context_args, live_server):
    base = live_server.url
    office = browser.new_context(**browser_context_args).new_page()
    problems = csp_errors(office)
    log_in(office, base, "gemeente")
    office.goto(base + "/gemeente/voting-codes")
    assert_no_axe_violations(office)
    buurt = query(live_server, "SELECT id, name FROM buurten ORDER BY name LIMIT 1")[0]
    office.locator("#buurt").select_option(str(buurt["id"]))
    office.locator("#number").fill("2")
    office.locator("main form button[type=submit]").first.click()
    expect(office.locator("h1")).to_contain_text(t("The codes are made"))
    assert_no_axe_violations(office)
    with office.context.expect_page() as opened:
        office.get_by_role("button", name=t("Open the letters to print")).click()
    letters = opened.value
    letters.wait_for_load_state()
    expect(letters.locator("article.letter")).to_have_count(2)
    assert_no_axe_violations(letters)
    code = CODE.search(letters.locator("article.letter").first.locator(".letter__code").first.inner_text())[0]
    assert buurt["name"] in letters.locator("article.letter").first.inner_text()

    phone = browser.new_context(**browser_context_args).new_page()
    resident_problems = csp_errors(phone)
    log_in(phone, base, "bewoner2")
    phone.goto(base + "/settings")
    phone.locator("main a[href='/settings/verify']").click()
    expect(phone).to_have_url(re.compile(r"/settings/verify$"))
    assert_no_axe_violations(phone)
    phone.locator("#code").fill(" ".join(code.lower().replace("-", "")))
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator(".notice--success")).to_contain_text(buurt["name"])
    assert_no_axe_violations(phone)
    phone.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(phone)
    office.set_viewport_size({"width": 320, "height": 800})
    office.goto(base + "/gemeente/voting-codes")
    assert_no_horizontal_scroll(office)
    expect(office.locator("main")).to_contain_text(t("%(used)d of %(codes)d codes used.", used=1, codes=2))
    assert problems == [] and resident_problems == []


def test_the_voting_code_pages_are_valid_html(make_app, tmp_path):
    """The list, a refused file, the made page, the letters and the verify page (with an error)."""
    app = make_app()
    client = app.test_client()
    sign_in(client, "gemeente")
    buurt = str(scalar(app, "SELECT id FROM buurten ORDER BY id LIMIT 1"))
    pages = {"list.html": page(client.get("/gemeente/voting-codes"))}
    bad = (io.BytesIO(b"Dorpsstraat 1;twee\n"), "a.csv")
    pages["refused.html"] = page(
        post_form(client, "/gemeente/voting-codes", {"buurt": buurt, "addresses": bad}, "/gemeente/voting-codes")
    )
    good = (io.BytesIO(b"Dorpsstraat 1;2\n"), "a.csv")
    made = page(
        post_form(client, "/gemeente/voting-codes", {"buurt": buurt, "addresses": good}, "/gemeente/voting-codes")
    )
    pages["made.html"] = made
    packed = html.unescape(re.search(r'name="letters" value="([^"]*)"', made)[1])
    batch = scalar(app, "SELECT max(id) FROM voting_code_batches")
    pages["letters.html"] = page(
        post_form(client, f"/gemeente/voting-codes/{batch}/letters", {"letters": packed}, "/gemeente/voting-codes")
    )
    sign_in(client, "bewoner")
    pages["verify.html"] = page(client.get("/settings/verify"))
    pages["verify-refused.html"] = page(
        post_form(client, "/settings/verify", {"code": "nope"}, "/settings/verify")
    )
    assert_valid_html(pages, tmp_path)
