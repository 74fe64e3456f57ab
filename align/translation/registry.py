"""Which model serves which direction, where it is on disk, and getting it there.

Lookup order for a model name: an existing directory path, then
`$ALIGN_MODELS_DIR/<owner>--<name>` (or `<name>`), then the Hugging Face cache. Nothing here
touches the network except `pull_model`, which checks connectivity with a short timeout first.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import tomllib

from align.errors import InputError, ModelNotFoundError
from align.model import LANGS
from align.resources import registry_path

CONNECT_TIMEOUT_S = 3.0
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json",
                "pytorch_model.bin.index.json")
_PULL_PATTERNS = ["*.json", "*.spm", "*.model", "*.txt"]


@dataclass(frozen=True)
class DirectionSpec:
    """One line of models/registry.toml."""

    source: str
    target: str
    model: str
    target_token: str = ""
    revision: str | None = None

    @property
    def direction(self) -> str:
        return f"{self.source}-{self.target}"


@dataclass(frozen=True)
class ModelStatus:
    """What `align models` lists: a direction, its default model, and whether it is on disk."""

    direction: str
    model: str
    target_token: str
    on_disk: bool
    path: Path | None = None
    where: str = ""  # "path" | "ALIGN_MODELS_DIR" | "huggingface cache" | ""


@dataclass(frozen=True)
class ResolvedModel:
    """A model found on disk and checked to serve one direction."""

    name: str  # as asked for (repo id or path)
    path: Path
    source_lang: str
    target_lang: str
    family: str  # marian | nllb | m2m100
    target_token: str  # Marian: ">>ukr<<" or ""; NLLB/M2M100: the target language code
    source_code: str = ""  # NLLB/M2M100: the source language code
    revision: str = ""  # hub commit when it came from the HF cache
    where: str = ""

    @property
    def fingerprint(self) -> str:
        return model_fingerprint(self.path)


@lru_cache(maxsize=1)
def load_registry() -> dict:
    try:
        with registry_path().open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the model registry: {exc}") from None


def check_direction(source_lang: str, target_lang: str) -> None:
    for lang in (source_lang, target_lang):
        if lang not in LANGS:
            raise InputError(f"unknown language '{lang}' (align translates between {', '.join(LANGS)})")
    if source_lang == target_lang:
        raise InputError(f"source and target language are both '{source_lang}'")


def default_spec(source_lang: str, target_lang: str) -> DirectionSpec:
    check_direction(source_lang, target_lang)
    entry = load_registry().get("directions", {}).get(f"{source_lang}-{target_lang}")
    if not entry or "model" not in entry:
        raise ModelNotFoundError(f"no default model for {source_lang}->{target_lang} in {registry_path()}; "
                                 f"pass --model NAME_OR_PATH")
    return DirectionSpec(source_lang, target_lang, entry["model"], entry.get("target_token", ""),
                         entry.get("revision"))


def all_specs() -> list[DirectionSpec]:
    out = []
    for direction in load_registry().get("directions", {}):
        src, _, tgt = direction.partition("-")
        out.append(default_spec(src, tgt))
    return out


def models_dir() -> Path | None:
    value = os.environ.get("ALIGN_MODELS_DIR")
    return Path(value).expanduser() if value else None


def local_dir_name(name: str) -> str:
    """`Helsinki-NLP/opus-mt-tc-big-en-zle` -> `Helsinki-NLP--opus-mt-tc-big-en-zle` (the hub's own
    cache spells repo ids the same way, minus its `models--` prefix)."""
    return name.strip("/").replace("/", "--")


def _looks_like_repo_id(name: str) -> bool:
    parts = name.split("/")
    return len(parts) == 2 and all(parts) and not name.startswith((".", "~"))


def find_model_dir(name: str) -> tuple[Path, str, str] | None:
    """(directory, where, revision) of a model on disk, or None. Never touches the network."""
    path = Path(name).expanduser()
    if path.is_dir():
        return path.resolve(), "path", ""
    root = models_dir()
    if root is not None:
        for candidate in (root / local_dir_name(name), root / name.rsplit("/", 1)[-1]):
            if candidate.is_dir():
                return candidate.resolve(), "ALIGN_MODELS_DIR", ""
    if _looks_like_repo_id(name):
        snapshot = _hf_cache_snapshot(name)
        if snapshot is not None:
            return snapshot, "huggingface cache", snapshot.name
    return None


def _hf_cache_snapshot(repo_id: str) -> Path | None:
    set_offline_env()
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return None
    try:
        found = try_to_load_from_cache(repo_id, "config.json")
    except Exception:  # a malformed repo id or cache layout means "not cached"
        return None
    return Path(found).parent if isinstance(found, str) else None


def set_offline_env() -> None:
    """Keep transformers and huggingface_hub off the network: models are loaded from disk only."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import sys

    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:  # imported before us: its flag was read from the old environment
        constants.HF_HUB_OFFLINE = True


def _missing_message(name: str, source_lang: str, target_lang: str) -> str:
    where = f"copy the model directory to $ALIGN_MODELS_DIR/{local_dir_name(name)}"
    return (f"model {name} for {source_lang}->{target_lang} is not on disk: run `align models pull {name}` "
            f"while online, or {where}")


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"model directory {path.parent} is corrupt: cannot read {path.name} ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"model directory {path.parent} is corrupt: {path.name} is not a JSON object")
    return data


def _check_complete(path: Path, name: str) -> tuple[dict, dict]:
    """config.json and tokenizer_config.json of a usable model directory, or one clear error."""
    if not (path / "config.json").is_file():
        raise InputError(f"{path} is not a model directory (no config.json); "
                         f"expected a Hugging Face model such as {name if '/' in name else 'Helsinki-NLP/opus-mt-...'}")
    config = _read_json(path / "config.json")
    tok_config = _read_json(path / "tokenizer_config.json") if (path / "tokenizer_config.json").is_file() else {}
    if not any((path / w).is_file() for w in WEIGHT_FILES):
        raise InputError(f"model directory {path} is incomplete: no weights ({' or '.join(WEIGHT_FILES[:2])}); "
                         f"download it again with `align models pull {name}`")
    if config.get("model_type") == "marian":
        missing = [f for f in ("source.spm", "target.spm", "vocab.json") if not (path / f).is_file()]
        if missing:
            raise InputError(f"model directory {path} is incomplete: missing {', '.join(missing)}; "
                             f"download it again with `align models pull {name}`")
    return config, tok_config


def _family(config: dict, tok_config: dict, path: Path) -> str:
    model_type = config.get("model_type", "")
    if model_type == "marian":
        return "marian"
    if model_type == "m2m_100":
        tok_class = str(tok_config.get("tokenizer_class", ""))
        if tok_class.startswith("Nllb") or (not tok_class and "nllb" in path.name.lower()):
            return "nllb"
        return "m2m100"
    raise InputError(f"model at {path} has type '{model_type or 'unknown'}': align runs Marian (opus-mt), "
                     f"NLLB and M2M100 translation models")


def _opus_pair(name: str, path: Path, tok_config: dict) -> tuple[str, str] | None:
    """The (source, target) language codes a Marian model declares, from its tokenizer config or
    its opus-mt name (opus-mt[-tc-big]-SRC-TGT)."""
    src, tgt = tok_config.get("source_lang"), tok_config.get("target_lang")
    if isinstance(src, str) and isinstance(tgt, str) and src and tgt:
        return src.lower(), tgt.lower()
    for candidate in (name, path.name):
        base = candidate.rstrip("/").rsplit("/", 1)[-1]
        if "opus-mt" in base:
            parts = base.split("-")
            if len(parts) >= 2:
                return parts[-2].lower(), parts[-1].lower()
    return None


def _marian_language_tokens(path: Path) -> list[str]:
    vocab = _read_json(path / "vocab.json")
    return [tok for tok in vocab if tok.startswith(">>") and tok.endswith("<<")]


def resolve_model(source_lang: str, target_lang: str, model: str | None = None) -> ResolvedModel:
    """Find the model for a direction on disk and check that it serves it.

    Raises ModelNotFoundError when it is not on disk, InputError when it is corrupt or serves
    another direction."""
    check_direction(source_lang, target_lang)
    spec = default_spec(source_lang, target_lang) if model is None else None
    name = model if model is not None else spec.model  # type: ignore[union-attr]
    found = find_model_dir(name)
    if found is None:
        if model is not None and (os.sep in model or model.startswith(".")) and not _looks_like_repo_id(model):
            raise ModelNotFoundError(f"model directory {model} for {source_lang}->{target_lang} does not exist")
        raise ModelNotFoundError(_missing_message(name, source_lang, target_lang))
    path, where, revision = found
    config, tok_config = _check_complete(path, name)
    family = _family(config, tok_config, path)
    langs = load_registry().get("languages", {})
    direction = f"{source_lang}->{target_lang}"

    if family in ("nllb", "m2m100"):
        return ResolvedModel(name, path, source_lang, target_lang, family,
                             target_token=langs[target_lang][family], source_code=langs[source_lang][family],
                             revision=revision, where=where)

    pair = _opus_pair(name, path, tok_config)
    if pair is not None:
        src_code, tgt_code = pair
        if src_code not in langs[source_lang]["opus_codes"] or tgt_code not in langs[target_lang]["opus_codes"]:
            raise InputError(f"model {name} translates {src_code}->{tgt_code}, it cannot serve {direction}")
    tokens = _marian_language_tokens(path)
    if not tokens:
        return ResolvedModel(name, path, source_lang, target_lang, "marian", "", revision=revision, where=where)
    wanted = [spec.target_token] if spec is not None and spec.target_token else langs[target_lang]["marian_tokens"]
    for token in wanted:
        if token in tokens:
            return ResolvedModel(name, path, source_lang, target_lang, "marian", token, revision=revision,
                                 where=where)
    shown = ", ".join(tokens[:8]) + (" ..." if len(tokens) > 8 else "")
    raise InputError(f"model {name} cannot translate into {target_lang}: it has no target token "
                     f"{' or '.join(wanted)} (it has {shown})")


def list_models() -> list[ModelStatus]:
    """Every direction of the registry with its default model and whether that model is on disk."""
    out = []
    for spec in all_specs():
        found = find_model_dir(spec.model)
        out.append(ModelStatus(spec.direction, spec.model, spec.target_token, found is not None,
                               found[0] if found else None, found[1] if found else ""))
    return out


def _hub_host() -> tuple[str, int]:
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co")
    parsed = urlparse(endpoint)
    return parsed.hostname or "huggingface.co", parsed.port or (80 if parsed.scheme == "http" else 443)


def check_hub_reachable(timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Raise ModelNotFoundError unless a TCP connection to the hub opens within `timeout` seconds.

    DNS lookups ignore socket timeouts, so the whole attempt runs in a daemon thread that we
    stop waiting for."""
    host, port = _hub_host()
    outcome: dict[str, BaseException | None] = {}

    def attempt() -> None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            outcome["error"] = None
        except OSError as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout + 0.5)
    if "error" not in outcome:
        raise ModelNotFoundError(f"cannot reach {host}:{port} within {timeout:g} s (offline?)")
    if outcome["error"] is not None:
        raise ModelNotFoundError(f"cannot reach {host}:{port} ({outcome['error']}) (offline?)")


def pull_model(name: str, dest: str | os.PathLike | None = None, revision: str | None = None) -> Path:
    """Download a hub model for offline use and return its directory.

    With `dest` (or $ALIGN_MODELS_DIR) the model goes to `<dest>/<owner>--<name>`, where the
    lookup finds it; otherwise into the Hugging Face cache. Fails within a few seconds when the
    hub cannot be reached."""
    if not _looks_like_repo_id(name):
        raise InputError(f"'{name}' is not a Hugging Face model id (expected OWNER/NAME)")
    if revision is None:
        revision = next((s.revision for s in all_specs() if s.model == name and s.revision), None)
    try:
        check_hub_reachable()
    except ModelNotFoundError as exc:
        raise ModelNotFoundError(f"cannot download {name}: {exc}; copy the model directory to "
                                 f"$ALIGN_MODELS_DIR/{local_dir_name(name)} instead") from None
    root = Path(dest).expanduser() if dest is not None else models_dir()
    os.environ.setdefault("HF_HUB_ETAG_TIMEOUT", "10")
    os.environ.setdefault("HF_HUB_DOWNLOAD_TIMEOUT", "30")
    import huggingface_hub
    from huggingface_hub import constants

    was_offline = constants.HF_HUB_OFFLINE
    constants.HF_HUB_OFFLINE = False  # this one call is meant to go online
    try:
        files = [s.rfilename for s in huggingface_hub.HfApi().model_info(name, revision=revision).siblings or []]
        weights = ["model.safetensors*"] if any(f.startswith("model.safetensors") for f in files) \
            else ["pytorch_model.bin*"]
        kwargs = {"repo_id": name, "revision": revision, "allow_patterns": _PULL_PATTERNS + weights,
                  "etag_timeout": 10}
        if root is not None:
            target = root / local_dir_name(name)
            path = Path(huggingface_hub.snapshot_download(local_dir=str(target), **kwargs))
        else:
            path = Path(huggingface_hub.snapshot_download(**kwargs))
    except Exception as exc:  # hub errors come in many classes; the user needs one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelNotFoundError(f"cannot download {name}: {first}") from None
    finally:
        constants.HF_HUB_OFFLINE = was_offline
    _check_complete(path, name)
    return path


@lru_cache(maxsize=32)
def _fingerprint_cached(path: str, stamp: tuple) -> str:
    digest = hashlib.sha256()
    for file in sorted(Path(path).iterdir()):
        if not file.is_file() or file.name.startswith("."):
            continue
        size = file.stat().st_size
        digest.update(f"{file.name}\0{size}\0".encode())
        with file.open("rb") as fh:
            if size <= 8 << 20:
                digest.update(fh.read())
            else:  # weights: hashing gigabytes on every run is too slow; ends + size identify them
                digest.update(fh.read(1 << 20))
                fh.seek(-(1 << 20), os.SEEK_END)
                digest.update(fh.read(1 << 20))
    return digest.hexdigest()[:16]


def model_fingerprint(path: Path) -> str:
    """A short hash of a model directory's files, so cached translations follow the weights."""
    stamp = tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in sorted(path.iterdir())
                  if f.is_file())
    return _fingerprint_cached(str(path), stamp)
