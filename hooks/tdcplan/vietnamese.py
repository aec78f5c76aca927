"""Vietnamese text rules the site depends on: sub-item letters, folding, letter slugs."""

from __future__ import annotations

import unicodedata

# Sub-items of a plan are lettered in the Vietnamese alphabet, which has đ after d
# and no f, j, w, z: a, b, c, d, đ, e, g, h, i, k, ...
ITEM_LETTERS: tuple[str, ...] = tuple(
    ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]
)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its marks (tones and vowel marks), with đ -> d.

    This is what a reader typing without diacritics produces: ``fold("Đo lường")``
    is ``"do luong"``.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def letter_slug(letter: str) -> str:
    """The ASCII form of an item letter, distinct for d and đ (``đ`` -> ``dd``)."""
    return "dd" if letter == "đ" else letter
