"""Regular expressions and small parsers for the wording of distribution notes.

Kept apart from the extraction logic so the patterns can be read (and extended) in one place.
All patterns work on the raw transcription, so every match has offsets into it.
"""

from __future__ import annotations

import datetime
import re

from provenance.chain.scanning import finditer_at, keyword_starts, lowered, scan  # noqa: F401 (read as P.scan)
from provenance.dates import ROMAN_MONTHS
from provenance.vocab import ORDINALS

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_COUNT = r"(?:\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
#: a number sign: "N°", "No.", "№", and "nr." or "č." after a word ("Egz. nr 1", "výtlačok č. 1"), not opening a line ("Nr. 00418")
_NUMSIGN = r"(?:N[°º]|Nos?\.?|№|(?<=[a-zý][a-z.] )(?:nr\.?|č\.)(?=[ \t]*\d))"
_DASH = r"(?:--|[-–—])"
#: a copy's ordinal after its figure: English (1st, 2nd) and Russian in transliteration (1-i, 2-y, 3-j)
_ORD = r"(?:st|nd|rd|th|-(?:yi|yj|i|y|j|ĭ)(?!\w))"
_YEAR = r"(?:1[6-9]|20)\d\d(?!\d)"

_ROMAN_MONTH = r"(?:XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)"
# "12.III.46", "7.IV.1956", "22.IX": day, Roman month, year (two digits: 19xx) or none
_ROMAN_DATE = (r"(?<![\w.])(?P<d3>\d{1,2})\.(?P<m3>" + _ROMAN_MONTH + r")(?![A-Za-z])"
               r"(?:\.(?P<y3>(?:1[6-9]|20)\d\d|\d\d)(?!\d))?")
DATE = re.compile(
    r"(?P<d1>\d{1,2})\s*/?\s*(?P<m1>" + _MONTH_RE + r")(?:,?\s+(?P<y1>" + _YEAR + r"))?"
    r"|(?P<m2>" + _MONTH_RE + r")\s+(?P<d2>\d{1,2}),?\s+(?P<y2>" + _YEAR + r")"
    r"|" + _ROMAN_DATE.replace("(?P<m3>", "(?-i:(?P<m3>").replace(r")(?![A-Za-z])", r"))(?![A-Za-z])", 1),
    re.IGNORECASE,
)
# a date as written after a name: "15 October 1945", "6 October", "12.III.46"
DATE_WRITTEN = (r"(?:\d{1,2}\s+" + _MONTH_RE + r"(?:\s+\d{4})?|\d{1,2}\.(?-i:" + _ROMAN_MONTH + r")(?![A-Za-z])"
                r"(?:\.(?:\d{4}|\d\d)(?!\d))?)")
# a line that is only a date (below a signature): "28 December 1948", "7.IV.56", "March 3, 1950"
DATE_LINE = re.compile(
    r"[ \t]*(?:\d{1,2}\s+" + _MONTH_RE + r"\s+" + _YEAR + r"|" + _MONTH_RE + r"\s+\d{1,2},?\s+" + _YEAR
    + r"|\d{1,2}\.(?-i:" + _ROMAN_MONTH + r")\.(?:\d{4}|\d\d))[ \t]*\.?[ \t]*",
    re.IGNORECASE,
)

# "Copy N° 4 - to Molotov", "Copy 4 – to Molotov", "4th copy - file", "First copy: to the addressee"
_ORDINALS = ORDINALS
#: the German ordinals, as a list numbers its "Ausfertigungen" ("Erste Ausfertigung", "Zweite Ausfertigung")
_ORDINALS_DE = ("erste", "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte", "neunte", "zehnte")
ORDINAL_NUMBER = {w: k for k, w in enumerate(_ORDINALS, 1)} | {w: k for k, w in enumerate(_ORDINALS_DE, 1)}
_COPY_WORD = r"(?:Cop(?:y|ies)|Kopi(?:ya|ia|ja)|Ekzempl(?:yar|iar|jar)|Ex\.?|Exempla(?:r(?:ul|e|en|y)?|ire)|[Ee]kz\.?|[Ee]gz\.?|[Vv]ýt(?:isk[a-z]?|la[čc](?:ok|ku|ky))?\.?|[Pp]ld\.?|Ausf(?:ertigung)?\.?)"
COPY_LINE = re.compile(
    r"^[ \t]*(?P<label>" + _COPY_WORD + r"\s+(?:(?:" + _NUMSIGN + r"|(?-i:NN?)(?=[ \t]*\d))\s*)?(?:(?P<numlist>\d+(?:[ \t]*(?:,|and|&)[ \t]*\d+)+)|(?P<num>\d+)(?:-(?:ya|yi|ia|i|oi|y|e))?(?:[ \t]*[-–][ \t]*(?P<num2>\d+)(?=[ \t]*" + _DASH + r"))?(?![-–]\d)|(?P<cword>"
    + "|".join(NUMBER_WORDS) + r")\b|(?P<roman>(?-i:[IVX]{1,4}))\b\.?)(?:\s+of\s+\d{1,3})?"
    r"|(?P<ord>\d+)(?:st|nd|rd|th)(?:-(?P<ord2>\d+)(?:st|nd|rd|th))?\s+cop(?:y|ies)|"
    r"(?P<word>" + "|".join(_ORDINALS) + r")(?:\s+and\s+(?P<word2>" + "|".join(_ORDINALS) + r"))?\s+cop(?:y|ies)"
    r"|(?P<word_de>" + "|".join(_ORDINALS_DE) + r")[rsn]?\s+(?:Ausfertigung|Exemplar)"
    r"|(?P<orig>Original)[ \t]*\([ \t]*(?:No\.?|N[°º]|copy)?[ \t]*1[ \t]*\))"   # "Original (No. 1) to the CC CPUSA"
    r"(?:[ \t]*\[[^\]\n]{1,30}\])?"   # the original's words in brackets: "Copy one [di yi fen] - ..."
    r"(?:[ \t]*\((?!to\b)[^)\n]{1,30}\)(?=[ \t]*" + _DASH + r"))?"   # a word on the copy: "Ekz. NN 1, 2 (in Norwegian) — ..."
    r"(?:[ \t]*(?:" + _DASH + r"|:|(?=to\s))|[ \t]{2,})[ \t]*(?P<dest>\S[^\n]*?)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
#: an ordinal alone before a dash, on the line after a copy's line: the list goes on ("first copy — X" /
#: "second — Y", as the reading writes "Pervyi ekz. [first copy] — X" / "vtoroi [second] — Y")
ORDINAL_CONTINUED = re.compile(r"^[ \t]*(?P<label>(?P<word>" + "|".join(_ORDINALS) + r"))[ \t]*" + _DASH
                               + r"[ \t]*(?P<dest>\S[^\n]*?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
# "Original to Cde. Kuzmenko; copy to the Central European Department", "Typed in 2 copies: the
# original to the addressee, copy to the file": copies 1 and 2
ORIGINAL_LINE = re.compile(
    r"^[ \t]*(?:[^\n:]{1,40}:[ \t]*)?(?:the[ \t]+)?(?P<a_label>Original)\s+(?P<a>to\s+[^;,\n]+?)\s*[;,]\s*(?:and[ \t]+)?"
    r"(?:(?:a|the|one)[ \t]+)?(?P<b_label>cop(?:y|ies))\s+(?P<b>to\s+[^;,\n]+?)[ \t]*\.?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# "Original: to the addressee, via OMS.", "Original - Cde. X": the first copy, on a line of its own
ORIGINAL_ALONE = re.compile(
    r"^[ \t]*(?P<label>Original)[ \t]*(?::[ \t]*|[-–—][ \t]*|(?=to\s))(?P<dest>[^\n;]+?)[ \t]*[.;]?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# "first carbon - to Comr. Hsü;", "second carbon - retained": the copies after the original
CARBON_LINE = re.compile(
    r"^[ \t]*(?P<label>(?P<word>" + "|".join(_ORDINALS) + r")[ \t]+carbon(?:[ \t]+copy)?)[ \t]*(?:[-–—:][ \t]*)?"
    r"(?P<dest>[^\n;]+?)[ \t]*[.;]?[ \t]*$", re.MULTILINE | re.IGNORECASE)
# "Copy Nº 3", "Copy Nº [left blank]", "... copy N° 3": the number of the exemplar transcribed
EXEMPLAR = re.compile(
    r"\b[Cc]opy\s+" + _NUMSIGN + r"[ \t]*(?P<num>\d+(?!\d)|\[left blank\]|\[illegible\])(?![ \t]*" + _DASH + r")"
)
IS_COPY = re.compile(r"^[ \t]*Copy\.[ \t]", re.MULTILINE)
# "Three copies printed", "Four copies printed", "Three copies [printed]", "10 copies. vp.",
# "2 copies printed. 1 - to the addressee, 2 - to file" (the list on the same line)
PRINT_RUN = re.compile(
    r"^[ \t]*(?:(?:(?:Minutes|Translation|Decision|Resolution|Protocol|Report|Letter|Order)\s+)?"   # "Minutes printed in 3 copies"
    r"(?:Printed|Typed|Made|Written|Drawn\s+up|Produced|Otp\.|Razm\.|Otpechatano|Razmnozheno)(?:\s+(?:in|v)|[ \t]*:)?\s+)?(?P<count>" + _COUNT
    + r"|(?<=in )(?:a\s+)?single)\s+(?:cop(?:ies|y)\b|ekz\.?(?!\w))(?P<rest>[^\n]{0,400})$",   # "printed in a single copy"
    re.MULTILINE | re.IGNORECASE,
)
# what may follow "N copies" on its line: "printed", "were printed", "in all", or the typist's
# initials ("vp.", "vyp.", "vsh.", "v.sh.": lower-case letters, not an English word)
_TYPIST = (r"(?-i:(?!(?:to|of|for|and|the|in|on|by|are|was|is|at|as|or|with|were|made|each|more|sent)\b)"
           r"[a-zа-яё]{1,4}\.?(?:[ \t]?[a-zа-яё]{1,3}\.)?)")
PRINT_RUN_REST_OK = re.compile(
    r"^\s*(?:\[?printed\]?|\.?\s*" + _TYPIST + r"|\.|were printed|in all)?\s*[.:]?"
    # the head of the list that follows: "Made in 4 copies. Receive:", "3 copies. Distribution:"
    r"(?:\s*(?:receive|received\s+by|recipients|distribution|distributed\s+to|sent\s+to|copies\s+to|to)\s*:)?\s*$",
    re.IGNORECASE)
#: the title before the names of several people: "Comrades", "Cdes.", the Russian "tt."
PLURAL_TITLE = r"(?:Comrades|Cdes\.?|tt\.)"
#: the count a list's head may give before its colon: "Razoslat', 4 ekz.:", "Nüsxa [copies] - 4:"
_HEAD_COUNT = r"(?:[ \t]*[,–—-]?[ \t]*(?:v[ \t]+|in[ \t]+)?\d{1,2}(?:[ \t]*(?:ekz|egz|copies|ex)\.?)?)?"
# the head of a copy list that gives no count: "Copies:", "Distribution:", "Copies to:"
COPY_LIST_HEAD = re.compile(
    r"^[ \t]*(?:[*_]{1,2})?(?:(?P<head>Copies(?:[ \t]*\[[^\]\n]{1,20}\])?(?:\s+(?:sent\s+|reported\s+)?to|\s+made|\s+typed|\s+printed|\s+distributed)?|Distribution(?:\s+list)?"
    r"|Distributed(?:\s+to)?|Copy\s+list|(?:Sent|Dispatched)(?:\s+out)?(?:\s+(?:by|in)\s+(?:cipher|telegraph|telegram|courier|HF|wire|radio|post|mail))?"
    r"(?:[ \t]+\d{1,2}\.(?:[IVX]{1,4}|\d{1,2})\.?(?:\d{2,4})?(?:[ \t]+\d{1,2}[.:]\d{2})?)?(?:\s+to)?"   # "Sent by cipher 28.III 19.30 to:"
    r"|Deliver(?:ed)?(?:\s+to)?|Recipients|Receiving|Receives?|Received\s+by|Address(?:ee|e)s"
    r"|Mailing\s+list|Distribute(?:\s+to)?|To\s+be\s+sent(?:\s+to)?|cc|c\.c\.|Kopii|Razoslano|Razoslat['’ʹ]?"
    # the head in the lists' languages: German, Polish, Czech and Slovak, Russian, Bulgarian, Hungarian, Romanian
    r"|Verteiler|Rozdzielnik|Rozd[ěe][lľ]ovn[íi]k|Rassylka|Izprateno(?:\s+do)?|Kapj(?:a|[áa]k)|Eloszt[óo]|Difuzare)"
    r"(?:[ \t]*[(\[][^)\]\n]{1,30}[)\]])?" + _HEAD_COUNT + r"[ \t]*:(?:[*_]{1,2}(?=[ \t]*$))?"   # "Kopii (copies):", "**Copies:**"
    r"|(?P<caps>(?-i:DISTRIBUTION(?: LIST)?))(?=[ \t]*$)"
    # "Sent to Comrades X, Y, Z - one copy each; copy 4 - to the file": no colon, but the copies counted
    # and the one after them numbered
    r"|(?P<each>Sent[ \t]+to)(?=[ \t]+(?:Comrades|Cdes?\.?|tt\.)[^\n]*?\b(?:one|a)[ \t]+copy[ \t]+each\b"
    r"[^\n]*?\bcopy[ \t]+(?:N[°ºo]\.?[ \t]*)?\d)"
    r"|(?=[^\n\[]{3})(?:[^\s\[\]:]{1,25}[ \t]+){0,3}[^\s\[\]:]{1,25}[ \t]*\[(?P<glossed>Delivered(?:\s+to)?|Copies(?:\s+to)?|Distribution|Distributed(?:\s+to)?|Recipients)\]"
    + _HEAD_COUNT + r"[ \t]*:)[ \t]*"   # "DISTRIBUTION" in capitals, alone on its line
    r"(?P<rest>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE)
# the head of a copy list that follows the declaration on the same line: "printed. 1 - ", " 1 - "
PRINT_RUN_INLINE = re.compile(
    r"^(?P<head>\s*(?:\[?printed\]?|were printed|in all|typed|made|run off)?\s*[.:;,]?(?:\s*of\s+(?:which|them)\s*:?)?"
    r"(?:\s*(?:receives?|recipients|distribution)\s*:)?)\s+(?="
    r"(?:" + _COPY_WORD + r"\s+)?(?:" + _NUMSIGN + r"\s*)?\[?\d{1,3}(?:\s*" + _DASH + r"\s*\d{1,3})?\s*\]?\s*(?:" + _DASH + r"|to\s|\.[ \t])"
    r"|\(\d{1,3}\)[ \t]*[^\W\d])",   # "Printed 7 copies: (1) Chairman Fan (2) ..."
    re.IGNORECASE,
)
# where the next entry of a one-line copy list begins: ", 2 - to file"
INLINE_ITEM_SEP = re.compile(r"\s*[,;]\s*(?=(?:" + _COPY_WORD + r"\s+)?(?:" + _NUMSIGN + r"\s*)?\[?\(?(?:\d{1,3}(?:" + _ORD + r")?(?:\s*" + _DASH
                             + r"\s*\d{1,3})?|(?-i:[IVX]{1,4}))\s*\]?\s*(?:(?i:copy)\s*)?(?:" + _DASH + r"|to\s)"
                             r"|\(\d{1,3}\)\s*\S"   # "(2) Civil Affairs Department"
                             r"|cop(?:y|ies)\s+\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})+\s+to\s)"   # "copies 3 and 4 to X and Y respectively"
                             r"|\s*;\s*(?=\d{1,2}[.)][ \t]+\S)|\s*,\s*(?=\d{1,2}\.[ \t]+(?!(?:Isp|Pech|Sost|Mash|Otp|Typ)\.)\S)"   # "1. t. Stalinu, 2. t. Molotovu"
                             r"|[ \t]+(?=\(\d{1,3}\)(?:[ \t]*-[ \t]*\(\d{1,3}\))?[ \t]*[^\W\d])"   # "(1) Chairman Mao (2) Vice-Chairman Liu", "(3)-(5) X"
                             r"|(?<=[^\W\d]{2})\.[ \t]+(?=\d{1,2}\.[ \t]+[A-Z])", re.IGNORECASE)   # "1. Cde. Beria. 2. Cde. Ogloblin."
# "1 – to Cde Molotov", "1-2 - to the addressees", "3-2 [SIC]- to ...", "[1 -] to the addressee"
LIST_ITEM = re.compile(
    r"^[ \t]*(?:[-*•✓√][ \t]+(?=(?:No|N[°º]|№|#|\d))|V[ \t]+(?=\d{1,3}[ \t]*[-–—]))?(?P<label>\[?[ \t]*(?:(?:" + _COPY_WORD + r"[ \t]+)?(?:" + _NUMSIGN + r"|#)[ \t]*|(?i:" + _COPY_WORD
    + r")[ \t]+|(?i:the)[ \t]+(?=\d{1,3}(?:st|nd|rd|th)\b))?\(?(?P<num>\d{1,3}(?:" + _ORD + r"(?:[ \t]*[-–][ \t]*\d{1,3}(?:st|nd|rd|th))?"   # "1st-2nd copies", "4th - 5th -", "the 1st -"
    r"|(?:\)?[ \t]*(?:" + _DASH + r"|to)[ \t]*\(?\d{1,3}(?!\w)|/\d{1,3}(?=[ \t]))?)|(?-i:[IVX]{1,4})(?=[ \t]*(?:" + _DASH
    + r"|\.[ \t]|\))))(?!\d)"
    r"(?:[ \t]*(?:ekz|ex|copy|copies)\.?(?=[ \t]*" + _DASH + r"))?"
    r"(?P<sep1>[ \t]*" + _DASH + r"|\.(?=[ \t])|\)|:|(?=[ \t]+to[ \t])|(?<=\d)(?=[ \t]{2,}\S|\t))?[ \t]*\]?)"
    r"[ \t]*(?P<sic>\[(?:sic|SIC|Sic)\])?[ \t]*(?P<sep2>" + _DASH + r")?[ \t]*(?P<dest>[^\n]*?)[ \t]*$"
)
# an entry numbered by a German ordinal: "Erste Ausfertigung - Gen. Staatssekretär", "Zweites Exemplar: Ablage"
ORDINAL_ITEM = re.compile(r"^[ \t]*(?P<label>(?P<num>" + "|".join(_ORDINALS_DE) + r")[rsn]?[ \t]+(?:Ausfertigung|Exemplar))(?P<sep1>)(?P<sic>)"
                          r"[ \t]*(?P<sep2>" + _DASH + r"|:)[ \t]*(?P<dest>\S[^\n]*?)[ \t]*$", re.IGNORECASE)
# the first entry of a copy list written without a head: "No. 1 - Cde. Wiśniewski", "1 - to addressee"
HEADLESS_FIRST = re.compile(r"^[ \t]*(?:" + _NUMSIGN + r"|#)?[ \t]*1(?:[ \t]*" + _DASH + r"[ \t]*\d)?[ \t]*(?:ekz\.?[ \t]*)?"
                            + _DASH
                            + r"[ \t]*\S", re.MULTILINE)
# "Cde. Hryhorenko - copy 1", "file - copy 4", "Cde. Fomenko - 1": the recipient first (a line of a
# list under a head)
REVERSED_ITEM = re.compile(
    r"^[ \t]*(?P<dest>[^\n]+?)[ \t]*(?<!\d)(?P<sep2>" + _DASH + r")[ \t]*(?P<label>(?:(?i:copy)[ \t]+(?:" + _NUMSIGN
    + r"[ \t]*)?)?(?P<num>\d{1,3}))(?P<sep1>)(?P<sic>)[ \t]*\.?[ \t]*$")
# the copy's number after the recipient in other ways: "t. Kadyrkulov, ekz. No. 1", "Tashkent - Cde.
# Rakhmankulov (No. 1)", "Cde. Nurmukhammedov - first copy" (a comma or a bracket only before a
# copy word or a number sign, an ordinal only before "copy": see ``reversed_item``)
_REVERSED_ANY = re.compile(
    r"^[ \t]*(?!Reg(?:istration|istered)?\.?[ \t]|Inc(?:oming)?\.?[ \t]|Out(?:going)?\.?[ \t]|No\.)"   # a registration stamp
    r"(?P<dest>[^\n]+?)[ \t]*(?P<sep2>,|\(|(?<![\d-])" + _DASH + r")[ \t]*(?P<label>(?P<word>(?:cop(?:y|ies)|ekz\.?|ex\.?|exemplar)[ \t]*)?"
    r"(?P<sign>" + _NUMSIGN + r"[ \t]*)?(?(sign)(?P<supplied>\[(?=\d{1,3}\]))?)"   # "ekz. N° [2]": the figure supplied by the editor
    r"(?P<num>\d{1,3}(?:st|nd|rd|th)?|" + "|".join(_ORDINALS) + r")(?(supplied)\])(?P<after>[ \t]+cop(?:y|ies))?)[ \t]*\)?"
    r"(?P<sep1>)(?P<sic>)[ \t]*[.;,]?[ \t]*$", re.IGNORECASE)


def reversed_item(line: str) -> re.Match | None:
    """A list line that names the recipient first and the copy after it: ``REVERSED_ITEM`` ("Cde.
    Hryhorenko - copy 1"), or a copy word or number sign after a comma or in brackets, or an
    ordinal before "copy"."""
    m = REVERSED_ITEM.match(line)
    if m:
        return m
    m = _REVERSED_ANY.match(line)
    if not m:
        return None
    ordinal = not m.group("num").isdigit()
    if ordinal and not m.group("after") or not ordinal and m.group("sep2") in ",(" and not (m.group("word") or m.group("sign")):
        return None
    if not ordinal and m.group("after"):
        return None   # "Cde. Ivanov - 2 copies": how many, not which
    return m


# two columns of a list run together on one line: "1 - Cde. Belyakov      4 - Cde. Lomov"
COLUMN_BREAK = re.compile(r"(?<=\S)[ \t]{2,}(?=(?:" + _NUMSIGN + r"[ \t]*)?\d{1,3}[ \t]*" + _DASH + r")")
# an entry of an unnumbered list: "Cde. Gusarov", "- Archive;", "Comrade Ri Song-gun (1)", with
# the bullet, the count of copies in brackets and the closing punctuation left out
UNNUMBERED_ENTRY = re.compile(r"[ \t]*(?:[-–—•*][ \t]*)?(?P<dest>.+?)(?:[ \t]*\((?:\d{1,2}|one)\))?[ \t]*[;,.]?[ \t]*$")
# "At the instruction of Cde. Lyudvigov one copy was made to be sent to Cde. Stalin."
EXTRA_COPY = re.compile(
    r"(?:At\s+the\s+(?:instruction|order|request)\s+of\s+(?P<instr>[^,\n]+?)\s+)?"
    r"(?P<count>" + _COUNT + r")\s+(?:additional\s+)?cop(?:y|ies)\s+(?:was\s+|were\s+)?made\s+"
    r"(?:(?:to\s+be\s+sent\s+)?to\s+(?P<to>(?:Cdes?\.\s*)?(?:[A-Z][a-z]?\.\s*)*[^.\n\]]+)|for\s+(?P<for>[^.\n\]]+))",
    re.IGNORECASE,
)
# who drafted: "Drafted by X", "Drafted: X", "Prepared by", "Composed by", and the Soviet "executor"
# of a document ("Executed by", "Performed by", "Exec.", "Ispolnitel' [Executor]:")
DRAFTED_WORDS = ("drafted", "drafter", "prepared", "compiled", "composed", "executed", "executor", "performed", "processed", "exec",
                 "author", "responsible", "drawn up", "dictated", "referent",
                 "perf", "ispolnitel", "ispolnil", "isp.", "ispoln.", "sost.", "sostavitel", "drft.", "comp.", "record", "draft:",
                 "minutes taken", "ex.")
#: labels that open a line and say whose it is in more words than a keyword: an original's label with
#: the English a translator gives it in brackets (Czech "Vyřizuje [handled by]:", "Psala [typed]:",
#: not "Otp. [printed] 2 ekz."), "Officer in charge of drafting:", "Fair copy typed:"
#: the English a translator gives an original's label of the drafter or the typist, in brackets
ROLE_GLOSS_DRAFTED = (r"(?:(?:handled|drafted|prepared|compiled|executed|drafter|composed|written|drawn[ \t]+up|drew[ \t]+up|performed|recorded"
                      r"|(?:took|kept)[ \t]+the[ \t]+(?:notes|minutes|record)|(?:notes|minutes)[ \t]+(?:taken|kept))(?:[ \t]+by)?"
                      r"|executor|author|referent|(?:official|officer|person)[ \t]+in[ \t]+charge(?:[ \t]+of[ \t]+[^\]\n]{1,24})?)")
ROLE_GLOSS_TYPED = r"(?:(?:typed|typewritten|printed|fair[ \t]+copy)(?:[ \t]+(?:out|up))?(?:[ \t]+by)?|typist|typing(?:[ \t]+(?:pool|bureau|office))?)"
#: what a gloss of a role may say after its verb: "[written down from the words of the believers]"
_GLOSS_MORE = r"(?:[ \t]+(?:down|up|out))?(?:[ \t]+(?:from|at|on|after|in)[ \t]+(?![^\]\n]*\b(?:cop(?:y|ies)|ekz)\b)[^\]\n\d]{1,40})?"
ROLE_GLOSS = re.compile(r"(?:" + ROLE_GLOSS_DRAFTED + "|" + ROLE_GLOSS_TYPED + r")" + _GLOSS_MORE, re.IGNORECASE)
LINE_ROLE = re.compile(
    r"(?m)^[ \t]*(?P<label>(?:[^\x00-\u024f\s]{1,6}[ \t]+)?(?!(?i:" + _COUNT + r")\b)[^\W\d_]{2,21}(?:[ \t]+[^\W\d_A-Z]{1,21}){0,3}\.?[ \t]*\[(?:(?P<d>" + ROLE_GLOSS_DRAFTED + r")"
    r"|(?P<t>" + ROLE_GLOSS_TYPED + r"))" + _GLOSS_MORE + r"\][ \t]*:?(?![ \t]*\d)"
    r"|(?P<d2>(?:[Oo]fficer[ \t]+)?in[ \t]+charge[ \t]+of[ \t]+drafting[ \t]*:)"
    r"|(?P<t2>[Ff]air[ \t]+copy[ \t]+typed(?:[ \t]+by)?[ \t]*:?))[ \t]*(?P<name>[^\n]*)")
# a drafting line of the American State Department: office symbols, the drafter's initials and
# surname, the typist's initials ("EUR/EE:RTDelancey:mb")
US_DRAFTING = re.compile(r"(?:(?:[A-Z][A-Z/-]*:)+(?P<initials>[A-Z]{1,3})(?P<surname>[A-Z][a-z][\w'’-]*)(?::(?P<typist>[a-z]{1,4}))?"
                         r"|(?P<initials2>[A-Z]{1,3})(?P<surname2>[A-Z][a-z][\w'’-]*)/(?P<typist2>[a-z]{1,4})\b)")
DRAFTED = re.compile(
    r"(?P<label>\[?(?:(?:[Dd]rafted|[Cc]ompiled)\s+and\s+typed(?:\s+by\b)?[ \t]*:?|(?:[Dd]rafted|[Pp]repared|[Cc]ompiled|[Cc]omposed|[Ee]xecuted|[Pp]erformed|[Pp]rocessed|[Dd]rawn\s+up|[Rr]ecorded|[Dd]ictated"
    r"|[Rr]ecord\s+(?:made|taken|kept)|[Mm]inutes\s+taken)(?:[ \t]*\[[^\]\n]{1,24}\](?=[ \t]*:))?(?:\s+by\b\]?[ \t]*:?|[ \t]*:"
    r"|[ \t]*[-–—](?=[ \t]*(?:[a-z]+[ \t]+)?(?:[A-Z][a-z]?\.[ \t]*)+[A-Z]))|Draft[ \t]*:"
    r"|(?:[Dd]rafter|[Ee]xecutor|[Aa]uthor|[Rr]eferent|[Rr]esponsible\s+for\s+drafting)[ \t]*(?::|[-–—](?=[*_]{0,2}[ \t]*[A-ZÀ-Ž]))|(?:Drafter|Executor)(?=[ \t]+(?:[A-Z][a-z]?\.[ \t]*)*[A-Z][a-z])"
    r"|(?:[Ee]xec|[Pp]erf)\.[ \t]*:?|(?:[Ii]spolnitel|[Ss]ostavitel)['’ʹ]?(?:[ \t]*\[[^\]\n]{1,20}\][ \t]*:?|[ \t]*:)"
    r"|(?<![\w.])Ex\.(?![ \t]*(?:No\b|Nr\b|N[°º]|#|\d))(?=[ \t]+[A-Z])"   # "Ex. Moskvin" (not "Ex. No. 2")
    r"|[Ii]spolnitel['’ʹ]?(?=[ \t]+[A-ZÀ-Ž])|[Ii]spolnil[a]?(?:[ \t]*\[[^\]\n]{1,20}\])?(?:[ \t]*:|(?=[ \t]+[A-ZÀ-Ž]))"   # "Ispolnil: Major X"
    r"|(?<![\w.])(?:[Ii]sp(?:oln)?|[Ss]ost|Drft|Comp)\.(?:[ \t]*\[[^\]\n]{1,20}\](?!\w))?[ \t]*:?))(?:[*_]{1,2}(?=[ \t]))?[ \t]*(?P<name>[^\n]*)")
# who typed: "Typed by X", "typed: X", "Printed by X", "Typist: X"
TYPED_WORDS = ("typed", "typewritten", "printed", "typist", "pech.", "pechatal", "typ.", "otp.", "otpech.", "mash.", "copied")   # matched case-insensitively
TYPED = re.compile(
    r"(?P<label>\[?(?:(?:[Dd]rafted|[Cc]ompiled)\s+and\s+typed(?:\s+by\b)?[ \t]*:?|(?<!copies )(?<!copy )(?<![A-Za-z])(?:[Tt]yped|[Tt]ypewritten)(?:\s+and\s+(?:checked|proofread|verified))?"
    r"(?:[ \t]*\[[^\]\n]{1,24}\](?=[ \t]*:))?(?:\s+by\b\]?[ \t]*:?|[ \t]*:|[ \t]*[-–—](?=[ \t]*(?:[A-Z][a-z]?\.[ \t]*)+[A-Z]))|(?<![\w ])[Cc]opied(?:[ \t]*\[[^\]\n]{1,24}\])?[ \t]*:|[Pp]rinted\s+by\b\]?[ \t]*:?"
    r"|[Tt]ypist[ \t]*(?::|[-–—](?=[*_]{0,2}[ \t]*[A-ZÀ-Ž]))|(?:Typist|(?<=, )typist)(?=[ \t]+(?:[A-Z][a-z]?\.[ \t]*)*[A-Z][a-z])"
    r"|(?<![\w.])(?:[Pp]ech|[Tt]yp|[Oo]tp(?:ech)?|[Mm]ash)\.(?![ \t]*(?:\[[^\]\n]{1,30}\][ \t]*){0,3}(?:\d|ekz\b))(?:[ \t]*\[[^\]\n]{1,20}\](?!\w))?(?![ \t]*\d)[ \t]*:?|[Pp]echatal[a]?[ \t]*:?(?=[*_]{0,2}[ \t]*[A-Z])"
    r"|(?<![\w.])(?:[Pp]ech|[Oo]tp(?:ech)?)\.[ \t]*\d{1,2}[ \t]*ekz\.[ \t]{0,3}(?=[A-Z][^\s]{0,20}[ \t]*(?:\d{1,2}\.(?:[IVX]{1,4}|\d{1,2})(?:\.\d{2,4})?[ \t]*)?(?:\n|$))"   # "Pech. 5 ekz. L.F.", "Otpech. 4 ekz. Zimina 15.VIII": the count, then who typed (one word)
    r"|[Tt]yped:?(?:[ \t]+in)?[ \t]+" + _COUNT + r"[ \t]+cop(?:y|ies)(?:[ \t]*[.:,]|[ \t]+by\b)[ \t]*(?=[A-Z\[])(?!(?:No|Nr)\.|N[°º]|Copy\b)))"
    r"(?:[*_]{1,2}(?=[ \t]))?"   # "*Pechatala:* Rogalyova": the label set in italics
    r"(?![ \t]*" + _COUNT + r"[ \t]+cop(?:y|ies)\b)[ \t]*(?P<name>[^\n]*)")   # "Typed: 3 copies" names no typist
#: the original's label of the drafter or of the typist, unglossed, opening its line: the words for
#: "drafted by" (Polish Opr., Romanian Red. and Întocmit, German Bearbeiter, Czech and Slovak Vyřizuje,
#: Vybavuje, Vypracoval, Hungarian Előadó and Készítette, Mongolian Beltgesen, Korean Tamdangja, Chinese
#: chengbanren, Russian Proekt sostavil, Podgotovil, Sostavil) and for "typed by" (Polish Druk. and
#: Przepisała, Romanian Dact., German Schreibkraft, Czech and Slovak Opsala, Psala, Písala, Russian Pisala,
#: Otpechatano, Napechatala, Napech., Romanian Bătut, Hungarian Gépelte, Korean T'aja, Chinese chaoxie and
#: dazi), in their inflections; Bulgarian Izp. marks the drafter; a label may follow another role after ";"
LOCAL_ROLE = re.compile(
    r"(?m)(?:^|(?<=;))[ \t]*(?P<label>(?:(?P<d>Opr(?:acował[a]?)?\.?|Red\.|Izp\.|[ÎI]ntocmit|(?:Sach)?[Bb]earbeiter(?:in)?|Vy[řr]izuje|Vybavuje"
    r"|Vypracoval[a]?|El[őo]ad[óo]|K[ée]sz[íi]tette|Beltgesen|Tamdangja|[Cc]hengbanren|(?:Proekt[ \t]+)?[Ss]ostavil[a]?|Podgot(?:ovil[a]?|\.)|Avtor(?:[ \t]+(?:spravki|proekta))?|Razrabotal[a]?|Saksbehandler|Sagsbehandler|Handl[äa]ggare|Verf\.|[Nn]igao|[Nn]i-kao)"
    r"|(?P<t>Druk\.|Przepisa[łl][a]?|Dact\.|Dactilografiat|Schreibkraft|Ops[aá]l[a]?|P[ií]sal[a]?|Pisal[a]?|Otpechatano|Napechatal[a]?"
    r"|G[ée]pelte|T['’]aja|[Cc]haoxie|Psal[a]?|B[ăa]tut|Napech\.|Perepech(?:\.|atal[a]?(?:[ \t]+s[ \t]+chernovika)?)|Mashinopis['’]?|Pe[čc]atal[a]?|Schr\.|[Dd]azi|[Dd]ayin|[Tt]engxie|[Ss]han-hsieh))"
    r"(?:[ \t]*\[[^\]\n]{1,30}\])?[ \t]*:?)[ \t]+(?P<name>(?:[a-zа-я]{1,8}\.[ \t]*|(?:kapitan|maior|major|leitenant|serzhant)[ \t]+(?:GB[ \t]+)?"
    r"|[a-z][a-z-]{2,20}[ \t]+(?=(?:[a-z][a-z-]{2,20}[ \t]+)?(?:[A-Z]\.[ \t]*)+[A-Z]))*[A-ZА-ЯÀ-Ž][^\n;]*)")   # "sanitary doctor E. T."
# where a name after "Drafted by" ends when more follows on its line: "; checked by", ", 4 copies",
# ". Typed by ...", " typed by ..."
ROLE_NAME_END = re.compile(
    r"\s*;|\s+/\s*|\.\s+(?=(?:Pech|Isp|Sost|Otp|Typ|Drft|Comp|Razm|Vyp)\.[ \t])|(?<=\d)\s+(?=(?:No\.?|N[°º]|№)\s*\d)|\.\s+(?=(?:Typist|Typed|Drafted|Drafter|Executor|Prepared|Printed|Checked)[ \t]*:)|\.?\s+(?=[A-Za-z]{1,4}/[A-Za-z]{1,4}[ \t]*\.?[ \t]*$)|,\s*(?=[A-Z][a-z]{1,5}\.[ \t])|,\s*(?=\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b)|\s+(?=on\s+the\s+(?:basis|instructions?)\b|according\s+to\b)|,\s*(?:" + _COUNT + r")\s+cop(?:y|ies)\b|,\s*(?=[a-z]|\d+(?:st|nd|rd|th)\b)"
    r"|\.?\s+(?=(?:[Tt]yped|[Dd]rafted|[Pp]repared|[Cc]hecked|[Cc]ompiled|[Aa]pproved|[Vv]erified|[Pp]rinted)\s+(?:by|in)\b)")
AUTHENTICATED = re.compile(
    r"(?P<label>\b(?:Authenticated|Certified(?:\s+true\s+copy)?|True\s+copy|Verified)\b)[ \t]*:?[ \t]*(?P<name>[^\n□”\"]*)",
    re.IGNORECASE,
)
SENT = re.compile(
    r"^[ \t]*(?P<label>sent|dispatched)[ \t]+(?P<date>\d{1,2}[ \t]*/?[ \t]*" + _MONTH_RE + r"(?:[ \t]+" + _YEAR + r")?)"
    r"(?:[ \t]+(?P<time>\d{1,2}[:.]\d{2}|\d{3,4}))?",
    re.MULTILINE | re.IGNORECASE,
)
# "Sent to: Cdes. Molotov, Beria, Malenkov, Mikoyan", "Copies sent to Cde. Stalin"
SENT_TO = re.compile(
    r"^[ \t]*(?P<label>(?:(?:Cop(?:y|ies)|Also)[ \t]+)?(?:sent|dispatched|distributed|forwarded)[ \t]+to"
    r"|Copies[ \t]+to(?=[ \t]+" + PLURAL_TITLE + r"[ \t])"   # "Copies to Comrades X and Y." without a colon
    # "Copies of this letter have been sent to X and to Y.", "One copy each has been sent to X and Y"
    r"|(?P<sentence>(?:(?:A|One)[ \t]+copy(?:[ \t]+each)?|Copies)(?:[ \t]+of[ \t]+(?:this|the[ \t]+present|the)[ \t]+[a-z]+)?"
    r"[ \t]+(?:has|have)[ \t]+been[ \t]+(?:sent|forwarded|dispatched)[ \t]+to))"
    r"[ \t]*(?P<colon>:)?"
    r"[ \t]*(?P<who>[^\n]{0,200}?)[ \t]*$",  # a note, not a line of prose
    re.MULTILINE | re.IGNORECASE,
)
# a signature on a line of its own: "A. MIKOYAN", "KOVALEV", "V. Molotov", "A. SAVELYEV [illegible signature]"
#: the initials before a surname in a signature: "V.", "V. M.", "Yu."
INITIALS = r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.[ \t]*){1,3}"
SIGNATURE_LINE = re.compile(
    r"^[ \t]*(?P<name>(?P<initials>" + INITIALS + r")?"
    r"(?P<surname>[A-ZА-ЯЁ][A-ZА-ЯЁ'’\-]+|[A-ZА-ЯЁ][a-zа-яё'’\-]+(?:\[[a-zа-яё]{1,3}\][a-zа-яё]*)?))"
    r"[ \t]*(?P<mark>\[(?:illegible\s+signature|signature\s+illegible|signature|illegible)\])?[ \t]*$",
    re.MULTILINE,
)
#: a signature on the line of the signer's post, the name after the mark: "COMMANDER OF THE OSH
#: OPERATIONAL GROUP [signature] NIKOLAYEV", "Major [signature] Zhuravlyov", "... [signature] (N. Orlovsky)"
SIGNED_AFTER_MARK = re.compile(
    r"^[ \t]*(?P<post>[^\n\[\]]{3,120}?)[ \t]*\[(?:illegible\s+)?(?:signature|podpis['’ʹ]?)(?:\s+illegible)?\][ \t]*"
    r"\(?(?P<name>(?P<initials>" + INITIALS + r")?(?P<surname>[A-ZА-ЯЁ][A-ZА-ЯЁ'’\-]+|[A-ZА-ЯЁ][a-zа-яё'’\-]+))\)?[ \t]*$",
    re.MULTILINE)
SIGNATURE_MARK_LINE = re.compile(r"[ \t]*\[(?:illegible\s+signature|signature\s+illegible|signature)\][ \t]*",
                                 re.IGNORECASE)
ISSUED = re.compile(r"^[ \t]*(?P<label>vyp\.|vp\.)[ \t]*(?P<name>[A-Z\[][^\n□]*?)[ \t]*$", re.MULTILINE)
SIGNED = re.compile(
    r"^[ \t]*(?P<date>\d{1,2}\s+" + _MONTH_RE + r"\s+\d{4})[ \t]+(?P<name>[A-Z][A-Z\-]{2,}(?:[ \t]+[A-Z][A-Z\-]{2,})?)\b",
    re.MULTILINE,
)
BASIS = re.compile(
    r"\b[Bb]asis\s*:\s*(?:the\s+)?(?P<date>\d{1,2}\s+" + _MONTH_RE + r"(?:\s+\d{4})?\s+)?"
    r"(?P<kind>telegram|cable|note|letter|report|memorandum|decision|resolution|directive|order|request)?\s*"
    r"(?:" + _NUMSIGN + r"\s*(?P<number>[\w/\-]+)\s+)?of\s+"
    r"(?P<name>(?:Cdes?\.?\s+)?(?:[A-Z][a-z]?\.\s*)*[A-Z\[][\w\[\]\-’']*)"
)
REFERENCE = re.compile(
    r"\b(?P<kind>note|telegram|cable|letter|report|memorandum)\s+of\s+"
    r"(?P<names>Cdes?\.?\s+[A-Z\[][\w\[\]\-]*(?:\s*(?:,|\band\b)\s*[A-Z\[][\w\[\]\-]*)*)\s+of\s+"
    r"(?P<date>\d{1,2}\s+" + _MONTH_RE + r"(?:\s+\d{4})?)"
)
PLACED_OWNER = re.compile(
    r"(?P<owner>[A-Z][\w\[\]\-]*)[’']s\s+copy\s+(?:was\s+|is\s+|has\s+been\s+)?(?:placed|filed|put|kept)\s+"
    r"(?:in|into)\s+(?:the\s+)?(?P<container>[^.”\"\]]+)"
)
PLACED_COPY = re.compile(
    r"\b[Cc]opy\s+(?:" + _NUMSIGN + r"\s*)?(?P<num>\d+)\s+(?:was\s+|is\s+)?(?:placed|filed|put|kept)\s+"
    r"(?:in|into)\s+(?:the\s+)?(?P<container>[^.”\"\]]+)"
)
PLACED_POINT = re.compile(
    r"\b[Pp]oint\s+(?P<point>\d+)\s+is\s+(?:kept\s+|held\s+|stored\s+)?in\s+(?:a\s+|the\s+)?(?P<container>[^.\n\]]+)"
)
CHANNEL = re.compile(r"\b(?:by|in)\s+(?P<ch>cipher|telegraph|telegram|courier|post|mail|telephonogram|telephone|hand|radio|wire)\b",
                     re.IGNORECASE)
ALL_POINTS = re.compile(r"^\s*(?:everything|all|(?:the\s+\w+\s+)?in\s+full|(?:the\s+)?(?:whole|entire|full)(?:ly)?)"
                        r"(?:\s+[a-z]+(?:\s+[IVXLC\d]+)?)?\s*$", re.IGNORECASE)
POINT_TOKEN = re.compile(r"(?P<a>\d{1,3})(?:(?P<g>[a-z])(?![^\W\d_])|(?:\s*(?:" + _DASH + r"|through|thru)\s*(?P<b>\d{1,3}))?(?:\s*\(?(?P<l>[a-z])\))?)")
#: a point with its lettered sub-points in brackets: "2 (a, v)", "3 (a-b)" (two letters or more), or in quotes: "3 «v»", '2 "a"', "4 pkt b"
_SUB_POINTS = re.compile(r"(?P<n>\d{1,3})[ \t]*(?:\((?P<ls>[^\W\d_](?:[ \t]*(?:,|and|&)[ \t]*[^\W\d_])+)\)|[«\"“](?P<q>[^\W\d_])[»\"”]|(?:pkt|lit)\.?[ \t]+(?P<k>[a-z])\b)")
#: a word that says the numbers after it are points: point(s), pt., p., pp., punkt, pont, bod, paragraph
_POINT_WORD = re.compile(r"\b(?:points?|pts?\.|pp?\.|punkt\w*|punct\w*|pont\w*|bod\w*|to[čc]k\w*|paragraphs?|items?|sections?|razd(?:el\w*|\.))(?!\w)",
                         re.IGNORECASE)
#: points written in words or in Roman numerals: "one", "two", "II", "IV"
_POINT_NUMERAL = re.compile(r"\b(?:" + "|".join(NUMBER_WORDS) + r")\b|\b(?-i:[IVX]{1,5})\b", re.IGNORECASE)
NUMBERED_LINE = re.compile(r"^[ \t]*(?P<n>\d{1,3})\.[ \t]+(?P<rest>\S[^\n]*)$", re.MULTILINE)
ADDRESSEE = re.compile(
    r"^[ \t]*(?P<label>\[to(?:\s+the)?\][ \t]*|(?i:to):?[ \t]+"
    # the word for "to" heading an address in other languages: German "An das/den/die", Polish "Do", Romanian "Către"
    r"|An[ \t]+(?:das|den|die|dem)[ \t]+(?=[A-ZÄÖÜ])|Do[ \t]+(?=[A-ZŁŚŻ][a-ząćęłńóśźż])|C[ăa]tre[ \t]+(?=[A-ZȘȚ]))"
    r"(?P<who>[^\n]{2,120}?)[ \t]*[.:]?[ \t]*$",
    re.MULTILINE,
)
RECEIPT = re.compile(
    r"^[ \t]*from\s+(?P<place>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)\s+" + _NUMSIGN + r"\s*(?P<num>\d+)"
    r"(?:\s+(?P<extra>\d{1,4}))?\s+(?P<date>\d{1,2}\s*/\s*" + _MONTH_RE + r"\s+\d{4})",
    re.MULTILINE,
)
NUMBER_LINE = re.compile(
    r"^[ \t]*(?P<label>(?:Spets\.\s*)?(?:" + _NUMSIGN + r"|N)(?:" + _NUMSIGN + r")?)[ \t]*"
    r"(?P<num>[\w/][\w/\- .]*?)\]?[ \t]*$",
    re.MULTILINE,
)
HANDWRITTEN = re.compile(r"\[Handwritten(?:[^\]\n]*)?", re.IGNORECASE)
UNRENDERED_LINE = re.compile(r"^[\s□]*$")


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_number(raw: str) -> int | None:
    """The value of a Roman numeral ("IV": 4), or None."""
    if not raw or any(c not in _ROMAN for c in raw):
        return None
    total = 0
    for k, c in enumerate(raw):
        v = _ROMAN[c]
        total += -v if k + 1 < len(raw) and _ROMAN[raw[k + 1]] > v else v
    return total


def parse_count(raw: str) -> int | None:
    raw = raw.strip().lower()
    if raw.isdigit():
        return int(raw)
    if raw in ("single", "a single"):
        return 1
    return NUMBER_WORDS.get(raw)


def parse_date(raw: str | None, default_year: int | None = None) -> str | None:
    """ISO date from "15 October 1945", "27/November 1945", "November 26, 1945", "6 October",
    "12.III.46" (a Roman month; a two-digit year is 19xx)."""
    if not raw:
        return None
    m = DATE.search(raw)
    if not m:
        return None
    if m.group("m1"):
        d, mon, y = m.group("d1"), m.group("m1"), m.group("y1")
    elif m.group("m2"):
        d, mon, y = m.group("d2"), m.group("m2"), m.group("y2")
    else:
        d, mon, y = m.group("d3"), m.group("m3"), m.group("y3")
    if y and len(y) == 2:
        y = "19" + y
    year = int(y) if y else default_year
    if year is None:
        return None
    month = MONTHS[mon.lower()] if mon.lower() in MONTHS else ROMAN_MONTHS[mon]
    try:  # a day the month does not have (31.II.46) is no date
        return datetime.date(year, month, int(d)).isoformat()
    except ValueError:
        return None


def parse_time(raw: str | None) -> str | None:
    """"1310" -> "13:10"; "13.10" -> "13:10"; None when it is not a time of day."""
    if not raw:
        return None
    digits = re.sub(r"[:.]", "", raw)
    if not digits.isdigit() or len(digits) not in (3, 4):
        return None
    h, mi = int(digits[:-2]), int(digits[-2:])
    if h > 23 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def parse_points(raw: str) -> list[str]:
    """Points of an excerpt as written: "everything" -> ["all"]; "3, 5-6" -> ["3", "5", "6"]; "5 a)" -> ["5.a"];
    "vse [all] (telegr.)": the translator's English, without the channel in parentheses."""
    glossed = re.match(r"^\s*[^\W\d][\w'’]*\s*\[([^\]]+)\]", raw)
    if glossed:
        raw = glossed.group(1)
    # "p. 2 (a, v)": the point's lettered sub-points, one each ("2a", "2v")
    raw = _SUB_POINTS.sub(lambda m: ", ".join(m.group("n") + x for x in re.findall(r"[^\W\d_]", m.group("ls") or m.group("q") or m.group("k"))), raw)
    raw = re.sub(r"\s*\([^)]*\)\s*$", "", raw)
    if ALL_POINTS.match(raw):
        return ["all"]
    if _POINT_WORD.search(raw):   # "points one and two", "points II-IV": the numbers in figures
        raw = _POINT_NUMERAL.sub(lambda m: str(NUMBER_WORDS.get(m.group().lower()) or roman_number(m.group())), raw)
    out: list[str] = []
    for m in POINT_TOKEN.finditer(raw):
        a = int(m.group("a"))
        b = int(m.group("b")) if m.group("b") else a
        if b < a or b - a > 50:
            b = a
        if m.group("g") and a == b:
            out.append(f"{a}{m.group('g')}")   # "2a": a sub-point written with its point
            continue
        for n in range(a, b + 1):
            out.append(f"{n}.{m.group('l')}" if m.group("l") and a == b else str(n))
    return out


# "... one copy was made to/for": the part of EXTRA_COPY every match holds
_EXTRA_CORE = re.compile(r"cop(?:y|ies)\s+(?:was\s+|were\s+)?made\s+(?:to|for)\s", re.IGNORECASE)


def extra_copy_matches(text: str) -> list[re.Match]:
    """``list(EXTRA_COPY.finditer(text))``, trying the pattern only just before each "copy
    ... made to/for": the part of a match before "copy" holds no comma."""
    out: list[re.Match] = []
    end = 0
    for core in _EXTRA_CORE.finditer(text):
        c = core.start()
        if c < end:
            continue
        lo = max(end, text.rfind(",", 0, c) + 1)
        for p in range(lo, c):
            m = EXTRA_COPY.match(text, p)
            if m is not None:
                out.append(m)
                end = m.end()
                break
    return out


#: the total of the copies given after their list: "Total: 6 copies.", "In all 4 copies"
#: (and in the lists' languages: German "Gesamt", Russian "Vsego" and "Itogo", Czech "Celkem", Polish
#: "Razem", Hungarian "Összesen"; "5 Exemplare", "3 egz.", "4 výtisky", "4 pld.")
TOTAL_AFTER = re.compile(r"(?m)^[ \t]*(?:Total|In\s+all|Altogether|Gesamt|Vsego|Itogo|Celkem|Razem|[ÖO]sszesen)[ \t]*:?[ \t]*(?P<count>"
                         + _COUNT + r")[ \t]+(?:cop(?:y|ies)|ekz\.?|Ex(?:emplare?|\.)|egz\.?|v[ýy]tisk[ůuy]?|pld\.?|p[ée]ld[áa]ny)"
                         r"[ \t]*\.?(?:[ \t]*\[[^\]\n]{1,40}\])?[ \t]*$", re.IGNORECASE)

#: an entry that ends in a dotted leader and its number(s): "Local file ........ No. 4",
#: "Eastern Secretariat, Moscow ...... Nos. 1 & 2", "Police Directorate Brno ...... 2"
LEADER_ENTRY = re.compile(
    r"[ \t]*(?P<dest>\S[^\n]*?)[ \t]*(?:[.…_][ \t]?){3,}[ \t]*(?P<sign>(?:" + _NUMSIGN + r"|#|cop(?:y|ies)|ekz\.?)[ \t]*)?"
    r"(?P<nums>\d{1,3}(?:[ \t]*(?:[-–&,]|and)[ \t]*\d{1,3})*)[ \t]*(?P<unit>(?:cop(?:y|ies)|ekz\.?|ex\.?)(?![\w]))?"
    r"[ \t]*(?:\([^)\n]*\))?[ \t]*[.;]?[ \t]*$", re.IGNORECASE)
#: an entry that ends in its copy number(s) in brackets: "Chief of the General Staff (ekz. 2)",
#: "Staff of the Corps, operations section (ekz. 4, 5)", "file (copy 6)", "X - 2 copies (NN 1, 2)"
PAREN_ENTRY = re.compile(
    r"[ \t]*(?P<dest>\S[^\n]*?)(?:[ \t]*[-–—,][ \t]*" + _COUNT + r"[ \t]+(?:cop(?:y|ies)|ekz\.?))?"   # "X - 2 copies (NN 1, 2)"
    r"[ \t]*\((?P<sign>(?:ekz\.?|egz\.?|ex\.?|cop(?:y|ies)|" + _NUMSIGN + r"|NN?\.?(?=[ \t]*\d))[ \t]*)"
    r"(?P<nums>\d{1,3}(?:[ \t]*(?:[-–&,]|and)[ \t]*\d{1,3})*)(?P<unit>)\)[ \t]*[.;,]?[ \t]*$", re.IGNORECASE)
#: how many copies an entry of an unnumbered list received: "(2 copies)", "- 2 copies", ", 2 ekz."
ENTRY_COUNT = re.compile(r"[ \t]*(?:\(|[-–—,][ \t]*)(?P<count>" + _COUNT + r")[ \t]+(?:cop(?:y|ies)|ekz\.?|ex\.?)\)?[ \t]*$",
                         re.IGNORECASE)

#: a list number misread by OCR: "l - tov. X" (1), "S - v delo" (5), "1O - file" (10)
OCR_NUMBER = re.compile(r"^([ \t]*)([lIOS\d]{1,2})(?=[ \t]*[-–—])")


def ocr_number(part: str) -> str:
    """The line with a list number that OCR misread as letters put back in digits (same length)."""
    m = OCR_NUMBER.match(part)
    if not m or m.group(2).isdigit() or m.group(2) in ("I", "II"):
        return part
    return m.group(1) + m.group(2).translate(str.maketrans("lIOS", "1105")) + part[m.end():]


#: a line that opens a note of excerpts
_EXCERPT_LINE = re.compile(r"(?:excerpts?|extracts?)\b", re.IGNORECASE)


def ends_list(line: str) -> bool:
    """Whether a line ends a list of recipients: a drafter's or a typist's line, a total, the head of
    another list or of excerpts, a table's row."""
    return bool(DRAFTED.match(line) or TYPED.match(line) or LINE_ROLE.match(line) or "|" in line or line[:2] == "+-"
                or TOTAL_AFTER.match(line) or LOCAL_ROLE.match(line) or _EXCERPT_LINE.match(line)
                or COPY_LIST_HEAD.match(line) or (run := PRINT_RUN.match(line)) and PRINT_RUN_REST_OK.match(run.group("rest")))
