"""Small helpers for building TEI trees with lxml."""

from __future__ import annotations

from lxml import etree


def append_text(parent: etree._Element, text: str) -> None:
    """Append ``text`` after the last child of ``parent`` (or to its text when it has none)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
