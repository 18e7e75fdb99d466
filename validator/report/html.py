"""An annotated HTML page (``--format html``): the report's text with every quantity marked.

One self-contained page — inline CSS and script, no network, no external assets (a
Content-Security-Policy forbids any) — with:

* a summary at the top (``#summary``): files, relations checked, findings by severity, and how
  many of the quantities found in the text a check touched, with a bar;
* per report (``section.file``, ``data-path``): a table of findings (``table.findings``) whose
  first cell links to the place in the text, then the text itself (``pre.doc``, one
  ``span.line`` per line with ``id="f{file}-L{line}"``);
* every quantity marked as ``<mark class="q STATUS" data-status=STATUS data-detail=…>``:
  ``failed`` (red: a finding or a failed check is on it), ``passed`` (green: a check on it
  passed), ``related`` (outlined: another number of a failed relation — the part or the total
  behind a wrong share), ``unchecked`` (grey: found by the extractor, checked by nothing);
  checked marks have ``id="m{file}-{offset}"`` and ``tabindex=0``;
* a side panel (``#panel``) that shows a mark's arithmetic (the check's message, stated and
  expected values) on hover, focus or click, and the ``title`` attribute for plain hover.

The script only presents (panel, counts in ``#dom-counts``, ``body[data-ready]``); everything
is in the markup.  The quantities come from :func:`validator.extract.extract` — reporting what
was extracted, not re-analysing.  Deterministic: no timestamps, files in the order given.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from .. import __version__
from ..model import Document, FileResult
from . import summary

PRIORITY = {"failed": 3, "passed": 2, "related": 1, "unchecked": 0}


@dataclass
class _Mark:
    start: int
    end: int
    status: str
    details: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)


def _marks(r: FileResult, quantities) -> tuple[list[_Mark], Counter]:
    """Non-overlapping marks for one document, and the quantities counted by status."""
    doc = r.document
    spans: dict[tuple[int, int], _Mark] = {}

    def add(start: int, end: int, status: str, detail: str = "", rule: str = "") -> None:
        if end <= start:
            end = start + 1
        m = spans.get((start, end))
        if m is None:
            m = spans[(start, end)] = _Mark(start, end, status)
        elif PRIORITY[status] > PRIORITY[m.status]:
            m.status = status
        if detail and detail not in m.details:
            m.details.append(detail)
        if rule and rule not in m.rules:
            m.rules.append(rule)

    for f in r.findings:
        line, col = doc.position(f.start)
        parts = [f"{f.severity} [{f.rule}] {line}:{col}: {f.message}"]
        if f.stated or f.expected:
            parts.append(f"stated {f.stated or '—'}; the other numbers imply {f.expected or '—'}")
        if f.evidence:
            parts.append("; ".join(f"{k} = {v}" for k, v in f.evidence))
        add(f.start, f.end, "failed", "\n".join(parts), f.rule)
        for x in f.related:
            add(x.start, x.end, "related",
                f"{x.role} in [{f.rule}] at {line}:{col}: {f.message}", f.rule)
    for c in r.checks:
        status = "failed" if c.status == "failed" else "passed"
        head = f"{c.status} [{c.rule}]: {c.message}" if c.message else f"{c.status} [{c.rule}]"
        add(c.start, c.end, status, f"{head}\nstated {c.stated or '—'}; expected {c.expected or '—'}",
            c.rule)

    accepted: list[_Mark] = []
    starts: list[int] = []

    def overlapping(start: int, end: int) -> _Mark | None:
        # accepted marks never overlap, so sorted by start they are sorted by end too: only the
        # last one starting at or before *start* and the first one after it can overlap
        i = bisect.bisect_right(starts, start) - 1
        for j in (i, i + 1):
            if 0 <= j < len(accepted) and accepted[j].start < end and start < accepted[j].end:
                return accepted[j]
        return None

    def place(m: _Mark) -> None:
        hit = overlapping(m.start, m.end)
        if hit is None:
            i = bisect.bisect_left(starts, m.start)
            starts.insert(i, m.start)
            accepted.insert(i, m)
            return
        for d in m.details:  # nothing is lost: the detail joins the mark that covers it
            if d not in hit.details:
                hit.details.append(d)
        for rule in m.rules:
            if rule not in hit.rules:
                hit.rules.append(rule)

    for m in sorted(spans.values(), key=lambda m: (-PRIORITY[m.status], m.start, -m.end)):
        place(m)
    counts: Counter = Counter()
    checked_spans = sorted(spans.values(), key=lambda m: m.start)
    # A quantity's status is the strongest of the spans overlapping it.  Quantities come in order
    # of their start, so one sweep keeps only the spans that can still overlap the next one.
    active: list[_Mark] = []
    nxt = 0
    for q in sorted(quantities, key=lambda q: q.start):
        while nxt < len(checked_spans) and checked_spans[nxt].start < q.end:
            active.append(checked_spans[nxt])
            nxt += 1
        active = [m for m in active if m.end > q.start]
        status = max((m.status for m in active if m.start < q.end), key=PRIORITY.__getitem__,
                     default="unchecked")
        counts[status] += 1
        if status == "unchecked" and overlapping(q.start, q.end) is None:
            place(_Mark(q.start, q.end, "unchecked",
                        [f"{q.text.strip()}: found ({q.kind}), not checked by any rule"]))
    return accepted, counts


def _mark_html(fi: int, m: _Mark, piece: str, first: bool) -> str:
    detail = "\n\n".join(m.details)
    attrs = [f'class="q {m.status}"', f'data-status="{m.status}"']
    if first and m.status != "unchecked":
        attrs.append(f'id="m{fi}-{m.start}" tabindex="0"')
    if m.rules:
        attrs.append(f'data-rule="{escape(" ".join(m.rules))}"')
    attrs.append(f'data-detail="{escape(detail)}" title="{escape(detail)}"')
    return f"<mark {' '.join(attrs)}>{escape(piece)}</mark>"


def _text_html(fi: int, doc: Document, marks: list[_Mark]) -> str:
    text = doc.text
    out = []
    mi = 0
    n_lines = len(doc.line_starts)
    for ln in range(1, n_lines + 1):
        ls = doc.line_starts[ln - 1]
        le = doc.line_starts[ln] - 1 if ln < n_lines else len(text)
        parts = [f'<span class="line" id="f{fi}-L{ln}"><span class="ln">{ln}</span>']
        pos = ls
        while mi < len(marks) and marks[mi].end <= ls:
            mi += 1
        j = mi
        while j < len(marks) and marks[j].start < le:
            m = marks[j]
            a, b = max(m.start, ls), min(m.end, le)
            if a > pos:
                parts.append(escape(text[pos:a]))
            if b > a:
                parts.append(_mark_html(fi, m, text[a:b], first=(a == m.start)))
            pos = max(pos, b)
            if m.end > le:
                break
            j += 1
        if le > pos:
            parts.append(escape(text[pos:le].rstrip("\r")))
        parts.append("</span>")
        out.append("".join(parts))
    return "\n".join(out)


_CSS = """
:root{--red:#b3261e;--red-bg:#fde2e0;--green:#1b6e2a;--green-bg:#dcf3df;--grey:#6b6b6b;--grey-bg:#eeeeee}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1d1d1f;background:#fafafa}
header#summary{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 6px}h2{font-size:17px;margin:24px 0 8px;word-break:break-all}
.meter{display:flex;height:12px;border-radius:6px;overflow:hidden;background:var(--grey-bg);max-width:640px;margin:8px 0}
.meter span{display:block;height:100%}.meter .failed{background:var(--red)}.meter .passed{background:var(--green)}.meter .related{background:#e8a09a}
.legend mark{margin-right:8px}
main{padding:0 24px 48px;margin-right:340px}
aside#panel{position:fixed;top:0;right:0;width:320px;height:100vh;overflow:auto;padding:16px;background:#fff;border-left:1px solid #ddd;white-space:pre-wrap;font-size:14px}
aside#panel h3{margin:0 0 8px;font-size:15px}
table.findings{border-collapse:collapse;margin:8px 0 16px;width:100%;background:#fff}
table.findings th,table.findings td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
tr.sev-error td.sev{color:var(--red);font-weight:600}tr.sev-warning td.sev{color:#8a5a00;font-weight:600}
pre.doc{background:#fff;border:1px solid #ddd;padding:12px 12px 12px 0;white-space:pre-wrap;word-break:break-word;font:14px/1.7 ui-monospace,"Noto Sans Mono CJK SC",monospace}
.line{display:block;padding-left:4.5em;text-indent:-4.5em}
.line:target{background:#fff8c5}
.ln{display:inline-block;width:4em;margin-right:.5em;text-align:right;color:#999;user-select:none;text-indent:0}
mark.q{border-radius:3px;padding:0 1px;cursor:help}
mark.failed{background:var(--red-bg);color:var(--red);border-bottom:2px solid var(--red);font-weight:600}
mark.passed{background:var(--green-bg);color:var(--green);border-bottom:2px solid var(--green)}
mark.related{background:transparent;outline:1px dashed var(--red);color:inherit}
mark.unchecked{background:var(--grey-bg);color:var(--grey)}
mark.active{box-shadow:0 0 0 2px #1a73e8}
.error-file{color:var(--red)}
@media (max-width:900px){main{margin-right:0}aside#panel{position:static;width:auto;height:auto;border-left:0;border-top:1px solid #ddd}}
"""

_JS = """
(function(){
  var body=document.getElementById('panel-body');
  function show(m){
    var old=document.querySelectorAll('mark.active');
    for(var i=0;i<old.length;i++){old[i].classList.remove('active');}
    m.classList.add('active');
    body.textContent='';
    var head=document.createElement('p');
    var sec=m.closest('section.file');
    var line=m.closest('span.line');
    head.textContent=(sec?sec.getAttribute('data-path'):'')+(line?':'+line.id.split('-L')[1]:'')+' \\u2014 '+m.textContent+' ('+m.getAttribute('data-status')+')';
    head.className='where';
    body.appendChild(head);
    var d=document.createElement('div');
    d.className='detail';
    d.textContent=m.getAttribute('data-detail');
    body.appendChild(d);
  }
  function pick(e){var m=e.target.closest&&e.target.closest('mark.q');if(m){show(m);}}
  document.addEventListener('mouseover',pick);
  document.addEventListener('focusin',pick);
  document.addEventListener('click',pick);
  function fromHash(){
    var id=decodeURIComponent(location.hash.slice(1));
    var m=id?document.getElementById(id):null;
    if(m&&m.matches('mark.q')){show(m);}
  }
  window.addEventListener('hashchange',fromHash);
  var counts={failed:0,passed:0,related:0,unchecked:0};
  var all=document.querySelectorAll('mark.q');
  for(var i=0;i<all.length;i++){var s=all[i].getAttribute('data-status');counts[s]=(counts[s]||0)+1;}
  var c=document.getElementById('dom-counts');
  if(c){c.textContent='marked: '+counts.failed+' failed, '+counts.passed+' passed, '+counts.related+' related, '+counts.unchecked+' unchecked';}
  // open on the first error of the findings table, else the first failed or passed mark
  var link=document.querySelector('tr.sev-error a')||document.querySelector('table.findings a');
  var first=link?document.getElementById(link.getAttribute('href').slice(1)):null;
  if(!first||!first.matches('mark.q')){first=document.querySelector('mark.q.failed')||document.querySelector('mark.q.passed');}
  if(location.hash){fromHash();}else if(first){show(first);}
  document.body.setAttribute('data-ready','1');
})();
"""


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "0%"


def render(results: list[FileResult]) -> str:
    from ..extract import extract

    s = summary(results)
    total_counts: Counter = Counter()
    relations = Counter()
    sections = []
    for fi, r in enumerate(results):
        if r.error is not None:
            sections.append(
                f'<section class="file" id="file-{fi}" data-path="{escape(r.path)}" data-status="error">'
                f'<h2>{escape(r.path)}</h2><p class="error-file">Not checked: {escape(r.error)}</p></section>')
            continue
        doc = r.document
        marks, counts = _marks(r, extract(doc))
        total_counts.update(counts)
        for c in r.checks:
            relations[c.status] += 1
        mark_ids = {m.start for m in marks if m.status != "unchecked"}
        rows = []
        for f in r.findings:
            line, col = doc.position(f.start)
            target = f"m{fi}-{f.start}" if f.start in mark_ids else f"f{fi}-L{line}"
            rows.append(f'<tr class="sev-{escape(f.severity)}"><td><a href="#{target}">{line}:{col}</a></td>'
                        f'<td class="sev">{escape(f.severity)}</td><td>{escape(f.rule)}</td>'
                        f'<td>{escape(f.stated)}</td><td>{escape(f.expected)}</td>'
                        f'<td>{escape(f.message)}</td></tr>')
        n_q = sum(counts.values())
        checked_q = n_q - counts["unchecked"]
        table = ('<table class="findings"><thead><tr><th>Place</th><th>Severity</th><th>Rule</th>'
                 '<th>Stated</th><th>Implied</th><th>Message</th></tr></thead><tbody>'
                 + "".join(rows) + "</tbody></table>") if rows else '<p class="no-findings">No findings.</p>'
        cjk = any("\u4e00" <= ch <= "\u9fff" for ch in doc.text[:2000])
        sections.append(
            f'<section class="file" id="file-{fi}" data-path="{escape(r.path)}" data-status="checked">'
            f'<h2>{escape(r.path)}</h2>'
            f'<p class="file-summary">{len(r.findings)} finding(s); {len(r.checks)} relation(s) checked; '
            f'{checked_q} of {n_q} quantities checked ({counts["failed"]} failed, {counts["passed"]} passed, '
            f'{counts["related"]} involved in a failed relation, {counts["unchecked"]} not checked)</p>'
            f'{table}<pre class="doc" lang="{"zh" if cjk else "en"}">{_text_html(fi, doc, marks)}</pre></section>')
    n_q = sum(total_counts.values())
    checked_q = n_q - total_counts["unchecked"]
    width = {k: (100 * total_counts[k] / n_q if n_q else 0) for k in ("failed", "passed", "related")}
    head = (
        '<header id="summary"><h1>validator report</h1>'
        f'<p class="totals">{s["files"]} file(s), {s["checked"]} checked'
        f'{", " + str(s["files"] - s["checked"]) + " unreadable" if s["files"] != s["checked"] else ""}; '
        f'{sum(relations.values())} relation(s) checked: {relations["passed"]} passed, {relations["failed"]} failed; '
        f'findings: <b class="n-errors">{s["errors"]} error(s)</b>, {s["warnings"]} warning(s), {s["infos"]} info(s)</p>'
        f'<p class="coverage"><b>{checked_q} of {n_q}</b> quantities in the text were checked '
        f'({_pct(checked_q, n_q)}): <span data-count="failed">{total_counts["failed"]}</span> failed, '
        f'<span data-count="passed">{total_counts["passed"]}</span> passed, '
        f'<span data-count="related">{total_counts["related"]}</span> involved in a failed relation, '
        f'<span data-count="unchecked">{total_counts["unchecked"]}</span> not checked.</p>'
        '<div class="meter" aria-hidden="true">'
        + "".join(f'<span class="{k}" style="width:{width[k]:.2f}%"></span>' for k in ("failed", "related", "passed"))
        + '</div><p class="legend"><mark class="failed">failed</mark><mark class="passed">passed</mark>'
        '<mark class="related">involved</mark><mark class="unchecked">not checked</mark>'
        '<span id="dom-counts"></span></p></header>')
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<meta name=\"generator\" content=\"validator {escape(__version__)}\">"
        f"<title>validator report</title><style>{_CSS}</style></head>\n"
        f"<body data-ready=\"0\">{head}\n<main>\n" + "\n".join(sections) + "\n</main>\n"
        "<aside id=\"panel\" aria-live=\"polite\"><h3>Arithmetic</h3><div id=\"panel-body\">"
        "Hover over, focus or click a marked number to see what was checked.</div></aside>\n"
        f"<script>{_JS}</script>\n</body></html>\n")
