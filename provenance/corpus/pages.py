"""HTML of the corpus audit: the index of pair reports and the corpus graph (Jinja2, autoescape)."""

from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment, select_autoescape

_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem auto;max-width:78rem;
color:#1b1b1b;background:#fff;padding:0 1rem}
h1{font-size:1.5rem;margin:.2rem 0 .6rem}
p.lead{color:#444;margin:.2rem 0 1rem}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#1b1b1b}
th button::after{content:" \\2195";color:#777}
th[aria-sort=ascending] button::after{content:" \\2191"}
th[aria-sort=descending] button::after{content:" \\2193"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.dir{color:#333;font-size:.9em}
.err{color:#a40000}
.sub{color:#a40000;font-weight:600}
a{color:#0645ad}
.summary span{display:inline-block;margin-right:1.2rem}
.wide{overflow-x:auto;max-width:100%}
svg{border:1px solid #ddd;background:#fcfcfc;display:block}
svg text{font:12px system-ui,sans-serif;fill:#222}
svg text.date{fill:#555}
.legend span{margin-right:1rem;display:inline-block}
.doc small{color:#555}
.doc code{font-size:11px;color:#555}
p.lead code{overflow-wrap:anywhere}
@media (max-width:600px){body{margin:.8rem auto;padding:0 .6rem;font-size:14px}th,td{padding:.3rem .3rem}}
@media print{th{position:static}th button::after{content:""}}
"""

_SORT_JS = """
(function(){
  var table=document.getElementById('pairs');if(!table)return;
  var body=table.tBodies[0];
  function val(row,col,numeric){var c=row.cells[col];var v=c.getAttribute('data-value');
    if(v===null)v=c.textContent.trim();return numeric?parseFloat(v)||0:v.toLowerCase();}
  function sortBy(col,numeric,dir){
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){var x=val(a,col,numeric),y=val(b,col,numeric);
      if(x<y)return dir==='ascending'?-1:1;if(x>y)return dir==='ascending'?1:-1;
      return parseInt(a.getAttribute('data-order'),10)-parseInt(b.getAttribute('data-order'),10);});
    rows.forEach(function(r){body.appendChild(r);});
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){th.removeAttribute('aria-sort');});
    table.tHead.rows[0].cells[col].setAttribute('aria-sort',dir);
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
    var b=th.querySelector('button');if(!b)return;
    b.addEventListener('click',function(){
      var now=th.getAttribute('aria-sort');
      var dir=now==='descending'?'ascending':'descending';
      sortBy(col,th.getAttribute('data-type')==='number',dir);});
  });
})();
"""

INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Corpus audit: {{ summary.pairs }} related pairs</title>
<style>{{ style|safe }}</style>
</head>
<body>
<h1>Corpus audit</h1>
<p class="lead">{{ summary.pairs }} related pairs among {{ summary.documents }} documents
(catalog <code>{{ db }}</code>). Each pair was aligned and has its own report.
Click a column heading to sort. <a href="graph.html">Corpus graph</a> &middot;
<a href="corpus.graphml">GraphML</a> &middot; <a href="corpus.json">JSON</a></p>
<p class="summary"><span>reports: {{ summary.reports }}</span><span>errors: {{ summary.errors }}</span>
<span>with a direction: {{ summary.directed }}</span><span>substantive divergences: {{ summary.substantive }}</span>
<span>tool: provenance {{ tool.version }}</span><span>run: {{ run_time }}</span></p>
<div class="wide">
<table id="pairs">
<thead><tr>
<th data-type="number"><button type="button">#</button></th>
<th data-type="text"><button type="button">from / a</button></th>
<th data-type="text"><button type="button">to / b</button></th>
<th data-type="text">direction</th>
<th data-type="number" aria-sort="descending"><button type="button" id="sort-similarity">similarity</button></th>
<th data-type="number"><button type="button">shared words</button></th>
<th data-type="number"><button type="button" id="sort-divergences">divergences</button></th>
<th data-type="number"><button type="button" id="sort-substantive">substantive</button></th>
<th>report</th>
</tr></thead>
<tbody>
{% for r in rows %}
<tr data-order="{{ loop.index0 }}" data-a="{{ r.first }}" data-b="{{ r.second }}">
<td class="num" data-value="{{ loop.index }}">{{ loop.index }}</td>
<td class="doc">{% if r.first_title %}{{ r.first_title }}<br>{% endif %}<small>{{ r.first_date }}</small> <code>{{ r.first }}</code></td>
<td class="doc">{% if r.second_title %}{{ r.second_title }}<br>{% endif %}<small>{{ r.second_date }}</small> <code>{{ r.second }}</code></td>
<td class="dir">{% if r.direction %}{{ r.direction.from }} &rarr; {{ r.direction.to }}<br><small>{{ r.direction.reason }}</small>{% else %}&mdash;{% endif %}</td>
<td class="num" data-value="{{ r.similarity }}">{{ "%.3f"|format(r.similarity) }}</td>
<td class="num" data-value="{{ r.shared_words }}">{{ r.shared_words }}</td>
<td class="num" data-value="{{ r.divergences if r.divergences is not none else -1 }}">{{ r.divergences if r.divergences is not none else "" }}</td>
<td class="num{% if r.substantive %} sub{% endif %}" data-value="{{ r.substantive if r.substantive is not none else -1 }}">{{ r.substantive if r.substantive is not none else "" }}</td>
<td>{% if r.error %}<span class="err">{{ r.error }}</span>{% else %}{% if r.report %}<a href="{{ r.report|href }}">report</a> {% endif %}<a href="{{ r.json|href }}">json</a>{% endif %}</td>
</tr>
{% endfor %}
</tbody>
</table>
</div>
<script>{{ script|safe }}</script>
</body>
</html>
"""

GRAPH = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Corpus graph: {{ g.nodes|length }} documents</title>
<style>{{ style|safe }}</style>
</head>
<body>
<h1>Corpus graph</h1>
<p class="lead">{{ g.nodes|length }} documents, {{ g.edges|length }} links. <a href="index.html">Pairs</a> &middot;
<a href="corpus.graphml">GraphML</a></p>
<p class="legend">{% if "derivation" in g.kinds %}<span style="color:#b35900">&#9632; derivation (arrow: source &rarr; derived)</span>{% endif %}
{% if "related" in g.kinds %}<span style="color:#555">&#9632; related, no direction</span>{% endif %}{% if g.chain_kinds %}<span style="color:#2a6ebb">&#9632; copy chain ({{ g.chain_kinds|join(", ") }})</span>{% endif %}</p>
<div class="wide">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{ g.width }} {{ g.height }}" width="{{ g.width }}" height="{{ g.height }}" role="img" aria-label="corpus graph">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#b35900"/></marker></defs>
{% for e in g.edges %}<line x1="{{ e.x1 }}" y1="{{ e.y1 }}" x2="{{ e.x2 }}" y2="{{ e.y2 }}" class="edge {{ e.kind }}" stroke="{{ '#b35900' if e.kind == 'derivation' else ('#555' if e.kind == 'related' else '#2a6ebb') }}" stroke-width="{{ 1 + 3 * e.similarity if e.kind in ('derivation', 'related') else 1 }}"{% if e.kind not in ('derivation', 'related') %} stroke-dasharray="4 3"{% endif %}{% if e.directed %} marker-end="url(#arrow)"{% endif %}><title>{{ e.from }} &rarr; {{ e.to }}: {{ e.kind }}{% if e.reason %} ({{ e.reason }}){% endif %}</title></line>
{% endfor %}{% for n in g.nodes %}<g class="node" data-id="{{ n.id }}"><circle cx="{{ n.x }}" cy="{{ n.y }}" r="6" fill="#fff" stroke="#222"><title>{{ n.id }}{% if n.title %}: {{ n.title }}{% endif %}{% if n.date %} ({{ n.date }}){% endif %}</title></circle><text x="{{ n.x + 8 }}" y="{{ n.y - 22 }}">{{ n.label }}</text><text class="date" x="{{ n.x + 8 }}" y="{{ n.y - 8 }}">{{ n.date }}{% if n.date %} &middot; {% endif %}{{ n.id }}</text></g>
{% endfor %}</svg>
</div>
{% if g.nodes %}<ul class="docs">{% for n in g.nodes %}<li>{{ n.title or n.id }}{% if n.date %} ({{ n.date }}){% endif %} <code>{{ n.id }}</code></li>{% endfor %}</ul>{% endif %}
</body>
</html>
"""


def href(path: str) -> str:
    """A relative file path as a link target: every character a URL would read otherwise
    ("#", "?", "%", spaces) percent-encoded, the folder separators kept."""
    return quote(path, safe="/")


def _env() -> Environment:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["href"] = href
    return env


def render_index(payload: dict, rows: list[dict]) -> str:
    from provenance.fileio import shown_path

    return _env().from_string(INDEX).render(style=_STYLE, script=_SORT_JS, rows=rows, db=shown_path(payload["db"]),
                                            summary=payload["summary"], tool=payload["tool"],
                                            run_time=payload["run_time"])


def render_graph(drawing: dict) -> str:
    return _env().from_string(GRAPH).render(style=_STYLE, g=drawing)
