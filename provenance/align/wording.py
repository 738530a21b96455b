"""Words written another way: a contraction and its verb with "not", words run together, and the
multi-word expressions a reading may hold (e.g. / for example)."""

from __future__ import annotations

import re

from provenance.align.tokenize import fold
from provenance.knowledge import english
from provenance.knowledge.units import TONS, UNIT_FILES, apart, same_unit, unit_noun
from provenance.knowledge.wordnet import wordnet
from provenance.vocab import title_word


#: the verbs whose contraction with "not" is not the verb and "n't" (won't = will not)
_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}


def contraction(w: str | None) -> tuple[str, str] | None:
    """The verb and "not" a contraction stands for (don't -> do, not; can't and cannot -> can, not)."""
    if not w:
        return None
    lw = w.lower().replace("’", "'")
    if lw == "cannot":
        return "can", "not"
    if len(lw) > 3 and lw.endswith("n't"):
        base = lw[:-3]
        verb = _CONTRACTED.get(base, base)
        return (verb, "not") if english.in_dictionary(verb) else None
    return None


#: what a pronoun's contracted verb writes out (we'll = we will, it's = it is or it has, let's = let us)
_CLITICS = {"ll": ("will", "shall"), "d": ("would", "had", "did"), "s": ("is", "has", "us"), "re": ("are",),
            "ve": ("have",), "m": ("am",)}
_CLITIC = re.compile(r"^(\w+)['’](ll|d|s|re|ve|m)$", re.I)


def clitic_words(rest_a: list, rest_b: list, a_words, b_words) -> tuple[list, list, list[str]]:
    """A pronoun (or "let", "there", a wh-word) with its verb contracted on one side and written out on
    the other ("we'll" / "we will", "we'd" / "we would", "let's" / "let us", "what's" / "what is"):
    the units of both that it explains are taken out. A noun's "'s" is a possessive, never a verb."""
    found: list[str] = []
    for side, words, other, other_words in ((rest_a, a_words, rest_b, b_words), (rest_b, b_words, rest_a, a_words)):
        low = [w.lower() for w in other_words]
        for t in words:
            m = _CLITIC.match(t)
            base = m.group(1).lower() if m else ""
            if not m or not (base in english.CLOSED_CLASS or base == "let"):
                continue
            verbs = [v for v in _CLITICS[m.group(2).lower()] if (v == "us") == (base == "let")]
            at = [k for k in range(len(low) - 1) if low[k] == base and low[k + 1] in verbs]
            written = other_words[at[0]:at[0] + 2] if at else []
            gone = [u for u in side if u.words == [t]] + [u for u in other if all(w in written for w in u.words)]
            if written and gone:
                side[:] = [u for u in side if u not in gone]
                other[:] = [u for u in other if u not in gone]
                found.append(f"{t} / {' '.join(written)}")
    return rest_a, rest_b, found


def folded(words: list[str]) -> list[str]:
    """The words as ``run_together`` compares them: folded, without hyphens, '' for punctuation."""
    return [fold(p).replace("-", "") if any(c.isalnum() for c in p) else "" for p in words]


def run_together(w: str | None, other_words: list[str], other_folded: list[str] | None = None) -> list[str] | None:
    """The two or three neighbouring words of the other reading that ``w`` writes as one (without
    the space between them), if any; ``other_folded``: ``folded(other_words)``, when known."""
    if not w or len(w) < 4 or not any(c.isalpha() for c in w):
        return None
    fw = fold(w).replace("-", "")
    fo = other_folded if other_folded is not None else folded(other_words)
    for k, first in enumerate(fo):
        if not first or len(first) >= len(fw) or not fw.startswith(first):
            continue
        joined = first
        for n in (2, 3):
            nxt = fo[k + n - 1] if k + n - 1 < len(fo) else ""
            if not nxt:
                break
            joined += nxt
            if joined == fw:
                return other_words[k:k + n]
            if not fw.startswith(joined):
                break
    return None


def spans(words: list[str], max_len: int = 4):
    """Candidate multi-word expressions of a reading: (WordNet key, the words it covers)."""
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 2 * max_len) + 1):
            span = words[i:j]
            if not span[0][:1].isalnum():
                break
            if all(w == "." or len(w) == 1 and w.isalpha() for w in span) and "." in span:
                yield "".join(span), span           # e . g . -> e.g.
            elif j - i <= max_len and j - i >= 2 and all(w[:1].isalnum() or w in "'’-" for w in span):
                yield "_".join(w.lower() for w in span), span


def emphasis_words(rest: list, words: list[str], before, negation) -> tuple[list, list[str]]:
    """The units of ``rest`` that are one adverb of emphasis only (completely, really, clearly: see
    ``WordNet.emphasis``), unless a negation stands in the two words before it (not very good, not
    entirely true: there the adverb carries the meaning); returns the other units and those words."""
    kept, found = [], []
    seq = list(before) + list(words)
    for u in rest:
        w = u.words[0] if len(u.words) == 1 else ""
        if w and not u.hard and english.emphasis(w) and w in words:
            k = len(before) + words.index(w)
            if not any(negation(x) for x in seq[max(0, k - 2):k]):
                found.append(w)
                continue
        kept.append(u)
    return kept, found


#: the frames a writer puts before what is said without adding to it ("It is worth noting that", "Please
#: note that", "I just wanted to let you know that", "Basically, what you want to do is"): a verb of
#: noting or telling, a "worth noting", a filler; never one that weighs the claim (it is possible,
#: likely, clear that)
_FRAME = re.compile(
    r"(?:please |just )?(?:note|remember|bear in mind|keep in mind)(?: that)?"
    r"|(?:it is|it's|it should be|it must be|it may be) (?:worth (?:noting|mentioning|pointing out|remembering|stressing)"
    r"|important to (?:note|remember|mention|stress|point out)|important that)(?: that)?"
    r"|(?:i|we) (?:just )?(?:wanted|want|would like|wish|wanted just) to (?:let you know|inform you|say|mention|point out"
    r"|remind you|tell you|note|flag)(?: that)?"
    r"|(?:basically|essentially|in short) ?,?(?: what (?:you|we) (?:want|need|have) to do is)?"
    r"|what (?:you|we) (?:want|need|have) to do is"
    r"|you (?:might|may|could) (?:want|wish|like) to"   # "You might want to consider" / "Consider"
    r"|the reason (?:why|that)|the reason (?:for this|for that) (?:is|was)(?: that)?")   # "... failed because ..."
#: the words of a frame that a reading's unexplained units may be (the others are function words)
FRAME_WORDS = frozenset("note remember bear mind keep worth noting mentioning pointing remembering stressing important "
                        "mention stress point wanted want like wish let know inform say remind tell flag basically "
                        "essentially short what please just reason because".split())
_REASON = re.compile(r"\bthe reason (?:why|that|for this|for that)\b")
#: where a frame may stand: at the start of a sentence or a clause
_FRAME_AFTER = {".", "!", "?", ";", ":", ",", "(", "and", "but", "so"}


def _frames(rest: list, words: list[str], ctx) -> tuple[list, list[str]]:
    """The units of ``rest`` that lie in a frame opening a sentence or a clause of ``words`` (read
    with the words ``ctx`` around it), and the frames found."""
    if not rest:
        return rest, []
    before, after = ctx
    seq = list(before) + list(words) + list(after)
    lo, hi = len(before), len(before) + len(words)
    low = [w.lower().replace("’", "'") for w in seq]
    found, inside, past = [], set(), 0
    for k in range(hi):
        if k < past or k and low[k - 1] not in _FRAME_AFTER or not k and lo:
            continue   # no sentence or clause begins here (the context may begin mid-sentence), or in a frame
        for n in range(min(9, len(seq) - k), 0, -1):
            if k + n > lo and _FRAME.fullmatch(" ".join(low[k:k + n]).replace(" ,", ",")):
                found.append(" ".join(seq[k:k + n]).replace(" ,", ","))
                inside |= {seq[i] for i in range(max(k, lo), min(k + n, hi))}
                past = k + n
                break
    kept = [u for u in rest if not (inside and all(w in inside for w in u.words))]
    return kept, found if len(kept) < len(rest) else []


def frame_words(rest_a: list, rest_b: list, a_words: list[str], b_words: list[str], ctx_a, ctx_b) -> tuple[list, list, list[str]]:
    """The units of ``rest_a`` and ``rest_b`` that lie in a frame opening a sentence or a clause ("It
    is worth noting that", "Please note that", "I just wanted to let you know that"; see ``_FRAME``):
    it announces what follows without a claim of its own. "The reason why ... was that" on one side
    makes the other's "because" its own. Returns the other units of each side and the frames found."""
    rest_a, found_a = _frames(rest_a, a_words, ctx_a)
    rest_b, found_b = _frames(rest_b, b_words, ctx_b)
    for found, said, other in ((found_a, [*ctx_a[0], *a_words], rest_b), (found_b, [*ctx_b[0], *b_words], rest_a)):
        if any(f.lower().startswith("the reason") for f in found) or _REASON.search(" ".join(said).lower()):
            other[:] = [u for u in other if [w.lower() for w in u.words] != ["because"]]
    return rest_a, rest_b, found_a + found_b


#: WordNet's noun files of attributes and quantities: the dimension a value is given in (a
#: distance, a length, a period, a sum)
MEASURE_FILES = frozenset({7, 23})


#: what stands between a dimension's noun and its number ("a depth of 12 m", "a temperature below 25°C")
_MEASURE_LINKS = frozenset("of below above under over between exceeding around about".split())


def measure_words(rest: list, words: list[str], after, number) -> tuple[list, list[str]]:
    """The units of ``rest`` that are one noun of a dimension given by the number right after it
    ("at a distance of 12 km" / "12 km", "with a length of 404 km" / "404 km long", "at a temperature
    below 25°C" / "below 25°C"), where the
    values of the two readings agree (the caller's matter): the number says it. Returns the other
    units and those words."""
    kept, found = [], []
    seq = list(words) + list(after)
    for u in rest:
        w = u.words[0] if len(u.words) == 1 else ""
        if w and not u.hard and w in words and w[:1].islower():
            k = words.index(w)
            nxt = [x.lower() for x in seq[k + 1:k + 4]]
            if nxt[:1] and nxt[0] in _MEASURE_LINKS and any(number(x) for x in nxt[1:]) \
                    and wordnet().fields(w, "n", top=1) & MEASURE_FILES:
                found.append(w)
                continue
        kept.append(u)
    return kept, found


#: the most words a unit after a number is written in ("square kilometres per day")
UNIT_WORDS = 4


def _unit_spans(words: list[str], ctx, number) -> list[tuple[str, str, set]]:
    """(the number, the text, its words within the reading) of each run of up to ``UNIT_WORDS``
    tokens right after a number that reaches into the reading (40 | ha, 12 km / h)."""
    before, after = ctx
    seq = list(before) + list(words) + list(after)
    lo, hi = len(before), len(before) + len(words)
    out = []
    for p in range(max(0, lo - 1), min(hi, len(seq) - 1)):
        if not number(seq[p]):
            continue
        toks: list[str] = []
        for k in range(p + 1, min(len(seq), p + 1 + UNIT_WORDS + 2)):
            w = seq[k]
            if w == "." and toks and toks[-1].isalpha():
                continue   # "sq. m", "cu. m": an abbreviation's full stop
            if not (any(c.isalnum() for c in w) or w == "/") or number(w) or len(toks) == UNIT_WORDS:
                break
            toks.append(w)
            inside = {seq[i] for i in range(max(p + 1, lo), min(k + 1, hi))}
            if inside and w != "/":
                out.append((seq[p].replace(",", ""), " ".join(toks).replace(" / ", "/"), inside))
    return out


def _unit_like(text: str) -> str:
    """What a text after a number may be, as Pint is asked about it: "unit" when its last word is a
    noun whose first sense WordNet makes a unit of measurement (hectares, ounces, hours), "symbol"
    when it has a sign in it or is short (ha, kWh, km², km/h, µg), else ""."""
    head = text.split()[-1].split("-")[-1]
    if head.isalpha() and wordnet().fields(head, "n", None) & UNIT_FILES and unit_noun(wordnet(), head):
        return "unit"
    return "symbol" if not head.isalpha() or len(head) <= 4 else ""


def _may_be_one_unit(ta: str, tb: str) -> bool:
    """Whether Pint should be asked if two texts write one unit: one is a unit's name and the other a
    unit's name or a symbol, and WordNet does not already tell two units apart (minutes / hours)."""
    if ta.lower() in TONS and tb.lower() in TONS:
        return True
    ka, kb = _unit_like(ta), _unit_like(tb)
    if "unit" not in (ka, kb) or not (ka and kb):
        return False
    return not (" " not in ta + tb and min(len(ta), len(tb)) > 4 and apart(wordnet(), ta, tb))


def _unit_words_only(text: str) -> bool:
    """Whether a text is no more than a unit may be written with: one word ("in"), or words of
    which none is of the closed classes but "per"."""
    return " " not in text or not any(w.lower() in english.CLOSED_CLASS and w.lower() != "per" for w in text.split())


def unit_words(rest_a: list, rest_b: list, a_words, b_words, ctx_a, ctx_b, number) -> tuple[list, list, list[str]]:
    """The units of ``rest_a`` and ``rest_b`` that write one unit of measurement two ways after the
    same number ("40 hectares" / "40 ha", "12 kilometres per hour" / "12 km/h"; Pint's unit
    definitions decide). Returns the other units of each side and the pairs found."""
    if not rest_a and not rest_b:
        return rest_a, rest_b, []
    spans_a, spans_b = _unit_spans(a_words, ctx_a, number), _unit_spans(b_words, ctx_b, number)
    loose_a = {w for u in rest_a for w in u.words}
    loose_b = {w for u in rest_b for w in u.words}
    pairs = sorted(((len(ta) + len(tb), na, ta, ia, tb, ib) for na, ta, ia in spans_a for nb, tb, ib in spans_b
                    if na == nb and ta != tb and (ia & loose_a or ib & loose_b)), key=lambda x: x[0])
    for _n, _num, ta, ia, tb, ib in pairs:
        if _may_be_one_unit(ta, tb) and _unit_words_only(ta) and _unit_words_only(tb) and same_unit(ta, tb):
            return ([u for u in rest_a if not set(u.words) <= ia], [u for u in rest_b if not set(u.words) <= ib],
                    [f"{ta} / {tb}"])
    return rest_a, rest_b, []


def date_words(rest: list, words: list[str], after, date_word) -> tuple[list, list[str]]:
    """The units of ``rest`` that are a form of the verb "date" just before a date (a month's name or a
    year, ``date_word``, or a day's number: "your letter No. 2/318 dated 5 March" / "of 5 March"):
    the date after it says what it says. Returns the other units and those words."""
    kept, found = [], []
    seq = list(words) + list(after)
    for u in rest:
        w = u.words[0] if len(u.words) == 1 else ""
        if w and not u.hard and w in words and w.lower() != "date" and "date" in english.lemmas(w.lower()):
            k = words.index(w)
            nxt = seq[k + 1] if k + 1 < len(seq) else ""
            if date_word(nxt) or nxt.isdigit() and len(nxt) <= 2:
                found.append(w)
                continue
        kept.append(u)
    return kept, found


#: what ends a sentence or a clause that a connective may open
_OPENS_AFTER = {".", "!", "?", ";", ":"}


#: words that open a noun phrase after a connective written without its comma
_DETERMINERS = frozenset("the a an this that these those its their his her our it they we he she there".split())


def connective_words(rest: list, words: list[str], before, after=()) -> tuple[list, list[str]]:
    """The units of ``rest`` that belong to a connective opening a sentence and set off by a comma
    ("However, ...", "In addition, ...", "On the other hand, ..."; see ``WordNet.connective``), or
    written without it before a name or a determiner ("Moreover Mediaset said ..."), or set off
    by commas inside it ("Youth unemployment, however, remains ..."): it
    links the sentence to the one before without a claim of its own. Returns the other units and
    the connectives found."""
    if not rest:
        return rest, []
    seq = list(before) + list(words) + list(after)   # the word after: a comma, or the sentence going on
    lo, hi = len(before), len(before) + len(words)
    found: list[str] = []
    covered: set[int] = set()
    for k in range(hi):
        aside = k > 0 and seq[k - 1] == ","   # ", however,": set off by commas inside the sentence
        if (seq[k - 1] not in _OPENS_AFTER and not aside if k else lo > 0) or not seq[k][:1].isalpha():
            continue   # no sentence begins here (the context before a reading may begin mid-sentence)
        for n in (1, 2, 3, 4):
            if k + n >= len(seq) or k + n <= lo or k + n > hi:
                continue
            # set off by a comma, or opening its sentence without one before a name or a determiner
            # ("Moreover Mediaset said", "Furthermore the council"; not "However hard", "Besides the")
            if seq[k + n] != "," and (aside or not (seq[k + n][:1].isupper() or seq[k + n].lower() in _DETERMINERS)
                                      or seq[k].lower() in ("however", "besides")):
                continue
            phrase = seq[k:k + n]
            if all(w[:1].isalpha() for w in phrase) and wordnet().connective("_".join(phrase)):
                found.append(" ".join(phrase))
                covered.update(range(k, k + n))
                break
    if not found:
        return rest, []
    inside = {seq[i] for i in covered if i >= lo}
    kept = [u for u in rest if not (u.words and all(w in inside for w in u.words))]
    return kept, found if len(kept) < len(rest) else []


def title_words(rest: list, words: list[str], after, other_rest: list) -> tuple[list, list[str]]:
    """The units of ``rest`` that are a title or a form of address written before a name that
    follows outside the reading ("Comrade Molotov" / "Molotov", "Ms Patel" / "Patel"), when the other
    reading has no title of its own in their place (Mr / Ambassador, General / Marshal say another
    thing); a title dropped with its name is part of the change."""
    if not rest or any(_is_title(u) for u in other_rest):
        return rest, []
    seq = list(words) + list(after)
    kept, found = [], []
    for u in rest:
        if _is_title(u) and u.words[0] in words:
            k = words.index(u.words[0]) + 1
            while k < len(seq) and seq[k] == ".":
                k += 1
            if len(words) <= k < len(seq) and seq[k][:1].isupper() and seq[k][:1].isalpha():   # the name stays
                found.append(u.words[0])
                continue
        kept.append(u)
    return kept, found


def _is_title(u) -> bool:
    words = [w for w in u.words if w != "."]   # "Cde ." as the lexicon's phrase
    return len(words) == 1 and title_word(words[0])


#: personal and demonstrative pronouns that may stand for a noun phrase ("the model" / "it")
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "this", "these", "those"})
_PERSONAL = frozenset({"he", "she"})
_PERSON = 18   # WordNet's lexicographer file noun.person
#: what may open the noun phrase a pronoun replaces
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "our", "their", "its", "his", "her", "my",
                          "your", "such", "said"})


def pronoun_words(rest_a: list, rest_b: list, a_words, b_words, ctx_a, ctx_b) -> tuple[list, list, list[str]]:
    """The units of either rest that are the common noun of a definite noun phrase which the other
    reading gives as a pronoun in the same place, before the same word ("Our model comprises" /
    "It comprises", "the committee approved" / "they approved"): the same referent named another
    way. A name is never replaced this way (Molotov / he leaves who it was to the context); he and
    she stand only for a person. Returns both rests without them and what was found."""
    found: list[str] = []
    rest_a = _pronoun_side(rest_a, a_words, ctx_a, b_words, ctx_b, found)
    rest_b = _pronoun_side(rest_b, b_words, ctx_b, a_words, ctx_a, found)
    return rest_a, rest_b, found


def _pronoun_side(rest, words, ctx, other_words, other_ctx, found) -> list:
    if not rest or not any(w.lower() in _PRONOUNS for w in other_words):
        return rest
    seq = list(ctx[0]) + list(words) + list(ctx[1])[:1]
    lo, hi = len(ctx[0]), len(ctx[0]) + len(words)
    oseq = [fold(w) for w in list(other_ctx[0]) + list(other_words) + list(other_ctx[1])[:1]]
    olo, ohi = len(other_ctx[0]), len(other_ctx[0]) + len(other_words)
    kept = []
    for u in rest:
        hit = None
        w = u.words[0] if len(u.words) == 1 else ""
        if w.isalpha() and w.islower() and wordnet().mainly(w, "n"):
            k = next((i for i in range(lo, hi) if seq[i] == w), None)
            if k is not None and 0 < k < len(seq) - 1 and fold(seq[k - 1]) in _DETERMINERS:
                nxt = fold(seq[k + 1])
                person = _PERSON in wordnet().fields(w, "n")
                hit = next((oseq[i] for i in range(olo, ohi) if i + 1 < len(oseq) and oseq[i + 1] == nxt
                            and oseq[i] in _PRONOUNS and (person or oseq[i] not in _PERSONAL)), None)
        if hit and nxt[:1].isalpha():
            found.append(f"{w} / {hit}")
        else:
            kept.append(u)
    return kept


def given_name_words(rest: list, words: list[str], ctx, other_words: list[str], other_ctx, other_rest: list) -> tuple[list, list[str]]:
    """The units of ``rest`` that are a given name written beside a surname that stands in both
    readings ("Cde. Batochir" / "Cde. Dorjiin Batochir", "Guo" / "Guo Mohua"): the same person named
    more fully. Neither word may be a common word, and the other reading may put no name of its own
    in their place (Petrov / Ivan Sidorov is another person)."""
    if not any(len(u.words) == 1 and u.words[0][:1].isupper() for u in rest) \
            or any(_is_name(u.words[0]) for u in other_rest if len(u.words) == 1):
        return rest, []
    seq = list(ctx[0]) + list(words) + list(ctx[1])
    lo = len(ctx[0])
    other = set(other_ctx[0]) | set(other_words) | set(other_ctx[1])
    kept, found = [], []
    other_seq = list(other_ctx[0]) + list(other_words) + list(other_ctx[1])
    joined = set(zip(other_seq, other_seq[1:]))
    for u in rest:
        w = u.words[0] if len(u.words) == 1 else ""
        k = next((i for i in range(lo, lo + len(words)) if seq[i] == w), None) if _is_name(w) else None
        # without the word, its neighbours stand together in the other reading ("and Ismail
        # Abdurakhmanov" / "and Abdurakhmanov"; not "and Pavlodar Oblast" / "Kazakhstan Oblast")
        if k is not None and 0 < k < len(seq) - 1 and (seq[k - 1], seq[k + 1]) not in joined:
            k = None
        if k is not None and any(0 <= j < len(seq) and seq[j] in other and seq[j] != w and _is_name(seq[j])
                                 for j in (k - 1, k + 1)):
            found.append(w)
        else:
            kept.append(u)
    return kept, found


def _is_name(w: str) -> bool:
    """A capitalized word that is no common word and no title (Batochir, Mohua, Ismail; not Party):
    WordNet knows it as a name only, or not at all, and it is no grammar word (These, However)."""
    if not (w[:1].isupper() and w.isalpha() and len(w) > 1) or w.isupper() or title_word(w) \
            or w.lower() in english.CLOSED_CLASS:
        return False   # "USSR", "MPR": an abbreviation is no given name
    if not english.in_dictionary(w):
        return True
    if english.lemmas(w) - {w.lower()}:
        return False   # "Muslims", "Kazakhs": a plural of the dictionary names a group, not a person
    senses = wordnet().senses(w.lower(), None)   # "Party": a dictionary word, unless only a name
    return bool(senses) and all(wordnet().proper(*s) for s in senses)


#: how WordNet defines a verb that says "not do" (refrain: "choose not to consume", avoid:
#: "refrain from doing something", fail: "fail to do something")
_NOT_DOING = re.compile(r"\bnot\b|^refrain from\b|^fail to\b")

#: how WordNet defines a noun that only gathers what follows its "of" (group: "any number of
#: entities considered as a unit", bunch: "a grouping of a number of similar things")
_GATHERING = re.compile(r"^(?:a|an|any) (?:number|group|grouping|collection|set|multitude|vast multitude)\b")

#: words that deny, never redundant
_NOT_WORDS = frozenset({"not", "never", "nor", "neither", "none", "nothing", "nobody", "nowhere"})

#: the words a unit's neighbours are looked for in, on each side
_NEIGHBOURS = 4


def _alone(u) -> str:
    """The one word of a unit that holds one lower-case content word and no number, date or negation."""
    w = u.words[0] if len(u.words) == 1 and not u.hard else ""
    ok = w.isalpha() and w[:1].islower() and len(w) >= 3 and w not in _NOT_WORDS
    return w if ok else ""


def _purpose_modal(w: str, seq: list[str], k: int) -> str | None:
    """A modal verb of a clause of purpose ("so that the painting could fit" / "to fit the
    painting"): the clause says what the act was for, the modal no possibility of its own."""
    if w not in english.MODALS or w in ("must", "shall"):
        return None
    before = [x.lower() for x in seq[max(0, k - 6):k]]
    for j in range(len(before) - 1):
        if before[j:j + 2] == ["so", "that"] or before[j:j + 2] == ["order", "that"]:
            if not any(x in _OPENS_AFTER or x == "," for x in before[j + 2:]):
                return f"{w}: so that ... {w}"
    return None


def _redundant(w: str, seq: list[str], k: int, gone: set[str]) -> str | None:
    """The neighbour of ``seq[k]`` (= ``w``, a modifier: not mainly a noun or verb, no quantifier)
    whose WordNet definition already says it (repeat ... again: "make or do or perform again";
    past history: "the aggregate of past events")."""
    wn = wordnet()
    after = seq[k + 1].lower() if k + 1 < len(seq) else "."
    # a noun before a noun with an adjective's sense is its modifier: "the past history"
    attributive = wn.mainly(w, "n") and after.isalpha() and wn.mainly(after, "n") and bool(wn.offsets(w, "a"))
    if w in english.MODALS or wn.mainly(w, "n") and not attributive or wn.mainly(w, "v") or wn.quantifier(w) \
            or english.emphasis(w):
        return None
    if w in english.CLOSED_CLASS and (after[:1].isalnum() and after not in english.CLOSED_CLASS or after in _DETERMINERS):
        return None   # a preposition or a particle before its noun phrase (crossed over the river)
    near = seq[max(0, k - _NEIGHBOURS):k] + seq[k + 1:k + 1 + _NEIGHBOURS]
    for x in near:
        lx = x.lower()
        if not x.isalpha() or len(x) < 3 or lx in english.CLOSED_CLASS or lx in gone or lx == w:
            continue
        for gloss in wn.glosses(lx):
            low = gloss.lower()
            if w in low and w in re.findall(r"[a-z]+", low):   # the first test, a cheap one
                return f"{w}: {x}, \"{gloss}\""
    return None


#: prepositions and conjunctions that relate the words around them without setting a limit, a
#: direction, a cause or a condition of their own (not: until, before, without, because, unless)
LINKING_WORDS = frozenset("during throughout among amongst between across along via upon onto both but yet".split())
#: of them, the conjunctions that are adverbs too: "or but dimly seen" (only), "not yet known" (so far)
_CONJUNCTIONS = frozenset({"but", "yet"})


def linking_word(rest_a: list, rest_b: list, a_words: list[str], b_words: list[str], before_a, before_b) \
        -> tuple[list, list, list[str]]:
    """The one word left over when the rest of both readings is accounted for, when it is one of
    ``LINKING_WORDS`` added or dropped: the sentence put together another way ("during the war" /
    "in the war"; "The plant will close. Most ..." / "The plant will close, but most ..."). "but"
    and "yet" count as conjunctions only where a clause begins: after a comma or a semicolon, or
    opening a sentence. ``before_a``/``before_b``: the words before each reading."""
    rest, words, before = (rest_a, a_words, before_a) if rest_a else (rest_b, b_words, before_b)
    if rest_a and rest_b or len(rest) != 1 or len(rest[0].words) != 1:
        return rest_a, rest_b, []
    w = rest[0].words[0]
    lw = fold(w)
    if lw not in LINKING_WORDS:
        return rest_a, rest_b, []
    if lw in _CONJUNCTIONS:
        k = words.index(w) if w in words else -1
        prev = words[k - 1] if k > 0 else (before[-1] if before else "")
        if not (w[:1].isupper() or prev in (",", ";", ".", ":", "")):
            return rest_a, rest_b, []
    return [], [], [w]


def said_otherwise(rest_a: list, rest_b: list, a_words: list[str], b_words: list[str], ctx_a, ctx_b,
                   negation) -> tuple[list, list, list[str]]:
    """Words that say nothing the sentence does not say already: a modifier that a neighbouring
    word's definition holds (repeat the process again; past history), a noun that only gathers
    the words after its "of" (a group of former students; a body of evidence), and a verb of
    not doing for "not" (refrain from touching / not to touch). Returns what stays unexplained
    on each side and the words explained."""
    found: list[str] = []
    wn = wordnet()
    for side, other in ((rest_a, rest_b), (rest_b, rest_a)):
        negs = [u for u in other if len(u.words) == 1 and u.words[0].lower() == "not"]
        verbs = [u for u in (side if len(negs) == 1 else ()) if _alone(u) and wn.mainly(_alone(u), "v")
                 and any(_NOT_DOING.search(g) for g in wn.glosses(_alone(u), "v", 2))]
        if len(negs) == 1 and len(verbs) == 1 and not any(negation(w) for u in side for w in u.words):
            found.append(f"{verbs[0].text} = {negs[0].text}")
            side.remove(verbs[0])
            other.remove(negs[0])
    for side, other in ((rest_a, rest_b), (rest_b, rest_a)):
        # one word for the words of its definition: thanked / expressed gratitude ("express gratitude or
        # show appreciation to"), killed / caused the death
        w = _alone(side[0]) if len(side) == 1 else ""
        said = [x for u in other for x in u.words]
        if w and len(said) >= 2 and all(_alone(u) for u in other):
            for gloss in wn.glosses(w):
                defined = {lemma for t in re.findall(r"[a-z]+", gloss.lower()) for lemma in {t} | english.lemmas(t)}
                if all(({x.lower()} | english.lemmas(x.lower())) & defined for x in said):
                    found.append(f"{w} = {' '.join(said)}: \"{gloss}\"")
                    side.clear()
                    other.clear()
                    break
    for side, words, ctx, other in ((rest_a, a_words, ctx_a, rest_b), (rest_b, b_words, ctx_b, rest_a)):
        if other:
            continue   # words dropped with nothing in their place, not words replaced
        seq = list(ctx[0]) + list(words) + list(ctx[1])
        gone = {w.lower() for u in side for w in u.words}
        for u in list(side):
            w = _alone(u)
            if not w or w not in words:
                continue
            k = len(ctx[0]) + words.index(w)
            why = _purpose_modal(w, seq, k) or _redundant(w, seq, k, gone)
            if why is None and 0 < k < len(seq) - 1 and seq[k + 1].lower() == "of" \
                    and any(x.lower() in ("a", "an") for x in seq[max(0, k - 2):k]) \
                    and any(_GATHERING.match(g) for g in wn.glosses(w, "n")):
                why = f"a {w} of"
            if why:
                found.append(why)
                side.remove(u)
    return rest_a, rest_b, found
