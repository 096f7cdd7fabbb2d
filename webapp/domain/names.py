"""Names that cannot disguise themselves (issue 14).

A name is shown to other people: a coach, the municipality, neighbours.
Invisible characters that turn text around (the bidi controls, such as the
right-to-left override U+202E) or hide inside it (zero-width characters)
let a name pose as something else: "Anna" + U+202E + "gnp.exe" shows as "Annaexe.png",
and a page title around it runs backwards. Names and usernames refuse them.

Free text (messages, comments, proposals) keeps them: someone writing
Arabic or Hebrew may need a right-to-left mark. There, the page isolates
the text instead (``<bdi>``, ``dir="auto"``), and a page title, which cannot
hold elements, shows it without them (``without_disguise``).

U+200C and U+200D (zero-width non-joiner and joiner) are also refused in
names: Persian and some Indic names write them between letters, but in a
name on a Dutch municipal service the risk of two look-alike names weighs
more; such a name is written without them (the letters stay readable).
"""

BIDI_CONTROLS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]  # LRE, RLE, PDF, LRO, RLO
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI, RLI, FSI, PDI
    + ["\u200e", "\u200f", "\u061c"]  # LRM, RLM, ALM
)
ZERO_WIDTH = frozenset(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
DISGUISING = BIDI_CONTROLS | ZERO_WIDTH


def disguising_characters(text):
    """The characters of ``text`` that may not be in a name, each once, in order."""
    found = []
    for char in text or "":
        if char in DISGUISING and char not in found:
            found.append(char)
    return found


def may_be_a_name(text):
    """True when ``text`` holds no bidi control and no zero-width character."""
    return not disguising_characters(text)


def without_disguise(text):
    """``text`` without bidi controls and zero-width characters (for a page title,
    and to clean names stored before this rule)."""
    return "".join(char for char in text or "" if char not in DISGUISING)


def code_points(chars):
    """'U+202E, U+200B': how the characters found are named in a message for staff."""
    return ", ".join(f"U+{ord(char):04X}" for char in chars)
