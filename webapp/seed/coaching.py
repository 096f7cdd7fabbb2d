"""Demo data for coaching (called from webapp/seed/demo.py)."""


def seed_small(db, today):
    """The small demo set: runs after places, jobs and the demo accounts exist."""


def seed_large(db, rng, today):
    """The benchmark set: runs after the large residents and jobs exist."""
