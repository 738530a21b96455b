"""How editors write their marks: the phrasings of [sic], corrections, gaps, damage, notes,
handwriting, stamps and crossings-out that the bracket rules (``ingest.brackets``) read."""

from __future__ import annotations

import re

from provenance.vocab import ORDINALS, STRUCK_OUT, TITLE

RE_SIC = re.compile(r"^\s*((?:sic\s*[,;:]?\s*)?(?:sic|thus|so|as)\s+in\s+(?:the\s+)?original|(?:thus|so|as)\s+written"
                    r"(?:\s+in\s+(?:the\s+)?original)?|sic|!)\s*!?\s*$", re.I)   # "[sic, as in original]", "[as written]"
#: "Tokhtasyn [?]": the editor doubts the word before
RE_QUERY = re.compile(r"^\s*(?:\?|(?:(?:the\s+)?(?:reading|name|spelling|word|figure|number|date)\s+(?:is\s+)?)?"
                      r"(?:uncertain|doubtful|not\s+certain|conjectural)"   # "[the reading is conjectural]"
                      r"|(?:uncertain|doubtful|conjectural)\s+(?:reading|spelling))\s*\??\s*$",
                      re.IGNORECASE)   # "Tokhtasyn [?]", "Kyzyl-Kain [reading uncertain]": the word read, with doubt
#: a reading offered with doubt: "[Haji?]", "[Ma Desheng?]" (not a question: "[who?]")
RE_DOUBTED = re.compile(r"^(?!(?:who|what|where|when|why|how|which)\b)(?P<reading>[^?\[\]]{1,60}?)\s*\?$", re.I)
#: a correction without the word sic: "[recte 300]", "[read: 9,000,000]", "[sic, read: 15 November]"
RE_RECTE = re.compile(r"^\s*(?:sic\s*[.,;:]?\s*)?(?P<flag>recte\s*:?|read\s*:|should\s+read\s*:?"
                      # "[error in the original for 1937]", "[misprint for Kazan]"
                      r"|(?:an?\s+)?(?:error|mistake|misprint|slip)\s+(?:in\s+the\s+original\s+)?for)\s*(?P<corr>\S.*?)\s*$", re.I)
#: damage to the original: "[page torn]", "[hole in the paper]", "[text damaged]"
RE_DAMAGE = re.compile(r"\b(?:torn|tear|damaged?|hole|burnt|burned|stain(?:ed)?|faded|water-?damaged|worn(?:\s+(?:through|away))?|cut\s+off|missing\s+corner"
                       r"|destroyed|damp|mou?ld(?:y|ed)?|rotted|eaten\s+away"
                       r"|(?:ink\s+)?blot(?:ted)?|obscured|smudged"
                       r"|lost\s+(?:at|in)\s+the\s+(?:fold|binding|margin))\b", re.I)
#: the lower-case word just before a name
_NOUN_BEFORE = re.compile(r"\b([a-z]{3,})\s+$")
RE_SIC_CORR = re.compile(
    r"^\s*(?P<flag>sic|(?:thus|so)(?=\s*[,;:]\s*(?:perhaps|possibly|probably|presumably|apparently|evidently)\b))"
    r"\s*(?:[,;:]|[-–—])?\s*(?:(?P<hedge>perhaps|possibly|probably|presumably|apparently|evidently|likely"
    r"|should be|read|the\s+correct\s+(?:figure|date|name|number|reading|word|year)\s+is)\s+)?"
    r"(?P<corr>.+?)(?P<tail>\s+(?:was|is|(?:seems|appears)\s+to\s+(?:be|have\s+been))\s+"
    r"(?:(?:probably|presumably|evidently|clearly|apparently)\s+)?(?:intended|meant))?\s*$", re.I)
RE_ILLEGIBLE = re.compile(r"^\s*(?:(?:an?\s+)?(?:illegible|illeg\.)(?:\s+(?P<extent>.+?))?|"
                          r"(?P<count>\w+)\s+illegible\s+(?P<unit>words?|lines?|letters?)|(?:word|name|figure)\s+unclear|"
                          r"(?P<what>\w+(?:\s\w+)?)\s+(?:is\s+)?illegible)\s*$", re.I)
#: the words that say a passage cannot be read: "[name cannot be made out]", "[initials, not deciphered]"
_UNREADABLE = (r"illegible|unreadable|indecipherable|not legible|(?:can\s*not|could\s+not)\s+be\s+(?:read|made\s+out|"
               r"deciphered)|not\s+(?:deciphered|made\s+out)")
RE_UNREADABLE = re.compile(_UNREADABLE, re.I)
RE_GAPDESC = re.compile(_UNREADABLE + r"|missing|omitted|omission|cut off|torn|damaged|not reproduced|"
                        r"no\s+(?:figure|sum|amount|date|name|number)\s+in\s+the\s+original|"   # "[no figure in the original]"
                        r"original\s+(?:gives|has|states|names)\s+no\b|original\s+(?:leaves|omits)\b|"
                        r"text (?:not|un)|not (?:stated|given|filled in)", re.I)   # "[sum not stated in the original]"
#: a reading offered with doubt: [illegible; perhaps "Dzamyn-Ude"], [unclear, possibly Kosh-Agach]
RE_UNCLEAR = re.compile(r"^\s*(?:(?:illegible|unclear|indistinct|hard to read)\s*[;,:]?\s*"
                        r"(?:perhaps|possibly|probably|presumably|reads?|reading)\s*:?"
                        # "[partly illegible: "inspection"]", "[reading doubtful: 1 May]"
                        r"|(?:partly|partially)\s+illegible\s*:|reading\s+(?:doubtful|uncertain|unclear)\s*:)\s*"
                        r"[\"“']?(?P<reading>[^\"”']+?)[\"”']?\s*$", re.I)
#: a quoted reading offered with doubt however the editor words it: [possibly "Kuvatov"; partly
#: illegible], [name partly illegible, perhaps "Fontanesi"]
RE_UNCLEAR_QUOTED = re.compile(r"^(?=[^\[\]]*\b(?:illegible|unclear|indistinct|hard\s+to\s+read|torn|damaged|faded|blotted|obscured)\b)"
                               r"(?=[^\[\]]*\b(?:perhaps|possibly|probably|presumably|(?:may|might|could)\s+be)\b)"
                               r"[^\"“\[\]]*[\"“](?P<reading>[^\"“”]+)[\"”][^\"“\[\]]*$", re.I)


def damage_reason(description: str) -> dict:
    """The reason of a doubted reading when the editor's words name damage ("[torn; the word may be
    "Ratnapura"]"): {"reason": "damage"}; else none (the encoder's default: illegible)."""
    return {"reason": "damage"} if RE_DAMAGE.search(description) else {}


def unclear_match(inner: str) -> re.Match | None:
    """The match of a bracket offering a reading with doubt: ``RE_UNCLEAR``'s wordings, then a quoted
    reading with a hedge and a word for illegible anywhere around it."""
    return RE_UNCLEAR.match(inner) or RE_UNCLEAR_QUOTED.match(inner)


#: words the author crossed out, quoted by the editor: [crossed out: "Kobulov"]
RE_DELETED = re.compile(r"^\s*(?:(?:words?|line|passage|text)\s+)?" + STRUCK_OUT + r"(?:\s+in\s+the\s+original)?\s*[:,]?\s*"
                        r"[\"“]?(?P<body>[^\"“”]*?)[\"”]?\s*$", re.I)
#: words left out by the editor: [...], […]
RE_ELLIPSIS = re.compile(r"^\s*(?:\.\s*){3}\s*$|^\s*…\s*$")
#: a literal translation: [literally "White Hill"], [lit. Red Star]
RE_LITERALLY = re.compile(r"^\s*(?:literally|lit\.)\s*[:,]?\s*\S", re.I)
#: how many words, lines or letters could not be read: "two words", "3 lines"
RE_COUNTED = re.compile(r"^(?P<n>\d{1,3}|" + "|".join(
    "one two three four five six seven eight nine ten".split()) + r")\s+(?P<unit>words?|lines?|letters?|characters?)$", re.I)
_NUMBER_NAMES = {w: k for k, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
RE_BLANK = re.compile(r"^\s*(?:(?:(?:space|date|number|name|sum|figure|place)\s+)?(?:left blank|blank|blank space|space)"
                      r"|(?:an?\s+)?(?:blank\s+)?(?:space|blank|gap)\s+(?:has\s+been\s+|was\s+|is\s+)?left(?:\s+blank)?(?:\s+for\s+(?:the\s+|a\s+)?\w+)?"
                      r"|not\s+filled\s+in|left\s+(?:unfilled|empty|blank)|(?:unfilled|empty)(?:\s+space)?"
                      r"|(?:a\s+)?space\s+for\s+(?:the\s+|a\s+)?\w+)(?:\s+in\s+the\s+original)?\s*$", re.I)   # "[space left blank]", "[date left blank]", "[not filled in]"
RE_REDACTED = re.compile(r"^\s*email\s+protected\s*$", re.I)
RE_TNOTE = re.compile(r"^\s*(?P<label>(?:translator|translation|editor|compiler|trans|tr|ed)(?:['’]s|s['’]|s)?\.?\s+note|note\s+(?:of|by|from)\s+the\s+"
                      r"(?:translator|editor|compiler)|(?:translator|editor)['’]?s?\s+(?:comment|remark|explanation)|TN|N\.B\.)\s*[:.\-–]\s*(?P<body>.*)$", re.I | re.S)
#: a note's label naming the edition's editor or compiler rather than the translator
RE_EDITOR_LABEL = re.compile(r"\b(?:editor|ed|compiler)\b", re.I)
RE_ONOTE = re.compile(r"^\s*(?P<label>(?:in\s+the\s+original,\s*an?\s+|typed\s+|printed\s+|original\s+|asterisked\s+|bottom-of-(?:the-)?page\s+"
                      r"|author['’]s\s+)?(?:foot)?note(?:\s+\d{1,3}|\s+marked\s+with\s+an?\s+\w+)?(?:\s+in\s+the\s+(?:original|typescript|document))?"
                      # "note at the bottom of the page", "note, bottom of sheet"
                      r"(?:(?:\s+(?:at|in|on)\s+the|\s*,)\s+(?P<where>bottom|top|margin|foot|head|side|end|reverse)"
                      r"(?:\s+of\s+(?:the\s+)?(?:page|document|sheet|original))?)?)\s*:\s*(?P<body>.*)$", re.I | re.S)
RE_HAND = re.compile(r"^\s*(?P<label>(?:in\s+[A-Z][a-z]+\s*,\s*)?"   # "in Russian, in pencil, ...:": the hand's language
                     r"(?P<first>(?:(?:at|in|on|below|above|under|beside)\s+(?:the\s+)?[^,:\[\]\n]{2,50}?\s*,\s*){1,2})?"   # "in the margin, in pencil:"
                     r"(?:(?:added|written|noted|further|then|continued|the\s+following|what\s+follows)\s+(?=in\s))?"   # "Further in another hand"
                     r"(?:(?:resolution|addition|remark)(?P<before>[^:\]\[]{0,40}?)[ ,]+)?"   # "Resolution in the upper left corner, handwritten"
                     r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}['’]s\s+)?"   # "Mao Zedong's handwritten comment"
                     r"(?:hand[- ]?written(?:\s+(?:addition|resolution|remark|note|comment|inscription|annotation|instruction))?"
                     r"|handwriting|written by hand|in handwriting|(?:added|written(?:\s+in)?|inserted|entered|continued)\s+by\s+hand"
                     r"|(?:in\s+(?:pencil|ink|crayon),\s*)?in\s+(?:another|a\s+different|a\s+second)\s+hand"
                     r"|resolution(?=\s+(?:at|in|on)\s|\s*:)|inserted(?=\s+between\s+the\s+lines)"
                     r"|(?:resolution\s+)?in\s+(?:\w+\s+)?(?:pencil|ink|crayon)|pencill?ed(?=\s+(?:at|in|on|beside)\s)))"
                     r"(?P<where>,?\s+(?:at|in|on|across|along|above|below|under|between|beside)\s+(?:the\s+)?[^:\]\[]+?)?\s*:\s*(?P<body>.*)$",
                     re.I | re.S)
#: a page of the original begins here: "[page break]", "[page 2]", "[p. 3]", "[new page]", "[l. 14 ob.]"
#: a page named by its ordinal: "[second page]", "[third sheet]"
_ORDINALS = {w: str(k) for k, w in enumerate(ORDINALS, 1)}
RE_PAGE = re.compile(r"^\s*(?:page\s+break|new\s+page|end\s+of\s+page|overleaf|verso|reverse(?:\s+of\s+the\s+(?:sheet|page|leaf))?"
                     r"|(?P<ord>" + "|".join(_ORDINALS) + r")\s+(?:page|sheet|leaf|side)"
                     r"|(?:page|p\.|folio|fol\.|f\.|sheet|side|leaf|l\.|list)\s*"
                     r"(?P<n>\d{1,4}(?:\s*(?:ob\.?|verso|recto|[rv]))?)(?:\s+of\s+the\s+(?:\w+\s+){0,2}"
                     r"(?:original|letter|document|typescript|report|record|text|minutes|protocol))?)\s*$", re.I)
#: a feature of the original page that the transcription does not reproduce, named bare: "[signature]"
#: a signature not reproduced, as an editor names it: "[signature]", "[autograph signature]", "[sgd.]"
_SIGNATURE = (r"(?:(?:autograph|handwritten|personal|facsimile|his|her|their)\s+signatures?"
              r"|signature(?:\s+in\s+(?:ink|pencil|\w+\s+ink))?|(?:hand-?\s?)?signed|signed\s+by\s+hand|sgd\.?|initials"
              # who could not write signs with a mark: "[mark of a cross]", "[his mark]", "[thumbprint]"
              r"|(?:the\s+)?mark\s+of\s+a\s+cross|(?:his|her)\s+mark|thumb-?\s?print|finger-?\s?print)")
RE_SIGNATURE = re.compile(r"^\s*" + _SIGNATURE + r"\s*$", re.I)
RE_FEATURE = re.compile(r"^\s*(?:" + _SIGNATURE + r"|monogram|seal|emblem|coat\s+of\s+arms|photograph|photo"
                        r"|drawing|map|diagram|sketch|illustration)\s*$", re.I)
#: signatures counted, not reproduced: "[14 more signatures]", "[three signatures]"
_HOW_MANY = r"\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
RE_SIGNATURES = re.compile(r"^\s*(?:(?:followed\s+by\s+|and\s+)?(?P<n>" + _HOW_MANY + r")\s+(?:more\s+|other\s+|further\s+)?signatures"
                           r"(?:\s+follow)?|signatures\s+of\s+(?P<m>" + _HOW_MANY + r")\s+(?:more\s+|other\s+|further\s+)?"
                           r"[a-z]+\s+follow)(?:\s*[,;]\s*[^\[\]]{1,60})?\s*$", re.I)   # "[14 more signatures]", "[signatures of 37 more persons follow]"
#: a stamp named bare: "[stamp]", "[seal]"
RE_BARE_STAMP = re.compile(r"^\s*(?:rubber\s+|round\s+|corner\s+)?stamp\s*$", re.I)
#: Handwriting quoted by the editor, then perhaps described: '"2025 N 12236" and some illegible letters'.
RE_QUOTED_HAND = re.compile(r"\s*[\"“](?P<words>[^\"“”]+)[\"”]")
#: a stamp or seal on the original, described by the editor: '[stamp: "Declassified"]'
RE_STAMP = re.compile(r"^\s*(?P<label>(?:(?:impression|imprint|trace)\s+of\s+(?:an?\s+|the\s+)?)?(?:(?!of\b|the\b|text\b)[a-z-]+\s+){0,2}(?:stamp|seal)"
                      # "stamp of the Allied Control Commission:", "stamp with the arms of the republic:"
                      r"(?:\s+(?:of|with|bearing|showing)\s+(?:the\s+|an?\s+)?[^:\]\[\n]{3,80}?)?"
                      r"(?:\s+(?:at|in|on)\s+(?:the\s+)?[a-z ]+?)?(?:,\s*[a-z ]{3,30}?)?)\s*:\s*(?P<body>.*\S)\s*$", re.I | re.S)
RE_LABELLED = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z'’ ]{1,40}?)\s*:\s*(?P<body>.+)$", re.S)

PLACE_FROM = {"top": "top", "head": "top", "upper": "top", "bottom": "bottom", "foot": "bottom", "lower": "bottom",
              "margin": "margin", "side": "margin", "end": "end", "reverse": "overleaf", "above the address": "top",
              "above the text": "top", "above the title": "top", "above": "above",
              "below": "below", "under": "below", "across": "across", "along": "margin", "between the lines": "above",
              "back": "overleaf", "beside": "margin"}

#: what a hand writes with, or how it writes: a description of the original's handwriting names one
_HAND_WORDS = r"pencil\w*|ink|crayon|pen|(?:hand)?written|handwriting|inscribed|scrawled|scribbled|slantwise|annotation|marginal|resolution"
#: a hand's words quoted after a description the other wordings do not foresee, so long as it names
#: what the hand wrote with or how, and no stamp, print or footnote: '[written slantwise across the
#: upper left corner: "..."]', '[marginal note in violet ink, left of point 7: "..."]'
RE_DESCRIBED_HAND = re.compile(r"^\s*(?P<where>(?=[^:\"“\[\]\n]*\b(?:" + _HAND_WORDS + r")\b"
                               # or a place on the page: "in the margin beside point 3, in Russian", "in the
                               # right-hand margin", "in the upper right corner"
                               # ("Note in the margin of the original:" is the original's note)
                               r"|(?!\s*notes?\b)(?=[^:\"“\[\]\n]*\b(?:margin|corner|top|foot|bottom|beside|opposite|above|below|across)\b))"
                               r"(?![^:\"“\[\]\n]*\b(?:stamp|seal|foot-?note|typed|printed|typescript|translator)\b)"
                               r"[^:\"“\[\]\n]{3,100}?)\s*:\s*(?P<body>[\"“].*)$", re.I | re.S)
#: what follows is in another hand, however the editor places it: "[Below, in violet ink, in another hand:]"
RE_SHIFT_DESCRIBED = re.compile(r"^\s*(?P<where>[^:\[\]\n]{0,60}?)\b(?:in|by)\s+(?:another|a\s+different|a\s+second|(?:the\s+)?[\w\s-]{2,40}?['’]s)\s+hand"
                                r"\s*:\s*(?P<body>)$", re.I)


def hand_match(inner: str) -> re.Match | None:
    """The match of a bracket's words as the original's handwriting: the wordings of ``RE_HAND``, then a
    hand's quoted words after another description, then a shift to another hand described otherwise."""
    return RE_HAND.match(inner) or RE_DESCRIBED_HAND.match(inner) or RE_SHIFT_DESCRIBED.match(inner)

#: titles, ranks and offices that precede a person's name (with initials between: "Cde. Yu. X",
#: "General-Colonel X", "Deputy Minister X")
RE_TITLE_BEFORE = re.compile(r"\b" + TITLE + r"\s+(?:[A-Z][a-z]?\.\s*){0,3}(?:[A-Z][\w'’-]+\s+){0,2}$")

#: a blank line: the end of a paragraph
RE_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: verbs of speaking and acting right after a name (and its gloss): the name is a person's
RE_SPEAKING_AFTER = re.compile(
    r",?\s*(?:(?:has|had|then|also|again|personally)\s+)?(?:said|says|stated|states|declared|reported|replied|"
    r"answered|asked|noted|remarked|announced|added|insisted|proposed|suggested|objected|agreed|promised|"
    r"explained|informed|ordered|signed|telephoned|wrote|arrived|left)\b")
