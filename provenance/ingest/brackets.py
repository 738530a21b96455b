"""Editorial brackets in a transcription: find them (nested, unmatched) and decide what each is.

The transcriptions mix the original's words with the translator's or editor's additions in
square brackets. :mod:`.parse` finds the brackets of a stretch of text; this module classifies
every bracket by a named rule (``Decision.rule``), so that the choice can be reported, reviewed
and overridden.
"""

from __future__ import annotations

import re

from provenance.ingest.bracket_languages import LanguagePart, english_at_all
from provenance.ingest.decision import Decision, doubtful_foreign
from provenance.ingest.parse import Bracket
from provenance.ingest.phrasing import (
    PLACE_FROM, RE_BARE_STAMP, RE_BLANK, RE_BLANK_LINE, RE_COUNTED, RE_DAMAGE, RE_DELETED, RE_EDITOR_LABEL, RE_ELLIPSIS,
    RE_FEATURE, RE_SIGNATURES, RE_GAPDESC, hand_match, RE_ILLEGIBLE, RE_LABELLED, RE_LITERALLY, RE_ONOTE, RE_PAGE, RE_QUERY, RE_QUOTED_HAND, RE_DOUBTED,
    RE_RECTE, RE_REDACTED, RE_SIC, RE_SIC_CORR, RE_SPEAKING_AFTER, RE_STAMP, RE_TITLE_BEFORE, RE_TNOTE, RE_UNREADABLE,
    damage_reason, unclear_match, _NOUN_BEFORE, _NUMBER_NAMES, _ORDINALS
)
from provenance.ingest.words import (
    FUNCTION_LIKE, LEADING_WORDS, RE_ALLCAPS, RE_NAMEWORD, RE_PLAIN_WORD, RE_VALUE_GLOSS, _abbreviation_before, _caps_gloss,
    _caps_word, _corrected_words, _designation_before, _dotted_label, _expands, _fuller_name, _initial_of, _initials_before,
    _quoted_foreign_before, _russian, _same_surname, _single_capital, _token_before, _words_before,
    feature_name_before, glossed_word, names_offered, no_english, occurs_alone, original_after_english, place_run,
    sentence_around, some_foreign
)
from provenance.knowledge import chinese, english, languages, places, russian
from provenance.knowledge.wordnet import wordnet
from provenance.vocab import title_word

#: Common words that, capitalized, are words the translator supplied rather than a name gloss.
COMMON_SUPPLIED = {"district", "districts", "county", "counties", "region", "regions", "oblast", "province",
                   "city", "cities", "river", "mountains", "the", "and", "of", "to", "in", "on", "for", "by",
                   "printed", "drafted", "typed", "signed", "sent", "copy", "copies", "comrade", "comrades",
                   "cde", "cdes", "government", "party", "committee", "people", "state", "national"}

#: Transliterated Russian words that often appear as the original word of a translation.
KNOWN_FOREIGN = {"kulaki", "kulak", "kulaks", "tovarnyye", "tovarnye", "narkom", "narkomat", "oblast", "raion",
                 "rayon", "kolkhoz", "sovkhoz", "kolkhozy", "sovkhozy", "uezd", "volost", "guberniya", "okrug",
                 "krai", "kray", "aul", "aimak", "sumon", "spetssoobshcheniye", "spravka", "dokladnaya",
                 "zapiska", "chekist", "chekisty", "basmachi", "bai", "bais", "mullah", "khan", "aksakal",
                 "nachalnik", "upravleniye", "otdel", "postanovleniye", "resheniye", "ukaz", "prikaz",
                 "komandirovka", "propusk", "pud", "pudy", "versta", "desyatina", "tovarishch", "grazhdanin",
                 "osobaya papka", "osobyy", "sovershenno sekretno", "vypiska"}
RE_TRANSLIT = re.compile(r"(?:yy|kh|zh|shch|yye$|aya$|iy$|yy$|ykh$|ogo$|ovoy$|nyye$|nye$|skiy$|tsiya$|iye$|"
                         r"^[a-z]+[iy]e$|^[a-z]*['’][a-z]+$)", re.I)

#: Words a translator typically supplies to make the English read; others are worth a second look.
ENGLISH_SUPPLIED = {
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "them", "their", "his",
    "her", "we", "our", "you", "your", "i", "me", "my", "is", "are", "was", "were", "be", "been", "being", "has",
    "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "and", "or", "but", "nor", "if", "as", "than", "then", "so", "not", "no", "to", "of", "in", "on", "at", "by",
    "for", "from", "with", "into", "onto", "between", "among", "about", "against", "through", "over", "under",
    "after", "before", "during", "without", "within", "which", "who", "whom", "whose", "what", "where", "when",
    "printed", "typed", "drafted", "signed", "sent", "copy", "copies", "also", "only", "all", "each", "other",
    "following", "said", "same", "such", "there", "here", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "first", "second", "third", "people", "government", "troops", "forces", "city",
    "district", "region", "party", "committee", "comrade", "comrades", "and/or", "etc"}

def _span(spans: list[tuple[int, int]]) -> tuple[int, int]:
    return spans[0][0], spans[-1][1]


def _canon_flag(flag: str) -> str:
    return "" if flag == "sic" else flag


def _mongolian_long_vowels(words: list[str]) -> bool:
    """Lower-case words of the original, one of them with a vowel written twice (aduu, khoshuu,
    nuur), none English or Russian: Mongolian as its romanizations write a long vowel. Russian,
    Kazakh and Uyghur romanized do not double a vowel."""
    if not words or len(words) > 3 or not all(re.fullmatch(r"[a-zöü']+", w) for w in words):
        return False
    if not any(re.search(r"(aa|ee|ii|oo|uu|öö|üü)$", w) or "kh" in w and re.search(r"(aa|ee|ii|oo|uu|öö|üü)", w)
               for w in words):
        return False   # a long vowel at the word's end, or with the "kh" of Mongolian's romanization
    return not any(english_at_all(w) or russian.russian_word(w) for w in words)


class Classifier(LanguagePart):
    """Decides what each bracket is. ``overrides`` come from an editor's rules file."""

    def __init__(self, overrides: list[dict] | None = None, foreign_terms=(), common_words=(), persons=()):
        self.overrides = overrides or []
        self.persons = {p.lower() for p in persons}
        self.scope: tuple[int, int] | None = None  # the body: where a gloss's name is looked for
        #: the tag of the original's language as its header states it ("Original Language: Romanian":
        #: ro; Bulgarian: bg-Latn), for the original's words no word list names
        self.doc_language: str | None = None
        self._doc_named: tuple = (None, None)   # (the text's key, the language it names most)
        self.foreign = KNOWN_FOREIGN | {w.lower() for w in foreign_terms}
        self.common = COMMON_SUPPLIED | {w.lower() for w in common_words}

    # -- helpers ------------------------------------------------------------------------------
    def _override(self, text: str, b: Bracket, doc_id: str) -> str | None:
        raw = text[b.start:b.end]
        before = text[max(0, b.start - 60):b.start]
        for ov in self.overrides:
            if ov.get("document") and ov["document"] != doc_id:
                continue
            if ov.get("bracket") != raw:
                continue
            ctx = ov.get("after")
            if ctx and not before.rstrip().endswith(ctx):
                continue
            return ov["as"]
        return None

    def classify(self, text: str, b: Bracket, lo: int, doc_id: str = "") -> Decision:
        """Classify bracket ``b``; ``lo`` bounds how far back a target may reach (block start)."""
        s, e = b.inner
        inner = text[s:e]
        forced = self._override(text, b, doc_id)
        d = self._classify(text, b, lo, inner, forced)
        if forced:
            d.rule = "rules-file:" + forced
            d.doubtful = ""
        return d

    def _classify(self, text, b, lo, inner, forced) -> Decision:
        s, e = b.inner
        stripped = inner.strip()
        cs = s + (len(inner) - len(inner.lstrip()))
        ce = e - (len(inner) - len(inner.rstrip()))
        whole_nested = bool(b.children) and len(b.children) == 1 and \
            b.children[0].start == cs and b.children[0].end == ce
        attached_word = b.start > lo and text[b.start - 1].isalnum()
        letters_inside = (b.end < len(text) and text[b.end].isalnum()) or attached_word

        if forced:
            return self._forced(text, b, lo, forced, cs, ce)
        if whole_nested:
            m = RE_ILLEGIBLE.match(text[b.children[0].start + 1:b.children[0].end - 1])
            if m and not b.children[0].children:
                # "[[illegible signature]]": nothing was read, so nothing was supplied: one gap
                extent = m.group("extent") or m.group("what")
                return Decision("gap-illegible", "gap.illegible.nested", b, attrs={"extent": extent} if extent else {},
                                template=text[b.start:b.end])
            inner_text = text[b.children[0].start + 1:b.children[0].end - 1].strip()
            if RE_FEATURE.match(inner_text) and not b.children[0].children:
                # "[[signature]]" in a quoted note: the bracket doubled inside a bracket, one feature
                return Decision("gap-omitted", "gap.feature.nested", b, attrs={"desc": inner_text},
                                template=text[b.start:b.end])
            return Decision("supplied", "nested.outer", b, content=(cs, ce))
        if not b.children:
            if RE_REDACTED.match(stripped):
                return Decision("gap-redacted", "redacted.email", b)
            m = RE_SIC.match(stripped)
            if m:
                tgt = _words_before(text, b.start, lo, 1)
                flag = m.group(1)
                return Decision("sic", "sic.flag", b, target=tgt[0] if tgt else None,
                                template="" if flag == "sic" else f"[{flag}]")
            if RE_QUERY.match(stripped):
                tgt = _words_before(text, b.start, lo, 1)
                if tgt:   # "Tokhtasyn [?]": the word read, with doubt
                    return Decision("unclear-word", "unclear.query", b, target=tgt[0], template="{} " + text[b.start:b.end])
            m = RE_RECTE.match(stripped)
            if m:
                corr = m.group("corr")
                tgt = _words_before(text, b.start, lo, _corrected_words(corr))
                c0, c1 = cs + m.start("corr"), cs + m.end("corr")
                return Decision("sic-corr", "sic.recte", b, target=(tgt[0][0], tgt[-1][1]) if tgt else None,
                                content=(c0, c1), template=text[b.start:c0] + "{}" + text[c1:b.end])
            m = RE_SIC_CORR.match(stripped)
            if m and (m.group("hedge") or m.group("tail")):
                corr = m.group("corr")
                n = _corrected_words(corr)
                tgt = _words_before(text, b.start, lo, n)
                c0 = cs + m.start("corr")
                c1 = cs + m.end("corr")
                tmpl = text[b.start:c0] + "{}" + text[c1:b.end]
                canon = "[sic, perhaps {} was intended]"
                return Decision("sic-corr", "sic.conjecture", b, target=(tgt[0][0], tgt[-1][1]) if tgt else None,
                                content=(c0, c1), template="" if tmpl == canon else tmpl)
            m = unclear_match(inner)
            if m:
                c0, c1 = s + m.start("reading"), s + m.end("reading")
                return Decision("unclear", "unclear.reading", b, content=(c0, c1), attrs=damage_reason(inner[:m.start("reading")]),
                                template=text[b.start:c0] + "{}" + text[c1:b.end])
            m = RE_ILLEGIBLE.match(stripped)
            if m:
                extent = m.group("extent") or m.group("what") or (
                    f"{m.group('count')} {m.group('unit')}" if m.group("count") else None)
                canonical = "[illegible" + (" " + extent if extent else "") + "]"
                counted = RE_COUNTED.match(extent or "")
                attrs = {"extent": extent} if extent else {}
                if counted:   # "[two words illegible]": how many, and of what
                    n = counted.group("n").lower()
                    unit = counted.group("unit").lower()
                    attrs = {"quantity": str(_NUMBER_NAMES.get(n) or n), "unit": unit if unit.endswith("s") else unit + "s"}
                return Decision("gap-illegible", "gap.illegible", b, attrs=attrs,
                                template="" if text[b.start:b.end] == canonical else text[b.start:b.end])
            if RE_ELLIPSIS.match(stripped):
                return Decision("gap-omitted", "gap.ellipsis", b, attrs={"ellipsis": True}, template=text[b.start:b.end])
            m = RE_DELETED.match(stripped)
            if m and m.group("body").strip():
                c0, c1 = cs + m.start("body"), cs + m.end("body")
                return Decision("del", "del.crossed-out", b, content=(c0, c1),
                                template=text[b.start:c0] + "{}" + text[c1:b.end])
            if RE_LITERALLY.match(stripped):
                return Decision("note-gloss", "gloss.literal", b, content=(cs, ce))
            if RE_BLANK.match(stripped):
                return Decision("space", "space.left-blank", b,
                                template="" if stripped == "left blank" else text[b.start:b.end])
        m = RE_TNOTE.match(inner)
        if m:
            c0 = s + m.start("body")
            tmpl = text[b.start:c0] + "{}" + "]"
            return Decision("note-translator", "note.translator", b, content=(c0, e),
                            attrs={"type": "editor"} if RE_EDITOR_LABEL.search(m.group("label")) else {},
                            template="" if tmpl == "[Translator's note: {}]" else tmpl)
        m = hand_match(inner)
        if m:
            c0 = s + m.start("body")
            where = " ".join(m.groupdict().get(g) or "" for g in ("where", "before", "first")).strip().lower()
            place = "inline"
            for key, val in PLACE_FROM.items():
                if key in where:
                    place = val
                    break
            tmpl = text[b.start:c0] + "{}" + "]"
            if not m.group("body").strip():
                # "[Handwritten:]" announces that what follows is in another hand
                return Decision("handshift", "hand.shift", b,
                                template="" if text[b.start:b.end] == "[Handwritten:]" else text[b.start:b.end])
            q = RE_QUOTED_HAND.match(text, c0, e)
            if q:
                # '"2025 N 12236" and some illegible letters': the quoted words are the hand's,
                # the rest is the editor's description, kept in the template
                c0, c1 = q.start("words"), q.end("words")
                return Decision("add", "hand.add.quoted", b, content=(c0, c1), attrs={"place": place},
                                template=text[b.start:c0] + "{}" + text[c1:b.end])
            return Decision("add", "hand.add", b, content=(c0, e), attrs={"place": place},
                            template="" if tmpl == "[Handwritten: {}]" else tmpl)
        m = RE_STAMP.match(inner)
        if m:
            c0, c1 = s + m.start("body"), s + m.end("body")
            q = RE_QUOTED_HAND.fullmatch(text, c0, c1)
            if q:
                c0, c1 = q.start("words"), q.end("words")
            tmpl = text[b.start:c0] + "{}" + text[c1:b.end]
            return Decision("stamp", "stamp", b, content=(c0, c1), template="" if tmpl == "[stamp: {}]" else tmpl)
        m = RE_ONOTE.match(inner)
        if m:
            c0 = s + m.start("body")
            where = (m.group("where") or "").lower()
            place = PLACE_FROM.get(where, "bottom" if not where else where)
            c1 = e   # '[Note in the margin: "Ask Moscow ..."]': the note as the editor quotes it, quotation marks too
            tmpl = text[b.start:c0] + "{}" + text[c1:b.end]
            return Decision("note-original", "note.original", b, content=(c0, c1), attrs={"place": place},
                            template="" if tmpl == "[Note at the bottom of the page: {}]" else tmpl)
        if not b.children:
            feature = self._page_feature(text, b, stripped)
            if feature:
                return feature
        if not b.children and RE_DAMAGE.search(stripped) and len(stripped.split()) <= 8:
            return Decision("gap-damage", "gap.damage", b, attrs={"desc": stripped})   # "[page torn]"
        if not b.children and RE_GAPDESC.search(stripped) and len(stripped.split()) <= 8:
            kind = "gap-illegible" if RE_UNREADABLE.search(stripped) else "gap-omitted"
            return Decision(kind, "gap.described", b, attrs={"desc": stripped})
        if b.children:
            m = RE_LABELLED.match(inner)
            if m:
                c0 = s + m.start("body")
                return Decision("note-editorial", "note.labelled", b, content=(c0, e),
                                template=text[b.start:c0] + "{}]")
            return Decision("supplied", "supplied.nested", b, content=(cs, ce))
        if letters_inside:
            return Decision("supplied-letters", "supplied.letters", b, content=(cs, ce))
        m = RE_DOUBTED.match(stripped)
        if m:   # "[Haji?]": a reading offered with doubt; "Ma Te-sheng [Ma Desheng?]": a doubtful gloss
            c0, c1 = cs + m.start("reading"), cs + m.end("reading")
            d = self._lexical(text, b, lo, m.group("reading"), c0, c1)
            if d.kind == "gloss":
                d.attrs["cert"], d.template = "low", text[b.start:b.end]
                return d
            return Decision("unclear", "unclear.doubted", b, content=(c0, c1),
                            template=text[b.start:c0] + "{}" + text[c1:b.end])
        return self._lexical(text, b, lo, stripped, cs, ce)

    def _lexical(self, text, b, lo, stripped, cs, ce) -> Decision:
        words = stripped.split()
        # "Tacheng or Qoqek", "Holguín, Las Tunas or Granma": the names offered
        alts = [a.strip() for a in re.split(r"\s+or\s+|\s*/\s*" + (r"|\s*,\s*" if " or " in stripped else ""), stripped)
                if a.strip()]
        prev = _words_before(text, b.start, lo, 1)
        prev_word = text[prev[0][0]:prev[0][1]] if prev else ""
        nameish = all(all(RE_NAMEWORD.match(w) or w.lower() in {"of", "de", "ul", "al"} for w in a.split())
                      for a in alts) and alts
        common = all(w.lower().strip(".,") in self.common for w in words)
        if len(words) >= 2 and stripped.isupper() and all(russian.russian_word(w.lower()) for w in words):
            # "RECORD OF INTERROGATION [PROTOKOL DOPROSA]": a heading's Russian words, in capitals like it
            return Decision("foreign", "foreign.russian.caps", b, content=(cs, ce))
        if _caps_gloss(text[lo:b.start], prev_word, words):
            # "SLUSHALI [HEARD]", "SYSSELMANNEN PÅ SVALBARD [THE GOVERNOR OF SVALBARD]": a heading's words, and their English
            return Decision("note-gloss", "gloss.caps", b, content=(cs, ce))
        m = RE_LABELLED.match(stripped)
        if m and len(m.group("label").split()) <= 4 and not nameish:
            c0 = cs + m.start("body")
            return Decision("note-editorial", "note.labelled", b, content=(c0, ce),
                            template=text[b.start:c0] + "{}]")
        if RE_VALUE_GLOSS.match(stripped) and prev_word and text[lo:b.start].strip():
            # "the arroba [11.5 kg]", "on the 3rd [9 October 1946]": the same measure or date in the reader's terms
            return Decision("note-gloss", "gloss.value", b, content=(cs, ce))
        if len(words) >= 3 and words[0].lower() in ("the", "a", "an") and stripped[:1].islower() \
                and _designation_before(text, b.start, lo):
            # 'the "141 projects" [the industrial enterprises to be built ...]', 'Object No. 15 [the naval
            # fuel depot]': what a name or a code of the original stands for
            return Decision("note-gloss", "gloss.explanation", b, content=(cs, ce))
        names = names_offered(stripped) if "," in stripped and prev and prev_word[:1].isupper() else None
        if names:
            # "Urumchi [Ürümqi, now Urumqi]", "Baitag [Baitag Bogd, Chinese Beita Shan]": names the place has
            person = self._is_person(text, prev[0][0], prev_word, names, b.end)
            return Decision("gloss", "gloss.names", b, target=prev[0], content=(cs, ce),
                            attrs={"regs": names, "person": person}, template=text[b.start:b.end])
        now = re.match(r"^(?:now|today|present-day|modern)\s+(?P<name>[A-Z][^\[\]]*)$", stripped)
        if now and prev and prev_word[:1].isupper():
            # "Alma-Ata [now Almaty]": the place's name today
            return Decision("gloss", "gloss.now", b, target=_span(place_run(text, b.start, lo, prev)),
                            content=(cs + now.start("name"), ce),
                            attrs={"regs": [now.group("name")], "person": False}, template=text[b.start:b.end])
        fuller = _fuller_name(text, b.start, lo, words)
        if fuller:
            # "Kostrzyn [Kostrzyn nad Odrą]": the name the text shortens, in full
            orig = text[fuller[0]:fuller[1]]
            # a name with a word in lower case ("nad Odrą", "v Slovenskih goricah") is a place's
            person = not any(w.islower() for w in words) and (
                self._is_person(text, fuller[0], orig, [stripped], b.end)
                or 2 <= len(words) <= 3 and not places.is_place(stripped) and not places.is_place(orig))
            return Decision("gloss", "gloss.fuller-name", b, target=fuller, content=(cs, ce),
                            attrs={"regs": [stripped], "person": person})
        initials = _initials_before(text, b.start, lo, words)
        if initials:
            # "a/a [ad acta]", "u.p. [upon presentation]": letters that are the initials of the bracket's words
            return Decision("abbr", "abbr.initials", b, target=initials, content=(cs, ce))
        if original_after_english(text, b.start, lo, words, self.doc_language, self.persons):
            if len(words) == 1 and (named := feature_name_before(text, b.start, lo)):
                # "Green Harbour [Grønfjorden]": a place named in English words, and its name in the original
                return Decision("gloss", "gloss.place.english", b, target=named, content=(cs, ce),
                                attrs={"regs": [stripped], "person": False})
            # "the work norms [Normerhöhung]", "Residential Complex I [Wohnkomplex I]": the English
            # first, then the words of the original's language the header names
            if other := self._not_russian_language(words, text):   # "the French security service [Sûreté]"
                return Decision("foreign", "foreign.after-english", b, content=(cs, ce), attrs={"lang": other[0]})
            return self._document_language(b, cs, ce, stripped, "foreign.after-english")
        abbr = _abbreviation_before(text, b.start, lo, stripped) \
            if (not nameish or len(words) >= 3 or _caps_word(_token_before(text, b.start, lo))) else None
        if abbr:
            return Decision("abbr", "abbr.expansion", b, target=abbr, content=(cs, ce))
        if len(words) >= 2 and prev_word and _expands(prev_word, words):
            return Decision("abbr", "abbr.expansion.word", b, target=prev[0], content=(cs, ce))
        dotted = _dotted_label(text, b.start, lo, words)
        if dotted:
            # "Red. [Drafted by] C. Mureșan / Dact. [Typed by] E. Vlad": the original's abbreviated
            # label, translated
            return Decision("abbr", "abbr.label", b, target=dotted, content=(cs, ce))
        if nameish and len(alts) == 1 and len(words) >= 2 and prev and _single_capital(text, prev[0], lo) \
                and wordnet().names_a_group(words[-1].lower()):
            # "the Valpo [State Police]": an office's name spelt out is the expansion of its short name
            return Decision("abbr", "abbr.organization", b, target=prev[0], content=(cs, ce))
        if nameish and prev and glossed_word(text, prev[0], lo, True, words):
            # "Vypiska [Extract]": the original's word, and what it means
            return Decision("note-gloss", "gloss.meaning", b, content=(cs, ce))
        if nameish and prev_word and english.is_word(prev_word.lower()) and len(prev_word) >= 4 \
                and chinese.wade_giles_words(words) and not places.is_place(stripped):
            # "the Bureau of Reconstruction [Chien-she T'ing]": an English word's Chinese in Wade-Giles,
            # the name of the office in the original, not another name of the words before it
            return Decision("foreign", "foreign.wade-giles.name", b, content=(cs, ce), attrs={"lang": "zh-Latn"})
        if nameish and not common and prev_word and (RE_NAMEWORD.match(prev_word[:1] + "x") or RE_NAMEWORD.match(prev_word)):
            # a name of k parts glosses a name of about k words (the Black Irtysh [Kara-Irtysh])
            n = max(len(re.split(r"[\s-]+", a.strip("-"))) for a in alts)
            tgt = _words_before(text, b.start, lo, n)
            # only the contiguous capitalized words nearest the bracket
            k = len(tgt)
            while k > 0 and RE_NAMEWORD.match(text[tgt[k - 1][0]:tgt[k - 1][1]]):
                k -= 1
            tgt = tgt[k:] or tgt[-1:]
            if len(tgt) == 1 and (named := feature_name_before(text, b.start, lo)):   # "Advent Bay [Adventfjorden]"
                tgt = [w for w in _words_before(text, b.start, lo, 3) if w[0] >= named[0]]
            if len(tgt) == 1 and text[tgt[0][0]:tgt[0][1]].lower() in {x.lower() for x in alts}:
                # "Moravská Ostrava [Ostrava]": nobody glosses a name by itself, so the name is longer
                run = _words_before(text, b.start, lo, 3)
                k = len(run) - 1
                while k > 0 and RE_NAMEWORD.match(text[run[k - 1][0]:run[k - 1][1]]) \
                        and text[run[k - 1][0]:run[k - 1][1]].lower() not in LEADING_WORDS:
                    k -= 1
                tgt = run[k:]
            orig = text[tgt[0][0]:tgt[-1][1]]
            person = self._is_person(text, tgt[0][0], orig, alts, b.end)
            initial = _initial_of(text, tgt[0][0], lo, alts) if len(alts) == 1 else None
            if initial is not None and _same_surname(orig, alts[0]):
                # "Vl. Poptomov [Vladimir Poptomov]": the name written out in full, the initial with it
                person, tgt = True, [initial] + tgt
                orig = text[tgt[0][0]:tgt[-1][1]]
            if not person:
                tgt = place_run(text, b.start, lo, tgt)
                orig = text[tgt[0][0]:tgt[-1][1]]
            else:
                while len(tgt) > 1 and title_word(text[tgt[0][0]:tgt[0][1]]):
                    tgt = tgt[1:]   # "Marshal Choybalsan [Khorloogiin Choibalsan]": the title is no part of the name
                orig = text[tgt[0][0]:tgt[-1][1]]
            sep_tmpl = ""
            if len(alts) > 1:
                joined = " or ".join(alts)
                if joined != stripped:
                    sep_tmpl = text[b.start:b.end]
            d = Decision("gloss", "gloss.person" if person else "gloss.place", b, target=(tgt[0][0], tgt[-1][1]),
                         content=(cs, ce), attrs={"regs": alts, "person": person}, template=sep_tmpl)
            run = _words_before(text, b.start, lo, len(tgt) + 3)
            k = len(run)
            while k > 0 and RE_NAMEWORD.match(text[run[k - 1][0]:run[k - 1][1]]):
                k -= 1
            longer = run[k:]
            while longer and text[longer[0][0]:longer[0][1]].lower() in LEADING_WORDS:
                longer = longer[1:]
            if len(longer) > len(tgt) and k > 0:
                d.doubtful = (f"the name before '{text[b.start:b.end]}' may be longer than '{orig}': "
                              f"'{text[longer[0][0]:longer[-1][1]]}'?")
                d.alternatives = ["gloss of the longer name"]
            elif len(alts) == 1 and RE_ALLCAPS.match(alts[0]) and len(alts[0]) >= 3:
                d.doubtful = (f"'{alts[0]}' is an acronym: a modern name, or the original-language abbreviation "
                              "of the preceding name?")
                d.alternatives = ["foreign", "supplied"]
            if len(alts) == 1 and occurs_alone(text, alts[0], b.start, b.end, self.scope):
                what = "person" if person else "place"
                d.doubtful = (f"'{alts[0]}' also occurs as a name of its own in this text: a modern name for the "
                              f"preceding {what}, or words the translator supplied?")
                d.alternatives = ["supplied"]
            return d
        low = stripped.lower()
        if all(RE_PLAIN_WORD.match(w) for w in words) and len(words) <= 3 and low not in self.common \
                and not all(w in ENGLISH_SUPPLIED for w in words) and _russian(words):
            if self._romanized_other():
                # a Slavic word of a Bulgarian (Ukrainian, Serbian...) original, read as Russian
                return self._document_language(b, cs, ce, stripped, "foreign.document-language", text)
            return Decision("foreign", "foreign.russian", b, content=(cs, ce))
        if low not in self.common and chinese.wade_giles_words(words) \
                and not any(english.is_word(w.lower()) or "-" not in w and english.zipf(w) >= 3.0 for w in words):
            # "native banks [ch'ien-chuang]", "legal tender [fa-pi]": Chinese in Wade-Giles, its
            # syllables joined by hyphens or marked by the apostrophe of an aspirated initial
            return Decision("foreign", "foreign.wade-giles", b, content=(cs, ce), attrs={"lang": "zh-Latn"})
        lang = self._other_language(words)
        if lang:
            return Decision("foreign", f"foreign.{lang}", b, content=(cs, ce), attrs={"lang": lang})
        if low not in self.common and _mongolian_long_vowels(words):
            # "horses [aduu]", "the cooperative [khorshoo]": Mongolian romanized, its long vowels doubled
            return Decision("foreign", "foreign.mongolian", b, content=(cs, ce), attrs={"lang": "mn-Latn"})
        lang = self._other_language(words, by_letters=True)
        named = self._named_in_document(text) if not lang and (lang_word := self._not_english_nor_russian(words)) else None
        if named:
            # "the winter quarters [qystau]" in a decree of the Kazakh ASSR: a word of no word list, in the
            # language the document names most (Russian and Chinese aside)
            return self._named_foreign(b, cs, ce, lang_word, named)
        if not lang and not named and lang_word and self._romanized_other():
            return self._document_language(b, cs, ce, stripped, "foreign.document-language", text)   # the original's, before its places'
        if not lang and not named and lang_word and (placed := self._places_language(text)):
            return self._places_foreign(b, cs, ce, lang_word, placed)
        if not lang and not named and lang_word:
            # "the three districts [üch vilayet]" where no language is named: the original's words, in a
            # language their letters do not tell ("und-Latn": undetermined, in Latin letters) for the editor to name
            return doubtful_foreign(b, cs, ce, "foreign.letters.undetermined", "und-Latn",
                                    f"'{lang_word}' is in no word list and not English: the original's words, in a "
                                    "language not named in the document; which one?")
        if lang:
            return doubtful_foreign(b, cs, ce, f"foreign.letters.{lang}", lang,
                                     f"'{stripped}' is in no word list; its letters are {languages.language_name(lang)}'s: "
                                     "the original-language word in that language, or another?")
        if prev and glossed_word(text, prev[0], lo, False, words):
            return Decision("note-gloss", "gloss.meaning", b, content=(cs, ce))
        if _quoted_foreign_before(text, b.start, lo) and 0 < len(words) <= 5 \
                and all(english.is_word(w.lower().strip(".,")) or w.lower() in FUNCTION_LIKE for w in words):
            # "the "Vörös Csillag" [Red Star] cooperative": the English of a name quoted in the original's words
            return Decision("note-gloss", "gloss.quoted-name", b, content=(cs, ce))
        if low not in self.foreign and not self._romanized_other() \
                and (some_foreign(words, self.common) or no_english(words, self.common)) \
                and (not any(russian.russian_word(w) for w in words)
                     # "[baoan dui]": syllables of pinyin, one of them spelt like a Russian word (dui)
                     or not all(russian.russian_word(w) for w in words) and self._pinyin(words, english_too=False)):
            if self._pinyin(words, english_too=False):
                # "the bandit [tufei]", "the commission [weiyuanhui]": syllables of Mandarin in pinyin
                return Decision("foreign", "foreign.pinyin", b, content=(cs, ce), attrs={"lang": "zh-Latn"})
            sentence, at = sentence_around(text, b.start, b.end, *(self.scope or (0, len(text))))
            named = languages.language_named_near(sentence, at)
            if named:
                # "the Uyghur cultural society [uyushma]": a word of no English and no Russian, in a
                # sentence that names a language (where the header names none, or Russian)
                return doubtful_foreign(b, cs, ce, "foreign.named-nearby", named,
                                         f"'{stripped}' is no English word: read as {languages.language_name(named)}, the "
                                         "language the sentence names; a word of another language, or a misspelt supplied word?")
        if low not in self.foreign and self._romanized_other() and len(words) <= 2 \
                and all(RE_PLAIN_WORD.match(w) for w in words) and any(RE_TRANSLIT.search(w) for w in words):
            return self._document_language(b, cs, ce, stripped, "foreign.document-language", text)
        if low in self.foreign or (len(words) <= 2 and all(RE_PLAIN_WORD.match(w) for w in words)
                                   and any(RE_TRANSLIT.search(w) for w in words)):
            d = Decision("foreign", "foreign.known" if low in self.foreign else "foreign.translit", b,
                         content=(cs, ce))
            if low not in self.foreign:
                d.doubtful = f"'{stripped}' looks transliterated: the original-language word, or a supplied word?"
                d.alternatives = ["supplied"]
            return d
        if self.doc_language and some_foreign(words, self.common):
            # a word no English dictionary knows, in a document whose header names its original's
            # language: that language's word, or its places' where it cannot be Russian
            if other := self._not_russian_language(words, text):
                return self._places_foreign(b, cs, ce, stripped, other[0]) if other[1] == "places" else \
                    self._named_foreign(b, cs, ce, stripped, other[0]) if other[1] == "named" else \
                    Decision("foreign", f"foreign.{other[0]}", b, content=(cs, ce), attrs={"lang": other[0]})
            return self._document_language(b, cs, ce, stripped, "foreign.document-language", text)
        if no_english(words, self.common) and (placed := self._places_language(text)):
            return self._places_foreign(b, cs, ce, stripped, placed)
        if no_english(words, self.common):
            # words no English dictionary knows, in a language no word list here holds: the
            # original's words (a transliteration from Mongolian, Kazakh...), language undetermined
            d = Decision("foreign", "foreign.undetermined", b, content=(cs, ce), attrs={"lang": "und-Latn"})
            d.doubtful = (f"'{stripped}' is no English word: the original-language word (in which language?), "
                          "or a misspelt supplied word?")
            d.alternatives = ["supplied"]
            return d
        if self._pinyin(words, english_too=True):   # "officials [guan]": pinyin, a rare English word too
            return Decision("foreign", "foreign.pinyin", b, content=(cs, ce), attrs={"lang": "zh-Latn"})
        if loan := self._loanword(b, cs, ce, words, prev_word, text):
            return loan
        d = Decision("supplied", "supplied.words", b, content=(cs, ce))
        if len(words) == 1 and RE_PLAIN_WORD.match(low) and low not in ENGLISH_SUPPLIED \
                and prev_word and RE_PLAIN_WORD.match(prev_word):
            d.doubtful = (f"'{stripped}' after '{prev_word}': a word the translator supplied, or the "
                          "original-language word (add it to foreign_terms in a rules file)?")
            d.alternatives = ["foreign"]
        elif nameish and not common:
            d.doubtful = f"'{stripped}' is capitalized but does not follow a name: supplied words or a gloss?"
            d.alternatives = ["gloss"]
        return d

    def _is_person(self, text, start, orig, alts, after: int | None = None) -> bool:
        before = RE_BLANK_LINE.split(text[max(0, start - 60):start])[-1]   # within the paragraph
        if alts and all(places.is_place(a) for a in alts) and not RE_TITLE_BEFORE.search(before) \
                and not any(w.lower() in self.persons for a in alts for w in a.split()):
            return False   # "the town of Stalin [Varna]": the modern name is a place's
        if any(w.lower() in self.persons for w in orig.split() + [w for a in alts for w in a.split()]):
            return True
        if RE_TITLE_BEFORE.search(before):
            return True
        noun = _NOUN_BEFORE.search(before)
        if noun and wordnet().names_a_person(noun.group(1).lower()) and not places.is_place(orig):
            return True   # "the former kulak Pietkiewicz [Petkevičius]": a kind of person names him
        if after is not None and RE_SPEAKING_AFTER.match(text, after, min(len(text), after + 40)):
            return True   # "Zhukoff [Zhukov] said": people speak and act, places do not
        if places.is_place(orig) or any(places.is_place(a) for a in alts):
            return False
        words = orig.split()
        if len(words) >= 2 and all(RE_ALLCAPS.match(w) for w in words):
            return True
        if len(alts) == 1 and len(alts[0].split()) >= 2 and (len(words) >= 2 or all(
                RE_NAMEWORD.match(w) and not english.is_word(w.lower()) for w in alts[0].split())):
            return True   # "Saifuddin [Saypidin Azizi]": a name glossed by a given name and a surname
        return False

    @staticmethod
    def _page_feature(text, b, stripped) -> Decision | None:
        """What the page shows and the text does not: a page's beginning (``pb``), a signature, a
        seal or a drawing not reproduced (a ``gap``), a stamp whose words are not given."""
        m = RE_PAGE.match(stripped)
        if m:
            return Decision("pb", "pb", b, attrs={"n": m.group("n") or _ORDINALS.get((m.group("ord") or "").lower())},
                            template=text[b.start:b.end])
        if RE_FEATURE.match(stripped):
            return Decision("gap-omitted", "gap.feature", b, attrs={"desc": stripped})
        m = RE_SIGNATURES.match(stripped)
        if m:   # "[14 more signatures]": that many signatures not reproduced
            n = (m.group("n") or m.group("m")).lower()
            return Decision("gap-omitted", "gap.feature.signatures", b,
                            attrs={"desc": stripped, "quantity": str(_NUMBER_NAMES.get(n) or n)})
        if RE_BARE_STAMP.match(stripped):
            return Decision("stamp", "stamp.bare", b, template=text[b.start:b.end])
        return None

    def _forced(self, text, b, lo, kind, cs, ce) -> Decision:
        if kind in ("supplied", "foreign", "note-translator", "note-editorial", "gap-omitted"):
            return Decision(kind, "", b, content=(cs, ce), attrs={"desc": text[cs:ce]} if kind == "gap-omitted" else {},
                            template="" if kind in ("supplied", "foreign") else text[b.start:cs] + "{}" + text[ce:b.end])
        if kind in ("gloss", "gloss-person", "gloss-place"):
            prev = _words_before(text, b.start, lo, 1)
            alts = [a.strip() for a in re.split(r"\s+or\s+", text[cs:ce]) if a.strip()]
            if prev:
                return Decision("gloss", "", b, target=prev[0], content=(cs, ce),
                                attrs={"regs": alts, "person": kind == "gloss-person"})
            return Decision("supplied", "", b, content=(cs, ce))
        if kind == "sic":
            prev = _words_before(text, b.start, lo, 1)
            return Decision("sic", "", b, target=prev[0] if prev else None, template=text[b.start:b.end])
        if kind == "abbr":
            prev = _words_before(text, b.start, lo, 1)
            if prev:
                return Decision("abbr", "", b, target=prev[0], content=(cs, ce))
        return Decision("supplied", "", b, content=(cs, ce))
