"""A small JQL subset for the fake Jira: tokenizer, recursive-descent parser and evaluator.

This module owns the query language of :mod:`tests.fakejira.server`. It understands the
part of JQL ticketlint (and its tests) use, and refuses everything else with a 400-style
:class:`JqlError` whose message reads like Jira's (``"Error in the JQL Query: ..."``).

Grammar (keywords and field names are case-insensitive)::

    query    := [or_expr] [ORDER BY order (',' order)*] EOF
    or_expr  := and_expr ((OR | '||' | '|') and_expr)*
    and_expr := not_expr ((AND | '&&' | '&') not_expr)*
    not_expr := (NOT | '!') not_expr | '(' or_expr ')' | clause
    clause   := field operator operand
    operator := '=' | '!=' | '<' | '<=' | '>' | '>=' | IN | NOT IN | IS | IS NOT
    operand  := value | EMPTY | NULL | '(' value (',' value)* ')'
    value    := word | "double quoted" | 'single quoted'      (backslash escapes inside quotes)
    field    := word | quoted name | cf[12345]
    order    := field [ASC | DESC]

Supported fields and operators:

============================  =========================================================
``project``                   ``= != IN NOT IN IS [NOT] EMPTY``; key, name or id
``issuetype`` / ``type``      same; issue type name or id
``labels``                    same; exact label (compared case-insensitively)
``key`` / ``issuekey`` / id   same; issue key or id
``status``                    same; status name or id
``statusCategory``            same; category name (``Done``), key (``done``) or id
``component``                 same; component name or id
``parent``                    same; parent key or id
``created`` / ``updated``     ``= != < <= > >= IS [NOT] EMPTY``; ``"yyyy-MM-dd"``,
(``createdDate``,              ``"yyyy/MM/dd"``, optional ``" HH:mm"``, or a period such
``updatedDate``)               as ``-30d`` / ``"-4w 2d"`` (units w d h m)
custom fields                 ``cf[10010]`` or the field's name / clause name:
                              ``= != IN NOT IN IS [NOT] EMPTY`` on the value (strings,
                              numbers, options' ``value``/``name``, lists of those)
``ORDER BY``                  key, issuekey, id, created, updated, summary, rank
                              (rank = load order); ASC or DESC, several allowed
============================  =========================================================

Semantics follow Jira where it matters to callers: ``!=`` and ``NOT IN`` never match an
issue whose field is empty (``labels != x`` skips unlabelled issues; use ``NOT labels = x``
or ``OR labels IS EMPTY``), while ``NOT`` is a plain complement. Without ORDER BY, issues
come back in load order. Like Jira, a ``project`` value that names no known project, or a
``key`` that names no existing issue, fails the whole query (``"The value 'X' does not
exist for the field 'project'."`` / ``"An issue with key 'X-9' does not exist for field
'key'."``) when the :class:`Catalog` lists projects and keys; those value errors, bad
dates and impossible operators (``labels > x``) use Jira's wording without the
``"Error in the JQL Query: "`` prefix, as Jira does.

Simplifications vs real Jira: no text search (``~``), no history operators (``WAS``,
``CHANGED``), no functions (``currentUser()``, ``startOfDay()`` ...), no ``>``/``<`` on
keys; dates are compared in UTC (Jira uses the user's time zone); reserved characters are
checked loosely. Clauses on Jira fields the fake does not implement fail with
``"Error in the JQL Query: ... not supported by the fake Jira"``; unknown fields get Jira's
``"Field 'x' does not exist or you do not have permission to view it."``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

__all__ = [
    "And",
    "Catalog",
    "Clause",
    "CompiledQuery",
    "JqlError",
    "Not",
    "Operand",
    "Or",
    "OrderItem",
    "Query",
    "compile_query",
    "parse",
    "parse_jira_datetime",
]

PREFIX = "Error in the JQL Query: "
UNBOUNDED_MESSAGE = (
    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."
)
DATE_FORMATS_HELP = (
    "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', "
    "or a period format e.g. '-5d', '4w 2d'."
)


class JqlError(ValueError):
    """A query Jira would refuse with 400; ``message`` is the text for ``errorMessages``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --------------------------------------------------------------------------- tokens

_RESERVED = set("+;?*/%^$#@[]{}")
_OPERATOR_CHARS = set("=!<>~")
_KEYWORDS = {"AND", "OR", "NOT", "IN", "IS", "EMPTY", "NULL", "ORDER", "BY", "ASC", "DESC"}
_CF = re.compile(r"cf\[\d+\]", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    """One lexical token; ``pos`` is the 0-based offset into the query."""

    kind: str  # word | string | op | lparen | rparen | comma | and | or | eof
    text: str
    pos: int

    def upper(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"(line {line}, character {column})"


def _tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == "(":
            tokens.append(Token("lparen", ch, i))
            i += 1
        elif ch == ")":
            tokens.append(Token("rparen", ch, i))
            i += 1
        elif ch == ",":
            tokens.append(Token("comma", ch, i))
            i += 1
        elif ch in "&|":
            j = i + 2 if text.startswith(ch * 2, i) else i + 1
            tokens.append(Token("and" if ch == "&" else "or", text[i:j], i))
            i = j
        elif ch in "\"'":
            start = i
            value, i = _read_string(text, i)
            tokens.append(Token("string", value, start))
        elif ch in _OPERATOR_CHARS:
            for op in ("!=", "<=", ">=", "!~", "=", "<", ">", "~", "!"):
                if text.startswith(op, i):
                    tokens.append(Token("op", op, i))
                    i += len(op)
                    break
        elif (match := _CF.match(text, i)) is not None:
            tokens.append(Token("word", match.group(0), i))
            i = match.end()
        elif ch in _RESERVED:
            raise JqlError(
                f"{PREFIX}The character '{ch}' is a reserved JQL character. You must enclose it in a "
                f"string or use the escape '\\u{ord(ch):04x}' instead. {_where(text, i)}"
            )
        else:
            start = i
            while i < n and not (
                text[i].isspace()
                or text[i] in "()\",'&|"
                or text[i] in _OPERATOR_CHARS
                or text[i] in _RESERVED
            ):
                i += 1
            tokens.append(Token("word", text[start:i], start))
    tokens.append(Token("eof", "", len(text)))
    return tokens


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", " ": " "}


def _read_string(text: str, start: int) -> tuple[str, int]:
    quote = text[start]
    out: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == quote:
            return "".join(out), i + 1
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2 : i + 6]):
                out.append(chr(int(text[i + 2 : i + 6], 16)))
                i += 6
                continue
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
            raise JqlError(f"{PREFIX}The escape sequence '\\{nxt}' is illegal. {_where(text, i)}")
        out.append(ch)
        i += 1
    raise JqlError(
        f"{PREFIX}The quoted string '{text[start + 1 :]}' has not been completed. {_where(text, start)}"
    )


# --------------------------------------------------------------------------- AST


@dataclass(frozen=True)
class Operand:
    """A clause operand: ``kind`` is ``text``, ``empty`` (EMPTY/NULL) or ``function``."""

    kind: str
    text: str
    pos: int


@dataclass(frozen=True)
class Clause:
    """``field op operand(s)``; ``op`` is normalised upper case (``=``, ``NOT IN``, ``IS NOT`` ...)."""

    field: str
    op: str
    operands: tuple[Operand, ...]
    pos: int


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Clause | And | Or | Not


@dataclass(frozen=True)
class OrderItem:
    field: str
    descending: bool
    pos: int


@dataclass(frozen=True)
class Query:
    """A parsed query; ``where`` is None when there is no restriction (unbounded)."""

    text: str
    where: Node | None
    order_by: tuple[OrderItem, ...] = ()

    @property
    def bounded(self) -> bool:
        return self.where is not None


# --------------------------------------------------------------------------- parser


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.i = 0

    # helpers
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def _advance(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def _is_kw(self, *words: str) -> bool:
        return self.tok.kind == "word" and self.tok.upper() in words

    def _fail(self, expecting: str, tok: Token | None = None, suffix: str = "") -> JqlError:
        tok = tok or self.tok
        if tok.kind == "eof":
            return JqlError(f"{PREFIX}{expecting} before the end of the query.")
        shown = tok.text
        return JqlError(f"{PREFIX}{expecting} but got '{shown}'.{suffix} {_where(self.text, tok.pos)}")

    # grammar
    def parse(self) -> Query:
        where: Node | None = None
        if self.tok.kind != "eof" and not self._is_kw("ORDER"):
            where = self._or()
        order: tuple[OrderItem, ...] = ()
        if self._is_kw("ORDER"):
            self._advance()
            if not self._is_kw("BY"):
                raise self._fail("Expecting 'BY'")
            self._advance()
            order = self._order_list()
        if self.tok.kind != "eof":
            if order:
                raise self._fail("Expecting either ',' or the end of the query")
            raise self._fail("Expecting either 'OR' or 'AND'")
        return Query(self.text, where, order)

    def _or(self) -> Node:
        items = [self._and()]
        while self.tok.kind == "or" or self._is_kw("OR"):
            self._advance()
            items.append(self._and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def _and(self) -> Node:
        items = [self._not()]
        while self.tok.kind == "and" or self._is_kw("AND"):
            self._advance()
            items.append(self._not())
        return items[0] if len(items) == 1 else And(tuple(items))

    def _not(self) -> Node:
        if self._is_kw("NOT") or (self.tok.kind == "op" and self.tok.text == "!"):
            self._advance()
            return Not(self._not())
        if self.tok.kind == "lparen":
            self._advance()
            inner = self._or()
            if self.tok.kind != "rparen":
                raise self._fail("Expecting ')'")
            self._advance()
            return inner
        return self._clause()

    def _field_name(self) -> Token:
        tok = self.tok
        if tok.kind == "string" or (tok.kind == "word" and tok.upper() not in _KEYWORDS):
            return self._advance()
        raise self._fail("Expecting a field name", suffix=_quote_hint(tok))

    def _clause(self) -> Clause:
        field_tok = self._field_name()
        op = self._operator()
        if op in ("IS", "IS NOT"):
            if not self._is_kw("EMPTY", "NULL"):
                raise self._fail("Expecting 'EMPTY' or 'NULL'")
            tok = self._advance()
            return Clause(field_tok.text, op, (Operand("empty", tok.text, tok.pos),), field_tok.pos)
        if op in ("IN", "NOT IN"):
            if self.tok.kind != "lparen":
                if self.tok.kind == "word" and self.tokens[self.i + 1].kind == "lparen":
                    return Clause(field_tok.text, op, (self._operand(),), field_tok.pos)
                raise self._fail("Expecting a list of values or a function", suffix=_quote_hint(self.tok))
            return Clause(field_tok.text, op, self._list(), field_tok.pos)
        if self.tok.kind == "lparen":
            where = _where(self.text, self.tok.pos)
            raise JqlError(f"{PREFIX}The operator '{op}' does not support the list value. {where}")
        return Clause(field_tok.text, op, (self._operand(),), field_tok.pos)

    def _operator(self) -> str:
        tok = self.tok
        if tok.kind == "op" and tok.text != "!":
            self._advance()
            return tok.text
        if self._is_kw("IN"):
            self._advance()
            return "IN"
        if self._is_kw("NOT"):
            self._advance()
            if self._is_kw("IN"):
                self._advance()
                return "NOT IN"
            raise self._fail("Expecting 'IN'")
        if self._is_kw("IS"):
            self._advance()
            if self._is_kw("NOT"):
                self._advance()
                return "IS NOT"
            return "IS"
        if self._is_kw("WAS", "CHANGED"):
            raise _subset_error(f"The operator '{tok.text.upper()}'", self.text, tok.pos)
        raise self._fail(
            "Expecting operator",
            suffix=" Valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', "
            "'IS' and 'IS NOT'.",
        )

    def _list(self) -> tuple[Operand, ...]:
        self._advance()  # '('
        items = [self._operand()]
        while self.tok.kind == "comma":
            self._advance()
            items.append(self._operand())
        if self.tok.kind != "rparen":
            raise self._fail("Expecting ')'")
        self._advance()
        return tuple(items)

    def _operand(self) -> Operand:
        tok = self.tok
        if tok.kind == "string":
            self._advance()
            return Operand("text", tok.text, tok.pos)
        if tok.kind == "word":
            upper = tok.upper()
            if upper in ("EMPTY", "NULL"):
                self._advance()
                return Operand("empty", tok.text, tok.pos)
            if upper in _KEYWORDS:
                raise self._fail("Expecting either a value, list or function", suffix=_quote_hint(tok))
            self._advance()
            if self.tok.kind == "lparen":  # a function call: skip its arguments
                self._advance()
                depth = 1
                while depth and self.tok.kind != "eof":
                    depth += {"lparen": 1, "rparen": -1}.get(self.tok.kind, 0)
                    self._advance()
                if depth:
                    raise self._fail("Expecting ')'")
                return Operand("function", tok.text + "()", tok.pos)
            return Operand("text", tok.text, tok.pos)
        raise self._fail("Expecting either a value, list or function", suffix=_quote_hint(tok))

    def _order_list(self) -> tuple[OrderItem, ...]:
        items: list[OrderItem] = []
        while True:
            tok = self._field_name()
            descending = False
            if self._is_kw("ASC", "DESC"):
                descending = self._advance().upper() == "DESC"
            items.append(OrderItem(tok.text, descending, tok.pos))
            if self.tok.kind != "comma":
                return tuple(items)
            self._advance()


def _quote_hint(tok: Token) -> str:
    if tok.kind == "eof":
        return ""
    return f" You must surround '{tok.text}' in quotation marks to use it as a value."


def parse(text: str | None) -> Query:
    """Parse ``text``; raise :class:`JqlError` with Jira's wording on a syntax error."""
    return _Parser(text or "").parse()


# --------------------------------------------------------------------------- evaluation


@dataclass
class Catalog:
    """What the server knows, for resolving names and validating values.

    ``custom_fields`` maps lower-cased names (display name, clause names, ``cf[n]``) to field
    ids. ``projects`` holds lower-cased project keys, names and ids; ``keys`` lower-cased
    issue keys and ids. Leave either as None to skip that validation.
    """

    custom_fields: Mapping[str, str] = field(default_factory=dict)
    projects: set[str] | None = None
    keys: set[str] | None = None
    now: datetime | None = None


# Jira system fields the fake recognises but does not search on.
_KNOWN_UNSUPPORTED = {
    "affectedversion", "assignee", "attachments", "category", "comment", "creator", "description",
    "due", "duedate", "environment", "epic link", "epic name", "filter", "fixversion", "level",
    "originalestimate", "priority", "remainingestimate", "reporter", "resolution", "resolutiondate",
    "resolved", "sprint", "summary", "text", "timespent", "votes", "watcher", "watchers",
    "worklogcomment", "worklogdate",
}  # fmt: skip

_LIST_OPS = ("=", "!=", "IN", "NOT IN", "IS", "IS NOT")
_DATE_OPS = ("=", "!=", "<", "<=", ">", ">=", "IS", "IS NOT", "IN", "NOT IN")


def _strings(*values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values if v is not None and v != "")


def _item_aliases(value: Any, *keys: str) -> frozenset[str]:
    if isinstance(value, Mapping):
        return _strings(*(value.get(k) for k in keys))
    if isinstance(value, bool) or value is None:
        return frozenset()
    return _strings(value)


Items = list[frozenset[str]]
Accessor = Callable[[Mapping[str, Any]], Items]


def _fields(issue: Mapping[str, Any]) -> Mapping[str, Any]:
    value = issue.get("fields")
    return value if isinstance(value, Mapping) else {}


def _single(getter: Callable[[Mapping[str, Any]], Any], *keys: str) -> Accessor:
    def access(issue: Mapping[str, Any]) -> Items:
        aliases = _item_aliases(getter(issue), *keys)
        return [aliases] if aliases else []

    return access


def _multi(name: str, *keys: str) -> Accessor:
    def access(issue: Mapping[str, Any]) -> Items:
        values = _fields(issue).get(name)
        if not isinstance(values, list):
            return []
        return [a for a in (_item_aliases(v, *keys) for v in values) if a]

    return access


def _custom(field_id: str) -> Accessor:
    def access(issue: Mapping[str, Any]) -> Items:
        value = _fields(issue).get(field_id)
        values = value if isinstance(value, list) else [value]
        keys = ("value", "name", "key", "id", "displayName", "accountId")
        return [a for a in (_item_aliases(v, *keys) for v in values) if a]

    return access


def _status_category(issue: Mapping[str, Any]) -> Any:
    status = _fields(issue).get("status")
    return status.get("statusCategory") if isinstance(status, Mapping) else None


_ACCESSORS: dict[str, Accessor] = {
    "project": _single(lambda i: _fields(i).get("project"), "key", "name", "id"),
    "issuetype": _single(lambda i: _fields(i).get("issuetype"), "name", "id"),
    "labels": _multi("labels"),
    "key": _single(lambda i: {"key": i.get("key"), "id": i.get("id")}, "key", "id"),
    "status": _single(lambda i: _fields(i).get("status"), "name", "id"),
    "statuscategory": _single(_status_category, "name", "key", "id"),
    "component": _multi("components", "name", "id"),
    "parent": _single(lambda i: _fields(i).get("parent"), "key", "id"),
}
_ALIASES = {
    "type": "issuetype",
    "issuekey": "key",
    "id": "key",
    "label": "labels",
    "components": "component",
    "createddate": "created",
    "updateddate": "updated",
}
_DATE_FIELDS = {"created", "updated"}
_ORDERABLE = {"key", "issuekey", "id", "created", "updated", "summary", "rank"}


def parse_jira_datetime(value: Any) -> datetime | None:
    """Parse Jira's ``2026-01-19T09:12:44.108+0000`` (or ISO 8601); None when not a date."""
    if not isinstance(value, str) or not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z"):
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            pass
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


_ABSOLUTE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?")
_PERIOD = re.compile(r"([-+]?)\s*((?:\d+\s*[wdhm]\s*)+)")
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}


def _query_date(text: str, field_name: str, now: datetime) -> datetime:
    text = text.strip()
    if (m := _ABSOLUTE.fullmatch(text)) is not None:
        year, month, day, hour, minute = (int(g) if g else 0 for g in m.groups())
        try:
            return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)
        except ValueError:
            pass
    elif (m := _PERIOD.fullmatch(text)) is not None:
        delta = timedelta()
        for amount, unit in re.findall(r"(\d+)\s*([wdhm])", m.group(2)):
            delta += timedelta(**{_UNITS[unit]: int(amount)})
        return now - delta if m.group(1) == "-" else now + delta
    raise JqlError(f"Date value '{text}' for field '{field_name}' is invalid. {DATE_FORMATS_HELP}")


Predicate = Callable[[Mapping[str, Any]], bool]


@dataclass(frozen=True)
class CompiledQuery:
    """A validated query, ready to filter and sort issue dicts (``{id, key, fields}``)."""

    query: Query
    predicate: Predicate
    sort_keys: tuple[tuple[Callable[[Mapping[str, Any]], Any], bool], ...]

    @property
    def bounded(self) -> bool:
        return self.query.bounded

    def matches(self, issue: Mapping[str, Any]) -> bool:
        return self.predicate(issue)

    def select(self, issues: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        """The matching issues, in ORDER BY order (load order when there is none)."""
        found = [issue for issue in issues if self.predicate(issue)]
        for key, descending in reversed(self.sort_keys):
            present = [i for i in found if key(i) is not None]
            missing = [i for i in found if key(i) is None]
            present.sort(key=key, reverse=descending)
            found = present + missing
        return found


def _subset_error(what: str, text: str, pos: int) -> JqlError:
    return JqlError(f"{PREFIX}{what} is not supported by the fake Jira's JQL subset. {_where(text, pos)}")


def _canonical(name: str) -> str:
    low = name.lower()
    return _ALIASES.get(low, low)


class _Compiler:
    def __init__(self, query: Query, catalog: Catalog) -> None:
        self.query = query
        self.catalog = catalog
        self.now = catalog.now or datetime.now(timezone.utc)

    def node(self, node: Node) -> Predicate:
        if isinstance(node, And):
            parts = [self.node(n) for n in node.items]
            return lambda issue: all(p(issue) for p in parts)
        if isinstance(node, Or):
            parts = [self.node(n) for n in node.items]
            return lambda issue: any(p(issue) for p in parts)
        if isinstance(node, Not):
            inner = self.node(node.item)
            return lambda issue: not inner(issue)
        return self.clause(node)

    def _resolve(self, name: str, pos: int) -> tuple[str, Accessor | None]:
        """(canonical name, accessor); accessor None for date fields."""
        canonical = _canonical(name)
        if canonical in _DATE_FIELDS:
            return canonical, None
        if canonical in _ACCESSORS:
            return canonical, _ACCESSORS[canonical]
        field_id = self.catalog.custom_fields.get(name.lower())
        if field_id is not None:
            return name, _custom(field_id)
        if canonical in _KNOWN_UNSUPPORTED:
            raise _subset_error(f"Searching on the field '{name}'", self.query.text, pos)
        raise JqlError(f"Field '{name}' does not exist or you do not have permission to view it.")

    def clause(self, clause: Clause) -> Predicate:
        name, accessor = self._resolve(clause.field, clause.pos)
        op = clause.op
        allowed = _DATE_OPS if accessor is None else _LIST_OPS
        if op not in allowed:
            if op not in ("<", "<=", ">", ">="):
                raise _subset_error(f"The operator '{op}'", self.query.text, clause.pos)
            raise JqlError(f"The operator '{op}' is not supported by the '{clause.field}' field.")
        for operand in clause.operands:
            if operand.kind == "function":
                raise _subset_error(f"The function '{operand.text}'", self.query.text, operand.pos)
            if operand.kind == "empty" and op in ("<", "<=", ">", ">="):
                raise JqlError(f"The operator '{op}' does not support searching for EMPTY values.")
        if accessor is None:
            return self._date_clause(name, clause)
        self._validate_values(name, clause)
        return self._list_clause(accessor, clause)

    def _validate_values(self, name: str, clause: Clause) -> None:
        texts = [o.text for o in clause.operands if o.kind == "text"]
        if name == "project" and self.catalog.projects is not None:
            for text in texts:
                if text.lower() not in self.catalog.projects:
                    raise JqlError(f"The value '{text}' does not exist for the field 'project'.")
        if name == "key":
            for text in texts:
                if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*-\d+|\d+", text):
                    raise JqlError(f"The issue key '{text}' for field '{clause.field}' is invalid.")
                if self.catalog.keys is not None and text.lower() not in self.catalog.keys:
                    raise JqlError(f"An issue with key '{text}' does not exist for field '{clause.field}'.")

    @staticmethod
    def _list_clause(accessor: Accessor, clause: Clause) -> Predicate:
        wanted = frozenset(o.text.lower() for o in clause.operands if o.kind == "text")
        wants_empty = any(o.kind == "empty" for o in clause.operands)
        negated = clause.op in ("!=", "NOT IN", "IS NOT")

        def predicate(issue: Mapping[str, Any]) -> bool:
            items = accessor(issue)
            hit = any(item & wanted for item in items)
            if not negated:
                return hit or (wants_empty and not items)
            # Jira: != / NOT IN never match an empty field unless EMPTY is excluded explicitly.
            return bool(items) and not hit

        return predicate

    def _date_clause(self, name: str, clause: Clause) -> Predicate:
        op = clause.op
        if op in ("IS", "IS NOT") or (len(clause.operands) == 1 and clause.operands[0].kind == "empty"):
            want_empty = op in ("IS", "=")
            return lambda issue: (parse_jira_datetime(_fields(issue).get(name)) is None) == want_empty
        dates = [_query_date(o.text, clause.field, self.now) for o in clause.operands if o.kind == "text"]
        compare: dict[str, Callable[[datetime, datetime], bool]] = {
            "=": lambda a, b: a == b,
            "!=": lambda a, b: a != b,
            "<": lambda a, b: a < b,
            "<=": lambda a, b: a <= b,
            ">": lambda a, b: a > b,
            ">=": lambda a, b: a >= b,
        }

        def predicate(issue: Mapping[str, Any]) -> bool:
            value = parse_jira_datetime(_fields(issue).get(name))
            if value is None:
                return False
            if op == "IN":
                return any(value == d for d in dates)
            if op == "NOT IN":
                return all(value != d for d in dates)
            return compare[op](value, dates[0])

        return predicate

    def order(self, item: OrderItem) -> tuple[Callable[[Mapping[str, Any]], Any], bool]:
        canonical = _canonical(item.field)
        if canonical not in _ORDERABLE:
            if (
                canonical in _ACCESSORS
                or canonical in _KNOWN_UNSUPPORTED
                or (item.field.lower() in self.catalog.custom_fields)
            ):
                raise _subset_error(f"Ordering by '{item.field}'", self.query.text, item.pos)
            raise JqlError(f"Field '{item.field}' does not exist or you do not have permission to view it.")
        if canonical == "key":
            return _key_order, item.descending
        if canonical in _DATE_FIELDS:
            return (lambda i: parse_jira_datetime(_fields(i).get(canonical))), item.descending
        if canonical == "summary":
            return (lambda i: str(_fields(i).get("summary") or "").lower() or None), item.descending
        return (lambda i: 0), item.descending  # rank: keep load order (stable sort)


def _key_order(issue: Mapping[str, Any]) -> Any:
    key = str(issue.get("key") or "")
    project, _, number = key.rpartition("-")
    return (project, int(number)) if number.isdigit() else (key, 0)


def compile_query(query: Query | str, catalog: Catalog | None = None) -> CompiledQuery:
    """Validate ``query`` against ``catalog`` and build its predicate and ordering."""
    if isinstance(query, str):
        query = parse(query)
    compiler = _Compiler(query, catalog or Catalog())
    predicate: Predicate = compiler.node(query.where) if query.where is not None else (lambda issue: True)
    sort_keys = tuple(compiler.order(item) for item in query.order_by)
    return CompiledQuery(query, predicate, sort_keys)
