"""Which language a bracketed word of the original is in: a word list's, pinyin, the language the
header names, the one the document names most. A part of :class:`provenance.ingest.brackets.Classifier`."""

from __future__ import annotations

from provenance.ingest.decision import Decision, doubtful_foreign
from provenance.ingest.words import LOANWORD_ZIPF, sentence_around
from provenance.knowledge import chinese, english, languages, places, russian


def _places_tag(text: str) -> str | None:
    """The tag, as bracketed words of the original stand, of the language of the country ``text``'s
    places lie in most often."""
    code = places.country_named_most(text)
    lang = places.country_language(code) if code else None
    return languages.romanized_tag(languages.language_name(lang)) if lang else None


#: the words before a bracket among which a language named is the bracketed word's ("the Welsh
#: chapels [capeli]", not "a Macedonian theatre, and in the centres [chitalishta]")
NAMED_BEFORE = 3
#: how common a word must be in English (Zipf scale) for a bracket holding it to be read as English
#: rather than as the original's language, whatever WordNet says
ENGLISH_USE_ZIPF = 2.5


def english_at_all(word: str) -> bool:
    """Whether English has ``word``: a dictionary word, or one English text uses at all."""
    return english.is_word(word) or english.zipf(word) >= ENGLISH_USE_ZIPF


#: the letters of the scholarly transliteration of Russian, as the ASCII the dictionary lookup reads
_SCHOLARLY = str.maketrans({"ž": "zh", "š": "sh", "č": "ch", "Ž": "Zh", "Š": "Sh", "Č": "Ch"})


#: a word before a bracket at least this common (Zipf scale) is the English that a loanword follows
COMMON_BEFORE = 3.5

class LanguagePart:
    doc_language: str | None
    common: set[str]
    _doc_named: tuple

    def _pinyin(self, words: list[str], english_too: bool) -> bool:
        """Whether the words are Mandarin in pinyin (``languages.pinyin``), where the header names no
        original, or Russian, or Chinese; ``english_too``: words English also has, if rare in it
        ("guan", "xian") or three syllables or more ("bu dou, bu fen")."""
        if self._romanized_other() and not (self.doc_language or "").startswith("zh"):
            return False
        n = languages.pinyin(tuple(w.strip(",;") for w in words)) or chinese.wade_giles_words(words)
        return bool(n) and (not english_too or n >= 3 or all(english.zipf(w.strip(",;")) < 3.0 for w in words))

    def _romanized_other(self) -> bool:
        """Whether the header names an original in another language than Russian."""
        return bool(self.doc_language) and self.doc_language not in ("ru", "ru-Latn")

    def _document_language(self, b, cs, ce, stripped, rule, text: str | None = None) -> Decision:
        """The original's language, which the header names; with ``text``, a language the sentence
        names before the bracket instead, where it is another ("the Welsh chapels [capeli]" in a
        letter translated from the Spanish: Welsh), English, Russian and Chinese aside."""
        lang = self.doc_language
        if text is not None and self._romanized_other():
            sentence, at = sentence_around(text, b.start, b.end, *(self.scope or (0, len(text))))
            before = " ".join(sentence[:at].split()[-NAMED_BEFORE:])   # the noun's own words: "the Welsh chapels"
            named = languages.language_named_near(before, len(before))
            if named and named.split("-")[0] not in ("en", "ru", "zh", (lang or "").split("-")[0]):
                return doubtful_foreign(b, cs, ce, "foreign.named-nearby", named,
                                        f"'{stripped}' is in no word list: read as {languages.language_name(named)}, "
                                        "the language the sentence names before it; the original's language?")
        d = Decision("foreign", rule, b, content=(cs, ce), attrs={"lang": lang})
        d.doubtful = (f"'{stripped}' is in no word list of the languages known here: read as the original's "
                      f"language, {languages.language_name(lang)}, which the header names")
        d.alternatives = ["supplied"]
        return d

    def _per_text(self, attr: str, text: str, compute):
        """``compute(text)``, once for each text: kept in ``attr`` beside the text's key."""
        key = (id(text), len(text))
        held = getattr(self, attr, (None, None))
        if held[0] != key:
            held = (key, compute(text))
            setattr(self, attr, held)
        return held[1]

    def _named_in_document(self, text: str) -> str | None:
        return self._per_text("_doc_named", text, languages.language_named_most)

    def _places_language(self, text: str) -> str | None:
        """The language of the country the document's places lie in most often (a report from
        Sinuiju and Pyongyang: Korean), as its words stand in brackets; None when the places
        name no such country."""
        return self._per_text("_doc_places", text, _places_tag)

    def _not_russian_language(self, words: list[str], text: str) -> tuple[str, str] | None:
        """The language of words that a document whose original the header says is Russian cannot
        have written as Russian: no Russian word even read as the scholarly transliteration (ž, š,
        č). The language whose word list holds them ("[Sûreté]": French) or whose own letters they
        have; else, unless a word is a Russian compound the dictionary lists only in parts
        ("[skotobazy]"), that of the country the document's places lie in ("the kulaks [budži]" in a
        decision on Latgale: Latvian; "[turte]" in one on Moldavia: Romanian), or, where they lie in
        Russia, the language the document names most ("the lake hollows [alaas]" in a circular of the
        Yakut ASSR: Yakut). (language, what told it: "list", "places" or "named"), or None (the
        original's language stands)."""
        if self.doc_language not in ("ru", "ru-Latn"):
            return None
        content = [w for w in words if len(w) > 2]
        if not content or all(russian.russian_word(w.translate(_SCHOLARLY)) for w in content):
            return None
        if 2 * sum(english.in_dictionary(w.lower()) for w in content) > len(content):
            return None   # "[okrug trade office]": English words, whatever other word lists hold them
        low = tuple(w.lower() for w in words)
        listed = languages.language_of(low) or languages.language_by_letters(low)
        if listed:
            return listed, "list"
        if any(russian.russian_compound(w) for w in content):
            return None   # "[skotobazy]": a Russian compound the dictionary lists only in parts
        placed = self._places_language(text)
        if placed and placed != "ru-Latn":
            return placed, "places"
        named = self._named_in_document(text)   # Russian, Chinese and English aside
        return (named, "named") if named else None

    def _loanword(self, b, cs, ce, words: list[str], prev_word: str, text: str) -> Decision | None:
        """One word that English's dictionaries list but English rarely uses (a loanword: fellahin,
        qadis, beys), in lower case after a common English word ("the farmers [fellahin]"): the
        original's word, in the language the header names for the original (other than Russian),
        else in that of the country the document's places lie in; None where neither is known."""
        if len(words) != 1 or not words[0].isalpha() or not words[0].islower():
            return None
        w = words[0]
        if not english.is_word(w) or english.zipf(w) >= LOANWORD_ZIPF or english.zipf(prev_word.lower()) < COMMON_BEFORE:
            return None
        if self._romanized_other():
            return self._document_language(b, cs, ce, w, "foreign.loanword")
        placed = self._places_language(text)
        return self._places_foreign(b, cs, ce, w, placed) if placed else None

    @staticmethod
    def _places_foreign(b, cs, ce, words: str, lang: str) -> Decision:
        """"the landlords [chiju]" in a report whose places lie in North Korea: a word of no word list,
        in the language of the country the document's places lie in (where it names no language)."""
        return doubtful_foreign(b, cs, ce, "foreign.places-language", lang,
                                f"'{words}' is in no word list: read as {languages.language_name(lang)}, the language of "
                                "the country the document's places lie in; a word of another language?")

    @staticmethod
    def _named_foreign(b, cs, ce, words: str, lang: str) -> Decision:
        """"the winter quarters [qystau]" in a decree of the Kazakh ASSR: a word of no word list, in
        the language the document names most (Russian and Chinese aside)."""
        return doubtful_foreign(b, cs, ce, "foreign.named-in-document", lang,
                                f"'{words}' is in no word list: read as {languages.language_name(lang)}, "
                                "the language the document names most; a word of another language?")

    def _not_english_nor_russian(self, words: list[str]) -> str | None:
        """The words joined when they are lower case, not pinyin, and written with a letter no
        romanization of Russian uses (q, ö, ü, ä, ı, ğ, ş, w: "qystau", "tögichi") in words English
        does not have, the others not all English or Russian ("üch vilayet"): a word the Russian
        dictionary misses ("otkochevniki") stays Russian."""
        if not words or len(words) > 3 or any(not w[:1].islower() or not w.replace("'", "").isalpha() for w in words):
            return None
        marked = [w for w in words if any(c in "qöüäığşçw" for c in w.lower())]
        if not marked:
            return None
        # the words with such a letter are English to none; another may be a loan English or Russian
        # has too ("üch vilayet": vilayet is in WordNet and in the Russian dictionary)
        if any(english_at_all(w) for w in marked) \
                or all(english_at_all(w) or russian.russian_word(w) for w in words) \
                or self._pinyin(words, english_too=True):
            return None
        return " ".join(words)

    def _other_language(self, words: list[str], by_letters: bool = False) -> str | None:
        """The language of a bracket of lower-case words none of which is English, when one
        language's word list holds them all ("the recruitment [nábor]": Czech), or, ``by_letters``,
        when they are written with letters only one language uses ("[șlepuri]": Romanian)."""
        if not words or len(words) > 3 or any(not w[:1].islower() for w in words):
            return None
        if any(english_at_all(w) for w in words) or " ".join(words).lower() in self.common:
            return None
        if by_letters:
            return languages.language_by_letters(tuple(words))
        return languages.language_of(tuple(words), prefer=self.doc_language)
