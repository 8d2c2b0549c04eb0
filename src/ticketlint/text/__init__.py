"""Description parsers: wiki markup, ADF and Markdown, all reduced to one Document model."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ticketlint.model import Document
from ticketlint.text.adf import parse_adf
from ticketlint.text.markdown import parse_markdown
from ticketlint.text.wiki import parse_wiki

# Signs of each markup; a text string is whichever shows more of its own. Headings,
# tables and panels are strong signs (they count three times).
_WIKI_STRONG = re.compile(r"^(h[1-6]\.\s|\|\||\{(panel|code|noformat|quote|color)[:}])", re.MULTILINE)
_WIKI_WEAK = re.compile(
    r"^(\*[^*\s][^*\n]*:\*|\*\*\s|#\s)|\[~[^\]\n]+\]|\{\{|\[[^\]\n|]+\|[^\]\n]+\]", re.MULTILINE
)
_MARKDOWN_STRONG = re.compile(r"^(#{1,6}\s|```|\|?\s*:?-{3,}:?\s*\|)", re.MULTILINE)
# "# item" is a numbered list in wiki markup and a top-level heading in Markdown; an epic
# with several of them (and "## sub-item" below them) is a wiki list, not many titles.
_HASH_ITEM = re.compile(r"^#{1,3}\s+\S", re.MULTILINE)
_H1 = re.compile(r"^#\s+\S", re.MULTILINE)
_LIST_ITEMS_AS_H1 = 3
_MARKDOWN_WEAK = re.compile(r"^(\s*[-+]\s|>\s)|\*\*\w|\]\(", re.MULTILINE)


def detect_format(description: object) -> str:
    """Guess the markup of a description: ADF for a JSON document, else wiki or Markdown."""
    if isinstance(description, Mapping):
        return "adf"
    if isinstance(description, str):
        wiki = 3 * len(_WIKI_STRONG.findall(description)) + len(_WIKI_WEAK.findall(description))
        markdown = 3 * len(_MARKDOWN_STRONG.findall(description)) + len(_MARKDOWN_WEAK.findall(description))
        if len(_H1.findall(description)) >= _LIST_ITEMS_AS_H1:
            items = len(_HASH_ITEM.findall(description))
            markdown -= 3 * items
            wiki += 3 * items
        if wiki > markdown:
            return "wiki"
    return "markdown"


def parse_description(description: Any, fmt: str | None = None) -> Document:
    """Parse a description of any supported markup; ``None`` is an empty document."""
    if description is None:
        return Document()
    if not isinstance(description, (str, Mapping)):
        raise ValueError(
            "the description must be text (wiki or Markdown) or an ADF document, "
            f"not {type(description).__name__}"
        )
    fmt = fmt or detect_format(description)
    if fmt == "adf":
        if not isinstance(description, Mapping):
            raise ValueError("an ADF description must be a JSON object")
        return parse_adf(description)
    if not isinstance(description, str):
        raise ValueError(f"a {fmt} description must be text, not {type(description).__name__}")
    return parse_wiki(description) if fmt == "wiki" else parse_markdown(description)
