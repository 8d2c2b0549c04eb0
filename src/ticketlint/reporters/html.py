"""The HTML report: one self-contained file (no CDN, no requests) with a readiness matrix of
epics by kickoff decision, readiness per project and per owner, filters and sorting.

Accessible by design: real tables and form controls (keyboard works), every state written
as a symbol and a word (never colour alone), contrast above WCAG AA.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from ticketlint.engine import Checked
from ticketlint.model import Unreadable
from ticketlint.reporters.base import RunInfo, Style
from ticketlint.summary import Tally

_STATES = {
    "passed": ("✓", "recorded"),
    "error": ("✗", "missing (error)"),
    "warning": ("!", "missing (warning)"),
    "info": ("i", "missing (info)"),
    "waived": ("~", "waived"),
    "n/a": ("–", "does not apply"),
}

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
.meta{color:#444}.bars{display:grid;grid-template-columns:14rem 1fr 5rem;gap:.25rem .6rem;max-width:46rem}
.bar{background:#e6e6e6;height:1rem;align-self:center}.bar span{display:block;height:100%;background:#1d5e9e}
table{border-collapse:collapse;margin-top:.6rem}th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left}
thead th{position:sticky;top:0;background:#f2f2f2}th button{font:inherit;background:none;border:0;cursor:pointer;padding:0}
td.s{text-align:center;white-space:nowrap}.passed{background:#e7f4ea}.error{background:#fbe3e3}
.warning{background:#fff3d6}.info{background:#e5eefb}.waived{background:#eee}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:end}label{display:flex;flex-direction:column;font-size:.9rem}
:focus-visible{outline:3px solid #1d5e9e;outline-offset:2px}.sr{position:absolute;left:-9999px}
"""

_JS = """
const rows=[...document.querySelectorAll('#matrix tbody tr')];
const f={sev:document.getElementById('f-sev'),owner:document.getElementById('f-owner'),
project:document.getElementById('f-project'),text:document.getElementById('f-text')};
function apply(){let shown=0;for(const r of rows){const ok=(f.sev.value===''||r.dataset.worst===f.sev.value)
&&(f.owner.value===''||r.dataset.owner===f.owner.value)&&(f.project.value===''||r.dataset.project===f.project.value)
&&(f.text.value===''||r.textContent.toLowerCase().includes(f.text.value.toLowerCase()));r.hidden=!ok;if(ok)shown++;}
document.getElementById('shown').textContent=shown+' of '+rows.length+' epics shown';}
for(const c of Object.values(f))c.addEventListener('input',apply);
const rank={error:3,warning:2,info:1,'':0};
document.querySelectorAll('button[data-sort]').forEach(b=>b.addEventListener('click',()=>{
const k=b.dataset.sort,body=document.querySelector('#matrix tbody');const asc=b.dataset.dir!=='asc';
document.querySelectorAll('button[data-sort]').forEach(o=>{o.dataset.dir='';o.parentElement.removeAttribute('aria-sort');});
b.dataset.dir=asc?'asc':'desc';b.parentElement.setAttribute('aria-sort',asc?'ascending':'descending');
rows.sort((x,y)=>{const a=k==='worst'?rank[x.dataset.worst]:x.dataset[k],c=k==='worst'?rank[y.dataset.worst]:y.dataset[k];
return (a<c?-1:a>c?1:0)*(asc?1:-1);});rows.forEach(r=>body.appendChild(r));}));
apply();
"""


@dataclass
class _Row:
    key: str
    summary: str
    owner: str
    project: str
    url: str | None
    states: dict[str, str]
    worst: str


@dataclass
class HtmlReporter:
    stream: IO[str]
    style: Style
    run: RunInfo | None = None
    rows: list[_Row] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def start(self, run: RunInfo) -> None:
        self.run = run
        self.rules = [rule for rule, _ in run.rules]

    def handle(self, item: Checked | Unreadable) -> None:
        if isinstance(item, Unreadable):
            self.unreadable.append(item)
            return
        if not item.applied:
            return
        epic = item.result.epic
        states = {rule: "passed" for rule in item.applied}
        states.update({e.finding.rule: "waived" for e in item.result.excused})
        states.update({f.rule: f.severity.value for f in item.result.findings})
        worst = item.result.worst
        self.rows.append(
            _Row(epic.key, epic.summary, epic.owner or "unassigned", epic.project, epic.url, states,
                 worst.value if worst else "")
        )  # fmt: skip

    def finish(self, tally: Tally) -> None:
        self.stream.write(render(self.run, self.rules, self.rows, self.unreadable, tally))


def _bars(title: str, groups: Counter[str], ready: Counter[str]) -> str:
    items = []
    for name, total in sorted(groups.items()):
        share = ready[name] / total if total else 0
        items.append(
            f"<div>{html.escape(name)}</div><div class='bar' role='img' aria-label='{share:.0%} ready'>"
            f"<span style='width:{share * 100:.0f}%'></span></div><div>{ready[name]} of {total}</div>"
        )
    return f"<h2>{title}</h2><div class='bars'>{''.join(items)}</div>"


def _options(values: list[str]) -> str:
    return "".join(f"<option>{html.escape(v)}</option>" for v in sorted(set(values)))


def render(
    run: RunInfo | None, rules: list[str], rows: list[_Row], unreadable: list[Unreadable], tally: Tally
) -> str:
    """The whole page."""
    ready = [r for r in rows if not r.worst]
    head = "".join(
        f"<th scope='col'><span title='{html.escape(r)}'>{html.escape(r)}</span></th>" for r in rules
    )
    body = []
    for row in rows:
        cells = []
        for rule in rules:
            state = row.states.get(rule, "n/a")
            symbol, words = _STATES[state]
            cells.append(f"<td class='s {state.replace('/', '')}'>{symbol} <span class='sr'>{words}</span>"
                         f"<span aria-hidden='true'>{'' if state == 'n/a' else words.split(' ')[0]}</span></td>")  # fmt: skip
        key = html.escape(row.key)
        link = f"<a href='{html.escape(row.url)}'>{key}</a>" if row.url else key
        body.append(
            f"<tr data-key='{key}' data-owner='{html.escape(row.owner)}' data-project='{html.escape(row.project)}' "
            f"data-worst='{row.worst}'><th scope='row'>{link}</th><td>{html.escape(row.summary)}</td>"
            f"<td>{html.escape(row.owner)}</td><td>{html.escape(row.project)}</td>{''.join(cells)}</tr>"
        )
    meta: dict[str, Any] = {} if run is None else {
        "ticketlint": run.version, "started": run.started_at, "packs": ", ".join(run.packs),
        "sources": ", ".join(run.sources) or "Jira", "fail on": run.fail_on,
    }  # fmt: skip
    meta_html = " · ".join(f"{html.escape(k)}: {html.escape(str(v))}" for k, v in meta.items())
    errors = "".join(f"<li>{html.escape(u.key)}: {html.escape(u.message)}</li>" for u in unreadable)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ML kickoff readiness</title><style>{_CSS}</style></head><body>
<h1>ML kickoff readiness</h1>
<p class="meta">{meta_html}</p>
<p><strong>{len(ready)} of {len(rows)}</strong> epics have recorded every kickoff decision;
{tally.by_severity["error"]} errors, {tally.by_severity["warning"]} warnings, {tally.by_severity["info"]} infos,
{sum(tally.by_excuse.values())} excused.</p>
{_bars("Readiness by project", Counter(r.project for r in rows), Counter(r.project for r in ready))}
{_bars("Readiness by owner", Counter(r.owner for r in rows), Counter(r.owner for r in ready))}
<h2>Epics by kickoff decision</h2>
<p>Legend: ✓ recorded · ✗ missing (error) · ! missing (warning) · i missing (info) · ~ waived · – does not apply</p>
<form class="filters" onsubmit="return false">
<label>Worst severity<select id="f-sev"><option value="">any</option><option value="error">error</option>
<option value="warning">warning</option><option value="info">info</option></select></label>
<label>Owner<select id="f-owner"><option value="">any</option>{_options([r.owner for r in rows])}</select></label>
<label>Project<select id="f-project"><option value="">any</option>{_options([r.project for r in rows])}</select></label>
<label>Search<input id="f-text" type="search"></label>
<p id="shown" aria-live="polite"></p></form>
<table id="matrix"><thead><tr><th scope="col"><button data-sort="key">Epic</button></th><th scope="col">Summary</th>
<th scope="col"><button data-sort="owner">Owner</button></th><th scope="col"><button data-sort="project">Project</button></th>
{head}</tr></thead><tbody>{"".join(body)}</tbody></table>
<p><button data-sort="worst" type="button">Sort by worst severity</button></p>
{f"<h2>Could not be checked</h2><ul>{errors}</ul>" if errors else ""}
<script>{_JS}</script></body></html>
"""


def create(stream: IO[str], style: Style) -> HtmlReporter:
    return HtmlReporter(stream, style)
