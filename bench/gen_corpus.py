"""Build a synthetic archive of 1,000 to 100,000 documents with planted related pairs.

    python bench/gen_corpus.py OUT_DIR --docs 10000 [--seed 7] [--related 0.2]

What it writes in OUT_DIR:

* ``docs/*.txt``: the documents. Unrelated documents are new text drawn from a word model
  of the seed translations and Darwin's chapter (so no two share a passage by chance), with
  headers, dates, titles, archival citations and the boilerplate archives add: the Wilson
  Center rights text and funding credit (known to the tool) and three other archives' rights
  notices, headers and footers (not known to it: only document frequency can find them).
* the real documents: the five seeds (004 -> 002 is a draft and its adopted text) and the
  six Darwin editions (15 related pairs);
* planted pairs, in equal numbers: ``draft`` (an earlier dated draft and the adopted text:
  points dropped, reworded, moved, added), ``excerpt`` (a few paragraphs of a document,
  slightly retouched), ``retranslation`` (the same document translated again: words swapped
  for their equivalents from the project lexicon and a synonym list), ``copy`` (a copy with
  orthographic noise: transliteration variants, typing and OCR errors);
* with ``--cables N``, N near-identical copies of one cable (a family: every two are a pair);
* ``truth.json``: every related pair with its type and expected direction.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tei" / "source"
DARWIN = ROOT / "tests" / "data" / "darwin"
LEXICON = ROOT / "provenance" / "data" / "lexicon.json"

TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[.,;:]")

WILSON_RIGHTS = (
    "The History and Public Policy Program welcomes reuse of Digital Archive materials for research and "
    "educational purposes. Some documents may be subject to copyright, which is retained by the rights holders "
    "in accordance with US and international copyright laws. When possible, rights holders have been contacted "
    "for permission to reproduce their materials.\n\nTo enquire about this document's rights status or request "
    "permission for commercial use, please contact the History and Public Policy Program at [email protected]."
)
#: boilerplate the tool does not ship: only document frequency can tell it from shared text
OTHER_BOILERPLATE = {
    "reading_room": (
        "Reproduction of this document is permitted for private study and research only. Publication in any form, "
        "including online, requires the written consent of the Reading Room of the State Archive and must cite the "
        "fond, inventory and file numbers in full together with the name of the archive."
    ),
    "declassified": (
        "DECLASSIFIED by decision of the Interdepartmental Commission for the Protection of State Secrets. "
        "Digitized for the Cold War International Documents Project from the microfilm held in the reading room."
    ),
    "volunteers": (
        "Transcribed and proofread by the volunteers of the documents project. Please report transcription "
        "errors to the editors of the collection so that they can be corrected in the next release."
    ),
}

SYNONYMS = {
    "great": "large", "large": "great", "many": "numerous", "small": "little", "very": "extremely",
    "think": "believe", "some": "certain", "shown": "demonstrated", "generally": "usually",
    "however": "nevertheless", "often": "frequently", "probably": "likely", "also": "likewise",
    "whole": "entire", "differences": "distinctions", "difference": "distinction", "forms": "kinds",
    "form": "kind", "quite": "entirely", "several": "various", "cases": "instances", "case": "instance",
    "shall": "will", "important": "significant", "chiefly": "mainly", "slight": "minor", "seen": "observed",
    "see": "observe", "conclude": "infer", "believe": "consider", "plainly": "clearly", "remarkable": "striking",
    "which": "that", "whilst": "while", "amongst": "among", "upon": "on", "therefore": "thus",
    "begin": "start", "began": "started", "country": "land", "countries": "lands", "means": "ways",
    "attack": "offensive", "help": "assist", "organize": "arrange", "government": "administration",
    "troops": "forces", "weapons": "arms", "city": "town", "leaders": "chiefs", "received": "obtained",
    "create": "form", "send": "dispatch", "sent": "dispatched", "report": "communicate", "immediately": "at once",
}

SURNAMES = ["Ivanov", "Petrov", "Sidorov", "Molotov", "Beria", "Bulganin", "Mikoyan", "Krutikov", "Yegnarov",
            "Mamulov", "Stakhanov", "Lyudvigov", "Igritskaya", "Plotnikov", "Bozhanov", "Kuznetsov", "Popov",
            "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Volkov", "Solovyov", "Vasilyev", "Zaytsev",
            "Pavlov", "Semyonov", "Golubev", "Vinogradov", "Bogdanov", "Vorobyov", "Fyodorov", "Mikhaylov",
            "Belyaev", "Tarasov", "Belov", "Komarov", "Orlov", "Kiselev", "Makarov", "Andreyev", "Kovalev",
            "Ilyin", "Gusev", "Titov", "Kuzmin", "Kudryavtsev", "Baranov", "Kulikov", "Alekseyev", "Stepanov"]
PLACES = ["Xinjiang", "Ghulja", "Urumqi", "Kashgar", "Altai", "Tarbaghatai", "Manchuria", "Chongqing", "Harbin",
          "Dairen", "Mukden", "Ulan Bator", "Alma-Ata", "Tashkent", "Kabul", "Tehran", "Tabriz", "Ardabil",
          "Baku", "Erevan", "Berlin", "Vienna", "Sofia", "Bucharest", "Belgrade", "Warsaw", "Prague", "Budapest"]
REPOS = ["GARF", "RGASPI", "AVPRF", "APRF", "RGANI"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# ---------------------------------------------------------------------------------------------
# a word model of the sources, sampled for many documents at once


def _training_text() -> str:
    parts = [(DARWIN / "darwin1872.txt").read_text(encoding="utf-8")]
    for p in sorted(SEEDS.glob("*.txt")):
        t = p.read_text(encoding="utf-8")
        parts.append(t.split("The History and Public Policy Program")[0])
    return "\n".join(parts)


class WordModel:
    """First-order word model (successor frequencies), sampled with one searchsorted per step."""

    def __init__(self, text: str):
        toks = [t if t in ".,;:" else t.lower() for t in TOKEN.findall(text)]
        vocab = sorted(set(toks))
        self.vocab = np.array(vocab, dtype=object)
        ix = {w: i for i, w in enumerate(vocab)}
        ids = np.array([ix[t] for t in toks], dtype=np.int64)
        pairs = ids[:-1] * len(vocab) + ids[1:]
        u, c = np.unique(pairs, return_counts=True)
        src, dst = u // len(vocab), u % len(vocab)
        tot = np.bincount(src, weights=c, minlength=len(vocab))
        within = np.zeros(len(u))
        # cumulative frequency inside each source row, shifted by the row number
        order = np.argsort(src, kind="stable")
        src, dst, c = src[order], dst[order], c[order]
        cs = np.cumsum(c)
        row_start = np.r_[0, np.cumsum(np.bincount(src, minlength=len(vocab)))[:-1]]
        before = np.where(row_start[src] > 0, cs[row_start[src] - 1], 0)
        within = (cs - before) / np.maximum(tot[src], 1)
        self.cum = src + within  # in [row, row + 1]
        self.dst = dst
        self.has_next = tot > 0
        self.period = ix["."]
        self.n = len(vocab)

    def sample(self, rng: np.random.Generator, streams: int, steps: int) -> np.ndarray:
        out = np.empty((streams, steps), dtype=np.int64)
        cur = np.full(streams, self.period)
        for t in range(steps):
            u = 1e-9 + rng.random(streams) * 0.999998
            j = np.searchsorted(self.cum, cur + u, side="left")
            j = np.minimum(j, len(self.dst) - 1)
            nxt = self.dst[j]
            dead = ~self.has_next[cur]
            nxt[dead] = self.period
            out[:, t] = nxt
            cur = nxt
        return out


def render_words(words: list[str], rng: random.Random) -> list[str]:
    """Word ids rendered to paragraphs: capitals after full stops, a break every few sentences."""
    paras, cur, sentences, cap = [], [], 0, True
    target = rng.randint(2, 5)
    for w in words:
        if w in ".,;:":
            if cur:
                cur[-1] += w
            if w == ".":
                cap = True
                sentences += 1
                if sentences >= target and len(cur) >= 25:
                    paras.append(" ".join(cur))
                    cur, sentences, target = [], 0, rng.randint(2, 5)
            continue
        cur.append(w.capitalize() if cap else w)
        cap = False
    if cur:
        paras.append(" ".join(cur) + ("" if cur[-1].endswith(".") else "."))
    return paras


# ---------------------------------------------------------------------------------------------
# documents


def fmt_date(d: date, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def random_title(rng: random.Random) -> str:
    a, b = rng.sample(SURNAMES, 2)
    kind = rng.choice(["Report from", "Cable from", "Letter from", "Memorandum from", "Note from"])
    return f"{kind} {a} to Cde. {b} on {rng.choice(PLACES)} N {rng.randint(10, 9999)}/{rng.choice('abcdefgs')}"


def citation(rng: random.Random) -> str:
    return (f"{rng.choice(REPOS)}, f. {rng.randint(1, 9999)}, op. {rng.randint(1, 99)}, "
            f"d. {rng.randint(1, 2999)}, ll. {rng.randint(1, 300)}-{rng.randint(301, 600)}.")


def assemble(title: str, when: str | None, paras: list[str], rng: random.Random, boiler: dict) -> str:
    out = []
    if boiler.get("wilson"):
        out += ["Skip to content", ""]
    if boiler.get("declassified"):
        out += [OTHER_BOILERPLATE["declassified"], ""]
    if when:
        out += [when, ""]
    out += [title, ""]
    if boiler.get("wilson"):
        out += [f"This document was made possible with support from {rng.choice(['MacArthur Foundation', 'Blavatnik Family Foundation'])}", ""]
    for p in paras:
        out += [p, ""]
    out += [citation(rng), ""]
    if boiler.get("reading_room"):
        out += [OTHER_BOILERPLATE["reading_room"], ""]
    if boiler.get("volunteers"):
        out += [OTHER_BOILERPLATE["volunteers"], ""]
    if boiler.get("wilson"):
        out += [WILSON_RIGHTS, "", "Original Uploaded Date", "", "Record ID", "", "MacArthur Foundation"]
    return "\n".join(out) + "\n"


def pick_boiler(rng: random.Random) -> dict:
    return {"wilson": rng.random() < 0.5, "reading_room": rng.random() < 0.35,
            "declassified": rng.random() < 0.3, "volunteers": rng.random() < 0.2}


def _lexicon_pairs() -> dict:
    pairs = dict(SYNONYMS)
    try:
        lex = json.loads(LEXICON.read_text(encoding="utf-8"))
        for eq in lex.get("equivalents", []):
            single = [t for t in eq.get("terms", []) if " " not in t and "-" not in t]
            for i, t in enumerate(single):
                if len(single) > 1:
                    pairs.setdefault(t.lower(), single[(i + 1) % len(single)].lower())
    except (OSError, ValueError):
        pass
    return pairs


def _words(p: str) -> list[str]:
    return p.split(" ")


def _same_case(src: str, new: str) -> str:
    core = src.rstrip(".,;:")
    tail = src[len(core):]
    if core[:1].isupper():
        new = new[:1].upper() + new[1:]
    return new + tail


def edit_words(paras: list[str], rng: random.Random, vocab: list[str], sub: float, dele: float, ins: float) -> list[str]:
    out = []
    for p in paras:
        ws = []
        for w in _words(p):
            x = rng.random()
            if x < dele:
                continue
            if x < dele + sub:
                ws.append(_same_case(w, rng.choice(vocab)))
            else:
                ws.append(w)
            if rng.random() < ins:
                ws.append(rng.choice(vocab))
        out.append(" ".join(ws))
    return out


def make_draft_pair(paras, rng, vocab, model_paras):
    """(draft paragraphs, adopted paragraphs)."""
    draft = list(paras)
    adopted = list(paras)
    if len(adopted) > 3 and rng.random() < 0.6:
        adopted = adopted[1:]  # the situation report is dropped from the decision
    adopted = edit_words(adopted, rng, vocab, sub=0.05, dele=0.03, ins=0.02)
    if len(adopted) > 2:  # a moved point
        i, j = rng.sample(range(len(adopted)), 2)
        adopted[i], adopted[j] = adopted[j], adopted[i]
    if model_paras:
        adopted.append(model_paras[0])  # a new point
    return draft, adopted


def make_excerpt(paras, rng, vocab):
    """A run of whole sentences covering a quarter to a half of the document's words."""
    sents = []  # (paragraph index, sentence)
    for k, p in enumerate(paras):
        for s in re.split(r"(?<=\.) ", p):
            if s:
                sents.append((k, s))
    total = sum(len(_words(s)) for _k, s in sents)
    want = max(40, int(total * rng.uniform(0.25, 0.5)))
    start = rng.randrange(len(sents))
    got, end = 0, start
    while end < len(sents) and got < want:
        got += len(_words(sents[end][1]))
        end += 1
    while start > 0 and got < want:
        start -= 1
        got += len(_words(sents[start][1]))
    out, cur, para = [], [], sents[start][0]
    for k, s in sents[start:end]:
        if k != para and cur:
            out.append(" ".join(cur))
            cur = []
        para = k
        cur.append(s)
    if cur:
        out.append(" ".join(cur))
    return edit_words(out, rng, vocab, sub=0.01, dele=0.0, ins=0.0)


def retranslate(paras, rng, syn):
    out = []
    for p in paras:
        ws = []
        for w in _words(p):
            core = w.rstrip(".,;:").lower()
            if core in syn and rng.random() < 0.85:
                ws.append(_same_case(w, syn[core]))
            else:
                ws.append(w)
        s = " ".join(ws)
        s = s.replace(", and ", " and ") if rng.random() < 0.5 else s
        out.append(s)
    return out


ORTHO = [("ai", "ay"), ("ou", "o"), ("ll", "l"), ("ss", "s"), ("ie", "ei"), ("ph", "f"), ("ck", "k"),
         ("rn", "m"), ("l", "1"), ("e", "c"), ("o", "0"), ("th", "tb")]


def noisy_copy(paras, rng):
    out = []
    for p in paras:
        ws = []
        for w in _words(p):
            if len(w) > 3 and rng.random() < 0.06:
                a, b = rng.choice(ORTHO)
                if a in w:
                    w = w.replace(a, b, 1)
                else:
                    i = rng.randrange(len(w) - 1)
                    w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
            ws.append(w)
        out.append(" ".join(ws))
    return out


TYPES = ("draft", "excerpt", "retranslation", "copy")


def cable_copies(paras: list[str], copies: int, rng: random.Random) -> list[str]:
    """``copies`` near-identical copies of one cable: each numbered, with a few typing errors
    of its own and its own archive's boilerplate."""
    out = []
    for k in range(1, copies + 1):
        body = []
        for p in paras:
            ws = []
            for w in _words(p):
                if len(w) > 3 and rng.random() < 0.01:
                    i = rng.randrange(len(w) - 1)
                    w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
                ws.append(w)
            body.append(" ".join(ws))
        head = [f"CIPHERED TELEGRAM. Copy No. {k}", f"Copies: {copies}. Copy No. {k} - to addressee {k}."]
        out.append(assemble("Cable on the situation in the district", "12 March 1946", head + body, rng,
                            pick_boiler(rng)))
    return out


def generate(out: Path, n_docs: int, seed: int = 7, related: float = 0.2, mean_words: int = 380,
             cables: int = 0) -> dict:
    """Write the archive (see the module's docstring); ``cables`` > 0 adds that many
    near-identical copies of one cable (``cable01``...), every two of them a related pair."""
    t0 = time.perf_counter()
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    docs_dir = out / "docs"
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    docs_dir.mkdir(parents=True)
    model = WordModel(_training_text())
    vocab = [w for w in model.vocab.tolist() if w not in ".,;:" and len(w) > 2]
    syn = _lexicon_pairs()

    real = []
    for p in sorted(SEEDS.glob("*.txt")):
        real.append(p)
    for p in sorted(DARWIN.glob("darwin*.txt")):
        real.append(p)
    truth = []
    for p in real:
        shutil.copyfile(p, docs_dir / p.name)
    darwin_ids = [p.stem for p in real if p.stem.startswith("darwin")]
    for i in range(len(darwin_ids)):
        for j in range(i + 1, len(darwin_ids)):
            truth.append({"a": darwin_ids[i], "b": darwin_ids[j], "type": "editions", "from": None, "to": None})
    seed_ids = {p.name[:3]: p.stem for p in real if p.parent == SEEDS}
    truth.append({"a": seed_ids["004"], "b": seed_ids["002"], "type": "draft", "from": seed_ids["004"],
                  "to": seed_ids["002"]})

    n_gen = max(0, n_docs - len(real))
    n_pairs = int(n_gen * related / 2)
    n_bases = n_gen - n_pairs  # every pair adds one derived document to a base document
    # document lengths (words) and the model text for every base plus new points for drafts
    lengths = np.clip(nrng.lognormal(np.log(mean_words), 0.55, n_bases), 120, 3000).astype(int)
    steps = int(lengths.max() * 1.25)
    paras_of: list[list[str]] = []
    chunk = 4000
    for s in range(0, n_bases, chunk):
        e = min(n_bases, s + chunk)
        ids = model.sample(nrng, e - s, steps)
        for row, n in zip(ids, lengths[s:e]):
            words = model.vocab[row[: int(n * 1.2)]].tolist()
            paras_of.append(render_words(words, rng))
    extra_ids = model.sample(nrng, max(1, n_pairs), 90)
    names = [f"doc{k:06d}" for k in range(n_gen)]
    rng.shuffle(names)
    kinds = [TYPES[k % len(TYPES)] for k in range(n_pairs)]
    rng.shuffle(kinds)
    written = 0
    for bi in range(n_bases):
        base_id = names[written]
        paras = paras_of[bi]
        when = date(1940, 1, 1) + timedelta(days=rng.randint(0, 365 * 20))
        title = random_title(rng)
        if bi < n_pairs:
            kind = kinds[bi]
            der_id = names[n_bases + bi]
            new_point = render_words(model.vocab[extra_ids[bi]].tolist(), rng)[:1]
            if kind == "draft":
                d_paras, a_paras = make_draft_pair(paras, rng, vocab, new_point)
                later = when + timedelta(days=rng.randint(5, 120))
                base_text = assemble(title, fmt_date(when, rng), d_paras, rng, pick_boiler(rng))
                der_text = assemble("Decision on " + title, fmt_date(later, rng), a_paras, rng, pick_boiler(rng))
                truth.append({"a": base_id, "b": der_id, "type": kind, "from": base_id, "to": der_id})
            elif kind == "excerpt":
                base_text = assemble(title, fmt_date(when, rng), paras, rng, pick_boiler(rng))
                ex_when = fmt_date(when, rng) if rng.random() < 0.5 else None
                der_text = assemble("Excerpt from " + title, ex_when, make_excerpt(paras, rng, vocab), rng,
                                    pick_boiler(rng))
                truth.append({"a": base_id, "b": der_id, "type": kind, "from": base_id, "to": der_id})
            elif kind == "retranslation":
                base_text = assemble(title, fmt_date(when, rng), paras, rng, pick_boiler(rng))
                der_text = assemble(title, fmt_date(when, rng), retranslate(paras, rng, syn), rng, pick_boiler(rng))
                truth.append({"a": base_id, "b": der_id, "type": kind, "from": None, "to": None})
            else:
                base_text = assemble(title, fmt_date(when, rng), paras, rng, pick_boiler(rng))
                der_text = assemble(title, fmt_date(when, rng), noisy_copy(paras, rng), rng, pick_boiler(rng))
                truth.append({"a": base_id, "b": der_id, "type": kind, "from": None, "to": None})
            (docs_dir / f"{der_id}.txt").write_text(der_text, encoding="utf-8")
        else:
            base_text = assemble(title, fmt_date(when, rng), paras, rng, pick_boiler(rng))
        (docs_dir / f"{base_id}.txt").write_text(base_text, encoding="utf-8")
        written += 1
    if cables:
        crng = random.Random(seed + 1)
        text = render_words(model.vocab[model.sample(np.random.default_rng(seed + 1), 1, 420)[0]].tolist(), crng)
        ids = [f"cable{k:02d}" for k in range(1, cables + 1)]
        for cid, body in zip(ids, cable_copies(text, cables, crng)):
            (docs_dir / f"{cid}.txt").write_text(body, encoding="utf-8")
        truth += [{"a": ids[i], "b": ids[j], "type": "cable", "from": None, "to": None}
                  for i in range(cables) for j in range(i + 1, cables)]
    for t in truth:
        t["a"], t["b"] = sorted((t["a"], t["b"]))
    truth.sort(key=lambda t: (t["a"], t["b"]))
    info = {"documents": len(real) + n_gen + cables, "seed": seed, "related": related, "mean_words": mean_words,
            "pairs": truth, "by_type": {k: sum(1 for t in truth if t["type"] == k) for k in
                                         TYPES + ("editions", "cable")},
            "boilerplate": {"known": ["wilson"], "unknown": sorted(OTHER_BOILERPLATE)},
            "seconds": round(time.perf_counter() - t0, 2)}
    (out / "truth.json").write_text(json.dumps(info, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return info


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--related", type=float, default=0.2, help="share of documents in planted pairs")
    ap.add_argument("--mean-words", type=int, default=380)
    ap.add_argument("--cables", type=int, default=0, help="add this many near-identical copies of one cable")
    a = ap.parse_args(argv)
    if not 20 <= a.docs <= 1_000_000:
        ap.error("--docs must be between 20 and 1,000,000")
    info = generate(a.out, a.docs, a.seed, a.related, a.mean_words, a.cables)
    sys.stderr.write(f"{info['documents']} documents, {len(info['pairs'])} related pairs "
                     f"({info['by_type']}) in {info['seconds']} s -> {a.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
