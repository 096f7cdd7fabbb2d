"""How well a job fits a resident, and why, in words a resident can check.

No black box: every point a job earns or loses comes with a reason, and a
reason is all the ranking knows. The web layer turns reasons into text.
"""

from dataclasses import dataclass, field

from webapp.domain.vocab import WEEKEND

# What each kind of reason is worth. A thing someone said they cannot do
# weighs more than anything that fits, so such a job sinks below the rest.
WEIGHTS = {
    "category": 30,
    "buurt": 20,
    "wijk": 10,
    "hours": 10,
    "days": 10,
    "skill": 8,  # per matching skill, counted up to MAX_SKILLS
    "language": 8,
    "too_far": -30,
    "too_many_hours": -20,
    "weekend": -20,
    "days_off": -20,
    "limit": -40,  # per demand the person cannot meet
}
MAX_SKILLS = 3


@dataclass(frozen=True)
class Profile:
    home_buurt: int | None = None
    home_wijk: int | None = None
    categories: frozenset = frozenset()
    hours_max: int | None = None
    days: frozenset = frozenset()
    travel: str | None = None  # 'buurt', 'wijk', 'town' or unknown
    limits: frozenset = frozenset()
    skills: frozenset = frozenset()
    languages: frozenset = frozenset()

    @property
    def is_empty(self):
        return not (
            self.home_buurt
            or self.categories
            or self.hours_max
            or self.days
            or self.travel
            or self.limits
            or self.skills
            or self.languages
        )


@dataclass(frozen=True)
class Job:
    id: int
    category: str
    buurt: int
    wijk: int
    hours: int
    created_at: str = ""
    days: frozenset = frozenset()
    skills: tuple = ()
    languages: tuple = ()
    demands: tuple = ()


@dataclass(frozen=True)
class Reason:
    code: str
    values: tuple = ()

    @property
    def weight(self):
        if self.code == "skill":
            return WEIGHTS["skill"] * min(len(self.values), MAX_SKILLS)
        return WEIGHTS[self.code]


@dataclass
class Fit:
    job: Job
    score: int = 0
    fits: list = field(default_factory=list)
    misfits: list = field(default_factory=list)


def assess(profile, job, explain=True):
    """Score ``job`` for ``profile``; with ``explain``, also say why.

    One code path for both, so the reasons always add up to the score
    (a test checks it); ranking many jobs skips building the reasons.
    """
    score = 0
    fits = [] if explain else None
    misfits = [] if explain else None

    def good(code, *values):
        nonlocal score
        reason = Reason(code, values)
        score += reason.weight
        if explain:
            fits.append(reason)

    def bad(code, *values):
        nonlocal score
        score += WEIGHTS[code]
        if explain:
            misfits.append(Reason(code, values))

    if job.category in profile.categories:
        good("category", job.category)

    if profile.home_buurt is not None:
        same_buurt = job.buurt == profile.home_buurt
        same_wijk = job.wijk == profile.home_wijk
        if same_buurt:
            good("buurt")
        elif profile.travel == "buurt" or (profile.travel == "wijk" and not same_wijk):
            bad("too_far")
        elif same_wijk:
            good("wijk")

    if profile.hours_max:
        if job.hours <= profile.hours_max:
            good("hours", job.hours, profile.hours_max)
        else:
            bad("too_many_hours", job.hours, profile.hours_max)

    if profile.days and job.days:
        off = job.days - profile.days
        if not off:
            good("days")
        elif off <= WEEKEND and not (profile.days & WEEKEND):
            bad("weekend")
        else:
            bad("days_off", *sorted(off, key=_day_order))

    shared_skills = tuple(code for code in job.skills if code in profile.skills)
    if shared_skills:
        good("skill", *shared_skills)

    shared_languages = tuple(code for code in job.languages if code in profile.languages)
    if shared_languages:
        good("language", *shared_languages)

    for demand in job.demands:
        if demand in profile.limits:
            bad("limit", demand)

    return Fit(job, score, fits or [], misfits or [])


def _day_order(day):
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(day)


def rank(profile, jobs):
    """Jobs best first; ties go to the newest job, then the highest id."""
    fits = [assess(profile, job, explain=False) for job in jobs]
    fits.sort(key=lambda fit: (fit.score, fit.job.created_at, fit.job.id), reverse=True)
    return fits
