"""Concepts: how a pack says what a decision is called and how it shows in running text.

A concept (``concepts:`` in a pack) has ``names`` — the words that name it in a heading,
a label, a table cell, a list lead, a question or a custom field's name — and ``cues`` —
phrases that show it in a sentence of prose. Names match order-free on word stems
("Metrics of success" is named by "success metric"; "How do we know it worked?" by "know
it worked"). Cues match in order, tolerant of inflection, case and punctuation
("false positive" finds "False-positives"); a cue in capitals ("FN", "DRI") matches
only in capitals; a word ending in * matches any word starting so ("regulat*"). ``patterns``
are regular expressions for cues no phrase can say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ticketlint.detection.words import content_stems, stem

_WORD = re.compile(r"\w+")
_PREFIX = 3  # "regulat*" is looked up by "reg"; a shorter start of word matches everything
_CUE_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)?")
_CUE_WORD = re.compile(r"([A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)?)(\*)?")
_TITLE_CACHE = 20_000
# Question words: "What error level is acceptable?" is wholly about the error level.
_ASKING = frozenset({"what", "which", "how", "who", "why", "where", "when"})
_SENTENCE_CACHE = 20_000


class ConceptSpecError(ValueError):
    """A concept in a pack is malformed; ``key`` is where, inside the concept."""

    def __init__(self, message: str, key: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.key = key


# A word of a cue as matched: its stem (or, for "regulat*", a start of word), whether it
# must be written in capitals, whether it is a start of word.
CueWord = tuple[str, bool, bool]
# A word of a sentence: its stem, its lower-case form, whether it is written in capitals.
Word = tuple[str, str, bool]


def cue_words(phrase: str) -> tuple[CueWord, ...]:
    """A cue phrase as the words it matches, in order: stems, capitals kept for acronyms,
    a trailing * for any word that starts so ("regulat*": regulator, regulatory)."""
    words = []
    for match in _CUE_WORD.finditer(phrase):
        word, star = match.group(1), bool(match.group(2)) and len(match.group(1)) >= _PREFIX
        words.append((word.lower() if star else stem(word), word.isupper() and len(word) > 1, star))
    return tuple(words)


def sentence_words(text: str) -> tuple[Word, ...]:
    """A sentence's words as cues are matched against them."""
    return tuple((stem(w), w.lower(), w.isupper()) for w in _CUE_TOKEN.findall(text))


@dataclass(frozen=True)
class Concept:
    """One decision (or any subject a rule is about), as a pack describes it."""

    id: str
    names: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    description: str = ""
    generic: bool = False  # its one-word names also label parts of other decisions ("PM:", "Legal:")
    name_stems: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)
    cue_phrases: tuple[tuple[CueWord, ...], ...] = field(init=False, repr=False, compare=False)
    pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name_stems", tuple(s for s in map(content_stems, self.names) if s))
        object.__setattr__(self, "cue_phrases", tuple(w for w in map(cue_words, self.cues) if w))
        compiled = (
            re.compile("|".join(f"(?:{p})" for p in self.patterns), re.IGNORECASE) if self.patterns else None
        )
        object.__setattr__(self, "pattern", compiled)

    def named_by(self, stems: frozenset[str]) -> frozenset[str]:
        """The title stems the best-fitting name covers (empty: no name fits the title)."""
        best: frozenset[str] = frozenset()
        for name in self.name_stems:
            if len(name) > len(best) and name <= stems:
                best = name
        return best

    def merged(self, other: Concept) -> Concept:
        """This concept with another pack's additions (an extending pack adds names and cues)."""
        return Concept(
            self.id,
            _union(self.names, other.names),
            _union(self.cues, other.cues),
            _union(self.patterns, other.patterns),
            _union(self.fields, other.fields),
            other.description or self.description,
            self.generic or other.generic,
        )


def _union(first: Sequence[str], second: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*first, *second]))


@dataclass(frozen=True, eq=False)
class ConceptSet:
    """Every concept of a run, so a title goes to the concept(s) that name it best and a
    sentence to the concepts whose cues it shows (one pass over its words for all)."""

    concepts: Mapping[str, Concept]
    _titles: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _owners: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _cued: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _claims: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)
    _chains: dict[tuple[str, ...], tuple[frozenset[str], bool]] = field(default_factory=dict, repr=False)
    # Cue phrases indexed by their first word (one-word cues) or first two words, and those
    # starting with a start of word ("regulat*") by its first letters.
    _single: dict[str, set[str]] = field(init=False, repr=False)
    _pairs: dict[tuple[str, str], list[tuple[str, tuple[CueWord, ...]]]] = field(init=False, repr=False)
    _prefixed: dict[str, list[tuple[str, tuple[CueWord, ...]]]] = field(init=False, repr=False)
    _starts: frozenset[str] = field(init=False, repr=False)
    _prefixes: frozenset[str] = field(init=False, repr=False)
    _with_patterns: tuple[Concept, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        single: dict[str, set[str]] = {}
        pairs: dict[tuple[str, str], list[tuple[str, tuple[CueWord, ...]]]] = {}
        prefixed: dict[str, list[tuple[str, tuple[CueWord, ...]]]] = {}
        for concept in self.concepts.values():
            for phrase in concept.cue_phrases:
                (first, capitals, star), rest = phrase[0], phrase[1:]
                if star:
                    prefixed.setdefault(first[:_PREFIX], []).append((concept.id, phrase))
                elif rest and not rest[0][2]:
                    pairs.setdefault((first, rest[0][0]), []).append((concept.id, phrase))
                elif capitals or rest:  # capitals, or a second word by its start: checked word by word
                    pairs.setdefault((first, ""), []).append((concept.id, phrase))
                else:
                    single.setdefault(first, set()).add(concept.id)
        object.__setattr__(self, "_single", single)
        object.__setattr__(self, "_pairs", pairs)
        object.__setattr__(self, "_prefixed", prefixed)
        object.__setattr__(self, "_starts", frozenset(single) | {first for first, _ in pairs})
        object.__setattr__(self, "_prefixes", frozenset(prefixed))
        with_patterns = tuple(c for c in self.concepts.values() if c.pattern is not None)
        object.__setattr__(self, "_with_patterns", with_patterns)

    def cued(self, text: str) -> frozenset[str]:
        """The concepts whose cues (phrases or patterns) a sentence shows (remembered: a
        template's sentences recur across epics)."""
        found = self._cued.get(text)
        if found is None:
            if len(self._cued) > _SENTENCE_CACHE:
                self._cued.clear()
            found = self._cued[text] = self._find_cues(text)
        return found

    def around(self, titles: tuple[str, ...]) -> tuple[frozenset[str], bool]:
        """The concepts a passage's titles (its own, then those around it) name, and
        whether one of them is wholly about some concept (remembered per chain of titles)."""
        found = self._chains.get(titles)
        if found is None:
            if len(self._chains) > _TITLE_CACHE:
                self._chains.clear()
            named = frozenset(c for t in titles if t for c in self.named(t))
            found = self._chains[titles] = (named, any(self.owns(t) for t in titles if t))
        return found

    def _find_cues(self, text: str) -> frozenset[str]:
        tokens = _CUE_TOKEN.findall(text)
        lowers = [t.lower() for t in tokens]
        stems = [stem(t) for t in lowers]
        found: set[str] = set()
        # Only the words that can start a cue are looked at closely (set operations in C).
        starts = self._starts.intersection(stems)
        prefixes = self._prefixes.intersection({t[:_PREFIX] for t in lowers}) if self._prefixes else ()
        if starts or prefixes:
            words = [(s, low, t.isupper()) for s, low, t in zip(stems, lowers, tokens, strict=True)]
            single, pairs, prefixed = self._single, self._pairs, self._prefixed
            for index, (word, lower, _) in enumerate(words):
                if word in starts:
                    found |= single.get(word, set())
                    following = words[index + 1][0] if index + 1 < len(words) else ""
                    for key in ((word, following), (word, "")):
                        for concept_id, phrase in pairs.get(key, ()):
                            if concept_id not in found and _matches_at(words, index, phrase):
                                found.add(concept_id)
                if lower[:_PREFIX] in prefixes:
                    for concept_id, phrase in prefixed[lower[:_PREFIX]]:
                        if concept_id not in found and _matches_at(words, index, phrase):
                            found.add(concept_id)
        for concept in self._with_patterns:
            if concept.id not in found and concept.pattern is not None and concept.pattern.search(text):
                found.add(concept.id)
        return frozenset(found)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def __getitem__(self, concept_id: str) -> Concept:
        return self.concepts[concept_id]

    def named(self, title: str) -> tuple[str, ...]:
        """The concepts a title names. When two fit, the one whose name covers more of the
        title wins ("Acceptable error rate" is the error rate, not the acceptable error);
        names covering different words both count ("Data & privacy review")."""
        found = self._titles.get(title)
        if found is None:
            if len(self._titles) > _TITLE_CACHE:
                self._titles.clear()
            stems = content_stems(title)
            matches = {cid: c.named_by(stems) for cid, c in self.concepts.items()} if stems else {}
            matches = {cid: m for cid, m in matches.items() if m}
            found = self._titles[title] = tuple(
                cid
                for cid, covered in matches.items()
                if not any(covered < other for other in matches.values())
            )
        return found

    def owns(self, title: str) -> tuple[str, ...]:
        """The concepts a title is wholly about: a name of theirs covers every word of it
        ("Baseline", "Error tolerance"; not "Human-only review" or "Blessing from product")."""
        found = self._owners.get(title)
        if found is None:
            if len(self._owners) > _TITLE_CACHE:
                self._owners.clear()
            stems = content_stems(title)
            found = tuple(c for c in self.named(title) if self.concepts[c].named_by(stems) >= stems - _ASKING)
            self._owners[title] = found
        return found

    def claims_part(self, title: str, concept_id: str) -> bool:
        """True when a sub-part titled ``title`` belongs to another concept rather than to
        ``concept_id``'s passage: it is wholly about another concept ("Error tolerance" or
        "Tolerance" under "Success metric"). A one-word sub-title of a generic concept
        ("Owner:", "PM:", "Legal:") stays with the passage it sits in."""
        key = (title, concept_id)
        found = self._claims.get(key)
        if found is None:
            stems = content_stems(title)
            found = self._claims[key] = concept_id not in self.named(title) and any(
                len(stems) >= 2 or not self.concepts[other].generic for other in self.owns(title)
            )
        return found


def _matches_at(words: Sequence[Word], start: int, phrase: tuple[CueWord, ...]) -> bool:
    if start + len(phrase) > len(words):
        return False
    for (want, capitals, star), (have, lower, upper) in zip(
        phrase, words[start : start + len(phrase)], strict=True
    ):
        if (not lower.startswith(want) if star else want != have) or (capitals and not upper):
            return False
    return True


def build_concept(concept_id: str, spec: object) -> Concept:
    """One concept from its pack form; raise ConceptSpecError naming the bad key."""
    if not isinstance(spec, Mapping):
        raise ConceptSpecError("a concept is a mapping with names:, cues:, patterns: and fields:")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("names", "cues", "patterns", "fields"):
        value = spec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConceptSpecError(f"{key}: needs a list of non-empty strings", (key,))
        lists[key] = tuple(v.strip() for v in value)
    for index, name in enumerate(lists["names"]):
        if not content_stems(name):
            raise ConceptSpecError(
                f'names: "{name}" has only filler words (the, of, is ...); it would name every title',
                ("names", index),
            )
    for index, pattern in enumerate(lists["patterns"]):
        try:
            re.compile(pattern)
        except re.error as error:
            raise ConceptSpecError(
                f"patterns: is not a valid regular expression ({error})", ("patterns", index)
            ) from None
    if not (lists["names"] or lists["cues"] or lists["patterns"] or lists["fields"]):
        raise ConceptSpecError("a concept needs at least one of names:, cues:, patterns: or fields:")
    description = spec.get("description", "")
    generic = spec.get("generic", False)
    if not isinstance(generic, bool):
        raise ConceptSpecError("generic: is true or false", ("generic",))
    return Concept(
        concept_id,
        lists["names"],
        lists["cues"],
        lists["patterns"],
        lists["fields"],
        description if isinstance(description, str) else "",
        generic,
    )


def concept_set(concepts: Iterable[Concept]) -> ConceptSet:
    merged: dict[str, Concept] = {}
    for concept in concepts:
        merged[concept.id] = merged[concept.id].merged(concept) if concept.id in merged else concept
    return ConceptSet(merged)
