"""Rule packs: load, resolve ``extends`` and ``overrides``, validate, compile to Rules.

Every problem is reported as ``path:line:col: rule "<id>": <what is wrong>``, all of a
file's problems at once, as a RuleFileError (exit code 2).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ticketlint.checks import Check, CheckSpecError, compile_check
from ticketlint.detection.concepts import Concept, ConceptSet, ConceptSpecError, build_concept, concept_set
from ticketlint.errors import Problem, RuleFileError
from ticketlint.model import Severity
from ticketlint.selector import AllOf, build_selector
from ticketlint.targets import Target, TargetSpecError, Words, build_targets, section_titles
from ticketlint.text.placeholders import normalize
from ticketlint.text.titles import title_words
from ticketlint.validation import schema_problems
from ticketlint.yamlfile import Key, Located, YamlProblem, load_yaml

BUILTIN_PREFIX = "builtin:"
MESSAGE_FIELDS = ("key", "summary", "owner", "target", "value", "rule", "severity")
OVERRIDABLE = (
    "description",
    "severity",
    "selector",
    "targets",
    "check",
    "message",
    "docs",
    "label",
)


@dataclass(frozen=True)
class Rule:
    """A compiled rule, ready for the engine."""

    id: str
    pack: str
    description: str
    severity: Severity | None  # None: switched off
    selector: AllOf
    check: Check
    message: str
    docs: str | None
    label: str | None
    spec: Mapping[str, Any]
    origin: str
    overridden: bool = False
    selector_specs: tuple[Mapping[str, Any], ...] = ()  # as written: the rule's own, then its pack's
    hints: frozenset[str] = frozenset()  # to recompile the check for other targets (config overrides)
    others: Words = ()
    concepts: ConceptSet | None = None


@dataclass(frozen=True)
class RuleSet:
    """The rules of one run, in pack order, including those switched off."""

    rules: tuple[Rule, ...]
    packs: tuple[str, ...]
    concepts: ConceptSet = field(default_factory=lambda: ConceptSet({}))

    @property
    def active(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.severity is not None)

    def ids(self) -> set[str]:
        return {r.id for r in self.rules}


@dataclass
class _RuleDef:
    """A rule's merged definition, and where each field of it was written."""

    id: str
    pack: str
    data: dict[str, Any]
    where: dict[str, tuple[Located, Key]]
    selectors: tuple[Mapping[str, Any], ...] = ()
    overridden: bool = False


@dataclass(eq=False)
class _Pack:
    name: str
    located: Located
    rules: list[_RuleDef] = field(default_factory=list)
    placeholders: frozenset[str] = frozenset()
    extends: frozenset[int] = frozenset()  # ids of every pack this one inherits from
    concepts: list[Concept] = field(default_factory=list)  # inherited ones first, then its own

    def concept_set(self) -> ConceptSet:
        return concept_set(self.concepts)


def builtin_dir() -> Path:
    """Where the built-in packs are: inside the installed package, or ``rules/`` in a checkout."""
    packaged = resources.files("ticketlint").joinpath("_builtin_rules")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


def resolve_pack(spec: str, base: Path) -> tuple[Path, str]:
    """``(file, display name)`` for ``builtin:<name>`` or a path relative to ``base``."""
    if spec.startswith(BUILTIN_PREFIX):
        name = spec[len(BUILTIN_PREFIX) :]
        return builtin_dir() / f"{name}.yaml", spec
    path = (base / spec).resolve() if not Path(spec).is_absolute() else Path(spec)
    return path, spec if not Path(spec).is_absolute() else str(path)


def _rule_of(data: Any) -> Any:
    def rule_of(key: Key) -> str | None:
        if len(key) >= 2 and key[0] == "rules" and isinstance(key[1], int):
            rules = data.get("rules") if isinstance(data, dict) else None
            if isinstance(rules, list) and key[1] < len(rules) and isinstance(rules[key[1]], dict):
                rule_id = rules[key[1]].get("id")
                return rule_id if isinstance(rule_id, str) else None
        if len(key) >= 2 and key[0] == "overrides":
            return str(key[1])
        return None

    return rule_of


class PackLoader:
    """Loads packs once each, following ``extends`` and refusing cycles."""

    def __init__(self) -> None:
        self._packs: dict[Path, _Pack] = {}
        self._stack: list[Path] = []

    def load(self, spec: str, base: Path, referrer: tuple[Located, Key] | None = None) -> _Pack:
        path, display = resolve_pack(spec, base)
        if path in self._stack:
            chain = " → ".join([*(p.name for p in self._stack[self._stack.index(path) :]), path.name])
            raise RuleFileError([_at(referrer, display, f"extends cycle: {chain}")])
        if path in self._packs:
            return self._packs[path]
        if path.is_dir():
            raise RuleFileError(
                [_at(referrer, display, f'"{spec}" is a directory; name a rule pack file (.yaml)')]
            )
        if not path.is_file():
            if spec.startswith(BUILTIN_PREFIX):
                hint = f"built-in packs: {', '.join(BUILTIN_PREFIX + n for n in builtin_names())}"
            elif referrer is None:
                hint = (
                    "check the path (relative to the working directory, or to ticketlint.yaml for its rules:)"
                )
            else:
                hint = "check the path (relative paths start from the file that names them)"
            raise RuleFileError([_at(referrer, display, f'rule pack "{spec}" not found; {hint}')])
        self._stack.append(path)
        try:
            pack = self._load_file(path, display)
        finally:
            self._stack.pop()
        self._packs[path] = pack
        return pack

    def _load_file(self, path: Path, display: str) -> _Pack:
        try:
            located = load_yaml(path, display)
        except YamlProblem as error:
            raise RuleFileError([error.problem]) from None
        data = located.data
        if not isinstance(data, dict):
            raise RuleFileError([located.problem((), "a rule pack is a mapping with name: and rules:")])
        problems = schema_problems(located, "rulepack.schema.json", _rule_of(data))
        broken = {p.rule for p in problems}
        pack = _Pack(str(data.get("name", path.stem)), located)
        pack.placeholders = frozenset(
            normalize(h) for h in data.get("placeholders", []) if isinstance(h, str)
        )
        if any(p.rule is None for p in problems):
            raise RuleFileError(problems)  # the pack's own shape is wrong: nothing more to say

        own_concepts = _concepts(located, data.get("concepts") or {}, problems)
        inherited = self._inherit(pack, path.parent, problems)
        pack.concepts += own_concepts
        concepts = pack.concept_set()
        for rule in inherited.values():
            if rule.overridden:
                problems.extend(_validate(rule, pack.placeholders, concepts))
        for index, raw in enumerate(data.get("rules", [])):
            rule_id = raw.get("id")
            if rule_id in broken:
                continue
            key: Key = ("rules", index)
            if rule_id in inherited:
                problems.append(
                    located.problem(
                        (*key, "id"),
                        (
                            f'"{rule_id}" is already defined in pack "{inherited[rule_id].pack}"; '
                            "change it under overrides: instead of redefining it"
                        ),
                        rule_id,
                    )
                )
                continue
            if any(r.id == rule_id for r in pack.rules):
                problems.append(located.problem((*key, "id"), f'duplicate rule id "{rule_id}"', rule_id))
                continue
            where = {name: (located, (*key, name)) for name in raw}
            rule = _RuleDef(rule_id, pack.name, dict(raw), where)
            problems.extend(_validate(rule, pack.placeholders, concepts))
            pack.rules.append(rule)
        pack.rules[:0] = inherited.values()
        selector = data.get("selector")
        if selector:  # a pack's selector replaces the ones its rules inherited
            for rule in pack.rules:
                rule.selectors = (selector,)
        if problems:
            raise RuleFileError(problems)
        return pack

    def _inherit(self, pack: _Pack, base: Path, problems: list[Problem]) -> dict[str, _RuleDef]:
        data, located = pack.located.data, pack.located
        extends = data.get("extends", [])
        inherited: dict[str, _RuleDef] = {}
        for index, spec in enumerate([extends] if isinstance(extends, str) else extends):
            key: Key = ("extends", index) if not isinstance(extends, str) else ("extends",)
            parent = self.load(spec, base, (located, key))
            pack.extends |= {id(parent)} | parent.extends
            pack.placeholders |= parent.placeholders
            pack.concepts += parent.concepts
            for rule in parent.rules:
                if rule.id in inherited:
                    problems.append(
                        located.problem(
                            key,
                            (
                                f'rule "{rule.id}" comes from both "{inherited[rule.id].pack}" and '
                                f'"{rule.pack}"; switch one off under overrides:'
                            ),
                        )
                    )
                inherited[rule.id] = _RuleDef(rule.id, rule.pack, dict(rule.data), dict(rule.where),
                                              rule.selectors, rule.overridden)  # fmt: skip
        for rule_id, change in (data.get("overrides") or {}).items():
            key = ("overrides", rule_id)
            if rule_id not in inherited:
                known = ", ".join(sorted(inherited)) or "none: this pack extends nothing"
                problems.append(
                    located.problem(
                        key,
                        f"no inherited rule has this id; inherited rules: {known}",
                        rule_id,
                        at_key=True,
                    )
                )
                continue
            rule = inherited[rule_id]
            rule.overridden = True
            fields = {"severity": "off"} if change == "off" else change
            for name, value in fields.items():
                rule.data[name] = value
                rule.where[name] = (located, (*key, name) if change != "off" else key)
        return inherited


def _at(referrer: tuple[Located, Key] | None, display: str, message: str) -> Problem:
    if referrer is None:
        return Problem(display, 1, 1, message)
    located, key = referrer
    return located.problem(key, message)


def message_problems(message: str) -> list[str]:
    """What is wrong with a message template: braces, formats, unknown placeholders."""
    try:
        parts = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(message) if f is not None]
    except ValueError as error:
        return [f"message: has unbalanced braces ({error}); write {{{{ or }}}} for a brace"]
    problems = []
    if any(spec or conv for _, spec, conv in parts):
        problems.append(
            "message: write placeholders plainly, like {key}; formats such as {key:d} or {key!r}"
            " are not supported"
        )
    allowed = ", ".join("{" + f + "}" for f in MESSAGE_FIELDS)
    problems += [
        f'message: unknown placeholder "{{{f}}}"; use {allowed}'
        for f, _, _ in parts
        if f not in MESSAGE_FIELDS
    ]
    return problems


def _concepts(located: Located, specs: Mapping[str, Any], problems: list[Problem]) -> list[Concept]:
    """A pack's own concepts; each malformed one is a problem naming its key."""
    found = []
    for concept_id, spec in specs.items():
        try:
            found.append(build_concept(str(concept_id), spec))
        except ConceptSpecError as error:
            key: Key = ("concepts", concept_id, *error.key)
            problems.append(located.problem(key, f'concept "{concept_id}": {error}', at_key=bool(error.key)))
    return found


def _validate(rule: _RuleDef, hints: frozenset[str], concepts: ConceptSet | None = None) -> list[Problem]:
    """Semantic checks the schema cannot express: checks, targets, message placeholders."""
    problems: list[Problem] = []

    def problem(name: str, sub: Key, message: str) -> None:
        located, key = rule.where.get(name, rule.where["id"])
        problems.append(located.problem((*key, *sub), message, rule.id, at_key=bool(sub)))

    targets: tuple[Target, ...] = ()
    if "targets" in rule.data:
        try:
            targets = build_targets(rule.data["targets"], concepts=concepts)
        except TargetSpecError as error:
            problem("targets", error.key, str(error))
            return problems
    try:
        compile_check(rule.data["check"], targets, hints, concepts=concepts)
    except CheckSpecError as error:
        problem("check", error.key, str(error))
    for message in message_problems(rule.data["message"]):
        problem("message", (), message)
    return problems


def compile_rules(packs: Iterable[_Pack]) -> RuleSet:
    packs = list(packs)
    titles = set().union(*(section_titles(r.data) for p in packs for r in p.rules))
    others = tuple(sorted({title_words(t) for t in titles}))
    concepts = concept_set(c for p in packs for c in p.concepts)
    rules: list[Rule] = []
    names: list[str] = []
    selectors: dict[tuple[int, ...], AllOf] = {}
    for pack in packs:
        names.append(pack.name)
        for rule in pack.rules:
            if any(r.id == rule.id for r in rules):
                located, key = rule.where["id"]
                raise RuleFileError(
                    [located.problem(key, "this rule id comes from two packs in the same run", rule.id)]
                )
            rules.append(_compile(rule, pack.placeholders, others, concepts, selectors))
    return RuleSet(tuple(rules), tuple(names), concepts)


def _compile(
    rule: _RuleDef,
    hints: frozenset[str],
    others: Words,
    concepts: ConceptSet,
    selectors: dict[tuple[int, ...], AllOf],
) -> Rule:
    """Compile one rule; rules sharing selector specs (a pack's) share one AllOf object."""
    data = rule.data
    specs = tuple(s for s in (data.get("selector"), *rule.selectors) if s)
    shared = tuple(id(s) for s in specs)
    if shared not in selectors:
        selectors[shared] = AllOf(tuple(build_selector(s) for s in specs))
    targets = build_targets(data["targets"], others, concepts) if "targets" in data else ()
    severity = None if data["severity"] == "off" else Severity(data["severity"])
    located, key = rule.where["id"]
    line, _ = located.where(key)
    return Rule(
        id=rule.id,
        pack=rule.pack,
        description=data["description"],
        severity=severity,
        selector=selectors[shared],
        check=compile_check(data["check"], targets, hints, others, concepts),
        message=data["message"].strip(),
        docs=data.get("docs"),
        label=data.get("label"),
        spec=data,
        origin=f"{located.path}:{line}",
        overridden=rule.overridden,
        selector_specs=specs,
        hints=hints,
        others=others,
        concepts=concepts,
    )


def load_rules(specs: Iterable[str], base: Path) -> RuleSet:
    """Load the packs a run uses (``builtin:<name>`` or paths relative to ``base``)."""
    loader = PackLoader()
    packs = list(dict.fromkeys(loader.load(spec, base) for spec in specs))  # a pack named twice counts once
    # A pack that another listed pack extends adds nothing: its rules are already there,
    # changed as the extending pack says.
    return compile_rules(p for p in packs if not any(id(p) in other.extends for other in packs))
