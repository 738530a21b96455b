"""Structure-aware comparison of related documents, with divergences classified by meaning.

``align_witnesses(witnesses, lexicon=None)`` aligns witnesses already loaded (the first is the
base) and returns a :class:`Comparison` (its JSON: ``schemas/align.schema.json``);
``align_documents(docs)`` aligns Documents, ``align_paths(paths)`` loads transcriptions, TEI
files or plain texts first. Renderings of a comparison: ``Comparison.to_json``,
``apparatus.to_tei`` and ``render_text.render``.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from provenance.align.collate import collate
from provenance.align.lexicon import Lexicon, load_lexicon
from provenance.align.result import Comparison
from provenance.document import Document, Documents
from provenance.errors import InputError, UsageError
from provenance.witness import witness_of

#: The largest witness compared (characters of its text; bytes of its file, checked before it is
#: read). Time and memory grow linearly, about 115 MB per MB of text: this keeps a comparison
#: under 2 GB.
MAX_ALIGN_CHARS = 12_000_000

__all__ = ["Comparison", "align_witnesses", "align_documents", "align_paths", "load_documents", "load_witnesses",
           "to_json", "load_lexicon", "Lexicon"]


@contextmanager
def _cycle_collector_paused():
    """The alignment allocates millions of small objects that hold no reference cycles;
    reference counting frees them, while the cyclic collector would scan them again and again
    (a third of the time of a million-word pair). It is paused meanwhile, then restored.

    When it resumes, the objects allocated meanwhile would all be young, and the first collection
    would scan every one of them (0.4 s after a million-word pair): unless the caller froze objects
    of his own, they are moved to the oldest generation at once (``gc.freeze`` then ``gc.unfreeze``),
    where a full collection finds them in its own time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def align_witnesses(witnesses, lexicon=None) -> Comparison:
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


def load_documents(paths, plain: bool = False, documents: Documents | None = None) -> list[Document]:
    """The Documents of the files ``paths`` (``plain``: plain texts, one paragraph a line),
    each refused before it is read when it is too large to compare."""
    documents = documents if documents is not None else Documents()
    out = []
    for p in map(Path, paths):
        try:
            size = p.stat().st_size
        except OSError:
            size = 0  # the reading path names what is wrong with it
        if size > MAX_ALIGN_CHARS:
            raise InputError(_too_large(f"{size} bytes"), str(p))
        out.append(documents.load(p, "plain" if plain else None))
    return out


def _witnesses(docs, ids=None) -> list:
    docs = list(docs)
    if ids is not None and len(ids) != len(docs):
        raise UsageError(f"{len(ids)} ids given for {len(docs)} witnesses")
    return [witness_of(d, ids[k] if ids else None) for k, d in enumerate(docs)]


def load_witnesses(paths, ids=None, plain: bool = False, documents: Documents | None = None) -> list:
    """Witnesses from files: transcriptions (.txt), TEI (.xml), or plain texts (one paragraph a line)."""
    paths = list(paths)
    if ids is not None and len(ids) != len(paths):
        raise UsageError(f"{len(ids)} ids given for {len(paths)} witnesses")
    return _witnesses(load_documents(paths, plain, documents), ids)


def align_documents(docs, ids=None, lexicon=None) -> Comparison:
    """Align Documents (the first is the base); ``ids`` name the witnesses (default: file stems)."""
    return align_witnesses(_witnesses(docs, ids), lexicon)


def align_paths(paths, ids=None, lexicon_path=None, plain: bool = False,
                documents: Documents | None = None) -> Comparison:
    """Load the witnesses at ``paths`` (ids = file stems unless given) and align them."""
    lexicon = load_lexicon(lexicon_path)
    return align_witnesses(load_witnesses(paths, ids, plain, documents), lexicon)


def to_json(result) -> dict:
    """The JSON payload of a comparison (or of its JSON, given again)."""
    return result.to_json() if isinstance(result, Comparison) else dict(result)
