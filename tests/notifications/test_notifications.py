"""In-app notifications: only your own, marked read when opened."""

import re

from webapp.db import connect
from webapp.notifications.changes import notify


def user_id(db, username):
    return db.execute("SELECT id FROM users WHERE username = ?", (username,)).fetchone()[0]


def token(client, path="/notifications"):
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True))[1]


def test_anonymous_is_sent_to_log_in(client):
    response = client.get("/notifications")
    assert response.status_code == 303
    assert "/login" in response.headers["Location"]


def test_unread_count_shows_in_the_menu(client, auth, db):
    notify(db, [user_id(db, "bewoner")], "message", "/interests")
    auth.login()
    page = client.get("/jobs").get_data(as_text=True)
    assert re.search(r'class="nav-count">1<', page)


def test_list_shows_the_kind_text_not_private_content(client, auth, db):
    notify(db, [user_id(db, "bewoner")], "message", "/interests")
    auth.login()
    page = client.get("/notifications?lang=en").get_data(as_text=True)
    assert "You have a new message from your coach." in page


def test_opening_marks_read_and_follows_the_link(client, auth, db):
    notify(db, [user_id(db, "bewoner")], "interest_answer", "/interests")
    auth.login()
    item = db.execute("SELECT id FROM notifications").fetchone()[0]
    response = client.post(f"/notifications/{item}/open", data={"csrf_token": token(client)})
    assert response.status_code == 303
    assert response.headers["Location"] == "/interests"
    assert db.execute("SELECT read_at FROM notifications WHERE id = ?", (item,)).fetchone()[0]


def test_someone_elses_notification_cannot_be_opened(client, auth, db):
    notify(db, [user_id(db, "bewoner2")], "message", "/")
    auth.login()
    item = db.execute("SELECT id FROM notifications").fetchone()[0]
    response = client.post(f"/notifications/{item}/open", data={"csrf_token": token(client)})
    assert response.status_code == 404
    assert db.execute("SELECT read_at FROM notifications WHERE id = ?", (item,)).fetchone()[0] is None
    assert "message from your coach" not in client.get("/notifications?lang=en").get_data(as_text=True)


def test_mark_all_read_needs_a_token(client, auth, db):
    notify(db, [user_id(db, "bewoner")], "message", "/")
    auth.login()
    assert client.post("/notifications/read").status_code == 400
    assert db.execute("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL").fetchone()[0] == 1
    client.post("/notifications/read", data={"csrf_token": token(client)})
    assert db.execute("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL").fetchone()[0] == 0


def test_an_offsite_link_is_never_followed(client, auth, db):
    notify(db, [user_id(db, "bewoner")], "message", "https://evil.example/")
    auth.login()
    item = db.execute("SELECT id FROM notifications").fetchone()[0]
    response = client.post(f"/notifications/{item}/open", data={"csrf_token": token(client)})
    assert response.headers["Location"] == "/notifications"


def test_unknown_kind_is_refused(app):
    db = connect(app.config["DATABASE"])
    try:
        notify(db, [1], "secret-text", "/")
    except ValueError:
        pass
    else:
        raise AssertionError("an unknown kind was stored")
    assert db.execute("SELECT COUNT(*) FROM notifications").fetchone()[0] == 0
