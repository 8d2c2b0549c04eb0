"""Which passages of an epic are about a concept: the candidates a rule judges.

Three ways in, in this order:
1. a passage whose title names the concept (a heading, label, table row or column, list
   lead, question), minus its sub-parts that name another concept;
2. the epic's custom fields that the concept names or lists (``fields:``, mapped through
   the config's ``fields:``), merged into one candidate so a date field and a user
   picker can answer one decision together;
3. a sentence of running text, anywhere, that shows one of the concept's cues, read with
   the sentence after it in the same passage (an owner often follows the plan).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

from ticketlint.detection.concepts import ConceptSet
from ticketlint.fields import STANDARD_FIELDS, Value, value_of
from ticketlint.model import Document, Entry, Epic, Passage, Task

# A sentence ends at . ! or ? (or ; between clauses that each could stand alone is kept
# together: "labels from moderators; DPIA approved" is one statement).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(@\[])")
_WINDOW = 2  # a cue sentence and the one after it


@dataclass(frozen=True)
class Sentence:
    text: str
    passage: int  # index into the document's passages
    position: int  # among the sentences of that passage


def sentences(document: Document) -> tuple[Sentence, ...]:
    """Every sentence of running text, with the passage that holds it (a paragraph's
    wrapped lines are read as one text first)."""
    blocks: list[tuple[int, list[str]]] = []
    for line, passage in zip(document.text.splitlines(), document.line_passages, strict=True):
        if passage < 0:
            continue
        if blocks and blocks[-1][0] == passage:
            blocks[-1][1].append(line)
        else:
            blocks.append((passage, [line]))
    found: list[Sentence] = []
    for passage, lines in blocks:
        text = " ".join(lines)
        parts = _SENTENCE_END.split(text) if _SENTENCE_END.search(text) else (text,)
        found += [Sentence(part, passage, position) for position, part in enumerate(parts)]
    return tuple(found)


def unwrap(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Entries with each wrapped line joined to the line it continues."""
    if not any(e.continues for e in entries):
        return entries
    joined: list[Entry] = []
    for entry in entries:
        if entry.continues and joined and joined[-1].kind == entry.kind:
            last = joined[-1]
            joined[-1] = Entry(f"{last.text} {entry.text}", last.kind, last.done, last.part)
        else:
            joined.append(entry)
    return tuple(joined)


def _answer_entries(passage: Passage) -> tuple[Entry, ...]:
    """A passage's lines as an answer: wrapped lines joined; unchecked checklist items are
    to-dos, not statements."""
    return unwrap(tuple(e for e in passage.entries if not (e.kind == "task" and not e.done)))


def _value(passage: Passage) -> Value:
    entries = _answer_entries(passage)
    lines = tuple(e.text for e in entries)
    items = tuple(e.text for e in entries if e.kind == "item")
    tasks = tuple(Task(e.text, e.done) for e in entries if e.kind == "task")
    return Value(passage.where(), bool(lines), lines, items, tasks, title=passage.title)


class Candidates(Sequence[Value]):
    """A concept's candidates in the order a rule tries them; the sentences of running text
    are read only if the titled passages and fields did not already answer."""

    def __init__(self, first: list[Value], rest: Callable[[], list[Value]]) -> None:
        self._first, self._rest = first, rest
        self._all: list[Value] | None = None

    def __iter__(self) -> Iterator[Value]:
        yield from self._first
        yield from self._whole()[len(self._first) :]

    def _whole(self) -> list[Value]:
        if self._all is None:
            self._all = [*self._first, *self._rest()]
        return self._all

    def __len__(self) -> int:
        return len(self._whole())

    @overload
    def __getitem__(self, index: int) -> Value: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Value]: ...

    def __getitem__(self, index: int | slice) -> Value | Sequence[Value]:
        return self._whole()[index]


@dataclass
class Attribution:
    """One epic's passages, attributed to concepts on demand (each concept once)."""

    epic: Epic
    concepts: ConceptSet
    _found: dict[str, Candidates] = field(default_factory=dict)
    _sentences: list[tuple[Sentence, frozenset[str]]] | None = None
    _titles: dict[str, list[Passage]] | None = None
    _elsewhere: dict[tuple[int, str], bool] = field(default_factory=dict)

    def candidates(self, concept_id: str) -> Candidates:
        found = self._found.get(concept_id)
        if found is None:
            first = [*self._titled(concept_id), *self._fields(concept_id)]
            found = self._found[concept_id] = Candidates(first, lambda: self._cued(concept_id))
        return found

    def _titled(self, concept_id: str) -> list[Value]:
        if self._titles is None:  # one pass over the passages for every concept
            self._titles = {}
            named = self.concepts.named
            for passage in self.epic.description.passages:
                for about in named(passage.title) if passage.title else ():
                    self._titles.setdefault(about, []).append(passage)
        found = []
        for passage in self._titles.get(concept_id, ()):
            if passage.parts:
                passage = passage.without_parts(lambda part: self.concepts.claims_part(part, concept_id))
            found.append(_value(passage))
        return found

    def _fields(self, concept_id: str) -> list[Value]:
        """The custom fields about the concept, as one candidate ("Name: value" lines)."""
        fields = self.epic.raw.get("fields")
        if not isinstance(fields, Mapping):
            return []
        concept = self.concepts[concept_id]
        listed = {name.casefold() for name in concept.fields}
        catalog = self.epic.catalog
        for name in concept.fields:
            catalog.resolve(name)  # a name two of the site's fields share is an error, never a guess
        # A site's own field name → the name the pack uses for it (config fields:).
        roles = {site.casefold(): ours for ours, site in catalog.aliases.items()}
        lines: list[str] = []
        names: list[str] = []
        users: list[str] = []
        for key, raw in fields.items():
            if key in STANDARD_FIELDS or raw is None:
                continue
            shown_name = catalog.name_of(str(key))
            ours = roles.get(shown_name.casefold()) or roles.get(str(key).casefold()) or shown_name
            about = ours.casefold() in listed or concept_id in self.concepts.named(ours)
            if not about and concept_id not in self.concepts.named(shown_name):
                continue
            value = value_of(shown_name, raw)
            if not value.present:
                continue
            names.append(shown_name)
            lines += [f"{ours}: {line}" for line in value.lines]
            users += value.users
        if not names:
            return []
        where = "field " + ", ".join(f'"{n}"' for n in names) if len(names) > 1 else f'field "{names[0]}"'
        return [Value(where, True, tuple(lines), tuple(lines), users=tuple(users), title=", ".join(names))]

    def _cued(self, concept_id: str) -> list[Value]:
        all_sentences = self._read_sentences()
        passages = self.epic.description.passages
        named = self.concepts.named
        found = []
        for index, (sentence, cued) in enumerate(all_sentences):
            if concept_id not in cued:
                continue
            passage = passages[sentence.passage]
            if passage.title and concept_id in named(passage.title):
                continue  # the whole passage is a candidate already
            key = (sentence.passage, concept_id)
            if key not in self._elsewhere:
                self._elsewhere[key] = self._about_another(passage, concept_id)
            if self._elsewhere[key]:
                continue
            if passage.kind == "task" and not all(e.done for e in passage.entries):
                continue  # an unchecked checklist item is a to-do, not a statement
            window = [
                s.text for s, _ in all_sentences[index : index + _WINDOW] if s.passage == sentence.passage
            ]
            found.append(Value(passage.where(), True, tuple(window), placed=False))
        return found

    def _read_sentences(self) -> list[tuple[Sentence, frozenset[str]]]:
        """Every sentence with the concepts it shows cues of, worked out once per epic."""
        if self._sentences is None:
            self._sentences = [(s, self.concepts.cued(s.text)) for s in sentences(self.epic.description)]
        return self._sentences

    def _about_another(self, passage: Passage, concept_id: str) -> bool:
        """True when the passage (or a passage around it) is titled wholly for other
        concepts and not for this one: its sentences are about those ("Baseline: error
        rate 1.8% today" is a baseline, not an error tolerance)."""
        named, owns = self.concepts.named, self.concepts.owns
        others = False
        for title in (passage.title, *passage.path):
            if not title:
                continue
            if concept_id in named(title):
                return False
            others = others or bool(owns(title))
        return others


def attribution(epic: Epic, concepts: ConceptSet) -> Attribution:
    """The epic's attribution for this run's concepts, computed once per epic."""
    key = ("attribution", id(concepts))
    found = epic.memo.get(key)
    if found is None:
        found = epic.memo[key] = Attribution(epic, concepts)
    assert isinstance(found, Attribution)
    return found
