"""Dates written the way Soviet-era documents and their translators write them."""

from __future__ import annotations

import calendar
import datetime
import re

#: month names and their usual abbreviations (the standard library's English names), lower case
MONTHS: dict[str, int] = {calendar.month_name[k].lower(): k for k in range(1, 13)}
MONTHS.update({calendar.month_abbr[k].lower(): k for k in range(1, 13)})
MONTHS["sept"] = 9

ROMAN_MONTHS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
                "XI": 11, "XII": 12}

#: "12.III.46", "7.IV.1956", "28.XII.48", "12.03.1946": day, month (Roman or Arabic), year.
NUMERIC_DATE = (r"(?P<d>\d{1,2})\.\s?(?P<m>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|\d{1,2})\.\s?"
                r"(?P<y>\d{4}|\d{2})(?!\d)")
RE_NUMERIC_DATE = re.compile(r"\b" + NUMERIC_DATE)


def numeric_date(text: str, century: int = 1900) -> str | None:
    """The first date written with numbers and dots in ``text`` ("12.III.46", "12.03.1946"), as
    ISO; two-digit years fall in ``century``. None when there is none or it does not exist."""
    for m in RE_NUMERIC_DATE.finditer(text):
        mon = m.group("m")
        month = ROMAN_MONTHS.get(mon) or (int(mon) if mon.isdigit() else 0)
        year = int(m.group("y"))
        if len(m.group("y")) == 2:
            year += century
        try:
            return datetime.date(year, month, int(m.group("d"))).isoformat()
        except ValueError:
            continue
    return None
