"""What the phone's outbox (static/js/outbox.js) must be able to tell apart:
"not logged in" and "not saved, try again" keep the item; only a real answer
takes it out."""

from http_support import count, csrf_token, sign_in, user_id

OUTBOX = {"Basisbaan-Outbox": "1"}


def test_an_outbox_send_without_a_session_is_a_401_not_a_redirect(reader_app, reader):
    token = csrf_token(reader, "/login")
    response = reader.post("/messages", data={"body": "Na het uitloggen", "csrf_token": token}, headers=OUTBOX)
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login")
    assert count(reader_app, "messages", "body = ?", ("Na het uitloggen",)) == 0


def test_a_form_without_javascript_still_goes_to_the_login_page(reader):
    token = csrf_token(reader, "/login")
    response = reader.post("/messages", data={"body": "Gewoon", "csrf_token": token})
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/login")


def test_an_outbox_send_with_a_session_is_answered_as_usual(app, client):
    sign_in(client, "bewoner")
    data = {"body": "Uit de outbox", "csrf_token": csrf_token(client, "/messages")}
    response = client.post("/messages", data=data, headers=OUTBOX)
    assert response.status_code == 303
    assert count(app, "messages", "body = ? AND sender_id = ?", ("Uit de outbox", user_id(app, "bewoner"))) == 1
