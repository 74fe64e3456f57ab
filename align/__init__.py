"""align: translate, align and check figures and names across en/uk/ru news releases.

The Python API (docs/api.md): `align.check(texts) -> Report`, `align.align(texts) -> Alignment`,
`align.translate(text, to=...)`, and `Report.to_json()/to_sarif()/to_junit()/to_html()/to_text()`.
They load on first use, so `import align` (and `align --help`) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Semantic versioning; release X.Y.Z is tagged vX.Y.Z, which pre-commit `rev:` pins name.
__version__ = "0.1.0"
# The name on the package index (`pip install align-newsroom`); `align` there is another project.
DIST_NAME = "align-newsroom"

# Public name -> the module that defines it, imported when the name is first used.
_PUBLIC: dict[str, str] = {
    "check": "align.api",
    "align": "align.api",
    "translate": "align.api",
    "Report": "align.model",
    "Issue": "align.model",
    "Segment": "align.model",
    "Alignment": "align.alignment.aligner",
    "Signature": "align.signature",
    "Rule": "align.checking.rules",
    "Side": "align.checking.rules",
    "register_rule": "align.checking.rules",
    "AlignError": "align.errors",
    "InputError": "align.errors",
    "ModelNotFoundError": "align.errors",
}

if TYPE_CHECKING:
    from align.alignment.aligner import Alignment
    from align.api import align, check, translate
    from align.checking.rules import Rule, Side, register_rule
    from align.errors import AlignError, InputError, ModelNotFoundError
    from align.model import Issue, Report, Segment
    from align.signature import Signature


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'align' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


__all__ = [
    "DIST_NAME",
    "AlignError",
    "Alignment",
    "InputError",
    "Issue",
    "ModelNotFoundError",
    "Report",
    "Rule",
    "Segment",
    "Side",
    "Signature",
    "__version__",
    "align",
    "check",
    "register_rule",
    "translate",
]
