"""Routes of the verification area (voting codes, the resident's verify page, OpenID Connect)."""

from flask import abort, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from webapp.access import gemeente_required, resident_required
from webapp.db import get_db
from webapp.domain import votingcodes
from webapp.extensions import limiter
from webapp.forms import EmptyForm
from webapp.limits import failed_attempt
from webapp.places import places
from webapp.verification import bp, changes, queries
from webapp.verification.forms import (
    VerifyForm,
    VoidVotingCodeForm,
    VotingCodeBatchForm,
    VotingCodeLettersForm,
)
from webapp.web import NO_STORE, form_lives_on, no_store

# --- voting codes (the codes helper): the municipality's batches, a resident's code --------


def _file_problem(error):
    """The translated message for an address file that cannot be used."""
    if error.reason == "lines":
        reasons = {
            "columns": _("it needs two columns: the address and the number of adults"),
            "address": _("the address is empty"),
            "address_too_long": _("the address is longer than %(num)d characters", num=votingcodes.MAX_ADDRESS),
            "adults": _("the number of adults must be a whole number of 1 or more"),
            "too_many_adults": _("more than %(num)d adults at one address", num=votingcodes.MAX_ADULTS),
        }
        shown = error.problems[:10]
        lines = "; ".join(_("line %(line)d: %(reason)s", line=line, reason=reasons[why]) for line, why in shown)
        more = len(error.problems) - len(shown)
        text = _("Nothing was made. Fix these lines and try again: %(lines)s.", lines=lines)
        if more:
            text += " " + _("And %(num)d more lines.", num=more)
        return text
    return {
        "empty": _("The file has no addresses. Nothing was made."),
        "too_big": _("The file is too big. Make batches of at most %(num)d codes.", num=votingcodes.MAX_CODES),
        "too_many_codes": _(
            "The file asks for more than %(num)d codes. Split it into smaller files.", num=votingcodes.MAX_CODES
        ),
        "not_text": _("This is not a CSV text file. Save it as CSV (UTF-8) and try again."),
    }[error.reason]


def _letters_from(form, number_field):
    """The (address, code) pairs the form asks for, or None with an error on the form."""
    upload = form.addresses.data
    if upload and getattr(upload, "filename", ""):
        try:
            addresses = votingcodes.parse_addresses(upload.read(votingcodes.MAX_FILE_BYTES + 1))
            return votingcodes.letters_for(addresses)
        except votingcodes.AddressError as error:
            form.addresses.errors = [*form.addresses.errors, _file_problem(error)]
            return None
    text = (number_field.data or "").strip()
    if not text.isdigit() or len(text) > 6 or not 1 <= int(text) <= votingcodes.MAX_CODES:
        number_field.errors = [
            *number_field.errors,
            _("Fill in a number from 1 to %(num)d, or choose a file.", num=votingcodes.MAX_CODES),
        ]
        return None
    return [("", code) for code in votingcodes.new_codes(int(text))]


def _voting_codes_page(db, form=None, void_form=None, status=200):
    buurten = [buurt for _wijk, group in _places(db) for buurt in group]
    return render_template(
        "verification/voting_codes.html",
        form=form or VotingCodeBatchForm(buurten, formdata=None),
        void_form=void_form or VoidVotingCodeForm(formdata=None),
        batches=queries.voting_code_batches(db),
        action_form=EmptyForm(formdata=None),
        max_codes=votingcodes.MAX_CODES,
    ), status


def _places(db):
    return places(db)


def _takes_files(view):
    view.takes_files = True  # the address file (see refuse_uploads in webapp/__init__.py)
    return view


@bp.route("/gemeente/voting-codes", methods=["GET", "POST"])
@_takes_files
@gemeente_required
@no_store
def voting_codes():
    db = get_db()
    if request.method == "GET":
        return _voting_codes_page(db)
    buurten = [buurt for _wijk, group in _places(db) for buurt in group]
    form = VotingCodeBatchForm(buurten)
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        _letters_from(form, form.number)  # the number or the file gets its message too
        return _voting_codes_page(db, form=form, status=422)
    letters = _letters_from(form, form.number)
    if letters is None:
        return _voting_codes_page(db, form=form, status=422)
    batch_id = changes.make_voting_code_batch(
        db, int(form.buurt.data), letters, (form.label.data or "").strip(), current_user.id, form.attempt.data
    )
    if batch_id is None:
        flash(_("This batch was made already. Its codes were shown once, when it was made."), "error")
        return redirect(url_for("verification.voting_codes"), code=303)
    return render_template(
        "verification/voting_codes_made.html",
        batch=queries.voting_code_batch(db, batch_id),
        letters=letters,
        letters_form=VotingCodeLettersForm(letters=votingcodes.pack(letters)),
        with_addresses=any(address for address, _code in letters),
    ), 201


def _checked_letters(db, batch_id):
    """The batch and the codes sent back from the page that showed them, if every
    one is an unused code of this batch; else 400 (or 404 for no such batch)."""
    form = VotingCodeLettersForm()
    if not form.validate_on_submit():
        abort(400)
    batch = queries.voting_code_batch(db, batch_id)
    if batch is None:
        abort(404)
    letters = votingcodes.unpack(form.letters.data)
    hashes = queries.batch_code_hashes(db, batch_id)
    if letters is None or any(votingcodes.code_hash(code) not in hashes for _address, code in letters):
        abort(400)
    return batch, letters


@bp.post("/gemeente/voting-codes/<int:batch_id>/csv")
@form_lives_on("verification.voting_codes")
@gemeente_required
def voting_codes_csv(batch_id):
    db = get_db()
    batch, letters = _checked_letters(db, batch_id)
    response = make_response(votingcodes.mail_merge_csv(letters, batch["buurt_name"]))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="voting-codes-{batch_id}.csv"'
    response.headers["Cache-Control"] = NO_STORE
    return response


def _letter_texts():
    """The letter's explanation in plain Dutch and plain English, whatever the reader's language."""
    texts = {}
    address = url_for("verification.verify", _external=True)
    for lang in ("nl@plain", "en@plain"):
        with force_locale(lang):
            texts[lang[:2]] = {
                "title": _("Your voting code for Basisbaan"),
                "what": _("With this code you can vote for plans in your neighbourhood."),
                "one": _("The code is for one adult. Use it only once."),
                "how": _("Go to %(url)s and log in. Type the code there.", url=address),
                "buurt": _("Your neighbourhood"),
                "code": _("Your code"),
                "keep": _("Do not give the code to anyone else."),
            }
    return texts


@bp.post("/gemeente/voting-codes/<int:batch_id>/letters")
@form_lives_on("verification.voting_codes")
@gemeente_required
def voting_codes_letters(batch_id):
    db = get_db()
    batch, letters = _checked_letters(db, batch_id)
    texts = _letter_texts()
    page = render_template("verification/voting_code_letters.html", batch=batch, letters=letters, texts=texts)
    response = make_response(page)
    response.headers["Cache-Control"] = NO_STORE
    return response


@bp.post("/gemeente/voting-codes/<int:batch_id>/void")
@form_lives_on("verification.voting_codes")
@gemeente_required
def voting_codes_void_batch(batch_id):
    if not EmptyForm().validate_on_submit():
        abort(400)
    if not changes.void_voting_code_batch(get_db(), batch_id):
        abort(404)
    flash(_("The batch is void. Its unused codes no longer work."), "success")
    return redirect(url_for("verification.voting_codes"), code=303)


@bp.post("/gemeente/voting-codes/void-code")
@form_lives_on("verification.voting_codes")
@gemeente_required
def voting_codes_void_code():
    db = get_db()
    form = VoidVotingCodeForm()
    if form.validate_on_submit():
        outcome = changes.void_voting_code(db, form.code.data)
        if outcome == "voided":
            flash(_("The code is void. Nobody can use it now."), "success")
            return redirect(url_for("verification.voting_codes"), code=303)
        form.code.errors.append(
            _("A resident used this code already. Voiding it changes nothing now.")
            if outcome == "used"
            else _("We do not know this code. Check it and try again.")
        )
    elif form.csrf_token.errors:
        abort(400)
    return _voting_codes_page(db, void_form=form, status=422)


# --- /settings/verify: a resident types the code from the letter ---------------------------


def _verify_account_key():
    return f"verify-account:{current_user.id}"


@bp.route("/settings/verify", methods=["GET", "POST"])
@resident_required
@limiter.limit(
    lambda: current_app.config["VERIFY_LIMIT_PER_ADDRESS"], methods=["POST"], deduct_when=failed_attempt
)
@limiter.limit(
    lambda: current_app.config["VERIFY_LIMIT_PER_ACCOUNT"],
    key_func=_verify_account_key,
    methods=["POST"],
    deduct_when=failed_attempt,
)
@no_store
def verify():
    db = get_db()
    form = VerifyForm()
    if form.validate_on_submit():
        try:
            buurt_id = changes.redeem_voting_code(db, current_user.id, form.code.data)
        except changes.VotingCodeError as error:
            form.code.errors.append(
                {
                    "unknown": _("This code is not right. Check the letter and type it again."),
                    "used": _("This code was used already. Each code works only once."),
                    "voided": _("This code no longer works. Ask the municipality for a new one."),
                }[error.reason]
            )
        else:
            buurt = queries.buurt_of(db, buurt_id)
            flash(
                _("Thank you. You are verified. Your home neighbourhood is now %(buurt)s.", buurt=buurt["name"]),
                "success",
            )
            return redirect(url_for("verification.verify"), code=303)
    return render_template(
        "verification/verify.html",
        form=form,
        home=queries.home_buurt_of(db, current_user.id),
        verification=queries.code_verification_of(db, current_user.id),
    ), 422 if form.errors else 200


# The postcode table of the municipality's login adds its routes to this blueprint.
from webapp.verification import oidc_routes  # noqa: E402, F401
