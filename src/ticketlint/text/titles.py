"""Matching section titles against a rule's list of synonyms.

"Success Metric:", "1. Success metrics" and "success-metric (north star)" all match the
synonym "success metric": case, spacing, punctuation, numbering, plurals and trailing
words are ignored; the synonym must start the title so "Proxy for success metric" does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUMBERING = re.compile(r"^\s*(\d+(\.\d+)*[.)]?|[a-z][.)])\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")


def title_words(title: str) -> tuple[str, ...]:
    """The comparable words of a title: lower case, no numbering, no plural 's'."""
    title = _NUMBERING.sub("", title)
    return tuple(_singular(w) for w in _NON_WORD.sub(" ", title.lower()).split())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def title_matches(title: str, synonyms: Iterable[tuple[str, ...]]) -> bool:
    """True when the title starts with one of the synonyms (given as ``title_words``)."""
    words = title_words(title)
    return any(s and words[: len(s)] == s for s in synonyms)
