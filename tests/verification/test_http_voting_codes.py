"""Voting codes: the municipality's batches (/gemeente/voting-codes) and a resident's
code (/settings/verify): access, CSRF, bad input, shown once, void, rate limits."""

import io
import re

import pytest
from http_support import count, csrf_token, page, post_form, scalar, sign_in, snapshot, t, user_id

from webapp.domain import votingcodes

CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")
PAGES = ("/gemeente/voting-codes", "/gemeente/voting-codes/1/csv", "/gemeente/voting-codes/1/letters")


def buurt_id(app):
    return scalar(app, "SELECT id FROM buurten ORDER BY id LIMIT 1")


def make_batch(client, app, number=3, **extra):
    sign_in(client, "gemeente")
    data = {"buurt": str(buurt_id(app)), "number": str(number)}
    data.update(extra)
    response = post_form(client, "/gemeente/voting-codes", data, token_from="/gemeente/voting-codes")
    return response


def made(response):
    html = page(response)
    letters = re.search(r'name="letters" type="hidden" value="([^"]*)"', html) or re.search(
        r'type="hidden" name="letters" value="([^"]*)"', html
    )
    import html as html_module

    return CODE.findall(html_module.unescape(letters.group(1))), html_module.unescape(letters.group(1))


@pytest.mark.parametrize("who", [None, "bewoner", "coach", "buurtgroep"])
def test_only_the_municipality_opens_the_voting_codes(client, who):
    sign_in(client, who)
    response = client.get("/gemeente/voting-codes")
    if who is None:
        assert response.status_code == 303
        assert "/login" in response.headers["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", [None, "bewoner", "coach", "buurtgroep"])
@pytest.mark.parametrize(
    "path",
    [
        "/gemeente/voting-codes",
        "/gemeente/voting-codes/1/csv",
        "/gemeente/voting-codes/1/letters",
        "/gemeente/voting-codes/1/void",
        "/gemeente/voting-codes/void-code",
    ],
)
def test_nobody_else_posts_to_the_voting_codes(client, app, who, path):
    sign_in(client, who)
    before = snapshot(app, "voting_code_batches", "voting_codes")
    response = post_form(client, path, {"buurt": "1", "number": "5", "code": "ABCD-EFGH-JKMN"})
    assert response.status_code == (303 if who is None else 403)
    assert snapshot(app, "voting_code_batches", "voting_codes") == before


@pytest.mark.parametrize("who", [None, "gemeente", "coach", "buurtgroep"])
def test_verify_is_for_residents(client, who):
    sign_in(client, who)
    response = client.get("/settings/verify")
    assert response.status_code == (303 if who is None else 403)


def test_the_workspace_menu_links_the_voting_codes(client):
    sign_in(client, "gemeente")
    assert 'href="/gemeente/voting-codes"' in page(client.get("/gemeente"))


def test_a_batch_shows_its_codes_once_and_stores_only_hashes(client, app):
    response = make_batch(client, app, number=3)
    assert response.status_code == 201
    assert response.headers["Cache-Control"] == "private, no-store"
    codes, _packed = made(response)
    assert len(set(codes)) == 3
    hashes = {row for row in [scalar(app, "SELECT group_concat(code_hash) FROM voting_codes")]}
    stored = next(iter(hashes)).split(",")
    assert sorted(stored) == sorted(votingcodes.code_hash(code) for code in codes)
    for code in codes:
        assert count(app, "voting_codes", "code_hash = ?", (code,)) == 0
    listing = page(client.get("/gemeente/voting-codes"))
    assert not CODE.search(listing.replace("ABCD-EFGH-JKMN", ""))
    assert t(app, "%(used)d of %(codes)d codes used.", used=0, codes=3) in listing


def test_the_same_form_twice_makes_one_batch(client, app):
    sign_in(client, "gemeente")
    token = csrf_token(client, "/gemeente/voting-codes")
    data = {"csrf_token": token, "buurt": str(buurt_id(app)), "number": "2", "attempt": "a" * 32}
    assert client.post("/gemeente/voting-codes", data=data).status_code == 201
    again = client.post("/gemeente/voting-codes", data=data)
    assert again.status_code == 303
    assert count(app, "voting_code_batches") == 1


def test_csv_for_a_mail_merge_and_letters(client, app):
    codes, packed = made(make_batch(client, app, number=2))
    batch = scalar(app, "SELECT max(id) FROM voting_code_batches")
    answer = post_form(
        client, f"/gemeente/voting-codes/{batch}/csv", {"letters": packed}, token_from="/gemeente/voting-codes"
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/csv")
    assert answer.headers["Cache-Control"] == "private, no-store"
    lines = page(answer).splitlines()
    assert lines[0] == "address,buurt,code"
    assert [line.split(",")[2] for line in lines[1:]] == codes
    letters = post_form(
        client, f"/gemeente/voting-codes/{batch}/letters", {"letters": packed}, token_from="/gemeente/voting-codes"
    )
    html = page(letters)
    assert letters.status_code == 200
    assert html.count('class="letter"') == 2
    for code in codes:
        assert code in html
    assert 'lang="nl"' in html and 'lang="en"' in html
    assert "/settings/verify" in html


def test_codes_not_in_the_batch_are_never_shown_again(client, app):
    _codes, packed = made(make_batch(client, app, number=1))
    batch = scalar(app, "SELECT max(id) FROM voting_code_batches")
    forged = packed + ",ABCD-EFGH-JKMN\n"
    for path in ("csv", "letters"):
        answer = post_form(
            client,
            f"/gemeente/voting-codes/{batch}/{path}",
            {"letters": forged},
            token_from="/gemeente/voting-codes",
        )
        assert answer.status_code == 400
        answer = post_form(
            client, f"/gemeente/voting-codes/{batch}/{path}", {"letters": ""}, token_from="/gemeente/voting-codes"
        )
        assert answer.status_code == 400


def test_csrf_is_needed(client, app):
    sign_in(client, "gemeente")
    response = client.post("/gemeente/voting-codes", data={"buurt": str(buurt_id(app)), "number": "2"})
    assert response.status_code == 400
    assert client.post("/gemeente/voting-codes/1/void").status_code == 400
    sign_in(client, "bewoner")
    assert client.post("/settings/verify", data={"code": "ABCD-EFGH-JKMN"}).status_code == 400
    assert count(app, "voting_code_batches") == 0


@pytest.mark.parametrize("number", ["", "0", "abc", "1001", "99999999999", "-3"])
def test_a_bad_number_is_refused(client, app, number):
    response = make_batch(client, app, number=number)
    assert response.status_code == 422
    assert count(app, "voting_code_batches") == 0


def test_a_batch_from_a_csv_of_addresses(client, app):
    upload = (io.BytesIO(b"adres;volwassenen\nDorpsstraat 1;2\nKerkweg 4a;1\n"), "adressen.csv")
    response = make_batch(client, app, number="", addresses=upload)
    assert response.status_code == 201, page(response)[-3000:]
    codes, packed = made(response)
    assert len(codes) == 3
    assert packed.count("Dorpsstraat 1") == 2
    assert count(app, "voting_codes") == 3


def test_a_bad_csv_lists_its_lines_and_stores_nothing(client, app):
    upload = (io.BytesIO(b"Dorpsstraat 1;2\nKerkweg 4;nul\nPlein 3\n"), "adressen.csv")
    response = make_batch(client, app, number="", addresses=upload)
    assert response.status_code == 422
    html = page(response)
    assert t(app, "line %(line)d: %(reason)s", line=2, reason="").strip(": ") in html
    assert count(app, "voting_codes") == 0


def test_void_a_batch_and_one_code(client, app):
    codes, _packed = made(make_batch(client, app, number=3))
    batch = scalar(app, "SELECT max(id) FROM voting_code_batches")
    void = post_form(
        client,
        "/gemeente/voting-codes/void-code",
        {"code": codes[0].lower().replace("-", " ")},
        token_from="/gemeente/voting-codes",
    )
    assert void.status_code == 303
    again = post_form(
        client, "/gemeente/voting-codes/void-code", {"code": codes[0]}, token_from="/gemeente/voting-codes"
    )
    assert again.status_code == 303
    unknown = post_form(
        client, "/gemeente/voting-codes/void-code", {"code": "ABCD-EFGH-JKMN"}, token_from="/gemeente/voting-codes"
    )
    assert unknown.status_code == 422
    for _ in range(2):
        answer = post_form(client, f"/gemeente/voting-codes/{batch}/void", token_from="/gemeente/voting-codes")
        assert answer.status_code == 303
    assert count(app, "voting_codes", "voided_at IS NULL") == 0
    assert (
        post_form(client, "/gemeente/voting-codes/99999/void", token_from="/gemeente/voting-codes").status_code
        == 404
    )
    sign_in(client, "bewoner")
    response = post_form(client, "/settings/verify", {"code": codes[1]}, token_from="/settings/verify")
    assert response.status_code == 422
    assert t(app, "This code no longer works. Ask the municipality for a new one.") in page(response)


@pytest.mark.parametrize(
    "typed",
    [lambda c: c, lambda c: c.lower(), lambda c: " ".join(c.replace("-", "")), lambda c: c.replace("-", "")],
)
def test_a_resident_uses_a_code_typed_any_way(client, app, typed):
    codes, _packed = made(make_batch(client, app, number=1))
    sign_in(client, "bewoner2")
    response = post_form(client, "/settings/verify", {"code": typed(codes[0])}, token_from="/settings/verify")
    assert response.status_code == 303
    me = user_id(app, "bewoner2")
    assert scalar(app, "SELECT proof FROM verifications WHERE user_id = ?", (me,)) == "code"
    buurt = scalar(app, "SELECT buurt_id FROM verifications WHERE user_id = ?", (me,))
    assert buurt == buurt_id(app)
    assert scalar(app, "SELECT home_buurt_id FROM profiles WHERE user_id = ?", (me,)) == buurt
    assert scalar(app, "SELECT used_by FROM voting_codes") == me


def test_a_used_code_and_bad_codes_are_refused(client, app):
    codes, _packed = made(make_batch(client, app, number=1))
    sign_in(client, "bewoner")
    assert (
        post_form(client, "/settings/verify", {"code": codes[0]}, token_from="/settings/verify").status_code == 303
    )
    sign_in(client, "bewoner2")
    used = post_form(client, "/settings/verify", {"code": codes[0]}, token_from="/settings/verify")
    assert used.status_code == 422
    assert t(app, "This code was used already. Each code works only once.") in page(used)
    for bad in ("ABCD-EFGH-JKM", "ABCD-EFGH-JKMNP", "ABCD-EFGH-JKMN", "", "<script>", "0000-1111-OOOO"):
        response = post_form(client, "/settings/verify", {"code": bad}, token_from="/settings/verify")
        assert response.status_code == 422, bad
    assert count(app, "verifications", "user_id = ?", (user_id(app, "bewoner2"),)) == 0


def test_guessing_is_limited_per_account(make_app):
    app = make_app(VERIFY_LIMIT_PER_ACCOUNT="3 per hour", VERIFY_LIMIT_PER_ADDRESS="100 per hour")
    client = app.test_client()
    sign_in(client, "bewoner")
    token = csrf_token(client, "/settings/verify")
    statuses = [
        client.post("/settings/verify", data={"csrf_token": token, "code": "ABCD-EFGH-JKMN"}).status_code
        for _ in range(4)
    ]
    assert statuses == [422, 422, 422, 429]
    # another account from the same address may still try
    sign_in(client, "bewoner2")
    token = csrf_token(client, "/settings/verify")
    assert client.post("/settings/verify", data={"csrf_token": token, "code": "ABCD-EFGH-JKMN"}).status_code == 422


def test_guessing_is_limited_per_address(make_app):
    app = make_app(VERIFY_LIMIT_PER_ACCOUNT="100 per hour", VERIFY_LIMIT_PER_ADDRESS="2 per hour")
    client = app.test_client()
    for who in ("bewoner", "bewoner2", "bewoner"):
        sign_in(client, who)
        token = csrf_token(client, "/settings/verify")
        last = client.post("/settings/verify", data={"csrf_token": token, "code": "ABCD-EFGH-JKMN"})
    assert last.status_code == 429


def test_the_page_says_the_home_buurt_changes(client, app):
    sign_in(client, "bewoner")
    html = page(client.get("/settings/verify"))
    says = (
        "The letter says which neighbourhood the code is for. That neighbourhood becomes your home neighbourhood."
    )
    assert t(app, says) in html
