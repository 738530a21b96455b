"""WordNet's database files are read in place: an index file by bisection over its lines, a
synset where its offset points, whatever the line endings of the copy installed."""

from __future__ import annotations

from provenance.knowledge.wordnet import _Data, _Index, wordnet

LICENCE = ["  1 This software and database is being provided to you, the LICENSEE, by",
           "  2 Princeton University under the following license."]


def _data_lines() -> list[str]:
    """A small data file whose offsets are byte positions with Unix line endings, as WordNet's are."""
    body = ["dog 0 domestic_dog 0 | a member of the genus Canis",
            "cat 0 true_cat 0 | feline mammal",
            "wolf 0 | wild dog",
            "zebra 0 | striped horse"]
    lines = list(LICENCE)
    pos = sum(len(x) + 1 for x in lines)
    for b in body:
        lines.append(f"{pos:08d} 05 n 02 {b}")
        pos += len(lines[-1]) + 1
    return lines


def test_a_synset_is_found_at_its_offset_with_either_line_ending(tmp_path):
    lines = _data_lines()
    offsets = [int(x[:8]) for x in lines if x[:1].isdigit()]
    for ending in ("\n", "\r\n"):
        path = tmp_path / ("data" + ("crlf" if ending == "\r\n" else "lf"))
        path.write_bytes(ending.join(lines).encode() + ending.encode())
        data = _Data(str(path))
        for off, line in zip(offsets, [x for x in lines if x[:1].isdigit()]):
            assert data.find(off) == line.encode(), (ending, off)
        assert data.find(offsets[1] + 3) is None     # not the start of a synset
        assert data.find(10 ** 7) is None


def test_an_index_line_is_found_by_bisection(tmp_path):
    entries = ["'hood n 1 0 1 0 08641944", "a n 1 0 1 0 06831498", "a_cappella a 1 0 1 0 00183831",
               "dog n 7 0 7 1 02084071", "dog_days n 1 0 1 0 15237567", "dogs n 1 0 1 0 02084071"]
    for ending in ("\n", "\r\n"):
        path = tmp_path / "index"
        path.write_bytes(ending.join(LICENCE + entries).encode() + ending.encode())
        index = _Index(str(path))
        for e in entries:
            assert index.find(e.split()[0].encode()) == e.encode()
        assert index.find(b"do") is None and index.find(b"dog_day") is None and index.find(b"zzz") is None


def test_the_installed_database_answers():
    wn = wordnet()
    assert wn.synset("n", wn.offsets("dog", "n")[0])[0][:2] == ("dog", "domestic_dog")
    assert "run" in wn.lemmas("running") and wn.is_word("geese")


def test_emphasis_main_senses_and_frequency_words_from_the_installed_database():
    wn = wordnet()
    # an adverb's first gloss: emphasis only, or something said
    for w in ("very", "completely", "entirely", "really", "actually", "clearly", "definitely", "deeply"):
        assert wn.emphasis(w), w
    for w in ("slightly", "nearly", "only", "just", "probably", "now", "sure", "full", "virtually", "widely"):
        assert not wn.emphasis(w), w
    # a main sense of one word among the rarer senses of another (small's second, minor's tenth)
    assert wn.synonyms("minor", "small")
    # satellites of one head formed from two nouns name two members of a class
    assert not wn.synonyms("daily", "weekly") and not wn.synonyms("monthly", "weekly")
    assert wn.synonyms("huge", "massive") and wn.synonyms("yearly", "annual")
