"""Every answer has a short request id: in its header, in each log line of
the request, and in words on the pages a person may call about."""

import io
import logging
import re
import sqlite3

import pytest
from http_support import page, post_form, sign_in, t

from webapp import requestid

CALL = "If you call us, mention this code:"
ID = re.compile(r"[A-HJKMNP-Z2-9]{8}")
TITLES = {
    400: "We could not read this",
    403: "This page is not for you",
    404: "We cannot find this page",
    405: "This does not work here",
    413: "This is too much at once",
    429: "Please wait a little",
    500: "Sorry, something went wrong",
    503: "Not saved: please try again",
}
CALLED_ABOUT = {429, 500, 503}  # the pages that show the code


def _bad_request(app, client):
    # A file where the form takes text (with a good CSRF token: else that is the 400).
    return post_form(client, "/login", {"username": (io.BytesIO(b"x"), "x.txt")}, token_from="/login")


def _forbidden(app, client):
    sign_in(client, "coach")
    return client.get("/profile")


def _not_found(app, client):
    return client.get("/nothing-here")


def _not_allowed(app, client):
    return client.put("/")


def _too_large(app, client):
    return client.post("/login", data={"username": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})


def _too_many(app, client):
    sign_in(client, "bewoner")
    for n in range(2):
        post_form(client, "/messages", {"body": f"Bericht {n}"})
    return post_form(client, "/messages", {"body": "Een te veel"})


def _server_error(app, client):
    return client.get("/_test/boom")


def _not_saved(app, client):
    sign_in(client, "bewoner")
    other = sqlite3.connect(app.config["DATABASE"], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        return post_form(client, "/messages", {"body": "Tijdens het slot"})
    finally:
        other.execute("ROLLBACK")
        other.close()


MAKE = {
    400: _bad_request,
    403: _forbidden,
    404: _not_found,
    405: _not_allowed,
    413: _too_large,
    429: _too_many,
    500: _server_error,
    503: _not_saved,
}


@pytest.fixture
def app(make_app):
    app = make_app(MESSAGE_LIMIT_PER_PERSON="2 per 10 minutes", DATABASE_BUSY_TIMEOUT=100)
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/_test/boom")
    def boom():
        raise RuntimeError("a secret detail of the bug")

    return app


@pytest.mark.parametrize("status", sorted(MAKE))
def test_each_error_page_has_its_id_in_the_header_the_log_and_where_it_helps_the_page(app, status, caplog):
    client = app.test_client()
    with caplog.at_level(logging.INFO, logger="webapp"):
        caplog.clear()
        response = MAKE[status](app, client)
    assert response.status_code == status
    code = response.headers[requestid.HEADER]
    assert ID.fullmatch(code), code
    body = page(response)
    assert t(app, TITLES[status]) in body
    # The log line of this request carries the same id, and prints it.
    ours = [record for record in caplog.records if record.name == "webapp" and record.request_id == code]
    assert ours, [(record.getMessage(), getattr(record, "request_id", None)) for record in caplog.records]
    printed = logging.Formatter(requestid.LOG_FORMAT).format(ours[-1])
    assert f"[{code}]" in printed
    if status in CALLED_ABOUT:
        assert f"{t(app, CALL)} <strong data-request-id>{code}</strong>" in body
    else:
        assert code not in body
    assert "a secret detail" not in body and "Traceback" not in body and "RuntimeError" not in body


def test_every_answer_has_its_own_id(client):
    codes = {client.get("/help").headers[requestid.HEADER] for _ in range(20)}
    assert len(codes) == 20
    assert all(ID.fullmatch(code) for code in codes)


def test_a_500_logs_the_exception_under_the_pages_code(app, caplog):
    with caplog.at_level(logging.INFO, logger="webapp"):
        response = app.test_client().get("/_test/boom")
    code = response.headers[requestid.HEADER]
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert errors and errors[-1].request_id == code
    assert errors[-1].exc_info and "a secret detail" in str(errors[-1].exc_info[1])


@pytest.mark.parametrize(
    ("proxies", "sent", "taken"),
    [
        (0, "AbC123xy", False),  # no trusted proxy: anyone could pick it
        (1, "AbC123xy", True),
        (1, "abc_123-XYZ", True),
        (1, "short", False),
        (1, "0123456789abcdef0123456789abcdef", False),  # nginx's $request_id: too long to read out
        (1, "AB12CD34 fake log line", False),
        (1, "<script>x</script>", False),
    ],
)
def test_an_incoming_id_is_taken_only_from_a_trusted_proxy_and_only_when_short_and_safe(
    make_app, proxies, sent, taken
):
    app = make_app(TRUSTED_PROXIES=proxies)
    code = app.test_client().get("/help", headers={requestid.HEADER: sent}).headers[requestid.HEADER]
    assert (code == sent) is taken
    if not taken:
        assert ID.fullmatch(code)


def test_outside_a_request_the_log_says_so(app, caplog):
    with caplog.at_level(logging.INFO, logger="webapp"):
        app.logger.info("a command ran")
    assert caplog.records[-1].request_id == requestid.NO_REQUEST
