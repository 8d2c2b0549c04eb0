"""Step bindings for features/report_formats.feature (shared steps live in conftest.py)."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt
from pytest_bdd import parsers, scenarios, then

from tests.conftest import Workspace

scenarios("report_formats.feature")


class _Rendered(HTMLParser):
    """What a CommonMark renderer made of the report: headings, table rows, links, raw HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [value or "" for name, value in attrs if tag == "a" and name == "href"]

    def handle_data(self, data: str) -> None:
        self.text += data


def _render(markdown: str) -> _Rendered:
    rendered = _Rendered()
    rendered.feed(MarkdownIt("commonmark").enable("table").render(markdown))
    return rendered


@then(
    parsers.parse(
        'the Markdown in "{name}" renders as {rows:d} owner rows and links to {links:d} epics in Jira'
    )
)
def markdown_renders(workspace: Workspace, name: str, rows: int, links: int) -> None:
    rendered = _render((workspace.root / name).read_text())
    assert rendered.tags.count("h1") == 1 and rendered.tags.count("h2") == 2
    assert rendered.tags.count("tr") == rows + 1  # and the header row
    assert len(rendered.links) == links and all("/browse/" in link for link in rendered.links)


@then("the Markdown output renders with no link and no HTML from the epic")
def markdown_inert(workspace: Workspace) -> None:
    rendered = _render(workspace.result.stdout)
    assert rendered.links == [] and "b" not in rendered.tags
    for text in ("[click me](http://evil.example)", "<b>x</b>", "**Boss**"):
        assert text in rendered.text  # shown as written, not as markup
