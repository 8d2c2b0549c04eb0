"""Words as detection compares them: lower case, light stemming, no filler words.

"Metrics of success", "Success metric:" and "3. How do we measure success?" share the
stems {metric, success}; "Owners", "owned" and "owning" share "own". The stemmer is
deliberately crude (a few English suffixes): it only has to make the forms people write
in one epic meet the forms a pack's author wrote in a concept.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_NUMBERING = re.compile(r"^\s*(?:q\d*[:.)]|\d+(?:\.\d+)*[.):]?|[a-z][.)])\s+", re.IGNORECASE)

# Words that carry no meaning in a title or a question. Question words stay: "why ML",
# "who does what" and "where does the data come from" need them.
# fmt: off
STOPWORDS = frozenset((
    'a', 'an', 'the', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'about', 'as',
    'and', 'or', 'nor', 'but', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did',
    'done', 'we', 'our', 'ours', 'us', 'it', 'its', 'this', 'that', 'these', 'those', 'will', 'would',
    'can', 'could', 'should', 'shall', 'may', 'might', 'must', 'i', 'me', 'my', 'you', 'your', 'they',
    'them', 'their', 'there', 'here', 'have', 'has', 'had', 'any', 'some', 'all', 'each', 'every', 'own',
    's', 't', 'so', 'if', 'then', 'than', 'too', 'very', 'just', 'also', 'get', 'got', 'go', 'going',
    'let', 'lets', "let's", 'please', 'etc', 'e', 'g', 'eg', 'ie', 'i.e', 'e.g', 'vs',
))
# fmt: on
# Suffixes stripped (after plurals), longest first; the stem keeps at least three letters.
_SUFFIXES = ("ation", "ingly", "ment", "ing", "ness", "ied", "er", "ed", "ly")
# fmt: off
_KEEP = frozenset((
    'bias', 'status', 'basis', 'analysis', 'process', 'loss', 'less', 'yes', 'this', 'always', 'news',
    'ops', 'gdpr', 'kpis', 'sla', 'slas', 'ml', 'ai', 'pm', 'pms', 'fn', 'fp', 'fns', 'fps',
))
# fmt: on


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's crude stem: "metrics" → "metric", "owned" → "own", "reviewing" → "review"."""
    word = word.lower().replace("’", "'")
    if "'" in word:
        word = word.split("'", 1)[0]
    if word in _KEEP or len(word) <= 3:
        return {"kpis": "kpi", "pms": "pm", "fns": "fn", "fps": "fp", "slas": "sla"}.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":  # "planned" → "plann" → "plan"
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """The stems of a title or a name that carry meaning: numbering and filler words dropped."""
    text = _NUMBERING.sub("", text)
    return frozenset(stem(t) for t in tokens(text) if t not in STOPWORDS)
