"""Audit every related pair of the corpus: one report per pair, an index page, the corpus graph.

Reads the pairs of the last ``discover`` run from the catalog (runs discovery again, with the
same settings, when there was none or the corpus has changed since), then, spread over the
engine's workers, aligns each pair (source first when a direction was found) and writes its
HTML report through :mod:`provenance.report` with its summary as JSON beside it
(``OUT/pairs/<from>--<to>.html`` and ``.json``). Then ``OUT/index.html`` (pairs sortable by
similarity and by number of substantive divergences), ``OUT/corpus.json`` (the payload,
``schemas/corpus-audit.schema.json``), ``OUT/corpus.graphml`` and ``OUT/graph.html``.
"""

from __future__ import annotations

import json
from pathlib import Path

from provenance.catalog.store import catalog_errors, transaction
from provenance.chain import extract_paths
from provenance.corpus import discover as cdiscover, graph as cgraph, index as cindex
from provenance.corpus.engine import LocalEngine
from provenance.corpus.pages import render_graph, render_index
from provenance.document import Documents
from provenance.errors import ProvenanceError, UsageError
from provenance.fileio import atomic_write_all, dump_json, make_folder
from provenance.report import audit_paths, run_time_now
from provenance.vocab import CATEGORIES, tool_header

#: the documents a worker has read: a document related to several others is read and parsed
#: once for all its pairs (the most recently used are kept; a changed file is read again)
_WORKER_DOCUMENTS = Documents(limit=256)


def audit_pair(job: dict, out_dir: str, run_time: str) -> dict:
    """Align one pair and write its report (run in a worker). Errors are returned, not raised."""
    first, second = job["first"], job["second"]
    name = f"{first['id']}--{second['id']}"
    html = Path(out_dir) / "pairs" / f"{name}.html"
    js = Path(out_dir) / "pairs" / f"{name}.json"
    row = {"a": job["a"], "b": job["b"], "first": first["id"], "second": second["id"],
           "report": None, "json": f"pairs/{name}.json", "divergences": None, "substantive": None,
           "by_category": None, "error": None}
    paths = [first["path"], second["path"]]
    ids = [first["id"], second["id"]]
    try:
        payload = audit_paths(paths, output=str(html), json_path=str(js), ids=ids, run_time=run_time,
                              documents=_WORKER_DOCUMENTS)
        summary = payload["summary"]
        row["report"] = f"pairs/{name}.html"
        row["report_sha256"] = payload.get("report_sha256")
        row["divergences"] = int(summary["total"])
        row["by_category"] = {c: int(summary["by_category"].get(c, 0)) for c in CATEGORIES}
        row["substantive"] = row["by_category"]["substantive"]
    except ProvenanceError as exc:
        row["error"] = str(exc)
    except Exception as exc:  # one pair never stops the batch
        row["error"] = f"{name}: internal error: {type(exc).__name__}: {exc}"
    return row


def _pairs_for_audit(db_path: str, engine, progress) -> tuple[dict, bool]:
    con = cindex.connect(db_path, create=False)
    try:
        meta = cindex.get_meta(con, "discover")
        current = cindex.fingerprint(con)
        records = [r[0] for r in con.execute("SELECT record FROM pairs")]
    finally:
        con.close()
    if meta and meta.get("fingerprint") == current:
        pairs = [json.loads(r) for r in records]
        pairs.sort(key=lambda p: (-p["similarity"], p["a"], p["b"]))
        return {"pairs": pairs, "documents": meta["documents"], "settings": meta["settings"],
                "summary": meta["summary"]}, False
    kw = {}
    if meta:
        s = meta["settings"]
        kw = {"min_similarity": s["min_similarity"], "min_shared": s["min_shared"],
              "lsh_threshold": s["lsh_threshold"], "known_boilerplate": s["known_boilerplate"]}
    return cdiscover.discover(db_path, engine=engine, progress=progress, **kw), True


def _chain_links(documents: dict) -> tuple[list[dict], list[str]]:
    if not documents:
        return [], []
    if len(documents) > cgraph.CHAIN_LIMIT:
        return [], [f"copy-chain links not drawn: {len(documents)} documents (the limit is {cgraph.CHAIN_LIMIT})"]
    paths = [documents[i]["path"] for i in sorted(documents)]
    try:
        res = extract_paths(paths)
    except ProvenanceError as exc:
        return [], [f"copy-chain links not drawn: {exc}"]
    by_path = {str(Path(documents[i]["path"])): i for i in documents}
    ids = {}
    for d in res.get("documents", []):
        ids[d["id"]] = by_path.get(str(Path(d.get("path", ""))), d["id"])
    links = []
    for link in res.get("links", []):
        s, t = ids.get(link["source"], link["source"]), ids.get(link["target"], link["target"])
        links.append({"source": s, "target": t, "kind": link["kind"], "confidence": link.get("confidence", 1.0),
                      "reason": link.get("reason", "")})
    return links, []


def _store_audits(db_path: str, merged: list[dict], run_time: str) -> None:
    """The divergence counts of the aligned pairs, for the catalog's ``divergences`` view."""
    con = cindex.connect(db_path, create=False)
    try:
        n_of = dict(con.execute("SELECT id, n FROM documents"))
        rows = []
        for m in merged:
            if not all(x in n_of for x in (m["a"], m["b"], m["first"])):
                continue
            cats = m["by_category"] or {}
            rows.append((n_of[m["a"]], n_of[m["b"]], n_of[m["first"]], m["report"], m["divergences"], m["substantive"],
                         cats.get("lexical"), cats.get("orthographic"), cats.get("accidental"), cats.get("editorial"),
                         m["error"], run_time))
        with transaction(con):
            con.executemany("INSERT INTO audits VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(a, b) DO UPDATE SET "
                            "first = excluded.first, report = excluded.report, divergences = excluded.divergences, "
                            "substantive = excluded.substantive, lexical = excluded.lexical, "
                            "orthographic = excluded.orthographic, accidental = excluded.accidental, "
                            "editorial = excluded.editorial, error = excluded.error, run_time = excluded.run_time",
                            rows)
    finally:
        con.close()


def audit_corpus(db_path=cindex.DEFAULT_DB, out_dir="reports", **kw) -> dict:
    """Align and report every related pair; write the index page and the corpus graph (see
    :func:`_audit_corpus`); an unusable catalog is one InputError."""
    with catalog_errors(db_path):
        return _audit_corpus(db_path, out_dir, **kw)


def _audit_corpus(db_path=cindex.DEFAULT_DB, out_dir="reports", *, engine=None, progress=None,
                 run_time: str | None = None, min_similarity: float | None = None,
                 limit: int | None = None) -> dict:
    """Align and report every related pair; write the index page and the corpus graph.

    ``min_similarity`` audits only pairs at least that similar; ``limit`` only the first
    ``limit`` pairs (most similar first). Returns the ``corpus audit --json`` payload.
    """
    if min_similarity is not None and not 0.0 <= min_similarity <= 1.0:
        raise UsageError(f"--min-similarity must be between 0 and 1 (got {min_similarity})")
    if limit is not None and limit < 0:
        raise UsageError(f"--limit must be at least 0 (got {limit})")
    out = Path(out_dir).resolve()
    if out.exists() and not out.is_dir():
        raise UsageError("is not a folder", str(out_dir))
    if run_time is None:
        run_time = run_time_now()
    db_path = str(db_path)
    own = engine is None
    eng = engine or LocalEngine()
    try:
        found, rediscovered = _pairs_for_audit(db_path, eng, progress)
        make_folder(Path(out_dir) / "pairs", out_dir)  # one clear error now rather than one per pair
        pairs = found["pairs"]
        if min_similarity is not None:
            pairs = [p for p in pairs if p["similarity"] >= min_similarity]
        if limit is not None:
            pairs = pairs[:limit]
        docs = found["documents"]
        jobs = []
        for p in pairs:
            d = p.get("direction")
            first, second = (d["from"], d["to"]) if d else (p["a"], p["b"])
            jobs.append({"a": p["a"], "b": p["b"],
                         "first": {"id": first, "path": docs[first]["path"]},
                         "second": {"id": second, "path": docs[second]["path"]}})
        done = {"n": 0}
        if progress:
            progress("align", 0, len(jobs))

        def tick(_r):
            done["n"] += 1
            if progress:
                progress("align", done["n"], len(jobs))

        rows = eng.map(audit_pair, jobs, str(out), run_time, on_result=tick)
    finally:
        if own:
            eng.close()

    by_pair = {(p["a"], p["b"]): p for p in pairs}
    merged = []
    for row in rows:
        p = by_pair[(row["a"], row["b"])]
        m = {"a": p["a"], "b": p["b"], "first": row["first"], "second": row["second"],
             "similarity": p["similarity"], "shared_words": p.get("shared_words", 0), "direction": p["direction"],
             "report": row["report"], "json": row["json"], "divergences": row["divergences"],
             "substantive": row["substantive"], "by_category": row["by_category"], "error": row["error"]}
        merged.append(m)
    in_pairs = {x for p in pairs for x in (p["a"], p["b"])}
    documents = {i: docs[i] for i in sorted(in_pairs)}
    if progress:
        progress("graph", 0, 1)
    links, warnings = _chain_links(documents)
    g = cgraph.build_graph(merged, documents, links)
    errors = [{"a": m["a"], "b": m["b"], "message": m["error"]} for m in merged if m["error"]]
    payload = {
        "tool": tool_header(),
        "db": db_path,
        "out": str(out_dir),
        "run_time": run_time,
        "rediscovered": rediscovered,
        "settings": found["settings"],
        "pairs": merged,
        "graph": {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                  "derivation": sum(1 for *_e, k in g.edges(data="kind") if k == "derivation"),
                  "related": sum(1 for *_e, k in g.edges(data="kind") if k == "related"),
                  "chain": sum(1 for *_e, k in g.edges(data="kind") if k not in ("derivation", "related")),
                  "graphml": "corpus.graphml", "html": "graph.html"},
        "index": "index.html",
        "errors": errors,
        "warnings": warnings,
        "summary": {"documents": int(found["summary"]["documents"]), "pairs": len(merged),
                    "reports": sum(1 for m in merged if not m["error"]), "errors": len(errors),
                    "directed": sum(1 for m in merged if m["direction"]),
                    "substantive": sum(m["substantive"] or 0 for m in merged)},
    }
    rows_html = []
    for m in merged:
        fa, fb = documents.get(m["first"], {}), documents.get(m["second"], {})
        rows_html.append({**m, "first_title": fa.get("title", ""), "first_date": fa.get("date") or "",
                          "second_title": fb.get("title", ""), "second_date": fb.get("date") or ""})
    atomic_write_all([(out / "corpus.graphml", cgraph.to_graphml(g)),
                      (out / "graph.html", render_graph(cgraph.drawing(g))),
                      (out / "index.html", render_index(payload, rows_html)),
                      (out / "corpus.json", dump_json(payload))])
    _store_audits(db_path, merged, run_time)
    if progress:
        progress("graph", 1, 1)
    return payload
