"""The floor: a hand-written Python function doing the same checks as the ml-kickoff rules.

It is what a team would write without ticketlint: split the wiki text on headings and
bold labels, drop placeholders, look for a number or a name. The benchmark compares its
findings with ticketlint's (they must agree) and its speed (ticketlint's ratio to it).
"""

from __future__ import annotations

import re
from typing import Any

_HEADING = re.compile(r"^h[1-6]\.\s*(.*)$")
_LABEL = re.compile(r"^\*([^*]+?):\*\s*(.*)$")
_PLACEHOLDER = re.compile(
    r"^(tbd|n/a|\?|\[.*\]|e\.g\..*|to be decided|the one metric everyone.*|the error rate the product.*)$",
    re.I,
)
# The five roles, each needing a name, a mention or "not needed".
_ROLES = ("ml engineer", "data scientist", "data engineer", "pm", "product analyst")
_ROLE_ROW = re.compile(
    r"^\W*(ml engineer|data scientist|data engineer|pm|product analyst)\s*[:|]\s*(.*)$", re.I
)
_PERSON = re.compile(r"@|\[~|not needed|\b[A-Z][a-z]+")


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        line = line.strip()
        heading = _HEADING.match(line)
        label = _LABEL.match(line)
        if heading:
            current = sections.setdefault(heading.group(1).strip().lower(), [])
        elif label:
            sections.setdefault(label.group(1).strip().lower(), []).append(label.group(2))
        elif current is not None and line:
            current.append(line)
    return sections


def _answer(lines: list[str]) -> str:
    return "\n".join(line for line in lines if not _PLACEHOLDER.match(line.strip()))


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _has(pattern: str, text: str, flags: int = re.I) -> bool:
    return re.search(pattern, text, flags) is not None


# The rules' own patterns, applied directly (I: ignore case, as the pack's default).
_REVIEWER = r"@\w|\[~|\bPM\b|\b(?i:product manager|product owner)\b|\b[A-Z][a-z]+ [A-Z][a-z]+\b"
_REVIEWED = (
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d"
    r"|\b(reviewed|discussed|walked|went through|agreed|signed off|approved|done|completed|held|met|covered)\b"
)
_NOT_YET = r"\b(will|we'll|going to|to be scheduled|not (yet|done)|planned for|next week|pending|to do|todo|once|invite sent)\b"
_KIND = (
    r"\b(false positives?|false negatives?|FPs?|FNs?|symmetric\w*|equally|both (errors|mistakes|kinds)|precision|recall"
    r"|(over|under)-?\w+|too (little|much|early|late|many|few|high|low|often|rarely)|miss(es|ed|ing)?|wrongly \w+"
    r"|(is|are) (more |less )?(acceptable|preferred|tolerable|fine|ok|worse|cheaper)|prefer\w*|rather)\b"
)
_WHY = (
    r"\b(because|since|so|as|costs?|cheap\w*|expensive|worse|better|harm\w*|risk\w*|reviews?|reviewed|means|while"
    r"|whereas|than|otherwise|annoy\w*|lose|loses|lost|loss|delay\w*|breaks?|complain\w*|refunds?|trust|safety|churn)\b"
    r"|[€$£]\s?\d|[:;—–]\s*\S+(\s+\S+){4,}"
)
_REMEDY = (
    r"\b(human|humans|reviewers?|reviewed|review queue|manual(ly)?|moderators?|agents?|experts?|specialists?|clerks?"
    r"|ops|second model|another model|fall ?backs?|falls? back|rules?|thresholds?|reduce\w*|retrain\w*|drop(ped)?"
    r"|block\w*|allow ?list|filters?|filtered|guard\w*|caps?|capped|reject\w*|hold\w*|confirm\w*|escalat\w*"
    r"|appeals?|overrides?|kill switch|roll ?back|queue)\b"
)
_OWNER = (
    r"\b(owners?|owned|owns|owning|responsib\w*|accountable|DRI|on[- ]call|run by|handled by|lead)\b|@\w|\[~"
)
_ALTERNATIVE = (
    r"\b(rules?|heuristics?|keywords?|regex\w*|thresholds?|lookups?|scorecards?|manual(ly)?|humans?|people"
    r"|reviewers?|agents?|staff|editors?|moderators?|experts?|by hand|hand-\w+|baseline|current|today|scale"
    r"|volume|per (day|week|hour|month)|a (day|week|month)|millions?|thousands?|\d)\b"
)
_HYPE = (
    r"\b(the future|everyone|wants? (ai|ml)|asked for|standard approach|modernis\w*|moderniz\w*|because ml)\b"
)
_MEASURED = (
    r"\d+(\.\d+)?\s*(%|pp\b|percent)|\b(auc|gini|precision|recall|f1|ndcg|mape|wape|rmse|mae|ctr|rate|accuracy"
    r"|median|mean|average|p\d\d|score)\b[^.\n]{0,40}\d|\d[^.\n]{0,40}\b(minutes?|hours?|days?|weeks?|seconds?|ms"
    r"|per|a (day|week|month)|/day|/week)\b"
)
_METHOD = r"\b(a/b|holdout|back-?test\w*|before[/ -]and[/ -]after|shadow|pilot|split|compar\w*|measured (by|with))\b"
_PRIVACY = (
    r"\b(privacy|dpia|gdpr|ccpa|hipaa|legal|dpo|consent\w*|compliance|data[- ]protection|pia|model[- ]risk)\b"
)
_PENDING = (
    r"\b(review|approval|dpia|check)\b[^.;\n]{0,40}\b(not (yet )?(started|done|approved|requested)|requested"
    r"|pending|waiting|planned|to be \w+)\b"
)


def _roles_named(rows: list[str]) -> bool:
    named = set()
    for row in rows:
        match = _ROLE_ROW.match(row)
        value = match.group(2).strip(" |") if match else ""
        if match and _PERSON.search(value) and (value.startswith("[~") or not _PLACEHOLDER.match(value)):
            named.add(match.group(1).lower())
    return named == set(_ROLES)


def _checks(sections: dict[str, list[str]], text: str) -> dict[str, bool]:
    """Whether each decision is recorded (True) in the sections of one description."""

    def answer(title: str) -> str:
        return _answer(sections.get(title, []))

    metric, tolerance = answer("success metric"), answer("error tolerance")
    roles = "\n".join(sections.get("roles", [])).replace("||", "|")
    rows = [r.strip("|").replace("|", ":", 1) for r in roles.splitlines()]
    review, constraints, proxy = (
        answer("kickoff review with pm"),
        answer("constraints"),
        answer("proxy metric"),
    )
    kind, never, remedy = (
        answer("acceptable error kind"),
        answer("unacceptable mistakes"),
        answer("remediation"),
    )
    why, baseline, data = answer("why ml"), answer("baseline"), answer("data sources")
    return {
        "success-metric-defined": _words(metric) >= 2 and _has(r"\d|\b(double|halve|half|twice|triple)\b", metric),
        "error-tolerance-stated": _has(r"\d|\b(zero|none may|no more than one)\b", tolerance),
        "roles-assigned": _roles_named(rows),
        "pm-kickoff-review": _has(_REVIEWER, review, 0) and _has(_REVIEWED, review) and not _has(_NOT_YET, review),
        "constraints-stated": (
            _words(constraints) >= 3
            and not _has(r"\A\s*(none|nothing|no constraints?|n/a)\b|\b(the usual|the standard ones|as usual"
                         r"|the normal ones|same as)\b", constraints)
        ) or _has(r"\b(none|no constraints?|nothing)\b.*\b(checked|confirmed|reviewed|verified|cleared)\b", constraints),
        "proxy-metric-justified": _has(r"^\s*(n/?a|not applicable)\b[\s,.:;-]*(because|since|as)\b", proxy)
        or (_words(proxy) >= 4 and _has(r"\b(correlat\w*|tracks?|tracked|tracking|moves? with|move together|checks?"
                                        r"|checked|validat\w*|align\w*|compar\w*|lift|a/b|online|in line with|proxy for"
                                        r"|against|predicts?)\b", proxy)),
        "error-kind-preference": _words(kind) >= 6 and _has(_KIND, kind) and _has(_WHY, kind)
        and not _has(r"\b(to be (discussed|decided|agreed|confirmed|defined)|tbd|tbc)\b", kind),
        "unacceptable-mistakes-listed": _words(never) >= 4
        and not _has(r"\A\s*(nothing|anything|none|no mistakes?)\b", never),
        "remediation-planned": _words(remedy) >= 5 and _has(_REMEDY, remedy) and _has(_OWNER, remedy),
        "ml-justified": _words(why) >= 6 and _has(_ALTERNATIVE, why) and not _has(_HYPE, why),
        "baseline-recorded": _words(baseline) >= 3 and _has(_MEASURED, baseline) and _has(_METHOD, text),
        "data-sources-identified": _words(data) >= 5 and _has(_PRIVACY, data) and not _has(_PENDING, data),
    }  # fmt: skip


def handwritten_findings(issue: dict[str, Any], rules: frozenset[str] | None = None) -> set[str]:
    """The rule ids (of ``rules``, default all twelve) that fail for one issue."""
    text = issue["fields"].get("description") or ""
    checks = _checks(_sections(text), text)
    return {rule for rule, passed in checks.items() if not passed and (rules is None or rule in rules)}
