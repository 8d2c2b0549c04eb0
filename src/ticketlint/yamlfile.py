"""Safe YAML loading that remembers where every value came from (line and column).

Aliases are followed, but the expanded size is bounded so a "billion laughs" file is
refused at once instead of eating the machine.
"""

from __future__ import annotations

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


def load_yaml_text(text: str, path: str) -> Located:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        located = Located(path, None)
        if node is not None:
            located.data = _Walker(loader, located).value(node, ())
        return located
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "invalid YAML"
        raise YamlProblem(Problem(path, line, col, f"this is not valid YAML: {what}")) from None
    except yaml.YAMLError as error:
        raise YamlProblem(Problem(path, 1, 1, f"this is not valid YAML: {error}")) from None
    finally:
        loader.dispose()


class _Walker:
    def __init__(self, loader: yaml.SafeLoader, located: Located) -> None:
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
        self.located.positions.setdefault(key, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                name = self.loader.construct_object(key_node, deep=True)
                if not isinstance(name, (str, int, float, bool)) and name is not None:
                    raise YamlProblem(self.located.problem(key, "mapping keys must be plain text"))
                if name in result:
                    line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    raise YamlProblem(
                        Problem(self.located.path, line, col, f'the key "{name}" appears twice')
                    )
                sub = (*key, name if isinstance(name, (str, int)) else str(name))
                self.located.key_positions[sub] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                result[name] = self.value(value_node, sub)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*key, index)) for index, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)
