"""The document's own date and title, and the archival citation, as the headers of two witnesses give them.

A transcription's lines above its text (the date, the title) and a TEI header say what the
document is; they are not part of the compared text, yet a draft and the adopted decision are
dated and titled apart ("May 14, 1947" / "May 20, 1947", "Draft Decision of ..." / "Decision of
..."). Each value of the base is aligned word by word with the other witness's, and each stretch
that differs is classified as the text's readings are. The source citation (the archive, fond,
file and folios where the witness is kept, who obtained and who translated it) says where each
witness comes from, not what the document says: a stretch of it that differs ("ll. 12-15" /
"ll. 16-19", "Translated by Helen Marsh" / "by Owen Pryce") is editorial. A reading points into
the witness's text where the value stands there (the lines above the body of a transcription, or
those after it); otherwise (a TEI file, whose text is its body) it is the value's words alone, at
offset 0.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from provenance.align.classify import BASE_SEVERITY, classify
from provenance.align.explaining import translators_choice, two_translators
from provenance.align.tokenize import TOKEN_RE
from provenance.knowledge import english

#: the header's fields compared (the keys of a witness's metadata)
HEADER_FIELDS = ("date", "title", "citation")
#: the fields that say where a witness comes from, not what the document says: editorial
APPARATUS_FIELDS = frozenset({"citation"})
#: below this share of common words, what differs in two citations is one stretch
APPARATUS_WHOLE = 0.8


def _located(w, value: str) -> int | None:
    """Where ``value`` stands in the text of ``w`` before its body or after it (None: not there)."""
    body = min((s.start for s in w.segments), default=len(w.text))
    at = w.text.find(value, 0, body)
    if at < 0:
        at = w.text.find(value, max((s.end for s in w.segments), default=len(w.text)))
    return at if at >= 0 else None


def _title_words(words: list[str]) -> list[str]:
    """The words of a title with the capitals of Title Case taken off the dictionary's words:
    "Draft Decision of ..." says the word "draft", no name."""
    return [w.lower() if w[:1].isupper() and w[1:].islower() and english.in_dictionary(w.lower()) else w
            for w in words]


def _reading(w, value: str, at: int | None, toks: list, i: int, j: int) -> dict:
    """The reading of tokens ``toks[i:j]`` of ``value`` (offsets in the value)."""
    if i < j:
        s, e = toks[i][0], toks[j - 1][1]
    else:   # nothing: the place before the next token (or after the last)
        s = e = toks[i][0] if i < len(toks) else len(value)
    if at is None:
        return {"text": value[s:e], "start": 0, "end": 0, "segment": None}
    return {"text": w.text[at + s:at + e], "start": at + s, "end": at + e, "segment": None}


def header_divergences(witnesses, lexicon) -> list[tuple[str, dict, dict]]:
    """(kind, classification, readings) of each stretch of the base's date or title that another
    witness's header gives otherwise."""
    base = witnesses[0]
    out = []
    for key in HEADER_FIELDS:
        va = str(base.meta.get(key) or "")
        if not va.strip():
            continue
        at_a = _located(base, va)
        ta = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(va)]
        for w in witnesses[1:]:
            vb = str(w.meta.get(key) or "")
            if not vb.strip() or " ".join(vb.split()) == " ".join(va.split()):
                continue
            at_b = _located(w, vb)
            tb = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(vb)]
            wa, wb = [t[2] for t in ta], [t[2] for t in tb]
            ca, cb = (_title_words(wa), _title_words(wb)) if key == "title" else (wa, wb)
            sm = SequenceMatcher(None, wa, wb, autojunk=False)
            # two values that share less than half their words are one change, not a word salad;
            # two citations that share less than four fifths, one change from the first word that
            # differs to the last (another archive's file, the translator's credit kept)
            shared = sm.ratio()
            ops = sm.get_opcodes() if shared >= 0.5 else [("replace", 0, len(wa), 0, len(wb))]
            if key in APPARATUS_FIELDS and shared < APPARATUS_WHOLE:
                differ = [op for op in ops if op[0] != "equal"]
                ops = [("replace", differ[0][1], differ[-1][2], differ[0][3], differ[-1][4])] if differ else []
            who = two_translators(base.meta, w.meta)
            for tag, i1, i2, j1, j2 in ops:
                if tag == "equal":
                    continue
                ra, rb = _reading(base, va, at_a, ta, i1, i2), _reading(w, vb, at_b, tb, j1, j2)
                if key in APPARATUS_FIELDS:
                    info = {"category": "editorial", "flags": ["section"], "severity": BASE_SEVERITY["editorial"],
                            "reason": "the source citation in its header (where the witness is kept, who obtained or "
                                      f"translated it): {ra['text'] or '-'} / {rb['text'] or '-'}"}
                else:
                    info = classify(ca[i1:i2], cb[j1:j2], lexicon, a_ctx=(ca[:i1], ca[i2:]), b_ctx=(cb[:j1], cb[j2:]))
                    if who:
                        info = translators_choice(info, who) or info
                    # outside the text's points, as the opening lines are (see pairwise._text_edits)
                    info = dict(info, reason=f"the document's {key} in its header: {info['reason']}",
                                flags=sorted(set(info["flags"]) - {"clause"} | {"section"}),
                                severity=min(info["severity"], 0.6))
                kind = "substitution" if i2 > i1 and j2 > j1 else ("omission" if i2 > i1 else "addition")
                out.append((kind, info, {base.id: ra, w.id: rb}))
    return out
