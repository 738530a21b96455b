"""Word lists read from the files their packages ship, without importing the packages (which is
several times slower): each answers exactly what the package's own function answers."""

from __future__ import annotations

import random
import unicodedata

from conftest import DARWIN
from provenance.knowledge import english, languages


def test_english_frequencies_are_wordfreqs_own():
    from wordfreq import iter_wordlist, zipf_frequency

    rnd = random.Random(11)
    listed = list(iter_wordlist("en"))
    words = rnd.sample(listed, 20_000) + listed[:500] + listed[-500:]
    words += [w.upper() for w in rnd.sample(listed, 1000)] + [w.title() for w in rnd.sample(listed, 1000)]
    words += ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(1, 10)))
              for _ in range(3000)]
    # what wordfreq's tokenizer must see: apostrophes, digits, hyphens, accents, Cyrillic, empty
    words += ["don't", "1945", "well-known", "café", "Molotov's", "колхоз", "", "A", "x2", "naïve"]
    words += (DARWIN / "darwin1859.txt").read_text(encoding="utf-8").split()[:5000]
    wrong = [(w, english.zipf.__wrapped__(w), zipf_frequency(w, "en")) for w in words
             if english.zipf.__wrapped__(w) != zipf_frequency(w, "en")]
    assert wrong == []
    assert english.zipf("the") > 7 and english.zipf("zzqqxx") == 0.0


def test_pinyin_syllables_are_every_reading_in_pypinyins_dictionary():
    from pypinyin.pinyin_dict import pinyin_dict

    expected = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            bare = "".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c)).lower()
            if any(v in bare for v in "aeiouv"):
                expected.add(bare)
    got = languages.pinyin_syllables()
    assert got == expected
    assert {"zhuang", "xiong", "lu", "er"} <= got and "ng" not in got and all(s.isascii() for s in got)
