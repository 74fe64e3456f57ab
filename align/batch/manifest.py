"""OUT/.align-manifest.json: what each finished release was made from and what it wrote, so a
re-run redoes only the releases whose inputs, settings, code or accepted issues changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from align.accepted import AcceptedSet
from align.batch.discover import Release
from align.batch.results import BATCH_FORMATS, ReleaseResult
from align.textio import write_atomic

Log = Callable[[str], None]

MANIFEST_NAME = ".align-manifest.json"
# Bump when the manifest layout or the meaning of a key changes: every release is then redone.
MANIFEST_VERSION = 1


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def engine_digests() -> dict[str, str]:
    """Digests of align's code and of the language data it reads: a release checked by other
    code or data (an upgrade, an edited glossary) is redone, not served from the manifest. The
    algorithm version constants live in that code, so they need no entry of their own."""
    from align.resources import code_fingerprint, data_fingerprint

    return {"code": code_fingerprint(), "data": data_fingerprint()}


def release_key(release: Release, settings: dict[str, Any], models: dict[str, str]) -> str:
    """Hash of the release's input bytes and every setting that shapes its outputs."""
    payload = {
        "manifest": MANIFEST_VERSION,
        "name": release.name,
        "inputs": {lang: sha256_file(path) for lang, path in release.files.items()},
        "settings": settings,
        "models": models,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


class Manifest:
    """OUT/.align-manifest.json: what each finished release was made from, and what it wrote."""

    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data = data or {"version": MANIFEST_VERSION, "releases": {}}

    @classmethod
    def load(cls, path: Path, log: Log) -> Manifest:
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
                raise ValueError("other version")
            if not isinstance(data.get("releases"), dict):
                raise ValueError("no releases")
        except (OSError, ValueError, RecursionError) as exc:
            log(f"align: {path}: unreadable manifest ({exc}); redoing every release")
            return cls(path)
        corrupt = sorted(name for name, entry in data["releases"].items() if not valid_entry(entry))
        if corrupt:
            # Nothing of a corrupt entry is trusted (its file names could point anywhere).
            log(f"align: {path}: corrupt manifest entries for {', '.join(corrupt)}; redoing them")
            for name in corrupt:
                del data["releases"][name]
        return cls(path, data)

    def entry(self, name: str) -> dict[str, Any] | None:
        entry = self.data["releases"].get(name)
        return entry if isinstance(entry, dict) else None

    def produced_files(self, out_dir: Path) -> set[Path]:
        """Machine translations recorded here, still as align wrote them (an edited one is a draft)."""
        out = set()
        for entry in self.data["releases"].values():
            for item in (entry.get("translations") or {}).values():
                path = out_dir / item["file"]
                if path.is_file() and sha256_file(path) == item["sha256"]:
                    out.add(path)
        return out

    def record(self, name: str, entry: dict[str, Any]) -> None:
        self.data["releases"][name] = entry
        write_atomic(self.path, json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_file_name(value: Any) -> bool:
    """A plain file name inside the output folder: no folder part, no `..`."""
    return isinstance(value, str) and value not in ("", ".", "..") and Path(value).name == value \
        and "\\" not in value and "\x00" not in value


def valid_entry(entry: Any) -> bool:
    """Whether a manifest entry has the shape process_release writes (types, keys, plain file
    names); anything else is treated as not done."""
    if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
        return False
    if not _is_str_list(entry.get("issue_ids")) or not _is_str_list(entry.get("accepted")):
        return False
    outputs = entry.get("outputs")
    if not isinstance(outputs, dict) or not all(_is_file_name(k) and isinstance(v, str) for k, v in outputs.items()):
        return False
    translations = entry.get("translations")
    if not isinstance(translations, dict):
        return False
    for item in translations.values():
        if not isinstance(item, dict) or not _is_file_name(item.get("file")):
            return False
        if not all(isinstance(item.get(k), str) for k in ("model", "source_sha256", "sha256")):
            return False
    result = entry.get("result")
    if not isinstance(result, dict):
        return False
    return (isinstance(result.get("summary"), dict)
            and isinstance(result.get("counts"), dict)
            and all(isinstance(k, str) and isinstance(v, int) for k, v in result["counts"].items())
            and all(_is_str_list(result.get(k)) for k in ("languages", "translated", "drafts", "warnings"))
            and isinstance(result.get("files"), dict)
            and all(isinstance(k, str) and _is_file_name(v) for k, v in result["files"].items()))


def up_to_date(entry: dict[str, Any], key: str, accepted: AcceptedSet, out_dir: Path) -> bool:
    """Whether a finished release needs no work: same key, same accepted issues among those it
    found, and every output still as it was written."""
    if entry.get("key") != key:
        return False
    found = entry.get("issue_ids") or []
    if [issue_id for issue_id in found if issue_id in accepted] != entry.get("accepted", []):
        return False
    return outputs_intact(entry, out_dir)


def outputs_intact(entry: dict[str, Any], out_dir: Path) -> bool:
    for file_name, digest in (entry.get("outputs") or {}).items():
        path = out_dir / file_name
        if not path.is_file() or sha256_file(path) != digest:
            return False
    return bool(entry.get("outputs"))


def has_batch_parts(entry: dict[str, Any], formats: Sequence[str]) -> bool:
    """Whether the entry holds the release's share of the run's SARIF log and JUnit document, as
    far as `formats` asks for them."""
    parts = entry.get("batch")
    wanted = [fmt for fmt in formats if fmt in BATCH_FORMATS]
    if not wanted:
        return True
    if not isinstance(parts, dict):
        return False
    sarif_ok = "sarif" not in wanted or (isinstance(parts.get("sarif"), dict)
                                         and all(isinstance(parts["sarif"].get(k), list)
                                                 for k in ("rules", "results", "artifacts"))
                                         and isinstance(parts["sarif"].get("release"), dict))
    junit_ok = "junit" not in wanted or _is_str_list(parts.get("junit"))
    return sarif_ok and junit_ok


def from_manifest(name: str, entry: dict[str, Any]) -> ReleaseResult:
    """The result of an up-to-date release, as its entry recorded it."""
    saved = entry.get("result") or {}
    return ReleaseResult(
        name=name, status="skipped", summary=saved.get("summary", {}), counts=saved.get("counts", {}),
        languages=saved.get("languages", []), translated=saved.get("translated", []),
        drafts=saved.get("drafts", []), outputs=saved.get("files", {}), warnings=saved.get("warnings", []),
        lang_counts=_saved_lang_counts(saved.get("lang_counts")),
    )


def _saved_lang_counts(value: Any) -> dict[str, dict[str, int]]:
    """lang_counts read back from the manifest; anything of another shape is dropped (the
    manifest is a file on disk, not trusted)."""
    if not isinstance(value, dict):
        return {}
    return {lang: {sev: n for sev, n in counts.items() if isinstance(sev, str) and type(n) is int}
            for lang, counts in value.items() if isinstance(lang, str) and isinstance(counts, dict)}

