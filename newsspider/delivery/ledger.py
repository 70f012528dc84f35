"""The delivery ledger: what a site's crawls delivered, and what became of every other URL they
decided to fetch. No Scrapy here.

`Ledger` is the interface the crawl uses; `SqliteLedger` keeps one SQLite file per site (a Redis
ledger for several workers implements the same methods). An article is keyed by the URL identity
of its canonical URL; every URL it was fetched under points at that key, so a rerun can skip
fetching it. A hash of title and body tells an unchanged article from an updated one.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

_WORDS = re.compile(r"\W+")
# Bodies shorter than this (in characters of words) are too generic to call two stories the same.
MIN_FINGERPRINT_CHARS = 200


def content_hash(title: str | None, text: str) -> str:
    """Hash of the title and body words: whitespace and punctuation changes are not updates."""
    normalized = _WORDS.sub(" ", f"{title or ''}\n{text}".lower()).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def text_fingerprint(text: str) -> str | None:
    """Hash of the body's words; None for bodies too short to identify a story."""
    words = _WORDS.sub(" ", text.lower()).strip()
    if len(words) < MIN_FINGERPRINT_CHARS:
        return None
    return hashlib.sha1(words.encode()).hexdigest()


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_instant(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def is_newer(lastmod: str | None, fetched_at: str | None) -> bool:
    """A sitemap lastmod not before our last fetch (dates without a zone read as UTC): both are
    to the second at best, so a change in the same second as the fetch counts as newer."""
    from ..extraction.metadata import normalize_date

    modified = normalize_date(lastmod)
    if not modified or not fetched_at:
        return False
    return parse_instant(modified) >= parse_instant(fetched_at)


class StoreUnavailable(Exception):
    """The ledger cannot be read (a shared store that went away): nothing can be called new."""


@dataclass(frozen=True)
class Verdict:
    status: str  # "new", "updated" or "unchanged"
    revision: int


@dataclass(frozen=True)
class Delivery:
    """One article whose line has been durably written."""

    key: str  # url_identity(canonical_url)
    canonical_url: str
    digest: str  # content_hash(title, text)
    fingerprint: str | None  # text_fingerprint(text)
    revision: int
    url_keys: frozenset[str]  # url_identity of every URL it was fetched under


@dataclass(frozen=True)
class KnownArticle:
    key: str
    first_seen: str
    fetched_at: str


@dataclass(frozen=True)
class PastOutcome:
    outcome: str  # "dropped" or "failed"
    reason: str
    attempts: int


class Ledger(Protocol):
    @property
    def available(self) -> bool: ...  # False once a shared store went away: writes are not recorded
    def verdict(self, key: str, digest: str) -> Verdict: ...
    def duplicate_of(self, fingerprint: str | None, key: str) -> str | None: ...
    def record_delivered(self, deliveries: Iterable[Delivery], outputs: dict[str, int] | None = None) -> None: ...
    def touch(self, key: str, url_keys: Iterable[str]) -> None: ...
    def known_article(self, url_key: str) -> KnownArticle | None: ...
    def validators(self, url_key: str) -> tuple[str | None, str | None]: ...
    def set_validators(self, url_key: str, etag: str | None, last_modified: str | None) -> None: ...
    def outcome(self, url_key: str) -> PastOutcome | None: ...
    def record_outcome(self, url_keys: Iterable[str], outcome: str, reason: str) -> None: ...
    def synced_bytes(self, output: str) -> int: ...
    def set_synced_bytes(self, output: str, size: int) -> None: ...
    def templates(self) -> dict[str, int]: ...
    def add_templates(self, counts: dict[str, int]) -> None: ...
    def count(self) -> int: ...
    def close(self) -> None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,          -- url_identity(canonical_url)
    canonical_url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    revision INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fetched_urls (
    url_key TEXT PRIMARY KEY,      -- url_identity of a URL the article was fetched under
    key TEXT NOT NULL REFERENCES articles(key),
    fetched_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS validators (
    url_key TEXT PRIMARY KEY,      -- for conditional revisits
    etag TEXT,
    last_modified TEXT
);
CREATE TABLE IF NOT EXISTS outcomes (
    url_key TEXT PRIMARY KEY,      -- a URL that was dropped or failed, not delivered
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS url_templates (
    template TEXT PRIMARY KEY,     -- the shape of the site's article URLs (discovery/templates.py)
    seen INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS outputs (
    path TEXT PRIMARY KEY,         -- a local output file: how much of it is recorded here
    synced_bytes INTEGER NOT NULL
);
"""


class SqliteLedger:
    """SQLite ledger of one site (WAL journal, full sync: a committed delivery survives a crash)."""

    available = True

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions only
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(_SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        if "fingerprint" not in columns:  # a ledger written before fingerprints were kept
            self.db.execute("ALTER TABLE articles ADD COLUMN fingerprint TEXT")
        self.db.execute("CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles(fingerprint)")

    def close(self) -> None:
        self.db.close()

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def verdict(self, key: str, digest: str) -> Verdict:
        row = self.db.execute("SELECT content_hash, revision FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            return Verdict("new", 1)
        if row[0] == digest:
            return Verdict("unchanged", row[1])
        return Verdict("updated", row[1] + 1)

    def duplicate_of(self, fingerprint: str | None, key: str) -> str | None:
        """The canonical URL of another delivered article with the same body, if any."""
        if not fingerprint:
            return None
        row = self.db.execute("SELECT canonical_url FROM articles WHERE fingerprint = ? AND key != ? LIMIT 1",
                              (fingerprint, key)).fetchone()
        return row[0] if row else None

    def record_delivered(self, deliveries: Iterable[Delivery], outputs: dict[str, int] | None = None) -> None:
        """Articles durably written, and how far each local output file is now written: one
        transaction, so a crash leaves both as of the last sync."""
        now = utc_now()
        with self.db:
            self.db.execute("BEGIN")
            for path, size in (outputs or {}).items():
                self.set_synced_bytes(path, size)
            for d in deliveries:
                self.db.execute(
                    "INSERT INTO articles (key, canonical_url, content_hash, fingerprint, revision, first_seen, last_seen) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET canonical_url = excluded.canonical_url, "
                    "content_hash = excluded.content_hash, fingerprint = excluded.fingerprint, "
                    "revision = excluded.revision, last_seen = excluded.last_seen",
                    (d.key, d.canonical_url, d.digest, d.fingerprint, d.revision, now, now),
                )
                self._point(d.key, d.url_keys, now)
                self.db.executemany("DELETE FROM outcomes WHERE url_key = ?", [(k,) for k in d.url_keys])

    def touch(self, key: str, url_keys: Iterable[str]) -> None:
        """Seen again, unchanged (or 304): its next revisit waits a full interval from now."""
        now = utc_now()
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("UPDATE articles SET last_seen = ? WHERE key = ?", (now, key))
            self._point(key, url_keys, now)

    def _point(self, key: str, url_keys: Iterable[str], now: str) -> None:
        self.db.executemany(
            "INSERT INTO fetched_urls (url_key, key, fetched_at) VALUES (?, ?, ?) "
            "ON CONFLICT(url_key) DO UPDATE SET key = excluded.key, fetched_at = excluded.fetched_at",
            [(url_key, key, now) for url_key in url_keys],
        )

    def known_article(self, url_key: str) -> KnownArticle | None:
        row = self.db.execute(
            "SELECT a.key, a.first_seen, f.fetched_at FROM fetched_urls f JOIN articles a ON a.key = f.key "
            "WHERE f.url_key = ?", (url_key,)).fetchone()
        return KnownArticle(*row) if row else None

    def validators(self, url_key: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM validators WHERE url_key = ?", (url_key,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, url_key: str, etag: str | None, last_modified: str | None) -> None:
        self.db.execute("INSERT INTO validators (url_key, etag, last_modified) VALUES (?, ?, ?) ON CONFLICT(url_key) "
                        "DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
                        (url_key, etag, last_modified))

    def outcome(self, url_key: str) -> PastOutcome | None:
        row = self.db.execute("SELECT outcome, reason, attempts FROM outcomes WHERE url_key = ?", (url_key,)).fetchone()
        return PastOutcome(*row) if row else None

    def record_outcome(self, url_keys: Iterable[str], outcome: str, reason: str) -> None:
        """A URL dropped or failed; a failure's attempts count up across runs."""
        now = utc_now()
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT INTO outcomes (url_key, outcome, reason, attempts, at) VALUES (?, ?, ?, 1, ?) "
                "ON CONFLICT(url_key) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason, "
                "attempts = CASE WHEN outcomes.outcome = excluded.outcome AND outcomes.reason = excluded.reason "
                "THEN outcomes.attempts + 1 ELSE 1 END, at = excluded.at",
                [(k, outcome, reason, now) for k in url_keys],
            )

    def synced_bytes(self, output: str) -> int:
        row = self.db.execute("SELECT synced_bytes FROM outputs WHERE path = ?", (output,)).fetchone()
        return row[0] if row else 0

    def set_synced_bytes(self, output: str, size: int) -> None:
        self.db.execute("INSERT INTO outputs (path, synced_bytes) VALUES (?, ?) ON CONFLICT(path) "
                        "DO UPDATE SET synced_bytes = excluded.synced_bytes", (output, size))

    def templates(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT template, seen FROM url_templates"))

    def add_templates(self, counts: dict[str, int]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT INTO url_templates (template, seen) VALUES (?, ?) ON CONFLICT(template) "
                                "DO UPDATE SET seen = url_templates.seen + excluded.seen", list(counts.items()))
