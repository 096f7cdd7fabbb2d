"""How alike two short texts are: so people support one proposal, not split votes.

Deliberately simple and explainable: both texts become sets of word stems
(lower case, accents removed, common Dutch and English words left out) and
the score is their overlap (Jaccard: shared / all). A stem is a word's first
six letters: Dutch glues words together and bends them ("boodschappen",
"boodschappendienst", "boodschap"), and six letters catch most of that
without a dictionary.
"""

import re
import unicodedata

STEM = 6
MINIMUM = 0.15  # below this, two texts have too little in common to mention

STOP_WORDS = frozenset(
    """
    aan al alle alles als altijd ander andere ben bij bijvoorbeeld dan dat de deze die dit
    doen door dus een eens en er ergens even geen gewoon haar had heb hebben heeft hem het hier
    hij hoe hun iemand iets ik in is ja je jij jou jouw kan kun kunnen maar meer met mij mijn
    moet moeten na naar niet niets nog nu of om omdat onder ons onze ook op over per te tegen
    toch toen tot u uit uw van veel voor waar wat we weer wel wie wij wil willen word worden
    wordt zal ze zelf zich zij zijn zo zonder zou zouden buurt wijk mensen help helpen hulp
    a about after all also an and any are as at be because been but by can could do does for
    from get has have he her his how i if in into is it its just more most my no not of on one
    or our out people she so some than that the their them then there these they this to up
    us was we were what when which who will with would you your help helps neighbourhood
    neighborhood area
    """.split()  # noqa: SIM905 - a block of words is easier to read and extend
)

_WORD = re.compile(r"[a-z0-9]+")


def normalise(text):
    """Lower case, accents removed ('coöperatie' -> 'cooperatie')."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def stems(text):
    """The set of word stems in ``text`` that carry meaning."""
    return frozenset(
        word[:STEM]
        for word in _WORD.findall(normalise(text))
        if len(word) > 2 and word not in STOP_WORDS and not word.isdigit()
    )


def similarity(a, b):
    """0.0 (nothing shared) to 1.0 (the same words), for two texts or stem sets."""
    left = a if isinstance(a, frozenset) else stems(a)
    right = b if isinstance(b, frozenset) else stems(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def most_similar(text, candidates, limit=5, minimum=MINIMUM):
    """The keys of the ``(key, text)`` candidates most like ``text``, best first.

    Returns ``[(key, score), ...]`` with scores of at least ``minimum``; ties
    keep the candidates' order.
    """
    own = stems(text)
    scored = []
    for key, other in candidates:
        score = similarity(own, stems(other))
        if score >= minimum:
            scored.append((key, score))
    scored.sort(key=lambda item: item[1], reverse=True)
    return scored[:limit]
