"""``roles``: every role has a person, or an explicit "not needed".

Options: a mapping from each role to the words that name it in an epic: titles,
abbreviations in capitals (matched only in capitals: "DS", "PA"), and what the person
does ("builds the model"). A role counts when
- a passage titled by one of its words holds a name ("ML engineer | Priya Raman", a user
  picker named for it, a "PM: @dana" label);
- on one line, its word is followed by a name, a mention or "not needed" ("MLE Kenji /
  DS Mei", "Data engineer: not needed"), or comes after a name ("Kenji (MLE)", "Kenji
  will build the model", "Aisha Bello is the PM");
- a sentence says it is not needed ("We don't need a data scientist or an analyst").
A role left TBD, "?", "-", "<name>", or given to a team with no person, does not count.
Looks at every passage of its targets together (use ``{concept: ..., together: true}``).

    check:
      roles:
        ML engineer: [ML engineer, MLE, builds the model]
        PM: [PM, product manager, product owner]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import regex

from ticketlint.checks.base import BuildContext, Check, CheckSpecError, Options, Outcome, values_of
from ticketlint.model import Epic
from ticketlint.targets import Target
from ticketlint.text.placeholders import non_answer

_NOT_NEEDED = re.compile(
    r"\b(not needed|no need|(do|does|did|will) ?n[o'’]t need|don['’]t need|not required|none needed"
    r"|not necessary|n/?a because|n/?a,? (since|as)|is ?n[o'’]t needed|are ?n[o'’]t needed|won['’]t need"
    r"|no \w+ needed|nobody needed|not staffed on purpose|covered by)\b",
    re.IGNORECASE,
)
# A name: an @mention, a Jira mention, or a capitalised word that is not a common word.
_NAME = regex.compile(r"@[\w.-]+|\[~[^\]]+\]|\b\p{Lu}[\p{Ll}'’-]+\b")
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "Our",
        "We",
        "Us",
        "They",
        "He",
        "She",
        "It",
        "This",
        "That",
        "These",
        "Those",
        "Team",
        "Squad",
        "Teams",
        "Group",
        "Tbd",
        "Tbc",
        "None",
        "Nobody",
        "Someone",
        "Somebody",
        "Not",
        "Needed",
        "No",
        "Yes",
        "Open",
        "Hiring",
        "Hire",
        "Vendor",
        "Agency",
        "Contractor",
        "Product",
        "Data",
        "Model",
        "Models",
        "Engineer",
        "Engineering",
        "Scientist",
        "Science",
        "Analyst",
        "Analytics",
        "Analysis",
        "Manager",
        "Owner",
        "Lead",
        "Pipeline",
        "Pipelines",
        "Platform",
        "Roles",
        "Role",
        "People",
        "Name",
        "Names",
        "Who",
        "What",
        "Owners",
        "Ownership",
        "Responsible",
        "Accountable",
        "Consulted",
        "Informed",
        "Notes",
        "Note",
        "Also",
        "And",
        "Or",
        "With",
        "For",
        "From",
        "Via",
        "Plus",
        "Dashboards",
        "Dashboard",
        "Kpi",
        "Business",
        "Insights",
        "Applied",
        "Machine",
        "Learning",
        "Feature",
        "Features",
        "Ml",
        "Ai",
        "Pm",
        "Po",
        "Ds",
        "De",
        "Pa",
        "Mle",
        "Raci",
        "Dri",
        "Backup",
        "Support",
        "Via",
        "Ops",
        "Operations",
        "Platform",
        "Infra",
        "Infrastructure",
        "Central",
        "Shared",
        "Core",
        "Search",
        "Risk",
        "Trust",
        "Safety",
        "Growth",
        "Discovery",
        "Payments",
        "Fraud",
        "Legal",
        "Finance",
        "Marketing",
        "Sales",
        "Will",
        "Is",
        "Are",
        "Was",
        "Be",
        "On",
        "In",
        "At",
        "Of",
        "To",
        "By",
        "As",
    ]
)
_TEAM_ONLY = re.compile(
    r"\b(team|squad|folks|someone|somebody|a person|hire|hiring|contractor|vendor|agency|tbd|tbc)\b", re.I
)
_SEEN_LINES = 20_000
_SEGMENTS = re.compile(r"\s+/\s+|;|,|\s\|\s|\|\||\s+[-—–]\s+(?=\w+:)|\band\b|\s\+\s|·")


@dataclass(frozen=True)
class _Role:
    name: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Roles:
    targets: tuple[Target, ...]
    roles: tuple[_Role, ...]
    finder: re.Pattern[str]  # every role word, longest first
    owner: Mapping[str, str]  # role word (as matched, normalised) → role name
    hints: frozenset[str]
    seen: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def _role_of(self, word: str) -> str | None:
        return self.owner.get(word) or self.owner.get(word.casefold())

    def _mentions(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        for match in self.finder.finditer(text):
            role = self._role_of(match.group(0))
            if role is not None:
                found.append((match.start(), match.end(), role))
        return found

    def _assigned(self, lines: Iterable[str], title: str, users: tuple[str, ...]) -> set[str]:
        assigned: set[str] = set()
        titled = {r for _, _, r in self._mentions(title)} if title else set()
        if title:  # "We don't need a product analyst: ..." says it in the title
            assigned |= self._line(title)
        for line in lines:
            named = (users or _has_name(line)) and non_answer(line, self.hints) is None
            if titled and (named or _NOT_NEEDED.search(line)):  # "Product analyst: not needed" too
                assigned |= titled
            assigned |= self._line(line)
        if titled and users:
            assigned |= titled
        return assigned

    def _line(self, line: str) -> frozenset[str]:
        """The roles one line gives a person (remembered: the same line is read as part of
        the section and as its own row or label)."""
        found = self.seen.get(line)
        if found is None:
            if len(self.seen) > _SEEN_LINES:
                self.seen.clear()
            roles = {r for _, _, r in self._mentions(line)} if _NOT_NEEDED.search(line) else set()
            for segment in _SEGMENTS.split(line):
                roles |= self._segment(segment)
            found = self.seen[line] = frozenset(roles)
        return found

    def _segment(self, segment: str) -> set[str]:
        mentions = self._mentions(segment)
        if not mentions:
            return set()
        if _NOT_NEEDED.search(segment):
            return {r for _, _, r in mentions}
        # The words that are not role words: a name among them is the role's person.
        rest = segment
        for start, end, _ in sorted(mentions, reverse=True):
            rest = rest[:start] + " " + rest[end:]
        if not _has_name(rest) or (_TEAM_ONLY.search(rest) and not _has_full_name(rest)):
            return set()
        if non_answer(rest.strip(" :|-—–()"), self.hints) is not None:
            return set()
        return {r for _, _, r in mentions}

    def evaluate(self, epic: Epic) -> Outcome:
        assigned: set[str] = set()
        looked_at: list[str] = []
        for target in self.targets:
            for value in values_of(target, epic):
                looked_at.append(value.target)
                if value.present:
                    assigned |= self._assigned(value.lines, value.title, value.users)
        missing = [r.name for r in self.roles if r.name not in assigned]
        where = ", ".join(dict.fromkeys(looked_at))
        named = ", ".join(r.name for r in self.roles if r.name in assigned)
        if missing:
            return Outcome(False, where, named or "nobody", f"no name for: {', '.join(missing)}")
        return Outcome(True, where, named)


def _has_name(text: str) -> bool:
    return any(m.group(0).strip("@[~]") and m.group(0) not in _NOT_NAMES for m in _NAME.finditer(text))


def _has_full_name(text: str) -> bool:
    return bool(regex.search(r"@[\w.-]+|\[~|\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+", text))


def build(options: Options, ctx: BuildContext) -> Check:
    ctx = ctx.with_targets({k: v for k, v in options.items() if k == "targets"})
    specs = {k: v for k, v in options.items() if k != "targets"}
    if not specs:
        raise CheckSpecError("needs at least one role: a mapping of role name to the words that name it")
    roles = []
    owner: dict[str, str] = {}
    for name, words in specs.items():
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            raise CheckSpecError(f'"{name}": needs a list of words that name the role', (str(name),))
        roles.append(_Role(str(name), tuple(words)))
        for word in words:
            key = word.strip() if _is_abbreviation(word) else word.strip().casefold()
            owner.setdefault(key, str(name))
    alternatives = sorted(owner, key=len, reverse=True)
    pattern = "|".join(
        rf"(?-i:\b{re.escape(w)}s?\b)" if _is_abbreviation(w) else rf"\b{re.escape(w)}(?:s|es)?\b"
        for w in alternatives
    )
    finder = re.compile(pattern, re.IGNORECASE)
    return Roles(ctx.targets, tuple(roles), finder, _Normalised(owner), ctx.hints)


def _is_abbreviation(word: str) -> bool:
    word = word.strip()
    return word.isupper() and len(word) <= 4


class _Normalised(dict[str, str]):
    """Role words by how they were matched: "PMs" and "data scientists" find their role too."""

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        for candidate in (key, key.rstrip("s"), key[:-2] if key.endswith("es") else key):
            if dict.__contains__(self, candidate):
                return dict.__getitem__(self, candidate)
            if dict.__contains__(self, candidate.casefold()):
                return dict.__getitem__(self, candidate.casefold())
        return default
