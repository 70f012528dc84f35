"""What a site's earlier crawls already emitted: one SQLite file per site (no Scrapy here).

Each article is keyed by the URL identity of its canonical URL; every URL it was fetched under
points at that key, so a rerun can skip fetching it. A body hash tells an unchanged article from an
updated one, whose revision goes up.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

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
"""
_WORDS = re.compile(r"\W+")


def content_hash(title: str | None, text: str) -> str:
    """Hash of the title and body words: whitespace and punctuation changes are not updates."""
    normalized = _WORDS.sub(" ", f"{title or ''}\n{text}".lower()).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def is_newer(lastmod: str | None, fetched_at: str | None) -> bool:
    """A sitemap lastmod not before our last fetch (dates without a zone read as UTC): both are
    to the second at best, so a change in the same second as the fetch counts as newer."""
    from .extraction.metadata import normalize_date

    modified = normalize_date(lastmod)
    if not modified or not fetched_at:
        return False

    def instant(value: str) -> datetime:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)

    return instant(modified) >= instant(fetched_at)


@dataclass
class Verdict:
    status: str  # "new", "updated" or "unchanged"
    revision: int


class ArticleStore:
    """SQLite store of emitted articles; every change is committed at once (WAL journal), so a
    killed crawl leaves it as of its last emitted article."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # autocommit: one statement, one commit
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def verdict(self, key: str, digest: str) -> Verdict:
        row = self.db.execute("SELECT content_hash, revision FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            return Verdict("new", 1)
        if row[0] == digest:
            return Verdict("unchanged", row[1])
        return Verdict("updated", row[1] + 1)

    def record(self, key: str, canonical_url: str, digest: str, revision: int, fetched_keys: set[str]) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.db:  # one transaction: the article and its URLs together
            self.db.execute("BEGIN")
            self.db.execute(
                "INSERT INTO articles (key, canonical_url, content_hash, revision, first_seen, last_seen) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET canonical_url = excluded.canonical_url, "
                "content_hash = excluded.content_hash, revision = excluded.revision, last_seen = excluded.last_seen",
                (key, canonical_url, digest, revision, now, now),
            )
            self.db.executemany(
                "INSERT INTO fetched_urls (url_key, key, fetched_at) VALUES (?, ?, ?) "
                "ON CONFLICT(url_key) DO UPDATE SET key = excluded.key, fetched_at = excluded.fetched_at",
                [(url_key, key, now) for url_key in fetched_keys],
            )

    def fetched_at(self, url_key: str) -> str | None:
        """When the article behind this URL was last fetched, or None if never."""
        row = self.db.execute("SELECT fetched_at FROM fetched_urls WHERE url_key = ?", (url_key,)).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
