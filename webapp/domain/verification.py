"""Which proof of home buurt counts for a vote: plain rules, no Flask, no database."""

from dataclasses import dataclass

PROOFS = ("coach", "code", "oidc")  # met by a coach, a voting code, the municipality's login
DEFAULT_PROOFS = ("coach", "code")


@dataclass(frozen=True)
class Verification:
    proof: str  # one of PROOFS
    buurt_id: int  # the buurt the proof ties the resident to


def parse_proofs(text):
    """The accepted proofs from the stored setting ('coach code'), in PROOFS order.

    Unknown words are left out; an empty or unknown setting means the default,
    because at least one proof must stay on."""
    chosen = {word for word in (text or "").split() if word in PROOFS}
    return tuple(proof for proof in PROOFS if proof in chosen) or DEFAULT_PROOFS


def counts(verification, accepted, home_buurt_id):
    """True when ``verification`` lets the resident vote in the wijk of ``home_buurt_id``.

    It must be a proof the municipality accepts, and it must be for the
    resident's home buurt as it is now: moving to another buurt ends the right
    to vote until that buurt is verified again."""
    return (
        verification is not None
        and home_buurt_id is not None
        and verification.proof in accepted
        and verification.buurt_id == home_buurt_id
    )
