"""Saving a person's language and plain-language choice in their account."""


def save_choice(db, user_id, lang, plain):
    """The switcher's choice, for every device this person logs in on."""
    db.execute("UPDATE users SET lang = ?, plain = ? WHERE id = ?", (lang, int(plain), user_id))


def carry_choice(db, user_id, lang, plain):
    """A choice made before logging in becomes the account's, where it has none.

    ``lang`` and ``plain`` are None when the browser made no choice.
    """
    db.execute(
        "UPDATE users SET lang = COALESCE(lang, ?), plain = COALESCE(plain, ?) WHERE id = ?",
        (lang, plain, user_id),
    )
