"""Hypothesis strategies for the matching rules' property tests: random profiles."""

from hypothesis import strategies as st

from webapp.domain.matching import Profile
from webapp.domain.vocab import CATEGORIES, DAYS, LIMITS, SKILLS

BUURTEN = {1: 10, 2: 10, 3: 11, 4: 12}  # buurt -> its wijk


def codes(pool, most):
    return st.frozensets(st.sampled_from(list(pool)), max_size=most)


@st.composite
def profiles(draw):
    home = draw(st.none() | st.sampled_from(sorted(BUURTEN)))
    return Profile(
        home_buurt=home,
        home_wijk=BUURTEN.get(home),
        categories=draw(codes(CATEGORIES, 3)),
        hours_max=draw(st.none() | st.sampled_from([8, 12, 16, 24, 36])),
        days=draw(codes(DAYS, 7)),
        travel=draw(st.none() | st.sampled_from(["buurt", "wijk", "town"])),
        limits=draw(codes(LIMITS, 4)),
        skills=draw(codes(SKILLS, 5)),
        languages=draw(codes(["nl", "ar", "tr"], 2)),
    )
