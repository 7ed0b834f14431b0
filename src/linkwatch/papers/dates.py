"""
Dates as paper lists write them: '2023-06', '2023.06', '2023/06', '2025-03-17', the month
first ('06/2024'), and with the month named: 'Oct, 2024', 'Apr. 2023', '23 Mar 2023', 'March
23, 2023'; in a Date column also with a two-digit year ('23.02'). One reader for the parser
(is this cell a date?) and the date check (is it before the paper existed?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_NUMERIC = re.compile(
    r"^(?P<year>(?:19|20)\d\d)(?P<sep>[-./])(?P<month>0?[1-9]|1[0-2])"
    r"(?:[-./](?P<day>0?[1-9]|[12]\d|3[01]))?$"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NAMED = re.compile(
    rf"^(?:(?P<day>{_DAY})\s+)?{_MONTH},?\s+(?:(?P<day2>{_DAY}),?\s+)?(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)


_MONTH_FIRST = re.compile(r"^(?P<month>0?[1-9]|1[0-2])(?P<sep>[-./])(?P<year>(?:19|20)\d\d)$")
# '23.02' only where a column says it is a date: elsewhere it is as likely a score or a version
_SHORT_YEAR = re.compile(r"^(?P<year>[0-3]\d)(?P<sep>[-./])(?P<month>0[1-9]|1[0-2])$")
# US dates, month first ('7/8/22', '12/29/2022'); the two-digit year only in a Date column
_US_DATE = re.compile(
    r"^(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>(?:19|20)?\d\d)$"
)
_COMPACT = re.compile(r"^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")  # '20210706'


@dataclass(frozen=True, slots=True)
class WrittenDate:
    year: int
    month: int
    day: int | None
    separator: str | None
    """'-', '.' or '/' for a numeric date (a fix writes it the same way), '' for '20210706';
    None when the month is named."""
    order: Literal["ymd", "my", "YYm", "mdy"] = "ymd"
    """How the numbers are laid out: year first, the month first ('06/2024'), a two-digit
    year first ('23.02'), or the US way ('7/8/22')."""

    def spelt(self, year: int, month: int, day: int | None = None) -> str | None:
        """Another date written as this one is (a fix keeps a list's way of writing dates);
        None for a named month or a US date, which are not rewritten."""
        sep = self.separator
        if sep is None or self.order == "mdy":
            return None  # a named month or a US date is not rewritten
        if self.order == "my":
            return f"{month:02d}{sep}{year}"
        if self.order == "YYm":
            return f"{year % 100:02d}{sep}{month:02d}"
        return f"{year}{sep}{month:02d}" + (f"{sep}{day:02d}" if day is not None else "")


def parse_date(text: str, short_year: bool = False) -> WrittenDate | None:
    """The date `text` is, whole; None when it is anything else (a year alone is a year).
    `short_year` also reads '23.02' as 2023-02: for a cell of a Date column only."""
    text = text.strip()
    numeric = _NUMERIC.match(text)
    if numeric:
        day = numeric["day"]
        return WrittenDate(
            int(numeric["year"]), int(numeric["month"]), int(day) if day else None, numeric["sep"]
        )
    compact = _COMPACT.match(text)
    if compact:
        year, month, day = (int(compact[i]) for i in (1, 2, 3))
        return WrittenDate(year, month, day, "")
    first = _MONTH_FIRST.match(text)
    if first:
        return WrittenDate(int(first["year"]), int(first["month"]), None, first["sep"], "my")
    us = _US_DATE.match(text)
    if us and (short_year or len(us["year"]) == 4):
        year = int(us["year"]) + (2000 if len(us["year"]) == 2 else 0)
        return WrittenDate(year, int(us["month"]), int(us["day"]), "/", "mdy")
    short = _SHORT_YEAR.match(text) if short_year else None
    if short:
        year, month = 2000 + int(short["year"]), int(short["month"])
        return WrittenDate(year, month, None, short["sep"], "YYm")
    named = _NAMED.match(text)
    if named:
        day = named["day"] or named["day2"]
        month = _MONTHS.index(named["month"][:3].lower()) + 1
        return WrittenDate(int(named["year"]), month, int(day) if day else None, None)
    return None


def is_date(text: str, short_year: bool = False) -> bool:
    return parse_date(text, short_year) is not None
