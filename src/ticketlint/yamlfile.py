"""Safe YAML loading that remembers where every value came from (line and column).

Aliases are followed, but the expanded size is bounded so a "billion laughs" file is
refused at once instead of eating the machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ticketlint.errors import Problem

Key = tuple[str | int, ...]
MAX_NODES = 200_000


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Located:
    """A loaded YAML document and the ``(line, col)`` of every key path in it."""

    path: str
    data: Any
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Key, tuple[int, int]] = field(default_factory=dict)

    def where(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """Position of the value at a key path (or of the key itself), else of an ancestor."""
        if at_key and key in self.key_positions:
            return self.key_positions[key]
        while key not in self.positions and key:
            key = key[:-1]
        return self.positions.get(key, (1, 1))

    def problem(self, key: Key, message: str, rule: str | None = None, *, at_key: bool = False) -> Problem:
        line, col = self.where(key, at_key=at_key)
        return Problem(self.path, line, col, message, rule)


def load_yaml(path: Path, display: str | None = None) -> Located:
    """Load one YAML file safely; raise YamlProblem with a position on any syntax error."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlProblem(Problem(shown, 1, 1, "file not found")) from None
    except (OSError, UnicodeDecodeError) as error:
        raise YamlProblem(Problem(shown, 1, 1, f"cannot read the file ({error})")) from None
    return load_yaml_text(text, shown)


class _Loader(yaml.SafeLoader):
    """Safe loading with YAML 1.2 booleans (only true/false: `severity: off` stays "off")."""


_BOOL = "tag:yaml.org,2002:bool"

# Dates stay text too ("2026-12-31"): rule files and configs compare them as ISO dates.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag not in (_BOOL, "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml_text(text: str, path: str) -> Located:
    located = Located(path, None)
    try:
        loader = _Loader(text)
    except yaml.YAMLError as error:  # e.g. a control character the reader refuses
        raise YamlProblem(Problem(path, 1, 1, f"this is not valid YAML: {_first_line(error)}")) from None
    try:
        node = loader.get_single_node()
        if node is not None:
            located.data = _Walker(loader, located).value(node, ())
        return located
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "invalid YAML"
        raise YamlProblem(Problem(path, line, col, f"this is not valid YAML: {what}")) from None
    except yaml.YAMLError as error:
        raise YamlProblem(Problem(path, 1, 1, f"this is not valid YAML: {_first_line(error)}")) from None
    except RecursionError:
        raise YamlProblem(Problem(path, 1, 1, "the file is nested too deeply to read")) from None
    finally:
        loader.dispose()


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    def __init__(self, loader: _Loader, located: Located) -> None:
        self.loader = loader
        self.located = located
        self.count = 0

    def value(self, node: yaml.Node, key: Key) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlProblem(
                self.located.problem(
                    key, f"the file expands to more than {MAX_NODES:,} values (too many aliases)"
                )
            )
        self.located.positions.setdefault(key, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*key, index)) for index, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, key: Key) -> dict[str, Any]:
        # Keys are the text as written ("1", "true", "null" stay text), and a key written
        # twice is an error; keys merged in with "<<" may be overridden, as YAML allows.
        written: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in written:
                    line, col = _mark(key_node)
                    raise YamlProblem(
                        Problem(self.located.path, line, col, f'the key "{key_node.value}" appears twice')
                    )
                written.add(key_node.value)
        self.loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(self.located.problem(key, "mapping keys must be plain text", at_key=True))
            name = key_node.value
            sub = (*key, name)
            self.located.key_positions[sub] = _mark(key_node)
            self.located.positions.pop(sub, None)  # a merged value is replaced by the written one
            result[name] = self.value(value_node, sub)
        return result
