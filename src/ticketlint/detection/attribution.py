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

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

from ticketlint.detection.concepts import ConceptSet
from ticketlint.fields import STANDARD_FIELDS, Value, value_of
from ticketlint.model import Document, Entry, Epic, Passage, Task
from ticketlint.text.placeholders import split_sentences

_WINDOW = 2  # a cue sentence and the one after it


@dataclass(frozen=True)
class Sentence:
    text: str
    passage: int  # index into the document's passages
    position: int  # among the sentences of that passage


def sentences(document: Document, wanted: Callable[[int], bool] = lambda passage: True) -> list[Sentence]:
    """Every sentence of running text (in the passages ``wanted`` selects), with the
    passage that holds it; a paragraph's wrapped lines are read as one text first."""
    blocks: list[tuple[int, list[str]]] = []
    for line, passage in zip(document.text.splitlines(), document.line_passages, strict=True):
        if passage < 0:
            continue
        if blocks and blocks[-1][0] == passage:
            blocks[-1][1].append(line)
        elif wanted(passage):
            blocks.append((passage, [line]))
    found: list[Sentence] = []
    for passage, lines in blocks:
        text = " ".join(lines)
        parts = split_sentences(text)
        found += [Sentence(part, passage, position) for position, part in enumerate(parts)]
    return found


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
    _sentences: list[tuple[Sentence, frozenset[str], frozenset[str]]] | None = None
    _titles: dict[str, list[Passage]] | None = None
    _custom: list[tuple[str, str, Value]] | None = None
    _values: dict[tuple[int, frozenset[str]], Value] = field(default_factory=dict)

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
        claims = self.concepts.claims_part
        for passage in self._titles.get(concept_id, ()):
            dropped = frozenset(part for part in passage.parts if claims(part, concept_id))
            key = (id(passage), dropped)
            if key not in self._values:  # passages titled for several concepts are read once
                whole = passage.without_parts(dropped.__contains__) if dropped else passage
                self._values[key] = _value(whole)
            found.append(self._values[key])
        return found

    def _fields(self, concept_id: str) -> list[Value]:
        """The custom fields about the concept, as one candidate ("Name: value" lines)."""
        concept = self.concepts[concept_id]
        for name in concept.fields:
            self.epic.catalog.resolve(
                name
            )  # a name two of the site's fields share is an error, never a guess
        listed = {name.casefold() for name in concept.fields}
        named = self.concepts.named
        lines: list[str] = []
        names: list[str] = []
        users: list[str] = []
        for shown_name, ours, value in self._custom_fields():
            if ours.casefold() in listed or concept_id in named(ours) or concept_id in named(shown_name):
                names.append(shown_name)
                lines += [f"{ours}: {line}" for line in value.lines]
                users += value.users
        if not names:
            return []
        where = "field " + ", ".join(f'"{n}"' for n in names) if len(names) > 1 else f'field "{names[0]}"'
        return [Value(where, True, tuple(lines), tuple(lines), users=tuple(users), title=", ".join(names))]

    def _custom_fields(self) -> list[tuple[str, str, Value]]:
        """The epic's custom fields that hold something: (the site's name, the name the pack
        uses for it, its value), read once per epic."""
        if self._custom is None:
            self._custom = []
            fields = self.epic.raw.get("fields")
            catalog = self.epic.catalog
            # A site's own field name → the name the pack uses for it (config fields:).
            ours_by_site = {site.casefold(): ours for ours, site in catalog.aliases.items()}
            for key, raw in fields.items() if isinstance(fields, Mapping) else ():
                if key in STANDARD_FIELDS or raw is None:
                    continue
                shown_name = catalog.name_of(str(key))
                ours = ours_by_site.get(shown_name.casefold()) or ours_by_site.get(str(key).casefold())
                value = value_of(shown_name, raw)
                if value.present:
                    self._custom.append((shown_name, ours or shown_name, value))
        return self._custom

    def _cued(self, concept_id: str) -> list[Value]:
        """Sentences of running text showing the concept's cues, outside any passage titled
        for it (its titled candidate already holds them) or wholly for another concept
        ("Baseline: error rate 1.8% today" is a baseline, not an error tolerance)."""
        all_sentences = self._read_sentences()
        passages = self.epic.description.passages
        found = []
        for index, (sentence, cued, named) in enumerate(all_sentences):
            if concept_id not in cued or concept_id in named:
                continue
            passage = passages[sentence.passage]
            if passage.kind == "task" and not all(e.done for e in passage.entries):
                continue  # an unchecked checklist item is a to-do, not a statement
            window = [
                s.text for s, _, _ in all_sentences[index : index + _WINDOW] if s.passage == sentence.passage
            ]
            found.append(Value(passage.where(), True, tuple(window), placed=False))
        return found

    def _read_sentences(self) -> list[tuple[Sentence, frozenset[str], frozenset[str]]]:
        """Every sentence with the concepts it shows cues of and the concepts its passage's
        titles name, worked out once per epic. A sentence inside a passage titled wholly
        for some concept is never a cue candidate, so its cues are not even looked for."""
        if self._sentences is None:
            passages = self.epic.description.passages
            chains = [self.concepts.around((p.title, *p.path)) for p in passages]
            self._sentences = [
                (sentence, self.concepts.cued(sentence.text), chains[sentence.passage][0])
                for sentence in sentences(self.epic.description, lambda index: not chains[index][1])
            ]
        return self._sentences


def attribution(epic: Epic, concepts: ConceptSet) -> Attribution:
    """The epic's attribution for this run's concepts, computed once per epic."""
    key = ("attribution", id(concepts))
    found = epic.memo.get(key)
    if found is None:
        found = epic.memo[key] = Attribution(epic, concepts)
    assert isinstance(found, Attribution)
    return found
