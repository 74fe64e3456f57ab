"""Match the figures of a source sentence with those of its translation and report differences.

Matching goes from strict to tolerant, each figure used once:
  1. equal keys;
  2. the same value where one side leaves out what the other states (a unit, "%", the
     year of a date, an ordinal ending, a clock time written as a bare hour);
  3. a unit conversion (20 miles -> 32 km): info;
  4. a rounding (7.66 billion -> 7.7 billion): warning;
  5. what is left is paired by kind and order as a changed figure (error); the rest is
     missing from or added to the translation (error; warning when the figure is a spelled-out
     word such as "two", which free translations often render without a number).
Hedges of every matched pair are compared last: lost, changed or added hedges are warnings.
"""

from __future__ import annotations

from math import floor, log10

from align.figures.units import convertible, to_base
from align.model import Figure, Issue

FIGURES_VERSION = "3"  # 3: ratios and scores (3:2), a year word without its year; bump when extraction or comparison changes what is reported
CONVERSION_TOLERANCE = 0.05  # relative, in the base unit: 20 miles = 32.19 km ~ 32 km
_NUMERIC = {"number", "ordinal", "percent", "money", "unit", "decade"}
_FAMILY = {"date": "date", "time": "time", "ratio": "ratio"}
# A dollar sign and "pounds" are ambiguous enough that these pairs are the same currency.
_SAME_MONEY = {frozenset({"lb", "GBP"})}


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _spelled(fig: Figure) -> bool:
    return not any(ch.isdigit() for ch in fig.text)


def _loosely_rendered(fig: Figure) -> bool:
    """A spelled-out small number or a bare month name: translations render these by words that
    are no figure (two -> both/удвічі/пара, "in January" -> "взимку"), so losing one is a warning.
    A larger spelled number (nineteen) or one with a unit (six miles) is a real figure."""
    if not _spelled(fig):
        return False
    if fig.kind in ("date", "decade", "time") or not fig.value:
        return True
    value = abs(fig.value[0])
    if value in (12, 100, 1000, 1e6, 1e9):
        return True  # "a thousand lakes", "a dozen flats": idioms as often as counts
    return (fig.unit is None and value <= 10) or fig.kind == "ordinal"


def _units_compatible(s: Figure, t: Figure) -> bool:
    if s.unit == t.unit or s.unit is None or t.unit is None:
        return True
    if frozenset({s.unit, t.unit}) in _SAME_MONEY:
        return True
    return {s.unit, t.unit} <= {"deg", "degC", "degF"} and "deg" in (s.unit, t.unit)


def _date_parts(fig: Figure) -> tuple[int, int, int]:
    if fig.kind == "date" and len(fig.value) == 3:
        return int(fig.value[0]), int(fig.value[1]), int(fig.value[2])
    return 0, 0, 0


def _same_value(s: Figure, t: Figure) -> str | None:
    """How s and t are the same figure told differently ("" = silently equal), or None."""
    if s.kind == "date" and t.kind == "date":
        sy, sm, sd = _date_parts(s)
        ty, tm, td = _date_parts(t)
        if all(not (a and b) or a == b for a, b in ((sy, ty), (sm, tm), (sd, td))) and sm == tm:
            if sd and not td:
                return None  # the day is gone: a changed date, reported as a mismatch
            return "no_year" if sy and not ty else ""
        return None
    if "date" in (s.kind, t.kind):
        date, other = (s, t) if s.kind == "date" else (t, s)
        if other.kind == "number" and other.value and _date_parts(date)[0] == other.value[0] \
                and not _date_parts(date)[2]:
            return ""
        return None
    if "ratio" in (s.kind, t.kind):
        return "" if s.kind == t.kind and s.key == t.key else None
    if "time" in (s.kind, t.kind):
        if s.kind == t.kind:
            return "" if s.key == t.key else None
        clock, other = (s, t) if s.kind == "time" else (t, s)
        if (other.kind == "number" or other.unit == "h") and other.value and clock.value[1] == 0 and \
                other.value[0] in (clock.value[0], clock.value[0] - 12):
            return ""
        return None
    if not (s.value and t.value):
        return None
    sv, tv = s.value[0], t.value[0]
    if "decade" in (s.kind, t.kind):
        if _close(sv, tv) or (min(sv, tv) < 100 and _close(sv % 100, tv % 100)):
            return ""
        return None
    if not _close(sv, tv):
        return None
    if s.kind == "money" and t.kind == "money" and not _units_compatible(s, t):
        return None
    if s.kind == "unit" and t.kind == "unit" and not _units_compatible(s, t):
        return None
    return ""


def _year_of(fig: Figure) -> int | None:
    """The year a figure states on its own ("2023", "2023 року", "січень 2023"), or None."""
    if fig.kind == "date":
        y, _, d = _date_parts(fig)
        return y if y and not d else None
    if fig.kind == "number" and fig.value and fig.value[0] == int(fig.value[0]) and 1000 <= fig.value[0] <= 2200:
        return int(fig.value[0])
    return None


def _significant(value: float) -> int:
    """Significant digits of a number as written (7.7e9 -> 2, 32000 -> 2, 7.66 -> 3)."""
    if value == 0:
        return 1
    text = f"{abs(value):.12g}"
    if "e" in text:
        mantissa = text.split("e")[0]
        return len(mantissa.replace(".", "").strip("0")) or 1
    digits = text.replace(".", "").lstrip("0")
    if "." not in text:
        digits = digits.rstrip("0")
    return len(digits) or 1


def _round_sig(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - floor(log10(abs(value))))


def _rounded(s: Figure, t: Figure) -> bool:
    """One side is the other rounded to two or more significant digits."""
    if not (s.value and t.value) or {s.kind, t.kind} & {"date", "time", "ratio"}:
        return False
    if not _units_compatible(s, t):
        return False
    sv, tv = s.value[0], t.value[0]
    if sv == tv or sv * tv <= 0 or s.kind == "ordinal" or t.kind == "ordinal":
        return False
    # Only the translation may be the rougher one: a translator rounds, never adds digits.
    digits = _significant(tv)
    return digits >= 2 and _significant(sv) > digits and _close(_round_sig(sv, digits), tv)


def _converted(s: Figure, t: Figure) -> bool:
    if not (s.value and t.value) or not convertible(s.unit, t.unit):
        return False
    a, b = to_base(s.value[0], s.unit or ""), to_base(t.value[0], t.unit or "")
    if s.unit in ("degC", "degF", "deg") or t.unit in ("degC", "degF", "deg"):
        return abs(a - b) <= 1.5
    return abs(a - b) <= CONVERSION_TOLERANCE * max(abs(a), abs(b))


def _family(fig: Figure) -> str:
    return _FAMILY.get(fig.kind, "numeric")


def _ctx(fig: Figure) -> str:
    return f" ({fig.context})" if fig.context else ""


def _hedge_issue(s: Figure, t: Figure, sl: str, tl: str) -> Issue | None:
    if s.hedge == t.hedge:
        return None
    if s.hedge and not t.hedge:
        return Issue("figure", "warning", tl, f"{s.hedge_text} {s.text}", t.text,
                     f"{tl} drops the hedge '{s.hedge_text}' on {t.text}{_ctx(s)}", rule="figure.hedge")
    if s.hedge and t.hedge:
        return Issue("figure", "warning", tl, f"{s.hedge_text} {s.text}", f"{t.hedge_text} {t.text}",
                     f"{tl} says '{t.hedge_text} {t.text}' where {sl} says '{s.hedge_text} {s.text}'"
                     f"{_ctx(s)}", rule="figure.hedge")
    return Issue("figure", "info", tl, s.text, f"{t.hedge_text} {t.text}",
                 f"{tl} adds the hedge '{t.hedge_text}' to {t.text}{_ctx(s)}", rule="figure.hedge")


def compare_figures(source: list[Figure], target: list[Figure], source_lang: str,
                    target_lang: str) -> list[Issue]:
    """Issues (category "figure") where `target` disagrees with `source`; segment/id unset."""
    sl, tl = source_lang, target_lang
    src_left = list(range(len(source)))
    tgt_left = list(range(len(target)))
    issues: list[Issue] = []
    matched: list[tuple[Figure, Figure]] = []

    def match(test, on_match=None) -> None:
        for si in list(src_left):
            s = source[si]
            for ti in tgt_left:
                t = target[ti]
                result = test(s, t)
                if result is None or result is False:
                    continue
                src_left.remove(si)
                tgt_left.remove(ti)
                matched.append((s, t))
                if on_match is not None:
                    issue = on_match(s, t, result)
                    if issue is not None:
                        issues.append(issue)
                break

    match(lambda s, t: s.key == t.key or None)

    no_year: list[tuple[Figure, Figure]] = []

    def on_same(s: Figure, t: Figure, how: str) -> Issue | None:
        if how == "no_year":
            no_year.append((s, t))
        return None

    match(_same_value, on_same)
    # A full date whose year the translation leaves out of the date: fine (info) when the
    # sentence gives the same year elsewhere or none; a different year is a changed date.
    for s, t in no_year:
        year = _date_parts(s)[0]
        other = next((ti for ti in tgt_left if _year_of(target[ti]) is not None), None)
        if other is not None and _year_of(target[other]) != year:
            tgt_left.remove(other)
            issues.append(Issue("figure", "error", tl, s.text, f"{t.text} … {target[other].text}",
                                f"{tl} has the year {target[other].text} where {sl} has {s.text}",
                                rule="figure.mismatch"))
            continue
        if other is not None:
            tgt_left.remove(other)
        issues.append(Issue("figure", "info", tl, s.text, t.text,
                            f"{tl} gives {t.text} without the year of {s.text}", rule="figure.date_partial"))
    match(lambda s, t: _converted(s, t) or None,
          lambda s, t, _: Issue("figure", "info", tl, s.text, t.text,
                                f"{tl} converts {s.text} to {t.text}{_ctx(s)}; check the conversion",
                                rule="figure.conversion"))
    match(lambda s, t: _rounded(s, t) or None,
          lambda s, t, _: Issue("figure", "warning", tl, s.text, t.text,
                                f"{tl} rounds {s.text} to {t.text}{_ctx(s)}", rule="figure.rounding"))

    for s, t in matched:
        issue = _hedge_issue(s, t, sl, tl)
        if issue is not None:
            issues.append(issue)

    # What is left over: pair by family in text order as changed figures.
    for si in list(src_left):
        s = source[si]
        partner = next((ti for ti in tgt_left if _family(target[ti]) == _family(s)), None)
        if partner is None:
            continue
        t = target[partner]
        src_left.remove(si)
        tgt_left.remove(partner)
        issues.append(Issue("figure", "error", tl, s.text, t.text,
                            f"{tl} has {t.text} where {sl} has {s.text}{_ctx(s)}", rule="figure.mismatch"))
    for si in src_left:
        s = source[si]
        # A spelled-out number ("two", "a thousand") is often rendered by a word that is no
        # figure ("удвічі", "both", "тисячі"); a lost digit figure is a real omission.
        severity = "warning" if _loosely_rendered(s) else "error"
        issues.append(Issue("figure", severity, tl, s.text, "", f"{tl} is missing {s.text}{_ctx(s)}",
                            rule="figure.missing"))
    for ti in tgt_left:
        t = target[ti]
        severity = "warning" if _spelled(t) else "error"
        issues.append(Issue("figure", severity, tl, "", t.text,
                            f"{tl} has {t.text}{_ctx(t)}, which is not in {sl}", rule="figure.extra"))
    order = {id(f): n for n, f in enumerate(source)}
    issues.sort(key=lambda i: next((order[id(f)] for f in source if f.text == i.expected), len(source)))
    return issues
