"""Checks as pluggable rules: one interface, one registry (sacrebleu's Metric + METRICS).

A rule compares one source sentence (or segment) with its translation and returns issues. It
may extract items from each text first (figures, names, URLs); the checker extracts once per
text and hands the items of both sides to `compare`. Figures and names are the two built-in
rules; a newsroom adds its own without touching this package: a `Rule` subclass with a
`name`, a `version` and `compare` (and `extract` if it looks at items of each text), either
registered in code (`register_rule`, usable as a class decorator) or declared by an installed
package in the entry point group `align.rules`:

    [project.entry-points."align.rules"]
    urls = "newsroom_checks:Urls"

docs/api.md has a complete URL rule. Every registered rule runs on every check (`align
check`, `align run`, `align.check`) after the built-in ones, and adds its `signature()` fields
to the report's signature.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from align.errors import InputError
from align.model import Issue
from align.signature import Signature

ENTRY_POINT_GROUP = "align.rules"
# Built in, in the order their issues are listed; a settings switch turns each off
# (CheckSettings.figures, .names), which the signature records as "nofigures", "nonames".
BUILTIN_RULES: tuple[str, ...] = ("figures", "names")


@dataclass(frozen=True)
class RuleContext:
    """What a checker shares with its rules: the name glossary (align.names.Glossary)."""

    glossary: Any = None


@dataclass(frozen=True)
class Side:
    """One side of a pair: its language, its text as written, and what the rule extracted."""

    lang: str
    text: str
    items: Sequence[Any] = ()


class Rule(ABC):
    """One check between a source text and its translation.

    Subclasses set `name` (the registry key and the signature key) and `version` (bump it
    whenever the issues it finds can change), and implement `compare`; `extract` and
    `signature` have defaults. A rule is built once per Checker with the checker's context.
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = "1"
    # A Segment field ("figures", "names") that keeps the extracted items for the JSON report
    # and the score; None for a rule whose items stay internal.
    segment_field: ClassVar[str | None] = None

    def __init__(self, context: RuleContext | None = None) -> None:
        self.context = context or RuleContext()

    def extract(self, text: str, lang: str) -> list[Any]:
        """What `compare` looks at in one text; the checker calls it once per text."""
        return []

    @abstractmethod
    def compare(self, source: Side, target: Side) -> list[Issue]:
        """Issues of one non-empty source/target pair (the checker assigns ids and segments)."""

    def signature(self) -> Signature:
        """The fields this rule adds to the report's signature: `name:vVERSION` by default."""
        return Signature.of((self.name, f"v{self.version}"))

    def preload(self) -> None:
        """Load what the rule reads lazily, so that timing a check measures checking."""
        return None


RuleFactory = Callable[[RuleContext], Rule]
R = TypeVar("R", bound=type[Rule])

_registered: dict[str, RuleFactory] = {}
_entry_points_loaded = False


def register_rule(rule: R, *, name: str | None = None, replace: bool = False) -> R:
    """Register a Rule subclass (usable as a class decorator); it then runs on every check.
    `name` defaults to the class's `name`; an existing name is refused unless `replace`."""
    key = name or getattr(rule, "name", "")
    if not key or not key.replace("_", "").replace("-", "").isalnum() or not key.isascii():
        raise ValueError(f"rule {rule!r}: needs a name of letters, digits, '-' or '_'")
    _load_entry_points()
    if (key in _registered or key in BUILTIN_RULES) and not replace:
        raise ValueError(f"a rule named {key!r} is already registered")
    _registered[key] = rule
    return rule


def unregister_rule(name: str) -> None:
    """Forget a registered rule (the built-in ones stay)."""
    _registered.pop(name, None)


def registered_rules() -> list[str]:
    """Names of the rules that run on every check besides the built-in ones, in order."""
    _load_entry_points()
    return [name for name in _registered if name not in BUILTIN_RULES]


def create_rule(name: str, context: RuleContext) -> Rule:
    """The rule registered as `name`, built for one checker."""
    _load_entry_points()
    if name in BUILTIN_RULES and name not in _registered:
        from align.checking import builtin

        return builtin.BUILTIN[name](context)
    factory = _registered.get(name)
    if factory is None:
        known = ", ".join([*BUILTIN_RULES, *registered_rules()])
        raise InputError(f"unknown check rule '{name}' (known: {known})")
    rule = factory(context)
    if not isinstance(rule, Rule):
        raise InputError(f"check rule '{name}' did not make an align.checking.Rule")
    return rule


def _load_entry_points() -> None:
    """Rules of installed packages, read once, on the first checker (never at start-up)."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    from importlib.metadata import entry_points

    found: dict[str, RuleFactory] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name in _registered or point.name in BUILTIN_RULES:
            continue
        try:
            found[point.name] = point.load()
        except Exception as exc:  # a broken plugin is one line, not a traceback; every time
            raise InputError(f"check rule '{point.name}' ({point.value}) failed to load: "
                             f"{type(exc).__name__}: {exc}") from exc
    # Installed rules run before those registered in code, in the order the metadata lists them.
    merged = {**found, **_registered}
    _registered.clear()
    _registered.update(merged)
    _entry_points_loaded = True


__all__ = [
    "BUILTIN_RULES",
    "ENTRY_POINT_GROUP",
    "Rule",
    "RuleContext",
    "Side",
    "create_rule",
    "register_rule",
    "registered_rules",
    "unregister_rule",
]
