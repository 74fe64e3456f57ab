"""A persistent translation cache in SQLite, so no sentence is translated twice.

Keyed by model fingerprint, direction, decoding settings and the exact source sentence.
Several processes may share it (batch jobs, CI): WAL journal and a busy timeout make
concurrent readers and writers wait rather than fail.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

SCHEMA_VERSION = 1
_BUSY_TIMEOUT_S = 30.0


def cache_dir() -> Path:
    """$ALIGN_CACHE_DIR, else the platform's user cache directory for align."""
    override = os.environ.get("ALIGN_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("align"))


def cache_key(model_fingerprint: str, settings: str, source_lang: str, target_lang: str, text: str) -> str:
    joined = "\x1f".join([f"v{SCHEMA_VERSION}", model_fingerprint, settings, source_lang, target_lang, text])
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


class TranslationCache:
    """get_many/put_many over one SQLite table; a broken cache file degrades to no cache."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "translations.sqlite3"
        self.warning = ""
        self._conn: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS translations ("
                " key TEXT PRIMARY KEY, model TEXT NOT NULL, direction TEXT NOT NULL,"
                " source TEXT NOT NULL, target TEXT NOT NULL, created REAL NOT NULL)"
            )
            self._conn = conn
        except (sqlite3.Error, OSError) as exc:
            self.warning = f"translation cache {self.path} is unusable ({exc}); translating without it"

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        if self._conn is None:
            return {}
        keys = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):  # stay under SQLite's bound-parameter limit
                chunk = keys[start:start + 500]
                rows = self._conn.execute(
                    f"SELECT key, target FROM translations WHERE key IN ({','.join('?' * len(chunk))})", chunk
                )
                found.update(rows.fetchall())
        except sqlite3.Error as exc:
            self.warning = f"translation cache read failed ({exc})"
        return found

    def put_many(self, rows: Iterable[tuple[str, str, str, str, str]]) -> None:
        """rows: (key, model, direction, source, target)."""
        if self._conn is None:
            return
        now = time.time()
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.executemany(
                    "INSERT OR REPLACE INTO translations (key, model, direction, source, target, created)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [(*row, now) for row in rows],
                )
        except sqlite3.Error as exc:
            self.warning = f"translation cache write failed ({exc})"

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
