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

# 4: roles (labels, codes, compounds, titles, idioms), days sharing a month, scores, 9/11
FIGURES_VERSION = "5"  # bump when extraction or comparison changes what is reported
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
    are no figure (two -> both, uk "udvichi"/"para"; "in January" -> "vzymku", in winter), so losing one is a warning.
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
        if not other.value or other.kind not in ("number", "ordinal", "unit") or (
                other.kind == "unit" and other.unit != "h"):
            return None
        hour, minute = clock.value[0], clock.value[1]
        if minute == 0 and other.value[0] in (hour, hour - 12):
            return ""  # "6am" = uk "o 6-i ranku" = ru "v 6 utra"
        if other.kind == "number" and other.text.replace(",", ".").endswith(f"{int(hour) % 100}.{int(minute):02d}") \
                and _close(other.value[0], hour + minute / 100):
            return ""  # "11:15" = "11.15", as Russian and Ukrainian often write a clock time
        return None
    if not (s.value and t.value):
        return None
    sv, tv = s.value[0], t.value[0]
    if {s.role, t.role} & {"code", "name"}:
        return "" if _close(sv, tv) and "ordinal" not in (s.kind, t.kind) else None
    if "idiom" in (s.role, t.role):
        idiom, other = (s, t) if s.role == "idiom" else (t, s)
        if other.kind == "percent" and _close(idiom.value[0] * 100, other.value[0]):
            return ""  # "half" = "50%"
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
    """The year a figure states on its own ("2023", uk "2023 roku", "sichen 2023"), or None."""
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
    if not (s.value and t.value) or {s.kind, t.kind} & {"date", "time", "ratio"} or {s.role, t.role} & {"code", "name"}:
        return False
    if not _units_compatible(s, t):
        return False
    sv, tv = s.value[0], t.value[0]
    if sv == tv or sv * tv <= 0 or s.kind == "ordinal" or t.kind == "ordinal":
        return False
    # Only the translation may be the rougher one: a translator rounds, never adds digits.
    digits = _significant(tv)
    return digits >= 2 and _significant(sv) > digits and _close(_round_sig(sv, digits), tv)


def _converted(s: Figure, t: Figure) -> str | None:
    """"info" for a unit conversion to check, "" for an exact one between units of time
    ("two decades" = uk "20 rokiv"), None for no conversion."""
    if not (s.value and t.value) or not convertible(s.unit, t.unit):
        return None
    a, b = to_base(s.value[0], s.unit or ""), to_base(t.value[0], t.unit or "")
    if _close(a, b) and s.unit in _CALENDAR and t.unit in _CALENDAR:
        return ""
    if s.unit in ("degC", "degF", "deg") or t.unit in ("degC", "degF", "deg"):
        return "info" if abs(a - b) <= 1.5 else None
    return "info" if abs(a - b) <= CONVERSION_TOLERANCE * max(abs(a), abs(b)) else None


_CALENDAR = frozenset({"day", "week", "year", "decade", "century"})


def _family(fig: Figure) -> str:
    if fig.role in ("code", "name"):
        return "code"  # a changed code is paired with a code, not with a quantity
    return _FAMILY.get(fig.kind, "numeric")


# A lone figure with one of these roles is a warning: a translation may render the number in
# a name ("Covid-19" -> ru "kovid"), a compound ("3-D") or a title by words, or leave it out as a
# matter of style. Codes copied verbatim (A320, T25FW) and labels (group 1) stay errors.
_LOOSE_ROLES = frozenset({"name", "compound", "title", "slash"})


def _unreported(fig: Figure) -> bool:
    """Figures extracted only to match the other side: an idiom ("half", "centenary") or a
    number fused into a word ("three-dimensional", ru "trekhmernyi"); alone they are no finding."""
    return fig.role == "idiom" or (fig.role == "compound" and _spelled(fig))


def _lone_severity(fig: Figure, loose_when_spelled) -> str:
    if fig.role in _LOOSE_ROLES:
        return "warning"
    return "warning" if loose_when_spelled(fig) else "error"


def _written_parts(fig: Figure) -> tuple[float, ...] | None:
    """The two numbers a score, a clock time or a month/day is written with: "2:0" -> (2, 0),
    "15:00" -> (15, 0), "9/11" -> (9, 11)."""
    if fig.kind == "ratio" and len(fig.value) == 2:
        return fig.value
    if fig.kind == "time" and len(fig.value) == 2:
        return (float(fig.value[0]), float(fig.value[1]))
    if fig.role == "slash" and len(fig.value) == 3:
        return (float(fig.value[1]), float(fig.value[2]))
    return None


_MAX_PAIR_GAP = 6  # characters between the two numbers: "21 to 20", "2 - 0", "15: 00"


def _plain(fig: Figure) -> bool:
    return fig.kind in ("number", "ordinal") and fig.unit is None and fig.role != "idiom" and bool(fig.value)


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


def _match_written_pairs(source: list[Figure], target: list[Figure], src_left: list[int], tgt_left: list[int],
                         matched: list[tuple[Figure, Figure]]) -> None:
    """A score, a clock time or a month/day on one side against the same two numbers written
    side by side on the other: "2-0" = "2:0", "21 to 20" = "21:20", "15: 00" = "15:00",
    "9/11" = "9/11". A score is neither a range nor a subtraction."""
    for one, other, one_left, other_left, forward in ((source, target, src_left, tgt_left, True),
                                                     (target, source, tgt_left, src_left, False)):
        for oi in list(one_left):
            parts = _written_parts(one[oi])
            if parts is None:
                continue
            pool = sorted(other_left)
            for a, b in zip(pool, pool[1:], strict=False):
                fa, fb = other[a], other[b]
                if b == a + 1 and _plain(fa) and _plain(fb) and 0 <= fb.start - fa.end <= _MAX_PAIR_GAP \
                        and _close(fa.value[0], parts[0]) and _close(fb.value[0], parts[1]):
                    one_left.remove(oi)
                    other_left.remove(a)
                    other_left.remove(b)
                    matched.append((one[oi], fa) if forward else (fa, one[oi]))
                    break


class _Matching:
    """Figures of both sides not yet matched (by index), the pairs matched so far, the issues."""

    def __init__(self, source: list[Figure], target: list[Figure], sl: str, tl: str) -> None:
        self.source, self.target, self.sl, self.tl = source, target, sl, tl
        # Idioms and fused compounds join the matching only after every real figure has had its
        # chance: "three-dimensional" must not take the "tri" that renders "two".
        self.src_left = [si for si, f in enumerate(source) if not _unreported(f)]
        self.tgt_left = [ti for ti, f in enumerate(target) if not _unreported(f)]
        self.issues: list[Issue] = []
        self.matched: list[tuple[Figure, Figure]] = []

    def match(self, test, on_match=None) -> None:
        """Pair each source figure left with the first target figure left that passes `test`;
        `on_match` may turn a pair into an issue."""
        src_left, tgt_left = self.src_left, self.tgt_left
        for si in list(src_left):
            s = self.source[si]
            for ti in tgt_left:
                t = self.target[ti]
                result = test(s, t)
                if result is None or result is False:
                    continue
                src_left.remove(si)
                tgt_left.remove(ti)
                self.matched.append((s, t))
                if on_match is not None:
                    issue = on_match(s, t, result)
                    if issue is not None:
                        self.issues.append(issue)
                break


def compare_figures(source: list[Figure], target: list[Figure], source_lang: str,
                    target_lang: str) -> list[Issue]:
    """Issues (category "figure") where `target` disagrees with `source`; segment/id unset."""
    sl, tl = source_lang, target_lang
    m = _Matching(source, target, sl, tl)
    m.match(lambda s, t: s.key == t.key or None)
    _match_written_pairs(source, target, m.src_left, m.tgt_left, m.matched)
    no_year: list[tuple[Figure, Figure]] = []

    def on_same(s: Figure, t: Figure, how: str) -> Issue | None:
        if how == "no_year":
            no_year.append((s, t))
        return None

    m.match(_same_value, on_same)
    _report_dates_without_year(m, no_year)
    m.match(_converted,
            lambda s, t, how: Issue("figure", "info", tl, s.text, t.text,
                                    f"{tl} converts {s.text} to {t.text}{_ctx(s)}; check the conversion",
                                    rule="figure.conversion") if how else None)
    m.match(lambda s, t: _rounded(s, t) or None,
            lambda s, t, _: Issue("figure", "warning", tl, s.text, t.text,
                                  f"{tl} rounds {s.text} to {t.text}{_ctx(s)}", rule="figure.rounding"))
    for s, t in m.matched:
        issue = _hedge_issue(s, t, sl, tl)
        if issue is not None:
            m.issues.append(issue)
    _match_unreported(m)
    _report_left_over(m)
    order = {id(f): n for n, f in enumerate(source)}
    m.issues.sort(key=lambda i: next((order[id(f)] for f in source if f.text == i.expected), len(source)))
    return m.issues


def _report_dates_without_year(m: _Matching, no_year: list[tuple[Figure, Figure]]) -> None:
    """A full date whose year the translation leaves out of the date: fine (info) when the
    sentence gives the same year elsewhere or none; a different year is a changed date."""
    target, tl, sl = m.target, m.tl, m.sl
    for s, t in no_year:
        year = _date_parts(s)[0]
        other = next((ti for ti in m.tgt_left if _year_of(target[ti]) is not None), None)
        if other is not None and _year_of(target[other]) != year:
            m.tgt_left.remove(other)
            m.issues.append(Issue("figure", "error", tl, s.text, f"{t.text} … {target[other].text}",
                                  f"{tl} has the year {target[other].text} where {sl} has {s.text}",
                                  rule="figure.mismatch"))
            continue
        if other is not None:
            m.tgt_left.remove(other)
        m.issues.append(Issue("figure", "info", tl, s.text, t.text,
                              f"{tl} gives {t.text} without the year of {s.text}", rule="figure.date_partial"))


def _match_unreported(m: _Matching) -> None:
    """Idioms and fused compounds, first with each other ("three-dimensional" = "tryvymirnyi"),
    then with what is left ("half" = "50%"); alone they are never reported."""
    src_extra = [si for si, f in enumerate(m.source) if _unreported(f)]
    tgt_extra = [ti for ti, f in enumerate(m.target) if _unreported(f)]
    if not (src_extra or tgt_extra):
        return
    src_left, tgt_left = m.src_left, m.tgt_left
    real_src, real_tgt = list(src_left), list(tgt_left)
    src_left[:], tgt_left[:] = src_extra, tgt_extra
    m.match(lambda s, t: s.key == t.key or None)
    src_left[:], tgt_left[:] = src_left + real_src, tgt_left + real_tgt
    m.match(lambda s, t: (_unreported(s) or _unreported(t)) and _same_value(s, t) is not None or None)
    src_left[:] = [si for si in src_left if not _unreported(m.source[si])]
    tgt_left[:] = [ti for ti in tgt_left if not _unreported(m.target[ti])]


def _report_left_over(m: _Matching) -> None:
    """What is left over: paired by family in text order as changed figures (a label first
    with a label); the rest is missing from or added to the translation."""
    source, target, sl, tl = m.source, m.target, m.sl, m.tl
    for si in list(m.src_left):
        s = source[si]
        same_family = [ti for ti in m.tgt_left if _family(target[ti]) == _family(s)]
        partner = next((ti for ti in same_family if target[ti].role == s.role), None) if s.role else None
        if partner is None:
            partner = next(iter(same_family), None)
        if partner is None:
            continue
        t = target[partner]
        m.src_left.remove(si)
        m.tgt_left.remove(partner)
        m.issues.append(Issue("figure", "error", tl, s.text, t.text,
                              f"{tl} has {t.text} where {sl} has {s.text}{_ctx(s)}", rule="figure.mismatch"))
    for si in m.src_left:
        s = source[si]
        # A spelled-out number ("two", "a thousand") is often rendered by a word that is no
        # figure ("udvichi", "both", "tysiachi"); a lost digit figure is a real omission.
        severity = _lone_severity(s, _loosely_rendered)
        m.issues.append(Issue("figure", severity, tl, s.text, "", f"{tl} is missing {s.text}{_ctx(s)}",
                              rule="figure.missing"))
    for ti in m.tgt_left:
        t = target[ti]
        severity = _lone_severity(t, _spelled)
        m.issues.append(Issue("figure", severity, tl, "", t.text,
                              f"{tl} has {t.text}{_ctx(t)}, which is not in {sl}", rule="figure.extra"))
