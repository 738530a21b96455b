"""Regular expressions for the wording of excerpt notes: the heads of excerpt lists ("Excerpts sent
to:", "Vypiski [extracts]:"), their entries (the recipient and the points, in either order) and
excerpts named in a sentence. A part of :mod:`provenance.chain.patterns`, read the same way."""

from __future__ import annotations

import re

from provenance.chain.patterns import DATE_WRITTEN, _DASH

# "Excerpts sent to:", "Excerpts sent:", "Extracts to:", "Sent as excerpts:", "Extracts received by:"
EXCERPT_HEAD = re.compile(r"\b(?:[Ee]xcerpts?|[Ee]xtracts?)(?P<of>\s+(?:of|from)\s+(?:the\s+)?(?:protocol|minutes|decision|resolution|order|decree))?"
                          r"(?:\s+(?:(?:were\s+|to\s+be\s+)?(?:sent|issued|dispatched|distributed|forwarded|received)"
                          r"(?:\s+(?:to|by))?(?:[ \t]+(?:on[ \t]+)?" + DATE_WRITTEN + r"(?:\.\d{2,4})?)?|to)\s*:?|(?(of)[ \t]*:|(?!)))"
                          r"|\b[Ss]ent\s+as\s+(?:an?\s+)?(?:excerpts?|extracts?)\s*:?"
                          r"|(?:(?m:^)[ \t]*|(?<=[a-z]\.[ \t]))(?:EXCERPTS?|EXTRACTS?|[Ee]xcerpts?|[Ee]xtracts?|Vypisk[ai])"
                          r"(?:[ \t]+iz[ \t]+[^\s\[\]:]{3,14})?[ \t]*:"   # "Vypiski [extracts] iz prikaza:", read as "extracts iz prikaza:"
                          # the word for excerpts in the lists' languages, perhaps with its verb: "Výpisy obdrží:",
                          # "Extrase trimise:", "Izvlechenia:", "Kivonatot kapnak:", "Wyciągi:", "Auszüge:", "Jielu fasong:"
                          r"|(?m:^)[ \t]*(?:Vypisk[aiu]|Vyp\.|V[ýy]pis[yu]?|Extrase(?:le)?|Izvlechen(?:i[eya]|iya)|Kivonat(?:ot|ok)?"
                          r"|Wyci[ąa]g(?:i|u)?|Ausz[üu]ge?|[Jj]ielu)(?:[ \t]+iz)?(?:[ \t]+[^\s\[\]:]{3,14})?(?:[ \t]*\[[^\]\n]{1,40}\])?[ \t]*:"
                          r"|(?m:^)[ \t]*[^\s\[\]:]{3,20}(?:[ \t]+[^\s\[\]:]{3,20})?[ \t]*\[(?:[Ee]xcerpts?|[Ee]xtracts?)(?:[ \t]+sent)?(?:[ \t]+to)?\][ \t]*:"
                          # parts of a document sent: "Sections of the instruction sent:", "Points of the order distributed to:"
                          r"|(?m:^)[ \t]*(?:[Ss]ections|[Pp]oints|[Ii]tems|[Pp]aragraphs)[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?[a-z]{3,15}"
                          r"[ \t]+(?:sent|distributed|dispatched)(?:[ \t]+to)?[ \t]*:"
                          r"|\b(?:is|are|was|were)\s+(?:communicated|sent|forwarded|transmitted)\s*:(?=\s*(?:points?|pts?\.|pkt\.|pct\.|§|items?)\s*\d)"
                          r"|(?m:^)[ \t]*(?:[Ee]xcerpts?|[Ee]xtracts?)[ \t]+(?:from|of)[ \t]+(?!points?\b|pts?\.|pkt\.|pct\.|§)"
                          r"[^\n:]{1,60}?[ \t]+sent[ \t]+to[ \t]*:"
                          r"|(?m:^)[ \t]*Sent[ \t]+to[ \t]*:(?=[^\n]*" + _DASH + r"[ \t]*(?:pp?\.|points?|§)[ \t]*\d)"
                          r"|(?m:^)[ \t]*(?:[Ee]xcerpts?|[Ee]xtracts?)[ \t]+of[ \t]+(?=(?:points?|pts?\.|pkt\.|pct\.|§+|items?)[ \t]*\d"
                          r"[^\n]*?" + _DASH + r")"
                          # a line an extract: "Vypiska iz protokola N° 3 [gloss] - to Cde. X (p. 2)", "Extract from the minutes - to ..."
                          r"|(?m:^)[ \t]*(?:Vypiska[ \t]+iz[ \t]+protokola|(?:[Ee]xcerpt|[Ee]xtract)[ \t]+from[ \t]+(?:the[ \t]+)?"
                          r"(?:protocol|minutes|decision))(?:[ \t]+(?:N[°ºo]\.?|No\.?)[ \t]*[\w/-]+)?(?:[ \t]*\[[^\]\n]{1,60}\])?"
                          r"[ \t]*" + _DASH + r"(?=[ \t]*to[ \t])")
#: the numbers of points as written after "points": "2-3", "1, 3 and 5", "4 & 6"
POINTS_RUN = (r"\d{1,3}(?:[ \t]*[-–—][ \t]*\d{1,3})?(?:[ \t]*(?:,|and|&)[ \t]*\d{1,3}(?:[ \t]*[-–—][ \t]*\d{1,3})?)*")
EXCERPT_ENTRY = re.compile(r"\s*(?:to\s+)?(?P<who>.+?)\s+" + _DASH + r"\s+(?P<what>.+?)\s*\.?\s*$", re.DOTALL)
#: the points first: "points 1-3 - to the Ministry of Coal Industry", "all - to Cde. Didenko"
EXCERPT_ENTRY_POINTS_FIRST = re.compile(
    r"\s*(?:(?:po|on|for|under)\s+(?=[pi§]))?(?P<what>(?:points?|items?|paragraphs?|sections?|articles?|clauses?|punkty?|pts?\.|pkt\.|pct\.|pp?\.|§+)"
    r"\s*(?:\d|[IVX]+\b)[\dIVX\s,and\-–—§]*?|all|everything"   # "on items I and IV - to the Dagprodkom", "§ 2, § 3"
    r"|(?:the\s+\w+\s+)?in\s+full"
    r"|(?:the\s+)?whole(?:\s+(?:text|document|decision|resolution|minutes|protocol|record|point|section|item)"
    r"(?:\s+[IVXLC\d]+)?)?)\s+"
    r"(?:(?:" + _DASH + r"|→)\s*(?:to\s+)?|to\s+)(?P<who>(?:[^()]|\([a-z]\)|\([^()\d]{2,40}\))+?)(?P<tail>\s*,?\s*\(?\s*by\s+\w+(?:\s+\w+)?\s*\)?)?"
    r"\s*\.?\s*$",
    re.DOTALL | re.IGNORECASE)
#: the recipient, then "on" the points: "to Cde. Yelpatyevsky on items 1-3", "to the Ministry on the whole resolution"
EXCERPT_ENTRY_ON = re.compile(
    r"\s*(?:to\s+)?(?P<who>.+?)\s+on\s+(?P<what>(?:(?:items?|points?|paragraphs?|sections?|pp?\.|pts?\.|pkt\.|pct\.|§+)\s*\d[\d\s,and\-–—]*?"
    r"|the\s+whole(?:\s+(?:text|document|decision|resolution|minutes|protocol))?|all\s+(?:points|items)))"
    r"(?P<tail>\s*,?\s*\(?\s*by\s+\w+(?:\s+\w+)?\s*\)?)?\s*\.?\s*$", re.DOTALL | re.IGNORECASE)
#: "Excerpt from point 4 sent to Cde. Shevchuk and to the Lvov Obkom."
EXCERPT_FROM = re.compile(
    r"\b(?:[Ee]xcerpts?|[Ee]xtracts?|Vypisk[ai](?:[ \t]*\[[^\]\n]{1,20}\])?)\s+(?:of|from|on)\s+(?P<what>(?:points?|items?|§+)\s*\d[\d\s,and\-–—]*?)\s+"
    r"(?:[-–—]\s*)?"
    r"(?:(?:was\s+|were\s+)?sent\s+(?:on\s+\d{1,2}[./]\d{1,2}[./]\d{2,4}\s+|on\s+" + DATE_WRITTEN + r"\s+)?(?:(?:in|by)\s+(?:cipher|telegraph|telegram|courier|post|mail|radio|wire)"
    r"(?:\s+(?:telegram|cable|message|letter))?\s+)?)?"
    r"to\s+(?P<who>(?:(?!,?\s+and\s+an?\s+(?:extract|excerpt))[^\n;])+?)"   # not "..., and an extract of ... to Y"
    r"(?P<tail>\s*[-–—,]?\s*\(?\s*by\s+\w+(?:\s+\w+)?\s*\)?)?[ \t]*\.?[ \t]*$", re.MULTILINE)
#: an excerpt on a line of its own, the points before the recipient: "Vypiska p. 4 - Gorzdravotdel",
#: "Extract of points 2-3 - Cde. Ivanov"; or of the whole text: "Vypiska iz prikaza - t. Kovtun"
EXCERPT_LINE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,30}\][ \t]*)?(?:Vypisk[ai]|[Ee]xcerpts?|[Ee]xtracts?)(?:[ \t]*\[[^\]\n]{1,20}\])?[ \t]+"
    r"(?:(?:(?:of|from)[ \t]+)?(?P<what>(?:pp?\.|points?|items?|pkt\.|pct\.|§+)[ \t]*" + POINTS_RUN + r")"
    r"|(?P<whole>(?:iz|from|of)[ \t]+(?:the[ \t]+)?[^\W\d][\w'’]*(?:[ \t]*\[[^\]\n]{1,30}\])?))"
    r"[ \t]*[-–—][ \t]*(?:to[ \t]+)?(?P<who>[^\n;]+?)[ \t]*[.;]?[ \t]*$", re.MULTILINE)
_CHANNEL_WORDS = r"(?:cipher|telegraph|telegram|courier|post|mail|radio|wire|(?:VCh\s+|HF\s+)?tele?phone|telephonogram)(?:\s+(?:telegram|cable|message|letter))?"
#: where the recipient of an excerpt named in a sentence ends: a comma or a semicolon, a full stop,
#: "on 4.IV.", "for information", a registration number
_SENT_WHO_END = r"(?=\s*(?:[,;]|(?<!\bCde)(?<!\bCdes)(?<!\bMr)(?<!\bDr)(?<!\b[A-Z])\.\s|\.?[ \t]*$|\s+on\s+\d|\s+as\s+(?:an?\s+)?(?:extracts?|excerpts?)\b|\s+for\s+(?:information|execution|action)|\s+No\.))"
#: excerpts named in a sentence: "Point 3 sent as an extract to the District Committee in Debar, No. 3811";
#: "Points 2 and 5 sent to the Ministry of Labour on 4.IV."; "Extract (points 2 and 4) to the Ministry of
#: Health, 21.5.53; extract (points 1, 3 and 5) to ..."
EXCERPT_SENTENCES = (
    re.compile(r"(?:(?<=^)|(?<=\]\s)|(?<=\])|(?<=;\s))[ \t]*(?P<what>(?:[Pp]oints?|[Ii]tems?|§+)\s+\d[\d\s,and\-–—]*?)\s+"
               r"(?:of\s+this\s+\w+\s+)?(?:(?:was|were|is|are)\s+)?(?:to\s+be\s+)?(?:(?:copied|extracted|excerpted)\s+and\s+)?(?:sent|relayed|forwarded|communicated|transmitted)\s+"
               r"(?:as\s+(?:an?\s+)?(?:extracts?|excerpts?)\s+)?(?:(?:in|by)\s+" + _CHANNEL_WORDS + r"\s+)?"
               r"to\s+(?P<who>[^\n,;]+?)(?:\s+(?:in|by)\s+" + _CHANNEL_WORDS + r")?" + _SENT_WHO_END, re.MULTILINE),
    re.compile(r"\b(?:[Ee]xtracts?|[Ee]xcerpts?)\s*\(\s*(?P<what>(?:points?|items?|pp?\.|§+)\s*[^)]+?)\s*\)\s+(?:(?:was\s+|were\s+)?sent\s+)?"
               r"(?:(?:in|by)\s+" + _CHANNEL_WORDS + r"\s+)?to\s+(?P<who>[^\n,;]+?)" + _SENT_WHO_END),
    # "An extract of point 2 was sent to X on 14.III, and an extract of points 3 and 4 to Y, Vienna, on ..."
    re.compile(r"\b(?:[Ee]xtracts?|[Ee]xcerpts?)\s+of\s+(?P<what>(?:points?|items?|§+)\s*\d[\d\s,and\-–—]*?)\s+(?:(?:was|were)\s+sent\s+)?"
               r"(?:(?:in|by)\s+" + _CHANNEL_WORDS + r"\s+)?to\s+(?P<who>[^\n,;]+?)" + _SENT_WHO_END),
)
#: "Cde. Zverev (point 2)", "Cdes. Kosygin and Benediktov (points 1, 4)", "... (point 6) by cipher"
EXCERPT_ENTRY_PAREN = re.compile(
    r"\s*(?P<who>(?:[^()]|\([a-z]\))+?)\s*\(\s*(?:(?:points?|pp?\.|items?|paragraphs?|sections?|articles?|art\.|§+)\s*(?P<what>[^)]+?)"
    r"|(?P<whole>everything|all(?:\s+(?:points|items|paragraphs))?|in\s+full|(?:the\s+)?(?:whole|entire|full)(?:ly)?(?:\s+[a-z]+)?))\s*\)"
    r"(?P<tail>[^()]*?)\s*\.?\s*$", re.DOTALL | re.IGNORECASE)
#: where the entries of an excerpt list end when they are not separated by semicolons:
#: "Cde. Zverev (point 2), Cde. Kosygin (everything), ..."
EXCERPT_PAREN_SEP = re.compile(r"(?<=\))(?:[^(),;]*?\bby\s+\w+)?\s*,\s*")
