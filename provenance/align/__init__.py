"""Structure-aware comparison of related documents, with divergences classified by meaning.

``align_witnesses(witnesses, lexicon=None)`` aligns witnesses already loaded (the first is the
base) and returns the align result (see ``schemas/align.schema.json``); ``align_paths(paths)``
loads transcriptions, TEI files or plain texts first. Renderings of the result: ``to_json``,
``apparatus.to_tei`` and ``render_text.render``.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from provenance.align.collate import collate
from provenance.align.lexicon import Lexicon, load_lexicon
from provenance.errors import InputError, UsageError

#: The largest witness compared (characters of its text; bytes of its file, checked before it is
#: read). Time and memory grow linearly, about 115 MB per MB of text: this keeps a comparison
#: under 2 GB.
MAX_ALIGN_CHARS = 12_000_000

__all__ = ["align_witnesses", "align_paths", "load_witnesses", "to_json", "load_lexicon", "Lexicon"]


@contextmanager
def _cycle_collector_paused():
    """The alignment allocates millions of small objects that hold no reference cycles;
    reference counting frees them, while the cyclic collector would scan them again and again
    (a third of the time of a million-word pair). It is paused meanwhile, then restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def align_witnesses(witnesses, lexicon=None) -> dict:
    """Align two or more witnesses; ``lexicon`` is a Lexicon (default: the shipped one)."""
    witnesses = list(witnesses)
    for w in witnesses:
        if len(w.text) > MAX_ALIGN_CHARS:
            raise InputError(_too_large(f"{len(w.text)} characters"), w.path or w.id)
    if lexicon is None:
        lexicon = load_lexicon()
    with _cycle_collector_paused():
        return collate(list(witnesses), lexicon)


def _too_large(size: str) -> str:
    return (f"is too large to compare ({size}; the limit is {MAX_ALIGN_CHARS:,}, which keeps memory under 2 GB): "
            "compare it in parts")


def load_witnesses(paths, ids=None, plain: bool = False) -> list:
    """Witnesses from files: transcriptions (.txt), TEI (.xml), or plain texts (one paragraph a line)."""
    from provenance.witness import load_witness, plain_witness

    paths = [Path(p) for p in paths]
    if ids is not None and len(ids) != len(paths):
        raise UsageError(f"{len(ids)} ids given for {len(paths)} witnesses")
    out = []
    for k, p in enumerate(paths):
        try:
            size = p.stat().st_size
        except OSError:
            size = 0  # the reading path names what is wrong with it
        if size > MAX_ALIGN_CHARS:
            raise InputError(_too_large(f"{size} bytes"), str(p))
        wid = ids[k] if ids else None
        w = plain_witness(p, wid) if plain else load_witness(p, wid)
        out.append(w)
    return out


def align_paths(paths, ids=None, lexicon_path=None, plain: bool = False) -> dict:
    """Load the witnesses at ``paths`` (ids = file stems unless given) and align them."""
    lexicon = load_lexicon(lexicon_path)
    return align_witnesses(load_witnesses(paths, ids, plain), lexicon)


def to_json(result: dict) -> dict:
    """The JSON payload of a result (internal helpers removed)."""
    return {k: v for k, v in result.items() if not k.startswith("_")}
