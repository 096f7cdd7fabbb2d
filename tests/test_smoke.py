def test_home_answers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Basisbaan" in response.get_data(as_text=True)


def test_login_with_demo_account(client, auth):
    response = auth.login()
    assert response.status_code == 303
    assert response.headers["Location"] == "/jobs"
