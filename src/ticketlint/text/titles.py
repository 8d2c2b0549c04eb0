"""Matching section titles against a rule's list of synonyms.

"Success Metric:", "1. Success metrics" and "success-metric (north star)" all match the
synonym "success metric": case, spacing, punctuation, numbering, plurals and trailing
words are ignored; the synonym must start the title so "Proxy for success metric" does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_NUMBERING = re.compile(r"^\s*(\d+(\.\d+)*[.)]?|[a-z][.)])\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=8192)
def title_words(title: str) -> tuple[str, ...]:
    """The comparable words of a title: lower case, no numbering, no plural 's'."""
    title = _NUMBERING.sub("", title)
    return tuple(_singular(w) for w in _NON_WORD.sub(" ", title.lower()).split())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class TitleSet:
    """A set of synonyms, matched as title prefixes in one dictionary lookup per length."""

    def __init__(self, synonyms: Iterable[tuple[str, ...]]) -> None:
        by_length: dict[int, set[tuple[str, ...]]] = {}
        for words in synonyms:
            if words:
                by_length.setdefault(len(words), set()).add(words)
        self._by_length = tuple((n, frozenset(s)) for n, s in sorted(by_length.items()))

    def __bool__(self) -> bool:
        return bool(self._by_length)

    def matches(self, title: str) -> bool:
        """True when the title starts with one of the synonyms."""
        words = title_words(title)
        return any(words[:n] in synonyms for n, synonyms in self._by_length)

    def match_length(self, title: str) -> int:
        """How many words of the title the longest matching synonym covers (0: no match)."""
        words = title_words(title)
        return max((n for n, synonyms in self._by_length if words[:n] in synonyms), default=0)


def title_matches(title: str, synonyms: Iterable[tuple[str, ...]]) -> bool:
    """True when the title starts with one of the synonyms (given as ``title_words``)."""
    return TitleSet(synonyms).matches(title)
