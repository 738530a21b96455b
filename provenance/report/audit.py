"""`provenance audit`: compare witnesses, extract their copy chains, write the HTML report.

The one function most users reach through the command line: align the witnesses, read the
copy-distribution facts of each, build the TEI apparatus, and write one self-contained page
(``reports/<a>--<b>.html`` unless told otherwise). Returns a summary (the ``--json`` payload,
described by ``schemas/audit.schema.json``).
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from provenance.align import Comparison, align_documents, load_documents, load_lexicon, to_json
from provenance.align.apparatus import to_tei
from provenance.align.chardiff import divergence_chars
from provenance.chain import extract_documents
from provenance.document import Documents
from provenance.errors import ProvenanceError, UsageError
from provenance.fileio import atomic_write_all, check_outputs, dump_json, sha256_bytes, shown_path
from provenance.report.render import render_report
from provenance.report.synoptic import CATEGORIES, KINDS
from provenance.vocab import tool_header

#: Where reports go when no output file is named (relative to the working folder).
DEFAULT_DIR = "reports"
ANY = "any"
NONE = "none"


def recorded_time(stamp: bool = False) -> str | None:
    """The run time a report records: the fixed ``SOURCE_DATE_EPOCH`` when set, the time now when
    ``stamp`` is asked for, otherwise none, so that the same inputs give the same report byte
    for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if stamp or (epoch and epoch.strip().isdigit()):
        return run_time_now()
    return None


def run_time_now() -> str:
    """The time of the run, UTC, to the second; ``SOURCE_DATE_EPOCH`` fixes it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        when = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
    else:
        when = _dt.datetime.now(_dt.timezone.utc)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def default_report_path(witness_ids, folder: str | os.PathLike = DEFAULT_DIR) -> Path:
    return Path(folder) / ("--".join(witness_ids) + ".html")


def check_fail_on(fail_on) -> list[str]:
    """The categories that fail a run: each level named counts with every category above it
    ("lexical" fails on substantive and lexical divergences); "any" is every category, "none"
    (or nothing) none."""
    if fail_on is None:
        return []
    if isinstance(fail_on, str):
        fail_on = [fail_on]
    out: set[str] = set()
    for c in fail_on:
        for part in str(c).split(","):
            part = part.strip().lower()
            if not part or part == NONE:
                continue
            if part != ANY and part not in CATEGORIES:
                raise UsageError(f"--fail-on: unknown category {part!r} "
                                 f"(one of: {', '.join([*CATEGORIES, ANY, NONE])})")
            out.update(CATEGORIES if part == ANY else CATEGORIES[:CATEGORIES.index(part) + 1])
    return [c for c in CATEGORIES if c in out]


def _chain(docs) -> tuple[dict | None, list[str]]:
    """The chain result for the Documents compared, and warnings."""
    try:
        return extract_documents(docs), []
    except ProvenanceError as exc:
        return None, [f"copy chains not extracted: {exc}"]
    except Exception as exc:  # the report is still worth having without its provenance panel
        return None, [f"copy chains not extracted: internal error: {type(exc).__name__}: {exc}"]


def _apparatus(result: Comparison) -> tuple[str | None, list[str]]:
    """The TEI parallel-segmentation apparatus of the comparison, as a string."""
    try:
        return to_tei(result).decode("utf-8"), []
    except ProvenanceError as exc:
        return None, [f"TEI apparatus not produced: {exc}"]


def summarize(result: dict) -> dict:
    by_cat = {c: 0 for c in CATEGORIES}
    by_kind = {k: 0 for k in KINDS}
    by_flag: dict[str, int] = {}
    for d in result.get("divergences") or []:
        by_cat[d.get("category", "")] = by_cat.get(d.get("category", ""), 0) + 1
        by_kind[d.get("kind", "")] = by_kind.get(d.get("kind", ""), 0) + 1
        for f in d.get("flags") or []:
            by_flag[f] = by_flag.get(f, 0) + 1
    return {"total": len(result.get("divergences") or []), "by_category": by_cat,
            "by_kind": by_kind, "by_flag": dict(sorted(by_flag.items()))}


def write_report(result: dict, chain: dict | None = None, *, output=None, json_path=None, fail_on=None,
                 tei: str | None = None, run_time: str | None = None, stamp: bool = False,
                 settings: dict | None = None, warnings: list[str] | None = None,
                 char_diff: bool = False) -> dict:
    """Render and write the report of an align result that is already computed; return the summary.

    ``run_time`` is recorded when given (else see :func:`recorded_time`); ``char_diff`` adds the
    character-level detail of every substitution to the summary (``divergences``)."""
    fail = check_fail_on(fail_on)
    result = to_json(result)
    witnesses = result.get("witnesses") or []
    out = Path(output) if output else default_report_path([w["id"] for w in witnesses])
    if out.exists() and out.is_dir():
        raise UsageError("is a directory; name an .html file", str(out))
    run_time = run_time or recorded_time(stamp)
    shown = dict(settings or {})  # --fail-on decides the exit status only: the page is the same
    html = render_report(result, chain, shown, run_time, tei=tei)
    data = html.encode("utf-8")
    summary = summarize(result)
    failing = sum(summary["by_category"].get(c, 0) for c in fail)
    payload = {
        "tool": tool_header(),
        "report": shown_path(out),
        "report_bytes": len(data),
        "report_sha256": sha256_bytes(data),
        "run_time": run_time,
        "witnesses": [{"id": w["id"], "path": shown_path(w.get("path")), "sha256": w.get("sha256") or "",
                       "kind": w.get("kind") or ""} for w in witnesses],
        "base": (result.get("settings") or {}).get("base") or (witnesses[0]["id"] if witnesses else ""),
        "summary": summary,
        "fail_on": fail,
        "failing": failing,
        "failed": bool(fail) and failing > 0,
        "apparatus": tei is not None,
        "chain": {"extracted": chain is not None,
                  "documents": len((chain or {}).get("documents") or []),
                  "findings": len((chain or {}).get("findings") or [])},
        "warnings": list(warnings or []),
    }
    # the witnesses' paths in a result are as shown (a file name for an absolute path): the inputs
    # are checked against the outputs where they are read (audit_paths); here the outputs apart
    check_outputs([], [out, json_path])
    if char_diff:
        payload["divergences"] = [
            {"id": d["id"], "kind": d.get("kind", ""), "category": d.get("category", ""),
             "severity": d.get("severity", 0),
             "readings": {w: r.get("text") or "" for w, r in (d.get("readings") or {}).items()},
             **({"chars": c} if (c := divergence_chars(d, payload["base"])) is not None else {})}
            for d in result.get("divergences") or []]
    # both files or neither: a JSON destination that cannot be written leaves the report untouched
    outputs = [(out, data)]
    if json_path and str(json_path) != "-":
        outputs.append((json_path, dump_json(payload)))
    atomic_write_all(outputs)
    return payload


def audit_paths(paths, output=None, json_path=None, fail_on=None, *, ids=None, lexicon_path=None,
                run_time: str | None = None, plain: bool = False, stamp: bool = False,
                char_diff: bool = False, documents: Documents | None = None) -> dict:
    """Align ``paths`` (transcriptions, TEI files, or plain texts with ``plain``), extract their
    copy chains, and write the HTML report to ``output`` (default ``reports/<a>--<b>.html``).

    ``json_path`` also writes the returned summary as JSON; ``fail_on`` names categories (or
    "any") whose presence sets ``failed`` in the summary. ``documents``: the run's documents
    (each source is read and parsed once, for the comparison and the copy chains alike).
    Raises InputError/UsageError.
    """
    paths = [Path(p) for p in paths]
    if len(paths) < 2:
        raise UsageError("audit needs at least two witnesses")
    fail = check_fail_on(fail_on)  # refuse a bad category before any work
    check_outputs([*paths, lexicon_path], [output, json_path])  # the default output is checked on writing
    lexicon = load_lexicon(str(lexicon_path) if lexicon_path else None)
    docs = load_documents(paths, plain, documents)
    result = align_documents(docs, list(ids) if ids else None, lexicon)
    tei, more = _apparatus(result)
    chain, warnings = _chain(docs) if not plain else (None, [])
    settings = {"lexicon_file": shown_path(lexicon_path) or None}
    return write_report(result, chain, output=output, json_path=json_path, fail_on=fail, tei=tei,
                        run_time=run_time, stamp=stamp, settings=settings, char_diff=char_diff,
                        warnings=warnings + more)

