"""Guessing passwords stays slow, but nobody can lock out the owner.

OWASP's device cookies (webapp/auth/guessing.py): a browser that logged in
before keeps its own allowance; any other browser is limited per account
and per address. Also: the dummy hash for unknown names, and the trusted
proxy setting.
"""

import time

import pytest
from flask import request
from http_support import CSRF, DEMO_PASSWORD, csrf_token, execute, page, post_form, t, user_id
from itsdangerous import URLSafeTimedSerializer

from webapp.auth import guessing, users
from webapp.config import Config

TOO_MANY = "Too many tries"
DEFAULTS = {
    "LOGIN_LIMIT_PER_ACCOUNT": Config.LOGIN_LIMIT_PER_ACCOUNT,
    "LOGIN_LIMIT_PER_ADDRESS": Config.LOGIN_LIMIT_PER_ADDRESS,
    "LOGIN_LIMIT_PER_DEVICE": Config.LOGIN_LIMIT_PER_DEVICE,
}
HOME = "10.0.0.1"  # the owner's address, and the attacker's (one proxy for the whole town)


def attempt(client, username, password="verkeerd", address=HOME, headers=None):  # noqa: S107
    token = csrf_token(client, "/login")
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
        headers=headers or {},
    )


def device_cookie(client):
    found = client.get_cookie(guessing.COOKIE, path="/login")
    return found.value if found else None


def owner_device(app, username="bewoner"):
    """A browser the owner logged in from before, logged out again."""
    client = app.test_client()
    assert attempt(client, username, DEMO_PASSWORD).status_code == 303
    post_form(client, "/logout", token_from="/logout")
    assert client.get("/profile/export").status_code != 200
    assert device_cookie(client)
    return client


def with_cookie(app, value):
    client = app.test_client()
    client.set_cookie(guessing.COOKIE, value, path="/login")
    return client


def attack(app, username="bewoner", times=35, address=HOME):
    """Wrong passwords from a browser without a device cookie; the answers."""
    attacker = app.test_client()
    return [attempt(attacker, username, address=address).status_code for _ in range(times)]


# --- the owner gets in ------------------------------------------------------------


def test_the_owner_gets_in_from_their_device_after_an_attack_from_the_same_address(make_app):
    app = make_app(**DEFAULTS)
    owner = owner_device(app)
    answers = attack(app)
    assert answers == [422] * 5 + [429] * 30
    response = attempt(owner, "bewoner", DEMO_PASSWORD)
    assert response.status_code == 303
    assert owner.get("/profile/export").status_code == 200


def test_the_owner_gets_in_after_an_attack_from_many_addresses(make_app):
    app = make_app(**DEFAULTS)
    owner = owner_device(app)
    for number in range(40):
        attack(app, times=1, address=f"10.7.{number}.1")
    assert attempt(owner, "bewoner", DEMO_PASSWORD, "10.9.9.9").status_code == 303


def test_a_typo_on_the_owners_device_after_an_attack_is_a_plain_mismatch(make_app):
    app = make_app(**DEFAULTS)
    owner = owner_device(app)
    attack(app)
    assert attempt(owner, "bewoner").status_code == 422
    assert attempt(owner, "BEWONER ", DEMO_PASSWORD).status_code == 303


def test_the_device_cookie_works_for_the_e_mail_address_too(make_app):
    app = make_app(**DEFAULTS)
    owner = owner_device(app, "coach")
    attack(app, "coach@example.org")
    assert attempt(owner, "coach@example.org", DEMO_PASSWORD).status_code == 303


# --- unknown devices stay limited ---------------------------------------------------


def test_an_unknown_device_is_refused_after_the_limit_even_with_the_right_password(make_app):
    app = make_app(**DEFAULTS)
    attack(app, times=5, address="10.6.6.6")
    stranger = app.test_client()
    response = attempt(stranger, "bewoner", DEMO_PASSWORD, "10.5.5.5")
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 900
    assert t(app, TOO_MANY) in page(response)
    assert stranger.get("/profile/export").status_code != 200


def test_an_address_that_guessed_too_much_is_refused_for_every_unknown_device(make_app):
    app = make_app(**DEFAULTS)
    for number in range(30):
        assert attack(app, f"niemand{number}", times=1) == [422]
    assert attempt(app.test_client(), "bewoner2", DEMO_PASSWORD).status_code == 429
    assert attempt(app.test_client(), "bewoner2", DEMO_PASSWORD, "10.0.0.2").status_code == 303


def test_a_tampered_device_cookie_counts_as_none(make_app):
    app = make_app(**DEFAULTS)
    value = device_cookie(owner_device(app))
    attack(app)
    changed = value[:-2] + ("AA" if value[-2:] != "AA" else "BB")
    assert attempt(with_cookie(app, changed), "bewoner", DEMO_PASSWORD).status_code == 429


def test_a_device_cookie_signed_with_another_key_counts_as_none(make_app):
    app = make_app(**DEFAULTS)
    forged = URLSafeTimedSerializer("not-our-secret", salt=guessing.SALT).dumps(
        [[user_id(app, "bewoner"), "x" * 32]]
    )
    attack(app)
    assert attempt(with_cookie(app, forged), "bewoner", DEMO_PASSWORD).status_code == 429


def test_a_device_cookie_older_than_a_year_counts_as_none(make_app, monkeypatch):
    app = make_app(**DEFAULTS)
    now = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: now - 366 * 24 * 3600)
        old = URLSafeTimedSerializer(app.secret_key, salt=guessing.SALT).dumps(
            [[user_id(app, "bewoner"), "x" * 32]]
        )
    attack(app)
    assert attempt(with_cookie(app, old), "bewoner", DEMO_PASSWORD).status_code == 429
    # The same, made now, is a known device.
    new = URLSafeTimedSerializer(app.secret_key, salt=guessing.SALT).dumps([[user_id(app, "bewoner"), "x" * 32]])
    assert attempt(with_cookie(app, new), "bewoner", DEMO_PASSWORD).status_code == 303


def test_a_device_cookie_for_another_account_does_not_help(make_app):
    app = make_app(**DEFAULTS)
    neighbour = owner_device(app, "bewoner2")
    attack(app)
    assert attempt(neighbour, "bewoner", DEMO_PASSWORD).status_code == 429


def test_a_device_cookie_from_another_site_with_the_same_shape_does_not_help(make_app):
    """Signed with our key but another salt (another use of the key): none."""
    app = make_app(**DEFAULTS)
    forged = URLSafeTimedSerializer(app.secret_key, salt="something-else").dumps(
        [[user_id(app, "bewoner"), "x" * 32]]
    )
    attack(app)
    assert attempt(with_cookie(app, forged), "bewoner", DEMO_PASSWORD).status_code == 429


# --- the device's own allowance -----------------------------------------------------


def test_a_device_that_guesses_too_much_is_locked_out_alone(make_app):
    app = make_app(**DEFAULTS)
    owner = owner_device(app)
    answers = [attempt(owner, "bewoner").status_code for _ in range(6)]
    assert answers == [422] * 5 + [429]
    # That device cookie is refused for the period, even with the right password.
    assert attempt(owner, "bewoner", DEMO_PASSWORD).status_code == 429
    # Its failures counted neither for the account nor for the address.
    assert attempt(app.test_client(), "bewoner", DEMO_PASSWORD).status_code == 303


def test_a_stolen_device_cookie_gets_only_that_devices_allowance(make_app):
    app = make_app(**DEFAULTS)
    thief = with_cookie(app, device_cookie(owner_device(app)))
    assert [attempt(thief, "bewoner", address="10.8.8.8").status_code for _ in range(7)] == [422] * 5 + [429] * 2


def test_another_device_of_the_owner_keeps_its_own_allowance(make_app):
    app = make_app(**DEFAULTS)
    phone = owner_device(app)
    laptop = owner_device(app)
    for _ in range(6):
        attempt(phone, "bewoner")
    assert attempt(laptop, "bewoner", DEMO_PASSWORD).status_code == 303


def test_a_shared_phone_knows_each_person_who_logged_in_on_it(make_app):
    app = make_app(**DEFAULTS)
    phone = owner_device(app, "bewoner")
    attempt(phone, "bewoner2", DEMO_PASSWORD)
    post_form(phone, "/logout", token_from="/logout")
    attack(app, "bewoner")
    attack(app, "bewoner2")
    assert attempt(phone, "bewoner", DEMO_PASSWORD).status_code == 303
    post_form(phone, "/logout", token_from="/logout")
    assert attempt(phone, "bewoner2", DEMO_PASSWORD).status_code == 303


# --- the cookie itself --------------------------------------------------------------


def test_the_device_cookie_is_http_only_lax_for_the_login_page_for_a_year(make_app):
    app = make_app()
    response = attempt(app.test_client(), "bewoner", DEMO_PASSWORD)
    header = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith(guessing.COOKIE + "="))
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert "Path=/login" in header
    assert f"Max-Age={365 * 24 * 3600}" in header
    assert "Secure" not in header


def test_the_device_cookie_is_secure_with_secure_sessions(make_app):
    app = make_app(SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    form = page(client.get("/login", base_url="https://localhost"))
    token = CSRF.search(form).group(1)
    response = client.post(
        "/login",
        data={"username": "bewoner", "password": DEMO_PASSWORD, "csrf_token": token},
        base_url="https://localhost",
        headers={"Referer": "https://localhost/login"},  # Flask-WTF asks for it over https
    )
    assert response.status_code == 303
    header = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith(guessing.COOKIE + "="))
    assert "Secure" in header


def test_a_failed_login_gives_no_device_cookie(make_app):
    app = make_app()
    client = app.test_client()
    attempt(client, "bewoner")
    assert device_cookie(client) is None


def test_the_device_cookie_names_no_password(make_app):
    app = make_app()
    client = app.test_client()
    attempt(client, "bewoner", DEMO_PASSWORD)
    payload = URLSafeTimedSerializer(app.secret_key, salt=guessing.SALT).loads(device_cookie(client))
    assert payload[0][0] == user_id(app, "bewoner")
    assert len(payload[0][1]) >= 16
    assert DEMO_PASSWORD not in str(payload)


# --- an unknown name costs a hash check too ------------------------------------------


@pytest.fixture
def hash_checks(monkeypatch):
    calls = []
    real = users.check_password_hash

    def spy(stored, password):
        calls.append(stored)
        return real(stored, password)

    monkeypatch.setattr(users, "check_password_hash", spy)
    return calls


@pytest.mark.parametrize("name", ["niemand", "bewoner", "niet-geactiveerd", "bestaat@niet.nl"])
def test_every_wrong_login_checks_one_password_hash(make_app, hash_checks, name):
    app = make_app()
    execute(
        app,
        "INSERT INTO users (username, display_name, role, created_at) VALUES (?, ?, 'resident', ?)",
        ("niet-geactiveerd", "Nog niet", "2026-01-01T00:00:00Z"),
    )
    assert attempt(app.test_client(), name).status_code == 422
    assert len(hash_checks) == 1


def test_the_dummy_hash_has_the_same_method_and_cost_as_real_ones(app, hash_checks):
    attempt(app.test_client(), "niemand")
    attempt(app.test_client(), "bewoner")
    dummy, real = hash_checks
    assert dummy != real
    assert dummy.split("$")[0] == real.split("$")[0] == users.hash_password("x").split("$")[0]


def test_the_dummy_hash_is_made_once(app, hash_checks):
    for _ in range(3):
        attempt(app.test_client(), "niemand")
    assert len(set(hash_checks)) == 1


# --- trusted proxies ----------------------------------------------------------------


def proxied(app, username, forwarded_for, proxy="127.0.0.1"):
    return attempt(
        app.test_client(), username, address=proxy, headers={"X-Forwarded-For": forwarded_for}
    ).status_code


def test_behind_a_trusted_proxy_each_person_has_their_own_address_limit(make_app):
    app = make_app(TRUSTED_PROXIES=1, LOGIN_LIMIT_PER_ADDRESS="3 per 15 minutes")
    assert [proxied(app, f"niemand{n}", "10.0.0.1") for n in range(4)] == [422, 422, 422, 429]
    assert proxied(app, "niemand9", "10.0.0.2") == 422
    # Only the last address counts: the proxy put it there, the rest came from the browser.
    assert proxied(app, "niemand9", "10.0.0.2, 10.0.0.1") == 429


def where_seen(app, headers):
    """The address and scheme a view sees for a request with ``headers``."""
    seen = {}

    @app.get("/_test/where")
    def where():
        seen.update(scheme=request.scheme, address=request.remote_addr)
        return ""

    app.test_client().get("/_test/where", headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    return seen


FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.1.1.1"}


def test_behind_a_trusted_proxy_address_and_scheme_are_the_browsers(make_app):
    assert where_seen(make_app(TRUSTED_PROXIES=1), FORWARDED) == {"scheme": "https", "address": "10.1.1.1"}


def test_without_trusted_proxies_address_and_scheme_are_the_connections(make_app):
    assert where_seen(make_app(), FORWARDED) == {"scheme": "http", "address": "127.0.0.1"}


def test_without_trusted_proxies_the_forwarded_header_is_ignored(make_app):
    app = make_app(LOGIN_LIMIT_PER_ADDRESS="3 per 15 minutes")
    assert Config.TRUSTED_PROXIES == 0
    answers = [proxied(app, f"niemand{n}", f"10.0.0.{n}") for n in range(4)]
    assert answers == [422, 422, 422, 429]
