"""Fast scanning of a document with the patterns of ``provenance.chain.patterns``.

Scanning a whole document with a pattern that has no literal prefix costs a full match attempt at
every character. The helpers below find the few positions where a match can start (from a keyword
every match contains) and try the pattern only there; the matches are exactly those of
``pattern.finditer(text)``.
"""

from __future__ import annotations

import re

# characters that case-insensitive matching equates with an ASCII letter although lower()
# does not map them to it (İ, ı, ſ): a text holding one is scanned the plain way
_FOLD_TROUBLE = re.compile("[\u0130\u0131\u017f]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset and every ASCII letter match, else None."""
    low = text.lower()
    if len(low) != len(text) or _FOLD_TROUBLE.search(text):
        return None
    return low


def keyword_starts(low: str, keywords, back: int = 0) -> list[int]:
    """Sorted positions where a keyword of ``keywords`` (lower case) occurs in ``low``, each
    together with the ``back`` positions before it."""
    out = set()
    for kw in keywords:
        i = low.find(kw)
        while i >= 0:
            out.update(range(max(0, i - back), i + 1))
            i = low.find(kw, i + 1)
    return sorted(out)


def finditer_at(pattern: re.Pattern, text: str, starts):
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (sorted), for a
    pattern that never matches the empty string."""
    end = 0
    for p in starts:
        if p < end:
            continue
        m = pattern.match(text, p)
        if m is not None:
            yield m
            end = m.end()


def scan(pattern: re.Pattern, text: str, low: str | None, keywords, back: int = 0):
    """The matches of ``pattern`` (whose matches start ``back`` characters or less before one
    of ``keywords``, matched case-insensitively) in ``text``; ``low`` is :func:`lowered` text."""
    if low is None:
        return pattern.finditer(text)
    return finditer_at(pattern, text, keyword_starts(low, keywords, back))
