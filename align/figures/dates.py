"""Dates written with a month name: "2 January 2024", "January 2", "in January 2024", days
that share one month ("August 9-10", "9 and 10 August"), abbreviated months ("5 Aug.")."""

from __future__ import annotations

import re
from decimal import Decimal

from align.figures.numbers import Quantity
from align.figures.scan import Scan
from align.figures.tokens import DASHES, HYPHENS


def _day_at(s: Scan, j: int) -> Quantity | None:
    """A day of the month written in digits at token j ("25"), else None."""
    if j >= len(s.toks) or s.toks[j].kind != "num" or not re.fullmatch(r"\d{1,2}", s.toks[j].text):
        return None
    day = int(s.toks[j].text)
    if not 1 <= day <= 31:
        return None
    return Quantity(Decimal(day), s.toks[j].start, s.toks[j].end, j + 1)


def _day_joiner_after(s: Scan, j: int) -> int:
    """Index after a joiner of days at j ("-", ",", "and", uk "po", "i"), or -1."""
    if j >= len(s.toks):
        return -1
    tok = s.toks[j]
    if tok.kind == "sym" and (tok.text in DASHES or tok.text == ","):
        return j + 1
    if tok.kind == "word" and tok.norm in s.roles.day_joiners:
        return j + 1
    return -1


def days_sharing_month(s: Scan, i: int, q: Quantity) -> int:
    """"9, 10 and 11 August", uk "z 25 po 31 lypnia", ru "9-10 avgusta": every day
    before the month is a date of that month (and year). Returns the index after the last
    date, or 0 when the number at i starts no such run."""
    if q.spelled or q.value != q.value.to_integral_value() or not 1 <= q.value <= 31:
        return 0
    days = [q]
    j = q.next_index
    while len(days) <= 6:
        k = _day_joiner_after(s, j)
        nxt = _day_at(s, k) if k > 0 else None
        if nxt is None:
            return 0
        if date_from_day(s, k, nxt):
            last = s.figures[-1]
            year, month = int(last.value[0]), int(last.value[1])
            after = s.index_at(last.end, k)
            for day in days:
                d = int(day.value)
                key = f"{year:04d}-{month:02d}-{d:02d}" if year else f"--{month:02d}-{d:02d}"
                s.add("date", key, day.start, day.end, (year, month, d), next_index=day.next_index,
                      hedge=day is q)
            return after
        days.append(nxt)
        j = nxt.next_index
    return 0


def month_at(s: Scan, j: int) -> int | None:
    """The month named by the word at token j, or None (an English "May" or "Jan." needs a
    number or a preposition beside it; an abbreviation needs its dot)."""
    w = s.word(j)
    month = s.lex.months.get(w)
    if month is None:
        month = s.roles.month_abbreviations.get(w) if w else None
        if month is None:
            return None
        # uk "5 serp.", "ver. 2024": the dot, and a day before or a year after
        toks = s.toks
        dotted = j + 1 < len(toks) and toks[j + 1].text == "." and s.adjacent(j, j + 1)
        day_before = j > 0 and toks[j - 1].kind == "num"
        year_after = j + 2 < len(toks) and re.fullmatch(r"\d{4}", toks[j + 2].text) is not None
        return month if dotted and (day_before or year_after) else None
    if s.lang == "en":
        tok = s.toks[j]
        if not tok.text[0].isupper():
            return None
        # "Jan." needs its dot or a number next to it; "May"/"March" need a number or a preposition.
        if w in s.lex.ambiguous_months or len(w) <= 4:
            nxt_num = j + 1 < len(s.toks) and (s.toks[j + 1].kind == "num" or
                                               (s.toks[j + 1].text == "." and j + 2 < len(s.toks)
                                                and s.toks[j + 2].kind == "num"))
            prev_num = j > 0 and s.toks[j - 1].kind == "num"
            prev_word = s.word(j - 1)
            prev_of = prev_word == "of" and j > 1 and s.toks[j - 2].kind in ("num", "word")
            if not (nxt_num or prev_num or prev_of or ((w in s.lex.ambiguous_months or len(w) > 3)
                                                       and prev_word in s.lex.month_alone_after)):
                if w in s.lex.ambiguous_months:
                    return None
    return month


def _year_after(s: Scan, j: int) -> tuple[int | None, int, int]:
    """(year, end offset, next index) of a year right after token j-1, else (None, -1, j)."""
    toks = s.toks
    k = j
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if k < len(toks) and toks[k].kind == "num" and re.fullmatch(r"\d{4}", toks[k].text):
        year = int(toks[k].text)
        end = toks[k].end
        k += 1
        w = s.word(k)
        if w in s.lex.year_markers:
            end = toks[k].end
            k += 1
            if k < len(toks) and toks[k].text == "." and toks[k].start == end:
                end = toks[k].end
                k += 1
        return year, end, k
    if s.word(k) in s.lex.year_genitive:
        # uk "2 sichnia roku", ru "v iiule goda": the year word stays, its digits are gone. The date
        # gets year -1, which no source year equals, so the lost year is reported.
        return -1, toks[k].end, k + 1
    return None, -1, j


def date_from_day(s: Scan, i: int, q: Quantity) -> bool:
    """"2 January 2024", "2nd of January", uk "2 sichnia 2024 roku", ru "2-go ianvaria"."""
    j = q.next_index
    toks = s.toks
    if not q.spelled and j < len(toks) and s.adjacent(j - 1, j):
        if s.word(j) in s.lex.glued_ordinal_suffixes:
            j += 1
        elif s.lang != "en" and toks[j].text in HYPHENS and s.adjacent(j, j + 1) \
                and 0 < len(s.word(j + 1)) <= 3:
            j += 2
    if s.word(j) == "of" and s.lang == "en":
        j += 1
    month = month_at(s, j)
    if month is None or not (1 <= q.value <= 31) or q.value != q.value.to_integral_value():
        return False
    day = int(q.value)
    end = toks[j].end
    k = j + 1
    if (s.lang == "en" or s.word(j) in s.roles.month_abbreviations) and k < len(toks) \
            and toks[k].text == "." and toks[k].start == end:
        end = toks[k].end
        k += 1
    year, yend, k2 = _year_after(s, k)
    if year is not None:
        end, k = yend, k2
        key = f"{year:04d}-{month:02d}-{day:02d}"
        value: tuple[float, ...] = (year, month, day)
    else:
        key = f"--{month:02d}-{day:02d}"
        value = (0, month, day)
    s.add("date", key, q.start, end, value, next_index=k)
    return True


def _more_days(s: Scan, k: int) -> list[Quantity]:
    """Days after an English "Month D" that share its month: "and 10", "-31", ", 10 and 11"
    (not when the next day has a month of its own, a unit or a percent after it)."""
    toks = s.toks
    days: list[Quantity] = []
    while len(days) < 6:
        j = _day_joiner_after(s, k)
        day = _day_at(s, j) if j > 0 else None
        if day is None:
            break
        nxt = day.next_index
        if s.word(nxt) in s.lex.glued_ordinal_suffixes and s.adjacent(nxt - 1, nxt):
            day.end = toks[nxt].end
            nxt += 1
            day.next_index = nxt
        w = s.word(nxt)
        if month_at(s, nxt) is not None or w == "of" or w in s.lex.scales or \
                (nxt < len(toks) and toks[nxt].text in ("%", ".", ":") and s.adjacent(nxt - 1, nxt)
                 and nxt + 1 < len(toks) and toks[nxt + 1].kind == "num") or \
                (w and s.unit_word(w, toks[nxt].text) is not None):
            break
        days.append(day)
        k = nxt
    return days


def date_from_month(s: Scan, i: int) -> int:
    """"January 2, 2024", "Jan. 2", "January 2024", uk "u sichni 2024 roku", ru "v marte"; returns the
    index after the date."""
    month = month_at(s, i)
    if month is None:
        return i + 1
    toks = s.toks
    start = toks[i].start
    end = toks[i].end
    k = i + 1
    if k < len(toks) and toks[k].text == "." and toks[k].start == end:
        end = toks[k].end
        k += 1
    if s.lang == "en" and k < len(toks) and toks[k].kind == "num" and re.fullmatch(r"\d{1,2}", toks[k].text):
        day = int(toks[k].text)
        if 1 <= day <= 31:
            return _month_day(s, k, month, day, start)
    year, yend, k2 = _year_after(s, k)
    if year is not None and not (k < len(toks) and toks[k].text == ","):
        s.add("date", f"{year:04d}-{month:02d}", start, yend, (year, month, 0), next_index=k2)
        return k2
    s.add("date", f"--{month:02d}", start, end, (0, month, 0), next_index=k)
    return k


def _month_day(s: Scan, k: int, month: int, day: int, start: int) -> int:
    """An English "Month D" whose day is the token k, with the days after it that share the
    month and a year after them; returns the index after the date."""
    toks = s.toks
    end = toks[k].end
    k += 1
    if s.word(k) in s.lex.glued_ordinal_suffixes and s.adjacent(k - 1, k):
        end = toks[k].end
        k += 1
    more = _more_days(s, k)  # "August 9 and 10", "July 25-31, 2024": one month for all
    after_days = more[-1].next_index if more else k
    year, yend, k2 = _year_after(s, after_days)
    if year is not None and not more:
        s.add("date", f"{year:04d}-{month:02d}-{day:02d}", start, yend, (year, month, day), next_index=k2)
        return k2
    y = year or 0
    s.add("date", f"{y:04d}-{month:02d}-{day:02d}" if y else f"--{month:02d}-{day:02d}",
          start, end, (y, month, day), next_index=k)
    for n, extra in enumerate(more):
        d = int(extra.value)
        last_end = yend if year is not None and n == len(more) - 1 else extra.end
        s.add("date", f"{y:04d}-{month:02d}-{d:02d}" if y else f"--{month:02d}-{d:02d}",
              extra.start, last_end, (y, month, d), next_index=extra.next_index, hedge=False)
    return k2 if year is not None else after_days
