"""Routes of the verification area (voting codes, the resident's verify page, OpenID Connect)."""

from webapp.verification import (
    bp,  # noqa: F401 - routes are added here
    oidc_routes,  # noqa: F401, E402 - the municipality's login
)
