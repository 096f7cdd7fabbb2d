"""The municipality's own login (OpenID Connect) against a real provider.

The provider is panva/oidc-provider on 127.0.0.1 (oidc_support.py). Its
clients "basisbaan-wrong-aud", "basisbaan-bad-sig" and "basisbaan-expired"
have their token answers spoiled by the provider's own middleware, so the
app must refuse them."""

import io

import pytest
from http_support import count, execute, page, scalar, sign_in, t, unverify, user_id
from oidc_support import oidc_settings, openid_provider, provider_login  # noqa: F401

from webapp.auth.sessions import token_hash

# One worker runs them all: one provider per test session, and one `npm ci` at most.
pytestmark = [pytest.mark.usefixtures("openid_provider"), pytest.mark.xdist_group("openid")]

REFUSALS = {
    "basisbaan-bad-sig": (
        "We could not check that this answer came from the municipality's login. We did not log you in."
    ),
    "basisbaan-wrong-aud": (
        "This answer from the municipality's login was meant for another website. We did not log you in."
    ),
    "basisbaan-expired": "The answer from the municipality's login was too old. We did not log you in. Try again.",
}


@pytest.fixture
def oidc_app(make_app, openid_provider):  # noqa: F811
    app = make_app(**oidc_settings(openid_provider))
    home = scalar(app, "SELECT home_buurt_id FROM profiles WHERE user_id = ?", (user_id(app, "bewoner"),))
    execute(app, "INSERT INTO postcodes (postcode, buurt_id) VALUES ('1011', ?)", (home,))
    other = scalar(app, "SELECT id FROM buurten WHERE id != ? ORDER BY id LIMIT 1", (home,))
    execute(app, "INSERT INTO postcodes (postcode, buurt_id) VALUES ('1011XY', ?)", (other,))
    app.home_buurt, app.other_buurt = home, other
    return app


def verification(app, name):
    sql = "SELECT (SELECT proof || ':' || buurt_id FROM verifications WHERE user_id = ?)"
    return scalar(app, sql, (user_id(app, name),))


def test_off_until_configured(client):
    assert client.get("/login/oidc").status_code == 404
    assert client.get("/login/oidc/callback?code=x&state=y").status_code == 404
    assert "/login/oidc" not in page(client.get("/login"))


def test_the_login_page_offers_the_municipalitys_login(oidc_app):
    assert 'href="/login/oidc"' in page(oidc_app.test_client().get("/login"))


def test_link_verify_and_log_in_again(oidc_app):
    client = sign_in(oidc_app.test_client(), "bewoner")
    callback = provider_login(client, "alice")
    answer = client.get(callback)
    assert answer.status_code == 303
    bewoner = user_id(oidc_app, "bewoner")
    assert scalar(oidc_app, "SELECT subject FROM oidc_links WHERE user_id = ?", (bewoner,)) == "alice"
    assert verification(oidc_app, "bewoner") == f"oidc:{oidc_app.home_buurt}"
    # Later, not logged in: the municipality's login alone logs this account in.
    fresh = oidc_app.test_client()
    answer = fresh.get(provider_login(fresh, "alice"))
    assert answer.status_code == 303
    with fresh.session_transaction() as session:
        token = session["_user_id"]
    # The municipality's login made a session of its own, for this person.
    assert scalar(oidc_app, "SELECT user_id FROM sessions WHERE token_hash = ?", (token_hash(token),)) == bewoner
    assert count(oidc_app, "oidc_links") == 1


def test_a_person_seen_first_without_an_account_is_asked_to_log_in(oidc_app):
    client = oidc_app.test_client()
    answer = client.get(provider_login(client, "alice"))
    assert answer.status_code == 200
    assert t(oidc_app, "First log in to your account") in page(answer)
    assert count(oidc_app, "oidc_links") == 0
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_without_a_known_postcode_the_account_is_only_linked(oidc_app):
    unverify(oidc_app, "bewoner")  # the demo's voters come verified
    client = sign_in(oidc_app.test_client(), "bewoner")
    answer = client.get(provider_login(client, "carol"), follow_redirects=True)
    assert count(oidc_app, "oidc_links") == 1
    assert verification(oidc_app, "bewoner") is None
    assert "A coach or a voting code must still confirm your neighbourhood" in page(answer) or t(
        oidc_app,
        "Your account is linked to the municipality's login. It did not tell us your neighbourhood. "
        "A coach or a voting code must still confirm your neighbourhood before you can vote.",
    ) in page(answer)


def test_a_postcode_of_another_buurt_verifies_that_buurt_and_says_so(oidc_app):
    client = sign_in(oidc_app.test_client(), "bewoner")
    client.get(provider_login(client, "bob"))
    assert verification(oidc_app, "bewoner") == f"oidc:{oidc_app.other_buurt}"


def test_an_account_and_a_person_are_linked_only_once(oidc_app):
    first = sign_in(oidc_app.test_client(), "bewoner")
    first.get(provider_login(first, "alice"))
    # Another account cannot take alice's login.
    other = sign_in(oidc_app.test_client(), "bewoner2")
    answer = other.get(provider_login(other, "alice"))
    assert answer.status_code == 409
    assert t(
        oidc_app,
        "This login of the municipality already belongs to another account. One person has one account.",
    ) in page(answer)
    # And bewoner cannot link a second person.
    answer = first.get(provider_login(first, "bob"))
    assert answer.status_code == 409
    assert count(oidc_app, "oidc_links") == 1
    assert verification(oidc_app, "bewoner2") is None


def test_a_replayed_state_is_refused(oidc_app):
    client = sign_in(oidc_app.test_client(), "bewoner")
    callback = provider_login(client, "carol")
    assert client.get(callback).status_code == 303
    again = client.get(callback)
    assert again.status_code == 400
    assert t(oidc_app, "This login was already used or has expired. Start again.") in page(again)
    # A state this browser never started is refused the same way.
    stranger = oidc_app.test_client()
    assert stranger.get(callback).status_code == 400


@pytest.mark.parametrize("client_id", sorted(REFUSALS))
def test_a_spoiled_id_token_is_refused(make_app, openid_provider, client_id):  # noqa: F811
    app = make_app(**oidc_settings(openid_provider, client_id=client_id))
    client = sign_in(app.test_client(), "bewoner")
    answer = client.get(provider_login(client, "alice"))
    assert answer.status_code == 400
    assert t(app, REFUSALS[client_id]) in page(answer)
    assert count(app, "oidc_links") == 0
    assert count(app, "verifications", "proof = 'oidc'") == 0


def test_the_messages_are_translated(oidc_app):
    for text in REFUSALS.values():
        assert t(oidc_app, text, lang="nl") != text
        assert t(oidc_app, text, lang="en", plain=True) != text


def test_the_municipality_uploads_the_postcode_table(oidc_app):
    client = sign_in(oidc_app.test_client(), "gemeente")
    assert client.get("/gemeente/postcodes").status_code == 200
    html = page(client.get("/gemeente/postcodes"))
    csrf = html.split('name="csrf_token" value="')[1].split('"')[0]
    name = scalar(oidc_app, "SELECT name FROM buurten WHERE id = ?", (oidc_app.other_buurt,))
    good = f"postcode,neighbourhood\n2000 AA,{name}\n2001,{name}\n".encode()
    answer = client.post(
        "/gemeente/postcodes",
        data={"csrf_token": csrf, "table": (io.BytesIO(good), "p.csv")},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 303
    assert count(oidc_app, "postcodes") == 2
    bad = b"postcode,neighbourhood\n2000 AA,Nowhere\n12,x\n"
    answer = client.post(
        "/gemeente/postcodes",
        data={"csrf_token": csrf, "table": (io.BytesIO(bad), "p.csv")},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 422
    assert count(oidc_app, "postcodes") == 2
    # Without a token, or for a resident: refused.
    answer = client.post(
        "/gemeente/postcodes", data={"table": (io.BytesIO(good), "p.csv")}, content_type="multipart/form-data"
    )
    assert answer.status_code == 400
    resident = sign_in(oidc_app.test_client(), "bewoner")
    assert resident.get("/gemeente/postcodes").status_code == 403
