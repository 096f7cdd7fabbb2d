"""The municipality's OpenID Connect login, through Authlib.

Authlib does the protocol: the authorisation code flow with PKCE (S256),
``state`` and ``nonce`` kept in the session (each used once), and the ID
token checked: its signature against the provider's published keys, the
issuer, the audience (our client id), the nonce and the times. This module
only sets the client up from the settings and sorts Authlib's errors into
the few reasons we explain to a person.
"""

import requests
from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError
from authlib.integrations.flask_client import OAuth
from flask import current_app

NAME = "municipality"
_KEY = "basisbaan_oidc"


def configured(config=None):
    config = config or current_app.config
    return bool(config.get("OIDC_ISSUER") and config.get("OIDC_CLIENT_ID") and config.get("OIDC_CLIENT_SECRET"))


def client():
    """The app's Authlib client, made on first use from the settings."""
    app = current_app._get_current_object()
    if _KEY not in app.extensions:
        config = app.config
        oauth = OAuth(app)
        oauth.register(
            NAME,
            client_id=config["OIDC_CLIENT_ID"],
            client_secret=config["OIDC_CLIENT_SECRET"],
            server_metadata_url=config["OIDC_ISSUER"].rstrip("/") + "/.well-known/openid-configuration",
            client_kwargs={
                "scope": config["OIDC_SCOPE"],
                "code_challenge_method": "S256",
                "timeout": config["OIDC_TIMEOUT"],
            },
        )
        app.extensions[_KEY] = oauth
    return app.extensions[_KEY].create_client(NAME)


class LoginFailed(Exception):
    """Why a login through the municipality was refused: one of REASONS."""

    REASONS = ("state", "refused", "signature", "audience", "expired", "invalid", "unreachable")

    def __init__(self, reason, detail=""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def _reason(error):
    code = getattr(error, "error", "") or ""
    text = f"{code} {getattr(error, 'description', '') or ''} {error}".lower()
    if isinstance(error, MismatchingStateError):
        return "state"
    if "expired" in code or "expired" in text:
        return "expired"
    if "signature" in code or "signature" in text:
        return "signature"
    # A token for another client lacks our id in "aud" (Authlib then asks
    # for "azp"); one from another issuer fails on "iss".
    named = any(f"'{claim}'" in text or f'"{claim}"' in text for claim in ("aud", "azp", "iss"))
    if code in ("invalid_claim", "missing_claim") and named:
        return "audience"
    if isinstance(error, OAuthError):
        return "refused"
    return "invalid"


def finish_login():
    """The checked claims of the ID token of the login that came back to us.

    Raises ``LoginFailed``. The state in the answer must be one this browser
    session started and not used before; the token must pass every check."""
    config = current_app.config
    oidc = client()
    issuer = config["OIDC_ISSUER"].rstrip("/")
    try:
        token = oidc.authorize_access_token(
            claims_options={
                "iss": {"essential": True, "values": [issuer, issuer + "/"]},
                "aud": {"essential": True},
                "exp": {"essential": True},
                "sub": {"essential": True},
            },
            leeway=config["OIDC_LEEWAY"],
        )
    except requests.RequestException as error:
        raise LoginFailed("unreachable", str(error)) from error
    except Exception as error:  # Authlib's and joserfc's errors have no common base
        if not hasattr(error, "error") and not type(error).__module__.startswith(("authlib", "joserfc")):
            raise
        raise LoginFailed(_reason(error), str(error)) from error
    claims = token.get("userinfo")
    if not claims or not claims.get("sub"):
        raise LoginFailed("invalid", "no ID token")
    claims = dict(claims)
    claim_name = config["OIDC_BUURT_CLAIM"]
    if claim_name and claim_name not in claims:
        # Some brokers give the address only at the userinfo endpoint.
        try:
            extra = oidc.userinfo(token=token)
        except (requests.RequestException, OAuthError):
            extra = {}
        if extra.get("sub") == claims["sub"] and claim_name in extra:
            claims[claim_name] = extra[claim_name]
    return claims
