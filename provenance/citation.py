"""Archival citations: "GARF, Fond R-9401ss, Opis' 2, Delo 95, ll. 334-338" and their kin.

Russian archival references name a repository, then a fond (record group), an opis
(inventory), sometimes a papka (folder, at the foreign-policy archive), a delo (file) and
the folios (list/listy, with "ob." for a verso). Transcriptions spell the parts in many
ways: ``Fond``/``f.``/``F.``, ``Opis'``/``op.``/``Op.``, ``Papka``/``Pap.``/``p.``,
``Delo``/``d.``/``D.``, ``ll.``/``l.``/``L.``, or in Cyrillic. Each part is kept exactly as
written (``fond_raw``) and as a normalized value (``fond``) that still keeps leading zeros and
letter suffixes, which are part of the identifier ("9401s", "06").
"""

from __future__ import annotations

import re

#: the levels of an archival unit, outermost first (each nests the next in TEI ``msIdentifier``)
UNIT_LEVELS: tuple[str, ...] = ("fond", "opis", "papka", "delo")

#: acronym -> full English name of the repository
REPOSITORIES: dict[str, str] = {
    "GARF": "State Archive of the Russian Federation",
    "RGASPI": "Russian State Archive of Socio-Political History",
    "RTsKhIDNI": "Russian Center for the Preservation and Study of Records of Modern History",
    "AVPRF": "Archive of Foreign Policy of the Russian Federation",
    "APRF": "Archive of the President of the Russian Federation",
    "RGANI": "Russian State Archive of Contemporary History",
    "TsKhSD": "Center for the Storage of Contemporary Documentation",
    "TsAMO": "Central Archive of the Ministry of Defense of the Russian Federation",
    "RGVA": "Russian State Military Archive",
    "RGVIA": "Russian State Military History Archive",
    "RGAE": "Russian State Archive of the Economy",
    "RGIA": "Russian State Historical Archive",
    "RGALI": "Russian State Archive of Literature and Art",
    "RGADA": "Russian State Archive of Ancient Acts",
    "TsA FSB": "Central Archive of the Federal Security Service of the Russian Federation",
    "RGAKFD": "Russian State Documentary Film and Photo Archive",
}

#: spelling as written (lower-cased, spaces squeezed) -> acronym
_REPO_FORMS: dict[str, str] = {
    "garf": "GARF", "гарф": "GARF",
    "rgaspi": "RGASPI", "ргаспи": "RGASPI",
    "rtskhidni": "RTsKhIDNI", "ртсхидни": "RTsKhIDNI", "рцхидни": "RTsKhIDNI",
    "avprf": "AVPRF", "avp rf": "AVPRF", "avp": "AVPRF", "авп рф": "AVPRF", "авпрф": "AVPRF",
    "aprf": "APRF", "ap rf": "APRF", "ап рф": "APRF", "апрф": "APRF",
    "rgani": "RGANI", "ргани": "RGANI",
    "tskhsd": "TsKhSD", "цхсд": "TsKhSD",
    "tsamo": "TsAMO", "tsamo rf": "TsAMO", "цамо": "TsAMO", "цамо рф": "TsAMO",
    "rgva": "RGVA", "ргва": "RGVA",
    "rgvia": "RGVIA", "ргвиа": "RGVIA",
    "rgae": "RGAE", "ргаэ": "RGAE",
    "rgia": "RGIA", "ргиа": "RGIA",
    "rgali": "RGALI", "ргали": "RGALI",
    "rgada": "RGADA", "ргада": "RGADA",
    "tsa fsb": "TsA FSB", "tsa fsb rf": "TsA FSB", "ца фсб": "TsA FSB",
    "rgakfd": "RGAKFD", "ргакфд": "RGAKFD",
}
for _acr, _name in REPOSITORIES.items():
    _REPO_FORMS[_name.lower()] = _acr

_REPO_ALTS = sorted(
    {re.escape(form).replace(r"\ ", r"\s+") for form in _REPO_FORMS}, key=len, reverse=True
)
_REPO_FORM = r"(?<![\w-])(?i:" + "|".join(_REPO_ALTS) + r")(?![\w-])"
# "Archive of Foreign Policy of the Russian Federation (AVP RF), f. 06": both names, one repository
_REPO = r"(?P<repo>" + _REPO_FORM + r"(?:\s*\(\s*" + _REPO_FORM + r"\s*\))?)"

_NUMSIGN = r"(?:(?:No\.?|N°|Nº|№)\s*)?"
_DASH = r"\s*[-‐‑–—]\s*"
_SEP = r"[ \t]*[,;.]?[ \t]*\n?[ \t]*"   # "f. 17, op. 3", "F. R-5451. Op. 43."

# values: leading zeros and letter suffixes are part of the identifier
_FOND_VAL = r"(?P<fond>(?:[A-ZА-Я]{1,2}[-‐‑]?)?\d+[a-zа-я]{0,4}(?:/\d+)?)"
_OPIS_VAL = r"(?P<opis>\d+[a-zа-я]{0,3}(?:/\d+)?)"
_PAPKA_VAL = r"(?P<papka>\d+[a-zа-я]?)"
_DELO_VAL = r"(?P<delo>\d+[a-zа-я]{0,3}(?:/\d+)?)"
_FOLIO = r"\d+(?:\s?(?:ob\.?|об\.?|v(?![a-z])))?"
_RANGE = _FOLIO + r"(?:" + _DASH + _FOLIO + r")?"
_FOLIOS_VAL = r"(?P<folios>" + _RANGE + r"(?:\s*,\s*" + _RANGE + r")*)"

# a Chinese archive's levels in pinyin: quanzong (fonds), mulu (catalogue), juan (file)
_FOND = (r"(?P<fond_raw>(?<![\w])(?:[Ff]ond|FOND|[Ff]\.|[Фф]\.|[Фф]онд|[Qq]uanzong)\s*" + _NUMSIGN
         + _FOND_VAL + r")")
# the Baltic and Ukrainian archives' words for the same levels: the inventory is apraksts (apr.) in
# Latvian, aprašas (ap.) in Lithuanian; the file sprava (spr.) in Ukrainian, byla (b.) in Lithuanian,
# lieta (l.) in Latvian, where lapa (lp.) is the folio, as arkush (ark.) is in Ukrainian; the Romanian and
# Moldovan inventory is inventar (inv.), the file dosar (d.), its leaves file (f., after the file)
_OPIS = (r"(?P<opis_raw>(?:[Oo]pis['’ʹ`]?|OPIS['’ʹ`]?|[Oo]p\.|[Оо]п\.|[Оо]пись|[Mm]ulu|[Aa]pr\.|[Aa]p\.|[Ii]nv\.|[Ii]nventory)\s*"
         + _NUMSIGN + _OPIS_VAL + r")")
_PAPKA = (r"(?P<papka_raw>(?:[Pp]apka|PAPKA|[Pp]ap\.|PAP\.|[Pp]\.|[Пп]апка|[Пп]ап\.|[Пп]\.)\s*"
          + _NUMSIGN + _PAPKA_VAL + r")")
_DELO = (r"(?P<delo_raw>(?:[Dd]elo|DELO|[Dd]\.|[Дд]\.|[Дд]ело|[Jj]uan|[Ss]pr\.|[Bb]\.|[Ll]\.(?=\s*\d+[a-z]?\s*[,;]\s*lp\.)"
         r"|[Ee]d\.\s*[Kk]hr\.|(?<=[,;] )[Ff]ile(?=\s+\d))\s*"   # the storage unit ("ed. khr."), the English "file"
         + _NUMSIGN + _DELO_VAL + r")")
_FOLIOS = (r"(?P<folios_raw>(?:[Ll]l\.|LL\.|[Ll]p\.|[Ll]\.|[Ll]isty?|[Лл]л\.|[Лл]\.|pp?\.|[Aa]rk\.|ff?\.|[Ss]heets?|[Ll]eaves|[Ff]olios?(?=\s+\d))\s*"
           + _FOLIOS_VAL + r")")

_CITATION = re.compile(
    r"(?:" + _REPO + _SEP + r")?"
    + _FOND
    + r"(?:" + _SEP + _OPIS + r")?"
    + r"(?:" + _SEP + _PAPKA + r")?"
    + r"(?:" + _SEP + _DELO + r")?"
    + r"(?:" + _SEP + _FOLIOS + r")?"
)

_FOLIO_NUM = re.compile(r"(\d+)(\s?(?:ob\.?|об\.?|v(?![a-z])))?")


#: a Nordic archive's citation, its levels named in words: the archive, the creator's fonds by name,
#: the series (serie, sarja), a box that is not recorded (boks, laatikko), the folder (mappe, kansio),
#: the pages (s.): "Statsarkivet i Tromsø, Sysselmannen på Svalbard, serie Da, boks 41, mappe 7, s. 22-24",
#: "Kansallisarkisto, Sotakorvausteollisuuden valtuuskunnan arkisto, sarja Ea, kansio 37, s. 112-115"
_NORDIC = re.compile(
    r"(?P<repo>(?:[A-ZÅÄÖÆØ][\wåäöæø-]*\s+){0,3}?[A-ZÅÄÖÆØ][\wåäöæø-]*(?:arkiv(?:et)?|arkisto)"
    r"(?:\s+i\s+[A-ZÅÄÖÆØ][\wåäöæø-]+)?)"
    r"\s*,\s*(?P<fond_raw>(?P<fond>[^,\n]{3,80}?))\s*,\s*(?P<opis_raw>(?:[Ss]erie[ns]?|[Ss]arja|[Ss]erie)\s+(?P<opis>[\w.-]{1,10}))"
    r"(?:\s*,\s*(?:[Bb]oks|[Bb]ox|[Ll]aatikko|[Ll]åda|[Ææ]ske)\s+[\w.-]+)?"
    r"\s*,\s*(?P<delo_raw>(?:[Mm]appe|[Mm]app|[Kk]ansio|[Ff]older)\s+(?P<delo>[\w.-]{1,10}))"
    r"(?:\s*,\s*(?P<folios_raw>(?:s|ss|sivut?|sider?|pp?)\.\s*(?P<folios>\d+(?:\s*[-–]\s*\d+)?)))?")


def _nordic(text: str) -> list[dict]:
    out = []
    for m in _NORDIC.finditer(text):
        g = m.groupdict()
        folio_from, folio_to = _folio_bounds(g["folios"]) if g.get("folios") else (None, None)
        levels = {k: g.get(k) for k in ("fond", "fond_raw", "opis", "opis_raw", "delo", "delo_raw", "folios", "folios_raw")}
        out.append({"repository": None, "repository_raw": g["repo"], "repository_name": g["repo"], **levels,
                    "folio_from": folio_from, "folio_to": folio_to, "raw": m.group(0), "start": m.start(), "end": m.end()})
    return out


def repository_name(acronym: str | None) -> str | None:
    """The full name of a repository from its acronym ("GARF" -> "State Archive of ...")."""
    if not acronym:
        return None
    return REPOSITORIES.get(acronym)


def normalize_repository(raw: str | None) -> str | None:
    """The canonical acronym for a repository as written ("AVP RF" -> "AVPRF"), or None."""
    if not raw:
        return None
    for part in re.split(r"[()]", raw):
        key = re.sub(r"\s+", " ", part.strip()).lower()
        if key in _REPO_FORMS:
            return _REPO_FORMS[key]
    return None


def _folio_bounds(folios: str) -> tuple[str | None, str | None]:
    nums = []
    for m in _FOLIO_NUM.finditer(folios):
        suffix = "ob" if m.group(2) and m.group(2).strip().lower().startswith(("ob", "об", "v")) else ""
        nums.append(m.group(1) + suffix)
    if not nums:
        return None, None
    return nums[0], nums[-1]


#: an archive named in words before its fond ("Central State Archive of the Republic of Kazakhstan,
#: f. 1380"; "Xinjiang Uyghur Autonomous Region Archive, Quanzong 1"): the words since the last comma
#: or full stop, one of them a word for an archive
_ARCHIVE_WORD = re.compile(r"(?i)\b(?:archives?|archiv\w*|arkhiv\w*|archiw\w*|archivo|archief|levéltár\w*)\b")
_ARCHIVE_BEFORE = re.compile(r"(?:^|[,.;:(]\s*)(?P<name>[^\W\d][^,.;:()\n]{2,118}?)\s*,?\s*$")


def _archive_before(text: str, fond_at: int) -> tuple[int, str] | None:
    """(start, name) of an archive named in words right before a fond, or None."""
    m = _ARCHIVE_BEFORE.search(text, max(0, fond_at - 120), fond_at)
    if not m or not _ARCHIVE_WORD.search(m.group("name")) or "Digital Archive" in m.group("name"):
        return None
    return m.start("name"), " ".join(m.group("name").split())


#: an archive the list of repositories does not know, named by its acronym right before the fond
#: ("LVA, f. PA-101", "TsDAHOU, f. 1"): two capitals at least, at the start or after a comma, of up to
#: three words ("GU NA RKh"), perhaps with its city after it ("GAMO (Murmansk)") or in brackets after
#: the archive's full name ("Central State Archive of the Udmurt Republic (TsGA UR), fond")
_ACRONYM_BEFORE = re.compile(r"(?:^|[,;:(]\s*)(?P<name>[A-Z][A-Za-z]{0,6}[A-Z][A-Za-z]{0,6}(?: [A-Z][A-Za-z]{0,3}(?:-[A-Z][A-Za-z]{0,3})?"
                             r"(?:\([A-Z][a-z]?\))?){0,2})"   # "TsGA RSO-A"; "EF GASO (Engels Branch of ...)"
                             r"(?:\s*\([A-Z][a-z]+\)|\s*\([A-Z][a-z]+(?: [\w'’-]+){2,12}\))?\)?\s*,?\s*$")


def _acronym_before(text: str, fond_at: int) -> tuple[int, str] | None:
    """(start, acronym) of an archive named by an acronym right before a fond, or None."""
    m = _ACRONYM_BEFORE.search(text, max(0, fond_at - 110), fond_at)
    return (m.start("name"), m.group("name")) if m else None


def _from_match(m: re.Match) -> dict | None:
    g = m.groupdict()
    has_repo = bool(g.get("repo"))
    parts = sum(1 for k in ("opis", "delo", "folios") if g.get(k))
    # "F. 17" on its own is not a citation; with a repository or further parts it is.
    named = None if has_repo else _archive_before(m.string, m.start("fond_raw"))
    acronym = None if has_repo or named or parts < 2 else _acronym_before(m.string, m.start("fond_raw"))
    if not has_repo and not named and parts < 2:
        return None
    # the match ends on the last part actually present
    end = m.start("fond_raw")
    for k in ("fond_raw", "opis_raw", "papka_raw", "delo_raw", "folios_raw"):
        if g.get(k):
            end = m.end(k)
    start = m.start("repo") if has_repo else m.start("fond_raw")
    if named or acronym:
        start = (named or acronym)[0]
    raw = m.string[start:end]
    folios = g.get("folios")
    folio_from, folio_to = _folio_bounds(folios) if folios else (None, None)
    repo = normalize_repository(g.get("repo")) if has_repo else None
    out = {
        "repository": repo,
        "repository_raw": g.get("repo") or (named[1] if named else acronym[1] if acronym else None),
        "repository_name": repository_name(repo) or (named[1] if named else None),
        "fond": g.get("fond"),
        "fond_raw": g.get("fond_raw"),
        "opis": g.get("opis"),
        "opis_raw": g.get("opis_raw"),
        "delo": g.get("delo"),
        "delo_raw": g.get("delo_raw"),
        "folios": folios,
        "folios_raw": g.get("folios_raw"),
        "folio_from": folio_from,
        "folio_to": folio_to,
        "raw": raw,
        "start": start,
        "end": end,
    }
    if g.get("papka"):
        out["papka"] = g["papka"]
        out["papka_raw"] = g["papka_raw"]
    return out


# A citation holds a fond ("Fond 17", "f. 17", "Ф. 17"), optionally after a repository name
# ("GARF, "): a match of the citation pattern starts at a fond keyword, or at most a repository
# name and separators (letters, spaces, parentheses, commas, hyphens) before it. Trying the
# pattern only there finds the same matches as a search from every position, much faster.
_FOND_KEYWORDS = ("fond", "f.", "ф.", "фонд", "quanzong")
_CITATION_BARRIER = frozenset("0123456789.:!?\"'[]{}/\\<>*&^%$#@~`=+_|")
_FOLD_TROUBLE = re.compile("[\u0130\u0131\u017f\u212a]")  # letters whose lower case moves offsets or matches


def _find_all(low: str, kw: str, pos: int):
    i = low.find(kw, pos)
    while i >= 0:
        yield i
        i = low.find(kw, i + 1)


def _citation_search(text: str, low: str, pos: int):
    """``_CITATION.search(text, pos)``, trying the pattern only near fond keywords."""
    for k in sorted({i for kw in _FOND_KEYWORDS for i in _find_all(low, kw, pos)}):
        lo = k
        while lo > pos and text[lo - 1] not in _CITATION_BARRIER:
            lo -= 1
        for p in range(lo, k + 1):
            m = _CITATION.match(text, p)
            if m is not None:
                return m
    return None


def find_citations(text: str) -> list[dict]:
    """Every archival citation in ``text``, in reading order, with offsets into ``text``.

    Each dict holds repository (acronym or None), repository_raw, repository_name, fond,
    opis, delo (normalized values; None when absent), fond_raw/opis_raw/delo_raw (the part
    as written, e.g. "Fond R-9401ss"), folios (as written, e.g. "334-338"), folio_from,
    folio_to (strings; "12ob" for a verso), raw (the exact substring), start and end; and
    papka/papka_raw when a folder is named.
    """
    if not text:
        return []
    low = text.lower()
    fast = len(low) == len(text) and not _FOLD_TROUBLE.search(text)
    out = []
    pos = 0
    while True:
        m = _citation_search(text, low, pos) if fast else _CITATION.search(text, pos)
        if m is None:
            break
        cit = _from_match(m)
        if cit is None:
            pos = m.start("fond_raw") + 1
            continue
        out.append(cit)
        pos = max(cit["end"], m.start() + 1)
    if not out and ("arkiv" in low or "arkisto" in low):
        out = _nordic(text)
    return out


def parse_citation(raw: str) -> dict | None:
    """The first archival citation in ``raw`` (e.g. "RGASPI F. 17, Op. 162, D. 37, ll. 145-155").

    Returns the dict described in :func:`find_citations` (offsets into ``raw``), or None when
    ``raw`` holds no citation.
    """
    if not isinstance(raw, str):
        return None
    found = find_citations(raw)
    return found[0] if found else None


def citation_key(cit: dict) -> tuple:
    """A key that identifies the archival unit (file) a citation points to."""
    return (cit.get("repository") or "", cit.get("fond") or "", cit.get("opis") or "",
            cit.get("papka") or "", cit.get("delo") or "")


def archival_unit(c: dict) -> dict:
    """The archival unit of the copy-chain JSON from a citation found by :func:`find_citations`
    (evidence left to the caller)."""
    u = {k: c.get(k) for k in ("repository", "repository_name", "fond", "opis", "delo", "folios",
                               "folio_from", "folio_to", "raw", "fond_raw", "opis_raw", "delo_raw")}
    if c.get("papka"):
        u["papka"] = c["papka"]
        u["papka_raw"] = c.get("papka_raw")
    return u
