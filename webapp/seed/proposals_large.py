"""The large set of proposals and votes, for benchmarks (see webapp/seed/proposals.py)."""


def seed(db, rng, today, click):
    """Filled in below."""
