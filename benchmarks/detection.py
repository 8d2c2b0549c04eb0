"""Detection quality of the ml-kickoff pack on a labelled corpus (tests/corpus/, tests/corpus/sealed/).

    python benchmarks/detection.py            # the tuning corpus and the sealed set, side by side
    python benchmarks/detection.py --misses   # and every disagreement with the labels

Positive class: the decision is missing. Precision: of the findings raised, the share
where the decision really is missing (a false alarm costs trust). Recall: of the missing
decisions, the share ticketlint flags. Free-prose epics (styles "prose" and "one-pager")
are reported on their own. A corpus's ``ticketlint.yaml`` may map its site's custom
field names under ``fields:``, as a user's config would.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from ticketlint.engine import evaluate_epic
from ticketlint.fields import FieldCatalog
from ticketlint.model import Epic
from ticketlint.rulefile import load_rules
from ticketlint.trackers.file import read_epics

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "tests" / "corpus"
SEALED = TUNING / "sealed"
PROSE = frozenset({"prose", "one-pager"})


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, flagged: bool, missing: bool) -> None:
        if flagged and missing:
            self.tp += 1
        elif flagged:
            self.fp += 1
        elif missing:
            self.fn += 1
        else:
            self.tn += 1


def score_corpus(corpus: Path, root: Path) -> tuple[dict[str, Score], dict[str, Score], list[str]]:
    """Per-rule scores for structured epics and for free prose, plus every disagreement."""
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))
    rules = load_rules(["builtin:ml-kickoff"], root).active
    structured: dict[str, Score] = {r.id: Score() for r in rules}
    prose: dict[str, Score] = {r.id: Score() for r in rules}
    misses: list[str] = []
    config = corpus / "ticketlint.yaml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8")) if config.exists() else None
    fields = (settings or {}).get("fields", {})
    for epic in read_epics([corpus / "epics"], FieldCatalog(aliases=dict(fields))):
        assert isinstance(epic, Epic), f"corpus epic could not be read: {epic}"
        label = labels[epic.key]
        failed = {f.rule for f in evaluate_epic(rules, epic).result.findings}
        scores = prose if label.get("style") in PROSE else structured
        for rule in scores:
            missing = label[rule] == "missing"
            scores[rule].add(rule in failed, missing)
            if (rule in failed) != missing:
                kind = "false alarm" if rule in failed else "missed"
                misses.append(f"{epic.key} ({label.get('style')}) {rule}: {kind}")
    return structured, prose, misses


def style_counts(corpus: Path) -> Counter[str]:
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))
    return Counter(str(v.get("style")) for v in labels.values())


def micro(scores: dict[str, Score]) -> Score:
    total = Score()
    for s in scores.values():
        total.tp, total.fp, total.fn, total.tn = (
            total.tp + s.tp,
            total.fp + s.fp,
            total.fn + s.fn,
            total.tn + s.tn,
        )
    return total


def comparison_table(
    tuning: tuple[dict[str, Score], dict[str, Score]], sealed: tuple[dict[str, Score], dict[str, Score]]
) -> str:
    """Per rule on structured styles, tuning corpus beside the sealed set; then the micro
    averages, and free prose on its own."""
    lines = [
        "| rule | tuning precision | tuning recall | sealed precision | sealed recall |",
        "|---|---:|---:|---:|---:|",
    ]
    for rule, t in tuning[0].items():
        s = sealed[0][rule]
        lines.append(f"| {rule} | {t.precision:.2f} | {t.recall:.2f} | {s.precision:.2f} | {s.recall:.2f} |")
    for name, index in (("all structured styles (micro)", 0), ("free prose (micro)", 1)):
        t, s = micro(tuning[index]), micro(sealed[index])
        lines.append(
            f"| **{name}** | {t.precision:.2f} | {t.recall:.2f} | {s.precision:.2f} | {s.recall:.2f} |"
        )
    return "\n".join(lines)


def _as_json(scores: dict[str, Score]) -> dict[str, dict[str, float]]:
    return {r: vars(s) | {"precision": s.precision, "recall": s.recall} for r, s in scores.items()}


def detection_report(misses: bool = False) -> tuple[str, dict[str, object]]:
    """The tuning corpus beside the sealed set, as Markdown (with every disagreement when
    ``misses``) and as JSON for results.json."""
    tuning_structured, tuning_prose, tuning_misses = score_corpus(TUNING, ROOT)
    sealed_structured, sealed_prose, sealed_misses = score_corpus(SEALED, ROOT)
    counts = {
        name: sum(style_counts(corpus).values()) for name, corpus in (("tuning", TUNING), ("sealed", SEALED))
    }
    text = (
        f"Positive = decision missing; tuning corpus {counts['tuning']} epics, "
        f"sealed set {counts['sealed']} epics.\n\n"
        + comparison_table((tuning_structured, tuning_prose), (sealed_structured, sealed_prose))
    )
    if misses:
        for name, found in (("tuning corpus", tuning_misses), ("sealed set", sealed_misses)):
            text += f"\n\nDisagreements, {name}:\n" + "\n".join(f"- {m}" for m in found)
    data: dict[str, object] = {
        name: {
            "epics": counts[name],
            "structured": _as_json(structured),
            "prose": _as_json(prose),
            "disagreements": found,
        }
        for name, structured, prose, found in (
            ("tuning", tuning_structured, tuning_prose, tuning_misses),
            ("sealed", sealed_structured, sealed_prose, sealed_misses),
        )
    }
    return text, data


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--misses", action="store_true", help="list every disagreement with the labels")
    args = parser.parse_args()
    print(detection_report(args.misses)[0])
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
