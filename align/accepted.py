"""Issues a reviewer has accepted, so they are not reported again for the same text.

They live in `.align-accepted.toml` next to the project config (or in the current directory),
a reviewed, diff-friendly file: one `[[accepted]]` table per issue, sorted by id::

    [[accepted]]
    id = "figure:uk:3f2a9c01d4"
    message = "uk has 98 where en has 99 (missiles)"
    reason = "the Ukrainian ministry's own figure"
    by = "olena"
    date = "2026-11-22"

Issue ids are `CATEGORY:LANG:HASH`, the hash covering the category, rule, language, expected and
found values and the source and target texts of the segment (align.model.Issue.assign_id), not
its position: an accepted issue stays accepted when sentences are added around it, and comes
back as soon as either sentence is edited.

Accepting an id: with a report (`--report NAME.report.json`) the id must be in it, and its
message is stored with it; without one, any syntactically valid id is accepted (so a reviewer
can accept an id read off a CI log) and the message is left empty.
"""

from __future__ import annotations

import copy
import datetime as _dt
import fnmatch
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.errors import InputError
from align.model import CATEGORIES, Issue, Report
from align.textio import read_json, read_toml, write_atomic

ISSUE_ID = re.compile(rf"^(?:{'|'.join(CATEGORIES)}):[a-z]{{2}}:[0-9a-f]{{10}}$")
_HEADER = (
    "# Issues accepted by a reviewer: align does not report them again for the same text.\n"
    "# Written by `align accept ISSUE_ID --reason TEXT`; review it like code, edit it by hand freely.\n"
)
_FIELDS = ("id", "message", "reason", "by", "date")


@dataclass(frozen=True)
class AcceptedIssue:
    id: str
    message: str = ""
    reason: str = ""
    by: str = ""
    date: str = ""  # ISO date; optional


@dataclass
class AcceptedSet:
    """The accepted issues of a project, by id."""

    entries: dict[str, AcceptedIssue] = field(default_factory=dict)
    path: Path | None = None

    def __contains__(self, issue_id: object) -> bool:
        return issue_id in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def fingerprint(self) -> str:
        """Ids only: a changed reason or date does not change any report."""
        return hashlib.sha256("\n".join(sorted(self.entries)).encode()).hexdigest()[:16]


def is_issue_id(text: str) -> bool:
    return bool(ISSUE_ID.match(text))


def load_accepted(path: Path | None) -> AcceptedSet:
    """The accepted issues in `path`; an empty set when the file does not exist."""
    if path is None or not Path(path).exists():
        return AcceptedSet(path=Path(path) if path is not None else None)
    path = Path(path)
    data = read_toml(path)
    unknown = set(data) - {"accepted"}
    if unknown:
        raise InputError(f"{path}: unknown key {sorted(unknown)[0]!r} (expected [[accepted]] tables)")
    items = data.get("accepted", [])
    if not isinstance(items, list):
        raise InputError(f"{path}: 'accepted' must be an array of tables ([[accepted]])")
    entries: dict[str, AcceptedIssue] = {}
    for number, item in enumerate(items, 1):
        where = f"{path}: accepted entry {number}"
        if not isinstance(item, dict):
            raise InputError(f"{where}: must be a table")
        extra = set(item) - set(_FIELDS)
        if extra:
            raise InputError(f"{where}: unknown key {sorted(extra)[0]!r} (known: {', '.join(_FIELDS)})")
        issue_id = item.get("id")
        if not isinstance(issue_id, str) or not is_issue_id(issue_id):
            raise InputError(f"{where}: id {issue_id!r} is not an issue id like figure:uk:0123456789")
        values = {}
        for key in _FIELDS[1:]:
            value = item.get(key, "")
            if isinstance(value, _dt.date):  # a bare TOML date written by hand
                value = value.isoformat()
            if not isinstance(value, str):
                raise InputError(f"{where}: {key} must be a string")
            values[key] = value
        entries[issue_id] = AcceptedIssue(id=issue_id, **values)
    return AcceptedSet(entries=entries, path=path)


def dumps_accepted(accepted: AcceptedSet) -> str:
    """The TOML text of an accepted set: sorted by id, empty fields left out, so diffs stay small."""
    out = [_HEADER]
    for issue_id in sorted(accepted.entries):
        entry = accepted.entries[issue_id]
        out.append("\n[[accepted]]\n")
        for key in _FIELDS:
            value = getattr(entry, key)
            if value or key == "id":
                out.append(f"{key} = {_toml_string(value)}\n")
    return "".join(out)


def save_accepted(accepted: AcceptedSet, path: Path) -> None:
    write_atomic(path, dumps_accepted(accepted))


def accept(
    ids: Sequence[str],
    reason: str,
    path: Path,
    report: Report | dict[str, Any] | Path | None = None,
    by: str = "",
    date: str | None = None,
) -> list[AcceptedIssue]:
    """Add `ids` to the accepted file at `path` (created if missing) and return the new entries.

    `report` (a Report, its JSON dict, or the path of a NAME.report.json) is where ids are
    looked up: then an id that is not in it is an error; without it, ids only need to be
    syntactically valid. Re-accepting an id updates its reason. `date` defaults to today (UTC).
    """
    if not ids:
        raise InputError("give at least one issue id to accept")
    known = _issues_of(report) if report is not None else None
    for issue_id in ids:
        if not is_issue_id(issue_id):
            raise InputError(f"{issue_id!r} is not an issue id (they look like figure:uk:0123456789)")
        if known is not None and issue_id not in known:
            raise InputError(f"{issue_id} is not in the report; check the id or run the check again")
    accepted = load_accepted(path)
    when = date if date is not None else _dt.datetime.now(_dt.timezone.utc).date().isoformat()
    added = []
    for issue_id in dict.fromkeys(ids):
        previous = accepted.entries.get(issue_id)
        message = known[issue_id] if known is not None else (previous.message if previous else "")
        entry = AcceptedIssue(id=issue_id, message=message, reason=reason.strip(), by=by.strip(), date=when)
        accepted.entries[issue_id] = entry
        added.append(entry)
    save_accepted(accepted, Path(path))
    return added


def matches_ignore(issue: Issue, patterns: Iterable[str]) -> bool:
    """Whether an fnmatch glob in `patterns` matches the issue's id, rule, category or message."""
    fields = (issue.id, issue.rule, issue.category, issue.message)
    return any(fnmatch.fnmatchcase(value, pattern) for pattern in patterns for value in fields if value)


def apply_accepted(report: Report, accepted: AcceptedSet | None, ignore_patterns: Iterable[str] = ()) -> Report:
    """A copy of `report` without accepted and ignored issues, with its summary recomputed.

    summary["accepted"] / summary["ignored"] count the issues removed; segment scores are
    recomputed from the remaining issues, as if the removed ones had never been found.
    """
    from align import checking

    patterns = tuple(ignore_patterns)
    accepted_ids = accepted.entries if accepted is not None else {}
    result = copy.copy(report)
    result.segments = []
    n_accepted = n_ignored = 0
    for seg in report.segments:
        kept: list[Issue] = []
        for issue in seg.issues:
            if issue.id in accepted_ids:
                n_accepted += 1
            elif patterns and matches_ignore(issue, patterns):
                n_ignored += 1
            else:
                kept.append(issue)
        new_seg = copy.copy(seg)
        new_seg.issues = kept
        if len(kept) != len(seg.issues):
            new_seg.scores = _rescore(seg, kept, report.source, checking)
            if new_seg.scores:
                new_seg.score = min(new_seg.scores.values())
        result.segments.append(new_seg)
    summary = dict(report.summary)
    summary.update(checking.summarize(result.segments, report.source, report.languages))
    summary["accepted"] = n_accepted + int(report.summary.get("accepted", 0))
    summary["ignored"] = n_ignored + int(report.summary.get("ignored", 0))
    result.summary = summary
    return result


def _rescore(seg, kept: list[Issue], source: str, checking) -> dict[str, float]:
    pair_score = checking.pair_score
    items = checking.checked_items(seg, source)
    scores = dict(seg.scores)
    for lang in scores:
        # The alignment warning is not part of a language pair's score (see Checker.check_segments).
        lang_issues = [i for i in kept if i.lang == lang and i.category != "alignment"]
        scores[lang] = pair_score(lang_issues, items)
    return scores


def _issues_of(report: Report | dict[str, Any] | Path) -> dict[str, str]:
    """id -> message of every issue in a report object, JSON dict or JSON file."""
    if isinstance(report, Report):
        return {issue.id: issue.message for issue in report.issues}
    where = "the report"
    if isinstance(report, (str, Path)):
        where = str(report)
        report = read_json(Path(report), "JSON report")
    segments = report.get("segments") if isinstance(report, dict) else None
    if not isinstance(segments, list):
        raise InputError(f"{where}: has no 'segments' list; pass a NAME.report.json written by align")
    found: dict[str, str] = {}
    for number, seg in enumerate(segments):
        issues = seg.get("issues", []) if isinstance(seg, dict) else None
        if not isinstance(issues, list):
            raise InputError(f"{where}: segment {number} is not an object with an 'issues' list; "
                             f"pass a NAME.report.json written by align")
        for issue in issues:
            if not isinstance(issue, dict) or not isinstance(issue.get("id"), str) \
                    or not isinstance(issue.get("message", ""), str):
                raise InputError(f"{where}: an issue of segment {number} is not an object with a string "
                                 f"'id' and 'message'; pass a NAME.report.json written by align")
            found[issue["id"]] = issue.get("message", "")
    return found


def _toml_string(value: str) -> str:
    # JSON's string escapes (\" \\ \n \t \uXXXX) are all valid in a TOML basic string.
    return json.dumps(value, ensure_ascii=False)
