"""A worker thread keeps its connection between requests, and never its leftovers."""

import os
import shutil

from webapp.db import get_db


def _connection_of_a_request(app):
    with app.test_request_context("/"):
        db = get_db()
        conn = db.conn
        app.do_teardown_appcontext()
    return conn


def test_the_next_request_in_the_same_thread_reuses_the_connection(app):
    assert _connection_of_a_request(app) is _connection_of_a_request(app)


def test_a_transaction_a_request_left_open_is_rolled_back_not_inherited(app):
    with app.test_request_context("/"):
        db = get_db()
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute("INSERT INTO counters (name, value) VALUES ('left-open', 1)")
        app.do_teardown_appcontext()
    with app.test_request_context("/"):
        db = get_db()
        assert not db.conn.in_transaction
        assert db.execute("SELECT COUNT(*) FROM counters WHERE name = 'left-open'").fetchone()[0] == 0
        app.do_teardown_appcontext()


def test_a_replaced_database_file_gets_a_new_connection(app, tmp_path):
    before = _connection_of_a_request(app)
    path = app.config["DATABASE"]
    copy = tmp_path / "copy.db"
    shutil.copyfile(path, copy)
    os.replace(copy, path)  # what a restore does: a new file under the old name
    assert _connection_of_a_request(app) is not before


def _database_file_of_a_request(app):
    with app.test_request_context("/"):
        path = get_db().execute("PRAGMA database_list").fetchone()[2]
        app.do_teardown_appcontext()
    return path


def test_each_app_reads_its_own_database_whatever_the_thread_kept(app, make_app):
    other = make_app()
    for each in (app, other, app):
        assert _database_file_of_a_request(each) == os.path.realpath(each.config["DATABASE"])
