"""How well a job fits a resident, and why, in words a resident can check.

No black box: every point a job earns or loses comes with a reason, and a
reason is all the ranking knows. The web layer turns reasons into text.
"""

import heapq
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter

from webapp.domain.vocab import DAYS

# What each kind of reason is worth. Within each part of the list (jobs
# that fit, then jobs that do not) the score decides the order.
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
    "days_off": -20,  # some of the job's days fit, not all
    "days_none": -40,  # none of the job's days fit
    "limit": -40,  # per demand the person cannot meet
}
MAX_SKILLS = 3

# A job with one of these reasons does not fit at all: it is on no day the
# person can work, further than they want to travel, asks something they said
# they cannot do, or asks more hours than they said they can work (the list
# says "fits what you told us", and "at most 12 hours" is something they told
# us). Such a job is never shown above one that fits.
BLOCKING = frozenset({"days_none", "too_far", "limit", "too_many_hours"})


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
            return skill_weight(len(self.values))
        return WEIGHTS[self.code]


def skill_weight(count):
    """Skills count up to ``MAX_SKILLS``: a long list is no reason to rank first."""
    return WEIGHTS["skill"] * min(count, MAX_SKILLS)


@dataclass
class Fit:
    job: Job
    score: int = 0
    fits: list = field(default_factory=list)
    misfits: list = field(default_factory=list)
    fits_you: bool = True  # False: a ``BLOCKING`` reason; see ``blockers``

    @property
    def blockers(self):
        """The reasons this job does not fit at all (only when explained)."""
        return [reason for reason in self.misfits if reason.code in BLOCKING]

    @property
    def misfits_worst_first(self):
        """What does not fit, the reasons that block first: what a page says first."""
        return self.blockers + [reason for reason in self.misfits if reason.code not in BLOCKING]


def assess(profile, job, explain=True):
    """Score ``job`` for ``profile``; with ``explain``, also say why.

    One code path for both, so the reasons always add up to the score
    (a test checks it); ranking many jobs skips building the reasons, which
    is most of the cost: each step adds its weight and, only when
    explaining, its reason.
    """
    score = 0
    fits = []
    misfits = []
    fits_you = True

    if job.category in profile.categories:
        score += WEIGHTS["category"]
        if explain:
            fits.append(Reason("category", (job.category,)))

    if profile.home_buurt is not None:
        same_wijk = job.wijk == profile.home_wijk
        if job.buurt == profile.home_buurt:
            score += WEIGHTS["buurt"]
            if explain:
                fits.append(Reason("buurt"))
        elif profile.travel == "buurt" or (profile.travel == "wijk" and not same_wijk):
            score += WEIGHTS["too_far"]
            fits_you = False
            if explain:
                misfits.append(Reason("too_far"))
        elif same_wijk:
            score += WEIGHTS["wijk"]
            if explain:
                fits.append(Reason("wijk"))

    if profile.hours_max:
        if job.hours <= profile.hours_max:
            score += WEIGHTS["hours"]
            if explain:
                fits.append(Reason("hours", (job.hours, profile.hours_max)))
        else:
            score += WEIGHTS["too_many_hours"]
            fits_you = False
            if explain:
                misfits.append(Reason("too_many_hours", (job.hours, profile.hours_max)))

    if profile.days and job.days:
        off = job.days - profile.days
        if not off:
            score += WEIGHTS["days"]
            if explain:
                fits.append(Reason("days"))
        elif off == job.days:
            score += WEIGHTS["days_none"]
            fits_you = False
            if explain:
                misfits.append(Reason("days_none", tuple(sorted(off, key=_day_order))))
        else:
            score += WEIGHTS["days_off"]
            if explain:
                misfits.append(Reason("days_off", tuple(sorted(off, key=_day_order))))

    skills = profile.skills
    shared_skills = [code for code in job.skills if code in skills]
    if shared_skills:
        score += skill_weight(len(shared_skills))
        if explain:
            fits.append(Reason("skill", tuple(shared_skills)))

    languages = profile.languages
    shared_languages = [code for code in job.languages if code in languages]
    if shared_languages:
        score += WEIGHTS["language"]
        if explain:
            fits.append(Reason("language", tuple(shared_languages)))

    for demand in job.demands:
        if demand in profile.limits:
            score += WEIGHTS["limit"]
            fits_you = False
            if explain:
                misfits.append(Reason("limit", (demand,)))

    return Fit(job, score, fits, misfits, fits_you)


def _day_order(day):
    return DAYS.index(day)


def rank(profile, jobs):
    """Jobs best first, each with its score and whether it fits (no reasons);
    ties as in ``order``."""
    standing = standings(profile)
    ranked = []
    for job in order(profile, jobs, standing):
        fits, score = standing(job)
        ranked.append(Fit(job, score, fits_you=fits))
    return ranked


def order(profile, jobs, standing=None, *, newest_first=False):
    """The jobs that fit, then the jobs that do not (``BLOCKING``).

    Within each part the best score comes first (or, with ``newest_first``,
    the newest job); ties go to the newest job, then the highest id.
    Stable sorts, least important key first: plain keys, no ``Fit`` per job,
    so ranking thousands of jobs per request leaves little for the garbage
    collector.
    """
    standing = standing or standings(profile)
    ordered = sorted(jobs, key=_job_id, reverse=True)
    ordered.sort(key=_created_at, reverse=True)
    if newest_first:
        ordered.sort(key=lambda job: standing(job)[0], reverse=True)
    else:
        ordered.sort(key=standing, reverse=True)  # (fits_you, score): a fit always first
    return ordered


def standings(profile):
    """``job -> (fits_you, score)`` for ``profile``, assessing each kind of job once.

    Jobs alike in all but id and age stand the same (one description is often
    posted in several buurten).
    """
    known = {}

    def standing(job):
        kind = _kind(job)
        value = known.get(kind)
        if value is None:
            fit = assess(profile, job, explain=False)
            value = known[kind] = (fit.fits_you, fit.score)
        return value

    return standing


_job_id = attrgetter("id")
_created_at = attrgetter("created_at")
# Everything a score can depend on: all of a job's facts but its id and age.
_kind = attrgetter(*(name for name in Job.__dataclass_fields__ if name not in ("id", "created_at")))


class Catalogue:
    """Open jobs grouped by kind, so a page of the ranking costs a page.

    Jobs alike in all but id and age (``_kind``) always stand the same for a
    profile, and every filter but the text search reads only what makes a
    kind. So a request assesses each kind once (not each job), counts the
    jobs per standing, and takes only the jobs that can be on the asked page:
    a lazy merge of the kinds in the standings the page falls in, each kind
    newest first. The order, the counts and the page are exactly those of
    ``order`` (a property test checks it against the full sort).

    A catalogue is never changed in place (a request may be reading it):
    ``changed`` makes the next one from this one and the few jobs that
    changed, touching only their kinds.
    """

    def __init__(self, jobs):
        groups = {}
        for job in jobs:
            groups.setdefault(_kind(job), []).append(job)
        self.kinds = []  # (a job of the kind, its jobs newest first); a kind may be left empty
        self.kind_of = {}  # job id -> index in ``kinds``
        self.index_of = {}  # kind -> index in ``kinds``
        for kind, members in groups.items():
            members.sort(key=age, reverse=True)
            index = len(self.kinds)
            self.kinds.append((members[0], members))
            self.index_of[kind] = index
            for job in members:
                self.kind_of[job.id] = index

    def changed(self, removed, added):
        """A new catalogue: this one without the jobs ``removed`` (as they were
        here) and with the jobs ``added``. Only the kinds they belong to are
        copied and changed; every other kind's list is shared."""
        new = object.__new__(type(self))
        new.kinds = list(self.kinds)
        new.kind_of = dict(self.kind_of)
        new.index_of = dict(self.index_of)
        copied = set()

        def members_of(index):
            if index not in copied:
                job, members = new.kinds[index]
                new.kinds[index] = (job, list(members))
                copied.add(index)
            return new.kinds[index][1]

        for job in removed:
            index = new.kind_of.pop(job.id, None)
            if index is not None:
                members = members_of(index)
                at = newest_position(members, age(job))
                if at < len(members) and members[at].id == job.id:
                    del members[at]
        for job in added:
            if job.id in new.kind_of:  # here and not in ``removed``: the old one goes
                members = members_of(new.kind_of.pop(job.id))
                members[:] = [member for member in members if member.id != job.id]
            kind = _kind(job)
            index = new.index_of.get(kind)
            if index is None:
                index = new.index_of[kind] = len(new.kinds)
                new.kinds.append((job, []))
                copied.add(index)
            members = members_of(index)
            members.insert(newest_position(members, age(job)), job)
            new.kind_of[job.id] = index
        return new

    def __len__(self):
        return len(self.kind_of)

    def page(self, profile, start, stop, *, newest_first=False, ids=None, **wants):
        """The jobs ``start:stop`` of the ordered list, and its counts.

        ``profile`` None ranks nothing: all jobs newest first. ``wants`` are
        the filters (``category``, ``buurt``, ``wijk``, ``hours_max``; None
        for any); ``ids`` keeps only those jobs (a text search). Returns
        ``Page(jobs, total, fit_count)``; with a profile, the jobs that fit
        come first and ``fit_count`` says how many there are (else None).
        """
        counts = self._counts(ids, self._chosen_kinds(**wants))
        buckets = {}
        total = fit_count = 0
        for index, count in counts.items():
            job = self.kinds[index][0]
            if profile is None:
                key = ()
            else:
                fit = assess(profile, job, explain=False)
                key = (fit.fits_you,) if newest_first else (fit.fits_you, fit.score)
                if fit.fits_you:
                    fit_count += count
            total += count
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = bucket = [0, []]
            bucket[0] += count
            bucket[1].append(index)
        found = []
        position = 0
        for key in sorted(buckets, reverse=True):
            if position >= stop:
                break
            count, indexes = buckets[key]
            if position + count > start:
                found.extend(self._newest(indexes, ids, max(0, start - position), stop - position))
            position += count
        return Page(found, total, fit_count if profile is not None else None)

    def _chosen_kinds(self, category=None, buurt=None, wijk=None, hours_max=None):
        return [
            index
            for index, (job, members) in enumerate(self.kinds)
            if members
            and (category is None or job.category == category)
            and (buurt is None or job.buurt == buurt)
            and (wijk is None or job.wijk == wijk)
            and (hours_max is None or job.hours <= hours_max)
        ]

    def _counts(self, ids, chosen):
        if ids is None:
            return {index: len(self.kinds[index][1]) for index in chosen}
        # Thousands of ids for a common word: counted in C, not one by one.
        found = Counter(map(self.kind_of.get, ids))
        return {index: found[index] for index in chosen if found[index]}

    def _newest(self, indexes, ids, start, stop):
        """Jobs ``start:stop`` of these kinds together, newest first."""
        lists = [self.kinds[index][1] for index in indexes]
        if ids is not None:
            # Lazily: only as far into each kind as the page reaches.
            lists = [(job for job in members if job.id in ids) for members in lists]
        if len(lists) == 1:
            return list(islice(lists[0], start, stop))
        merged = heapq.merge(*lists, key=age, reverse=True)
        return list(islice(merged, start, stop))


@dataclass(frozen=True)
class Page:
    jobs: list
    total: int
    fit_count: int | None

    @property
    def misfit_count(self):
        return None if self.fit_count is None else self.total - self.fit_count


def age(job):
    """Newest first when sorted in reverse; ties go to the highest id."""
    return (job.created_at, job.id)


def newest_position(members, key):
    """Where a job of age ``key`` goes in ``members`` (newest first): the first job not newer."""
    low, high = 0, len(members)
    while low < high:
        middle = (low + high) // 2
        if age(members[middle]) > key:
            low = middle + 1
        else:
            high = middle
    return low
