"""``all`` / ``any`` / ``not`` / ``when``: checks built from other checks.

- ``all: [CHECK, ...]`` passes when every check passes (reports the first that fails).
- ``any: [CHECK, ...]`` passes when at least one passes.
- ``not: CHECK`` passes when the check fails.
- ``when: {if: CHECK, then: CHECK}`` applies ``then`` only when ``if`` passes; otherwise
  the rule does not apply and passes. Example: a proxy metric is required only when the
  success metric says it cannot be trained on directly.

Targets given on a combinator are inherited by the checks inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ticketlint.checks.base import BuildContext, Check, CheckSpecError, Options, Outcome
from ticketlint.model import Epic


@dataclass(frozen=True)
class All:
    checks: tuple[Check, ...]

    def evaluate(self, epic: Epic) -> Outcome:
        outcome = Outcome(True, "", "")
        for check in self.checks:
            outcome = check.evaluate(epic)
            if not outcome.passed:
                return outcome
        return outcome


@dataclass(frozen=True)
class Any_:
    checks: tuple[Check, ...]

    def evaluate(self, epic: Epic) -> Outcome:
        first_failure: Outcome | None = None
        for check in self.checks:
            outcome = check.evaluate(epic)
            if outcome.passed:
                return outcome
            first_failure = first_failure or outcome
        assert first_failure is not None
        return first_failure


@dataclass(frozen=True)
class Not:
    check: Check

    def evaluate(self, epic: Epic) -> Outcome:
        inner = self.check.evaluate(epic)
        return Outcome(not inner.passed, inner.target, inner.value)


@dataclass(frozen=True)
class When:
    condition: Check
    then: Check

    def evaluate(self, epic: Epic) -> Outcome:
        condition = self.condition.evaluate(epic)
        if not condition.passed:
            return Outcome(True, condition.target, condition.value)
        return self.then.evaluate(epic)


def _scope(options: object, ctx: BuildContext) -> BuildContext:
    if isinstance(options, dict) and "targets" in options:
        return ctx.with_targets(options)
    return ctx


def _children(options: object, ctx: BuildContext, name: str) -> tuple[Check, ...]:
    checks = options.get("checks") if isinstance(options, dict) else options
    key: tuple[str | int, ...] = ("checks",) if isinstance(options, dict) else ()
    if not isinstance(checks, list) or not checks:
        raise CheckSpecError(f"{name}: needs a list of checks")
    return tuple(ctx.child(node, (*key, index)) for index, node in enumerate(checks))


def build_all(options: Options, ctx: BuildContext) -> Check:
    return All(_children(options, _scope(options, ctx), "all"))


def build_any(options: Options, ctx: BuildContext) -> Check:
    return Any_(_children(options, _scope(options, ctx), "any"))


def build_not(options: Options, ctx: BuildContext) -> Check:
    return Not(ctx.child(options, ()))


def build_when(options: Options, ctx: BuildContext) -> Check:
    if (
        not isinstance(options, dict)
        or set(options) - {"if", "then", "targets"}
        or not ("if" in options and "then" in options)
    ):
        raise CheckSpecError("when: needs exactly if: CHECK and then: CHECK")
    ctx = _scope(options, ctx)
    return When(ctx.child(options["if"], ("if",)), ctx.child(options["then"], ("then",)))
