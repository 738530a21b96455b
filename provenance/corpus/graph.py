"""The corpus graph: documents linked by derivation (found by ``discover``) and by copy chains.

Nodes are documents (id, title, date); edges carry a ``kind``: ``derivation`` (directed,
from the source to the derived document, with the reason), ``related`` (no direction could
be told), or a copy-chain link from :mod:`provenance.chain` (``basis``, ``same-file``,
``same-inventory``, ``same-fond``). Exported as GraphML (networkx) and drawn as an inline SVG.
"""

from __future__ import annotations

import math

import networkx as nx

#: Above this many documents, copy-chain links are not extracted for the graph.
CHAIN_LIMIT = 1000
#: Above this many nodes, the drawing uses a circle instead of a force layout.
SPRING_LIMIT = 1500


def build_graph(pairs: list[dict], documents: dict, chain_links: list[dict] | None = None) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for doc_id in sorted(documents):
        d = documents[doc_id]
        g.add_node(doc_id, title=d.get("title") or "", date=d.get("date") or "", words=int(d.get("words") or 0))
    for p in sorted(pairs, key=lambda p: (p["a"], p["b"])):
        d = p.get("direction")
        attrs = {"similarity": float(p["similarity"]), "shared_words": int(p.get("shared_words") or 0)}
        if "substantive" in p and p["substantive"] is not None:
            attrs["substantive"] = int(p["substantive"])
        if d:
            g.add_edge(d["from"], d["to"], key="derivation", kind="derivation", reason=d["reason"], **attrs)
        else:
            g.add_edge(p["a"], p["b"], key="related", kind="related", reason="", **attrs)
    for link in sorted(chain_links or [], key=lambda x: (x["source"], x["target"], x["kind"])):
        if link["source"] in g and link["target"] in g:
            g.add_edge(link["source"], link["target"], key="chain-" + link["kind"], kind=link["kind"],
                       reason=str(link.get("reason") or ""), similarity=float(link.get("confidence", 1.0)),
                       shared_words=0)
    return g


def to_graphml(g: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n"


def layout(g: nx.MultiDiGraph, width: float = 960, height: float = 720, margin: float = 60,
           label_room: float = 220) -> dict:
    """Node positions in the drawing (deterministic); ``label_room`` is kept free on the right
    for the labels beside the nodes."""
    nodes = sorted(g.nodes)
    if not nodes:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in g.edges()))
    if len(nodes) == 1:
        pos = {nodes[0]: (0.0, 0.0)}
    elif len(nodes) <= SPRING_LIMIT:
        pos = nx.spring_layout(simple, seed=1, k=1.6 / math.sqrt(len(nodes)), iterations=60)
    else:
        pos = nx.circular_layout(simple)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx = (width - 2 * margin - label_room) / ((x1 - x0) or 1)
    sy = (height - 2 * margin) / ((y1 - y0) or 1)
    return {n: (round(margin + (pos[n][0] - x0) * sx, 1) if x1 > x0 else width / 2,
                round(margin + (pos[n][1] - y0) * sy, 1) if y1 > y0 else height / 2) for n in nodes}


def drawing(g: nx.MultiDiGraph) -> dict:
    """What the SVG template needs: nodes with positions, edges with their ends and kind."""
    pos = layout(g)
    nodes = [{"id": n, "x": pos[n][0], "y": pos[n][1], "title": g.nodes[n].get("title", ""),
              "label": _label(g.nodes[n].get("title", "") or n),
              "date": g.nodes[n].get("date", "")} for n in sorted(g.nodes)]
    edges = []
    for u, v, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        edges.append({"from": u, "to": v, "kind": data.get("kind", key), "x1": pos[u][0], "y1": pos[u][1],
                      "x2": pos[v][0], "y2": pos[v][1], "reason": data.get("reason", ""),
                      "similarity": data.get("similarity", 0.0),
                      "directed": data.get("kind") in ("derivation", "basis")})
    kinds = sorted({e["kind"] for e in edges})
    return {"nodes": nodes, "edges": edges, "width": 960, "height": 720, "kinds": kinds,
            "chain_kinds": [k for k in kinds if k not in ("derivation", "related")]}


def _label(title: str, limit: int = 34) -> str:
    """A document's title, short enough to sit beside its node."""
    title = " ".join(str(title).split())
    return title if len(title) <= limit else title[: limit - 1] + "\u2026"
