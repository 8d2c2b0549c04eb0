"""What counts as an answer: template leftovers, deferrals, refusals and links never do.

Non-answers, sentence by sentence:
- a template leftover: empty text, TBD / TBC / TODO / ? / - / ..., bracketed hints
  ("[describe the metric]", "<owner>"), text that is only an "e.g. ..." example, text
  identical to a hint the pack declares;
- a question: the template (or the writer) asking, not answering;
- a deferral: the decision is put off ("to be decided", "we'll figure out the metric
  after the pilot", "DPIA booked for Q3", "questions sent to legal, no reply yet",
  "pending sign-off", "not decided yet");
- a refusal without a reason: "N/A", "none", "not relevant", "no";
- a link standing in for the content: "see the policy doc", "Details on Confluence", a
  bare URL.
Where a rule allows it, "N/A because <a reason of at least five words>" is an answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"\w+")
_PLACEHOLDER = re.compile(
    r"^(tbd|tbc|tba|to-?do|to ?do|pending|wip|xxx+"
    r"|\?+|[-—–]+|_+|\.+|…"
    r"|to be (defined|decided|determined|confirmed|agreed|discussed|done|added|filled( in)?|written)"
    r"|not (yet )?(defined|decided|known|started|done)( yet)?|fill (this )?in|add (it )?here"
    r"|planned|scheduled|later|soon|ongoing|in progress|next (week|sprint)|coming soon)[.!]*$",
    re.IGNORECASE,
)
# A bare refusal: something is written, but it declines to answer and gives no reason.
_REFUSAL = re.compile(
    r"^(n/?a|na|not applicable|none|nil|unknown|nope|no|nothing|not relevant|irrelevant|no idea"
    r"|does ?n[o'’]t apply|do ?n[o'’]t know|idk|not sure|unclear"
    r"|none (yet|so far|known|that we know of))[.!]*$",
    re.IGNORECASE,
)


def _words_of(*alternatives: str) -> str:
    return "(" + "|".join(alternatives) + ")"


# fmt: off
_FUTURE = _words_of("will", "wil", "['’]ll", "shall", "going to", "plan to", "plans to", "need to",
                    "needs to", "have to", "has to", "want to", "still need to", "are going to")
_LATER = _words_of("later", "after", "once", "when (we|the|it)", "next (week|sprint|month|quarter)",
                   "in q[1-4]", "by (the )?end of", "eventually", "soon", "at some point")
_UNDONE = _words_of("started", "decided", "agreed", "defined", "known", "confirmed", "booked", "done",
                    "approved", "signed( off)?", "reviewed", "measured", "finali[sz]ed", "chosen")
# fmt: on
# The decision is put off, wherever in the sentence it says so. Each line is one way to say it.
_DEFERRAL = re.compile(
    "|".join(
        (
            # "to be decided", "to be collected from support tickets"
            r"\bto be (decided|defined|determined|confirmed|agreed( on)?|discussed|clarified|collected|added"
            r"|written"
            r"|filled( in)?|scheduled|settled|finali[sz]ed|specified|assigned|named|identified|worked out"
            r"|figured out|sorted out|done|checked|reviewed|measured|listed|compiled|gathered|provided"
            r"|found)\b",
            # "we'll figure out the metric after the pilot", "need to decide"
            rf"\b{_FUTURE}\s+(\w+\s+){{0,2}}?(decide|define|determine|agree|figure\b|work out|sort out|settle"
            r"|finali[sz]e|nail down|come back|revisit|follow up|look into|think about|fill|pick|choose)",
            # "we will measure it after launch", "we'll confirm with legal next week"
            rf"\b{_FUTURE}\s+(\w+\s+){{0,2}}?(measure|check|confirm|add|share|write|document|collect|ask"
            rf"|discuss"
            rf"|review|schedule|book|set|get|find)\b[^.;]{{0,60}}?\b{_LATER}\b",
            # "Will ask CS", "We'll collect examples from the bed managers"
            rf"^(we|i|they|you|someone|somebody|the team|team|product|legal|ops)?\s*{_FUTURE}\s+(\w+\s+)?(ask"
            r"|collect|gather|list|compile|come up with|get back|find out|look into|think|figure|define"
            r"|decide"
            r"|write (it|this|them|these)?\s*(up|down)?|work (it|this) out|add (them|it|this|these|examples"
            r"|details|numbers))\b",
            # "Rahul to fill in", "(Jakub to answer)"
            r"^\(?[A-Z][a-z]+ to (fill|add|write|answer|provide|check|confirm|decide|define|follow up"
            r"|complete"
            r"|update|clarify|look|ask|collect|list)\b",
            # "DPIA booked for Q3", "will be collected from compliance"
            r"\b(booked|scheduled|planned|pencil+ed in) (for|in|on)\b",
            r"\bwill be (collected|checked|defined|provided|confirmed|shared|decided|added|agreed|clarified"
            r"|determined|written|documented|filled|listed|compiled|gathered|named|found)\b",
            # "questions sent, no reply yet", "awaiting sign-off", "pending"
            r"\bawaiting\b|\bwaiting (for|on)\b|\bno (reply|answer|response|decision|feedback|news)( yet"
            r"| so far)?\b",
            r"(?<!held )(?<!hold )(?<!kept )(?<!\ba )(?<!\ban )(?<!\bthe )\bpending\b",
            r"\bopen question\b|\bon hold\b",
            # "not yet approved", "not decided yet", "Review: not started"
            rf"\bnot yet (\w+ )?({_UNDONE[1:-1]}|available|clear|there|in place|written|filled)\b",
            rf"\bnot {_UNDONE} yet\b",
            rf"(^|\b(is|are|was|were|has been|have been|still) )not {_UNDONE}\s*[.!)]*$",
            r"\b(have|has|had|did) ?n[o'’]t (yet )?(decided|agreed|started|heard|done|checked|defined|asked"
            r"|measured|talked|discussed|met|reviewed|picked|chosen|got|gotten)\b",
            # "Legal is checking", "checking with the DPO", "nobody has looked yet", "ask the DPO"
            r"\b(is|are|am|'re|’re|'s|’s) (still )?(checking|looking into|looking at it|reviewing it"
            r"|working on it"
            r"|asking|confirming|figuring|deciding|discussing|collecting)\b|\bchecking with\b",
            r"\b(nobody|no one|no-one) (has|have)( yet)? (looked|checked|asked|decided|reviewed)\b",
            r"^(ask|check with|talk to|confirm with|clarify with|sync with) \w+",
            r"\bwill tell us\b|\bto follow\b|\bnext (sprint|week)\b|\bto fill in\b",
            # "still discussing", "we haven't settled it", "we left it open"
            r"\bstill (discussing|deciding|being (discussed|decided)|open|under discussion)\b",
            r"\bunder discussion\b",
            r"\b(have|has) ?n[o'’]t (yet )?settled\b|\bnot (yet )?settled\b|\bleft (it |this |that )?open\b",
            # "PM: TBD", "Data (TBC)"
            r"(^|[:(—–-]\s*)(tbd|tbc|tba|wip)\s*([).,;!]|$)",
        )
    ),
    re.IGNORECASE,
)
# A link (or a pointer to a document) where the answer should be.
_URL = re.compile(r"https?://\S+|www\.\S+")
_POINTER = re.compile(
    r"^(see|refer to|refer|read|check|look at|details?( are)?( in| on| at)?|documented( in| on)?|"
    r"described( in| on)?|covered( in| on)?|as per|per|cf\.?|link|links|→|->)?[:\s]*"
    r"(the |our |this |that |a |an )?([\w&/.'’-]+ ){0,3}?"
    r"(doc|docs|document|documents|page|wiki|confluence|sheet|spreadsheet|deck|slides?|notion|link|ticket"
    r"|spec|"
    r"prd|policy|thread|e-?mail|mail|attachment|attached|below|above|here|dashboard|folder|drive|one-pager|"
    r"brief|memo)\b[\s.:,)(]*$",
    re.IGNORECASE,
)
_SEE = re.compile(r"^(see|refer to|check out|look at|details (in|on|at))\b\s+\S+(\s+\S+){0,4}\s*[.]?$", re.I)
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
# A template's instruction to whoever fills it in: "List examples of ...", "Name a person for ...".
_INSTRUCTION = re.compile(
    r"^(please )?(list|give|describe|name|write|add|explain|state|say|record|fill in|enter|provide|document"
    r"|specify|insert|outline|summari[sz]e|define|identify|note down|mention|put|link)\s+(the|a|an|any|all"
    r"|some"
    r"|examples?|one|who|what|which|how|why|where|when|your|each|here|them|it|this|these|those|at least)\b",
    re.IGNORECASE,
)
_NOT_APPLICABLE = re.compile(r"^(n/?a|not applicable)\b[\s,.:;-]*(because|since|as)\b(?P<why>.*)$", re.I)
# "Target: TBD" inside a section: the label is template, the value decides.
_LINE_LABEL = re.compile(r"^[\w /&()'-]{1,60}:\s*")
_MIN_REASON_WORDS = 5
# A sentence ends at . ! or ? followed by a space and a capital letter.
# A sentence ends at . ! or ? followed by a space and a capital, a digit or an opening sign,
# but not after a title or a common abbreviation ("Dr. Vogel", "e.g. CTR", "approx. 40%").
_ABBREVIATIONS = (
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
    "St",
    "vs",
    "etc",
    "approx",
    "No",
    "Nr",
    "Fig",
    "Inc",
    "Ltd",
    "Co",
)
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"(?<!\b[a-zA-Z]\.[a-zA-Z]\.)(?<=[.!?])\s+(?=[A-Z0-9\"'(@\[])"
)


def split_sentences(text: str) -> list[str]:
    """The sentences of a text (a line, or a paragraph's lines joined)."""
    return _SENTENCE_END.split(text) if _SENTENCE_END.search(text) else [text]


def normalize(text: str) -> str:
    """Lower case, markup-insensitive, single-spaced: for comparing text with hints."""
    return " ".join(_WORD.findall(text.lower()))


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_not_applicable_with_reason(text: str) -> bool:
    """True for "N/A because <at least five words of reason>"."""
    match = _NOT_APPLICABLE.match(text.strip())
    return match is not None and word_count(match.group("why")) >= _MIN_REASON_WORDS


@lru_cache(maxsize=16384)
def non_answer(line: str, hints: frozenset[str] = frozenset()) -> str | None:
    """What kind of non-answer one sentence (or line) is, or None when it is an answer.

    Remembered: the checks of one rule, and the rules of one epic, read the same sentences."""
    stripped = line.strip().strip("*_`~\"'").strip()
    if not stripped:
        return "empty"
    if stripped.endswith("?"):  # a question is the template asking, not an answer
        return "a question"
    candidates = [stripped]
    label = _LINE_LABEL.match(stripped)
    if label and label.end() < len(stripped):
        candidates.append(stripped[label.end() :].strip())
    elif label:
        return "empty"  # a bare "Target:" line with nothing after it
    for text in candidates:
        kind = _kind(text, hints)
        if kind is not None:
            return kind
    if len(candidates) == 1 and _INSTRUCTION.match(stripped):  # "Describe X: <answer>" answers it
        return "a template leftover"
    return None


def _kind(text: str, hints: frozenset[str]) -> str | None:
    if (
        _PLACEHOLDER.match(text)
        or _BRACKETED.match(text)
        or _EXAMPLE_ONLY.match(text)
        or normalize(text) in hints
        or not _WORD.search(text)
    ):
        return "a template leftover"
    if _REFUSAL.match(text):
        return "a refusal without a reason"
    if _DEFERRED.match(text) or _DEFERRAL.search(text):
        return "deferred"
    unlinked = _URL.sub(" ", text).strip(" .,:;()[]<>")
    if not _WORD.search(unlinked) or _POINTER.match(unlinked) or (_URL.search(text) and _SEE.match(unlinked)):
        return "a link instead of an answer"
    if _SEE.match(text) and word_count(text) <= 4:
        return "a link instead of an answer"
    return None


def is_placeholder_line(line: str, hints: frozenset[str] = frozenset()) -> bool:
    """True when one line of text is a template leftover or another non-answer."""
    return non_answer(line, hints) is not None


@dataclass(frozen=True)
class Answer:
    """The sentences of some lines that answer, and those that do not (with what they are)."""

    kept: tuple[str, ...]
    dropped: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return "\n".join(self.kept)


def read_answer(lines: Iterable[str], hints: frozenset[str] = frozenset()) -> Answer:
    """Split lines into sentences and sort them into answers and non-answers (see
    ``_read_answer``); several checks of a rule read the same lines, so it is remembered."""
    return _read_answer(tuple(lines), hints)


@lru_cache(maxsize=4096)
def _read_answer(lines: tuple[str, ...], hints: frozenset[str]) -> Answer:
    """Split lines into sentences and sort them into answers and non-answers.

    Sentences, not lines: "Train on NDCG@10. How we check it tracks the metric: TBD." keeps
    the first sentence and drops the template's unanswered second one.
    """
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for line in lines:
        for sentence in split_sentences(line):
            kind = non_answer(sentence, hints)
            if kind is None:
                kept.append(sentence)
            elif kind != "empty":
                dropped.append((sentence, kind))
    return Answer(tuple(kept), tuple(dropped))


def answer_text(lines: Iterable[str], hints: frozenset[str] = frozenset()) -> str:
    """The sentences of some lines that are answers, joined; non-answers dropped."""
    return read_answer(lines, hints).text


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


def is_bare_not_applicable(answer: str) -> bool:
    """ "N/A because" with too short a reason (or where a rule does not allow it)."""
    return _NOT_APPLICABLE.match(answer.strip()) is not None
