"""What counts as "filled": template leftovers and hints never do.

Placeholders: empty text, TBD / TBC / TODO / N/A / none / unknown / ? / - / ..., "to be
defined" and friends, bracketed hints ("[describe the metric]"), text that is only an
"e.g. ..." example, a question (the template asking), and text identical to a hint the
pack declares. Where a rule allows
it, "N/A because <a reason of at least five words>" is an answer, not a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+")
_PLACEHOLDER = re.compile(
    r"^(tbd|tbc|tba|to-?do|to ?do|n/?a|na|not applicable|none|nil|unknown|pending|wip|xxx+"
    r"|\?+|-+|_+|\.+|…"
    r"|to be (defined|decided|determined|confirmed|agreed|discussed|done|added|filled( in)?|written)"
    r"|not (yet )?(defined|decided|known|started|done)( yet)?|fill (this )?in|add (it )?here"
    r"|planned|scheduled|later|soon|ongoing|in progress|next (week|sprint)|coming soon)[.!]*$",
    re.IGNORECASE,
)
# A line that opens with "TBD, after ..." or "to be checked" defers the answer, whatever follows
# ("TBD items were resolved" is an answer; "TBD after the security review" is not).
_DEFERRED = re.compile(
    r"^((tbd|tbc|tba|todo|to do|pending|not yet|wip)(\s+[-—–]|\s*[:;,(.—–]|\s+(after|until|once|when|by|"
    r"pending|with|in|on|from|for|until)\b)"
    r"|to be (checked|confirmed|defined|decided|determined|discussed|agreed|collected|added|written|done|"
    r"clarified|reviewed|scheduled|filled)\b)",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"^(\[[^\]]*\]|<[^>]*>|\{[^}]*\}|\([^)]*\))[.:]?$")
_EXAMPLE_ONLY = re.compile(r"^(e\.\s?g\.?|eg\b|example\s*:|ex\s*:)", re.IGNORECASE)
_NOT_APPLICABLE = re.compile(r"^(n/?a|not applicable)\b[\s,.:;-]*(because|since|as)\b(?P<why>.*)$", re.I)
# "Target: TBD" inside a section: the label is template, the value decides.
_LINE_LABEL = re.compile(r"^[\w /&()'-]{1,60}:\s*")
_MIN_REASON_WORDS = 5
# A sentence ends at . ! or ? followed by a space and a capital letter.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def normalize(text: str) -> str:
    """Lower case, markup-insensitive, single-spaced: for comparing text with hints."""
    return " ".join(_WORD.findall(text.lower()))


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_not_applicable_with_reason(text: str) -> bool:
    """True for "N/A because <at least five words of reason>"."""
    match = _NOT_APPLICABLE.match(text.strip())
    return match is not None and word_count(match.group("why")) >= _MIN_REASON_WORDS


def is_placeholder_line(line: str, hints: frozenset[str] = frozenset()) -> bool:
    """True when one line of text is a template leftover rather than an answer."""
    stripped = line.strip().strip("*_`~\"'").strip()
    if not stripped or stripped.endswith("?"):  # a question is the template asking, not an answer
        return True
    candidates = [stripped]
    label = _LINE_LABEL.match(stripped)
    if label and label.end() < len(stripped):
        candidates.append(stripped[label.end() :].strip())
    elif label:
        return True  # a bare "Target:" line with nothing after it
    for text in candidates:
        if (
            _PLACEHOLDER.match(text)
            or _DEFERRED.match(text)
            or _BRACKETED.match(text)
            or _EXAMPLE_ONLY.match(text)
            or normalize(text) in hints
            or not _WORD.search(text)
        ):
            return True
    return False


def answer_text(lines: Iterable[str], hints: frozenset[str] = frozenset()) -> str:
    """The sentences of a section that are answers, joined; placeholders and questions dropped.

    Sentences, not lines: "Train on NDCG@10. How we check it tracks the metric: TBD." keeps
    the first sentence and drops the template's unanswered second one.
    """
    kept: list[str] = []
    for line in lines:
        sentences = _SENTENCE_END.split(line) if _SENTENCE_END.search(line) else (line,)
        kept.extend(s for s in sentences if not is_placeholder_line(s, hints))
    return "\n".join(kept)


def is_filled(
    lines: Iterable[str],
    *,
    min_words: int = 1,
    allow_not_applicable: bool = False,
    hints: frozenset[str] = frozenset(),
) -> bool:
    """True when the lines hold an answer of at least ``min_words`` words."""
    lines = list(lines)
    if allow_not_applicable and any(is_not_applicable_with_reason(line) for line in lines):
        return True
    answer = answer_text(lines, hints)
    if _NOT_APPLICABLE.match(answer.strip()):  # "N/A because" with too short a reason, or not allowed
        return False
    return word_count(answer) >= min_words
