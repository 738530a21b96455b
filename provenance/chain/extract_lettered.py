"""Copy lists lettered instead of numbered, a line an entry under the list's head: "a) Cde. X" / "b) file",
Cyrillic "а) ... б) ...", the Chinese heavenly stems ("jia - ...", "yi - ...", "bing - ...") in pinyin or
Wade-Giles, the Japanese iroha ("i - ...", "ro - ...", "ha - ..."). The letters number the copies in
their order. A part of the copies' reading (``extract_copies.CopiesPart``)."""

from __future__ import annotations

import re

from provenance.chain import patterns as P

#: the orders a list may letter its entries by, each from its first letter on
LETTER_ORDERS = (
    tuple("abcdefghijklmnopqrstuvwxyz"),
    tuple("абвгдежзиклмнопрст"),
    ("a", "b", "v", "g", "d", "e", "zh", "z", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t"),   # the same transliterated
    ("jia", "yi", "bing", "ding", "wu", "ji", "geng", "xin", "ren", "gui"),              # heavenly stems, pinyin
    ("chia", "i", "ping", "ting", "wu", "chi", "keng", "hsin", "jen", "kuei"),           # Wade-Giles
    ("i", "ro", "ha", "ni", "ho", "he", "to", "chi", "ri", "nu", "ru", "wo"),            # iroha
)
#: a lettered entry: the letter, a dash, a bracket or a dot after it, the destination
_LETTERED = re.compile(r"[ \t]*\(?(?P<letter>[^\W\d_]{1,4})(?:[ \t]*" + P._DASH + r"|\)|\.(?=[ \t]))[ \t]*(?P<dest>\S[^\n]*?)[ \t]*[.;,]?[ \t]*$")


class LetteredPart:
    """Methods of the extractor (``self.text``, ``self._classify_destination``, ``self._add_copy``,
    ``self.ev``, ``self._list_lines``)."""

    def _lettered_after(self, end: int) -> int:
        """The lettered entries on the lines after a list head ending at ``end``: two or more whose
        letters run in one order from its first; the copies they number, in that order."""
        entries = []
        pos = end + 1
        while pos < len(self.text):
            eol = self.text.find("\n", pos)
            eol = len(self.text) if eol < 0 else eol
            m = _LETTERED.fullmatch(self.text, pos, eol)
            if m is None:
                break
            entries.append(m)
            pos = eol + 1
        letters = [m.group("letter").lower() for m in entries]
        order = next((o for o in LETTER_ORDERS if len(letters) >= 2 and tuple(letters) == o[:len(letters)]), None)
        if order is None:
            return 0
        for k, m in enumerate(entries, 1):
            info = self._classify_destination(m.group("dest"), m.start("dest"))
            self._add_copy(info, k, m.group("letter"), self.ev(m.start("letter"), m.end("dest")), source="list",
                           flags=info["flags"] + ["lettered"])
            self._list_lines.add(m.start())
        return len(entries)
