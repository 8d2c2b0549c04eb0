"""The closed registry of check primitives: one module each, its docstring its documentation.

A check in a rule file is a mapping with exactly one key, the primitive's name:
``{filled: {min_words: 3}}``, ``{all: [CHECK, ...]}``, ``{when: {if: CHECK, then: CHECK}}``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ticketlint.checks import (
    assigned,
    combinators,
    count,
    filled,
    matches,
    mentions,
    one_of,
    one_sentence,
    roles,
    titled,
)
from ticketlint.checks.base import BuildContext, Check, CheckSpecError, Options, Outcome
from ticketlint.checks.candidates import EachCandidate
from ticketlint.detection.concepts import ConceptSet
from ticketlint.targets import ConceptTarget, Target, Words

Builder = Callable[[Options, BuildContext], Check]

REGISTRY: dict[str, Builder] = {
    "filled": filled.build,
    "matches": matches.build,
    "not_matches": matches.build_not,
    "one_of": one_of.build,
    "one_sentence": one_sentence.build,
    "assigned": assigned.build,
    "count": count.build,
    "mentions": mentions.build,
    "roles": roles.build,
    "titled": titled.build,
    "all": combinators.build_all,
    "any": combinators.build_any,
    "not": combinators.build_not,
    "when": combinators.build_when,
}


def build_check(node: object, ctx: BuildContext) -> Check:
    """Build a check from its rule-file form; raise CheckSpecError naming the bad key."""
    if not isinstance(node, Mapping) or len(node) != 1:
        raise CheckSpecError(f"a check is a mapping with exactly one of: {', '.join(REGISTRY)}")
    ((name, options),) = node.items()
    builder = REGISTRY.get(name)
    if builder is None:
        raise CheckSpecError(f'unknown check "{name}"; use one of: {", ".join(REGISTRY)}', (name,))
    if options is None:
        options = {}
    if name not in ("all", "any", "not") and not isinstance(options, Mapping):
        raise CheckSpecError(f"{name}: needs a mapping of options", (name,))
    try:
        return builder(options, ctx)
    except CheckSpecError as error:
        raise CheckSpecError(str(error), (name, *error.key)) from None


def compile_check(
    node: object,
    targets: tuple[Target, ...],
    hints: frozenset[str],
    others: Words = (),
    concepts: ConceptSet | None = None,
) -> Check:
    """A rule's check on its targets; with a concept among them, judged candidate by candidate."""
    check = build_check(node, BuildContext(targets, hints, build_check, others, concepts))
    if any(isinstance(t, ConceptTarget) and not t.together for t in targets):
        return EachCandidate(targets, check)
    return check


__all__ = ["REGISTRY", "Check", "CheckSpecError", "Outcome", "build_check", "compile_check"]
