"""The delivery ledger in Redis: the same `Ledger` as SqliteLedger, shared by every worker of a
site and kept across crawls (hashes under `P:S:ledger:`; values are JSON). Writes that belong
together go in one MULTI/EXEC transaction. Run Redis with `appendonly yes` (README): the ledger
is what makes a rerun skip what was delivered."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..delivery.ledger import Delivery, KnownArticle, PastOutcome, StoreUnavailable, Verdict, utc_now
from .crawl import DistributedCrawl


class RedisLedger:
    def __init__(self, crawl: DistributedCrawl):
        self.crawl = crawl
        self.client = crawl.client
        base = crawl.keys.ledger
        self.articles, self.fetched, self.fingerprints = f"{base}:articles", f"{base}:fetched", f"{base}:fingerprints"
        self.validator_key, self.outcomes = f"{base}:validators", f"{base}:outcomes"
        self.outputs, self.template_key = f"{base}:outputs", f"{base}:templates"

    @property
    def available(self) -> bool:
        return self.crawl.failure is None

    def _get(self, key: str, field: str):
        raw = self.crawl.call(lambda: self.client.hget(key, field), None)
        return json.loads(raw) if raw else None

    def close(self) -> None:
        pass  # the connection is the crawl's

    def count(self) -> int:
        return self.crawl.call(lambda: self.client.hlen(self.articles), 0)

    def verdict(self, key: str, digest: str) -> Verdict:
        row = self._get(self.articles, key)
        if self.crawl.failure is not None:
            raise StoreUnavailable(self.crawl.failure)
        if row is None:
            return Verdict("new", 1)
        if row["digest"] == digest:
            return Verdict("unchanged", row["revision"])
        return Verdict("updated", row["revision"] + 1)

    def duplicate_of(self, fingerprint: str | None, key: str) -> str | None:
        if not fingerprint:
            return None
        row = self._get(self.fingerprints, fingerprint)
        return row[1] if row and row[0] != key else None

    def record_delivered(self, deliveries: Iterable[Delivery], outputs: dict[str, int] | None = None) -> None:
        deliveries = list(deliveries)
        now = utc_now()

        def write():
            firsts = self.client.hmget(self.articles, [d.key for d in deliveries]) if deliveries else []
            pipe = self.client.pipeline(transaction=True)
            for path, size in (outputs or {}).items():
                pipe.hset(self.outputs, path, size)
            for d, first in zip(deliveries, firsts, strict=True):
                first_seen = json.loads(first)["first_seen"] if first else now
                pipe.hset(self.articles, d.key, json.dumps({
                    "canonical_url": d.canonical_url, "digest": d.digest, "fingerprint": d.fingerprint,
                    "revision": d.revision, "first_seen": first_seen, "last_seen": now}))
                if d.fingerprint:
                    pipe.hset(self.fingerprints, d.fingerprint, json.dumps([d.key, d.canonical_url]))
                self._point(pipe, d.key, d.url_keys, first_seen, now)
                pipe.hdel(self.outcomes, *d.url_keys)
            pipe.execute()

        self.crawl.call(write, None)

    def _point(self, pipe, key: str, url_keys: Iterable[str], first_seen: str, now: str) -> None:
        for url_key in url_keys:
            pipe.hset(self.fetched, url_key, json.dumps([key, first_seen, now]))

    def touch(self, key: str, url_keys: Iterable[str]) -> None:
        row = self._get(self.articles, key)
        if row is None:
            return
        now = utc_now()
        row["last_seen"] = now

        def write():
            pipe = self.client.pipeline(transaction=True)
            pipe.hset(self.articles, key, json.dumps(row))
            self._point(pipe, key, url_keys, row["first_seen"], now)
            pipe.execute()

        self.crawl.call(write, None)

    def known_article(self, url_key: str) -> KnownArticle | None:
        row = self._get(self.fetched, url_key)
        return KnownArticle(*row) if row else None

    def validators(self, url_key: str) -> tuple[str | None, str | None]:
        row = self._get(self.validator_key, url_key)
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, url_key: str, etag: str | None, last_modified: str | None) -> None:
        self.crawl.call(lambda: self.client.hset(self.validator_key, url_key, json.dumps([etag, last_modified])), None)

    def outcome(self, url_key: str) -> PastOutcome | None:
        row = self._get(self.outcomes, url_key)
        return PastOutcome(*row) if row else None

    def record_outcome(self, url_keys: Iterable[str], outcome: str, reason: str) -> None:
        url_keys = list(url_keys)

        def write():
            before = self.client.hmget(self.outcomes, url_keys) if url_keys else []
            pipe = self.client.pipeline(transaction=True)
            for url_key, raw in zip(url_keys, before, strict=True):
                past = json.loads(raw) if raw else None
                attempts = past[2] + 1 if past and past[0] == outcome and past[1] == reason else 1
                pipe.hset(self.outcomes, url_key, json.dumps([outcome, reason, attempts]))
            pipe.execute()

        self.crawl.call(write, None)

    def synced_bytes(self, output: str) -> int:
        raw = self.crawl.call(lambda: self.client.hget(self.outputs, output), None)
        return int(raw) if raw else 0

    def set_synced_bytes(self, output: str, size: int) -> None:
        self.crawl.call(lambda: self.client.hset(self.outputs, output, size), None)

    def templates(self) -> dict[str, int]:
        empty: dict = {}
        raw: dict = self.crawl.call(lambda: self.client.hgetall(self.template_key), empty)
        return {k.decode(): int(v) for k, v in raw.items()}

    def add_templates(self, counts: dict[str, int]) -> None:
        def write():
            pipe = self.client.pipeline(transaction=True)
            for template, seen in counts.items():
                pipe.hincrby(self.template_key, template, seen)
            pipe.execute()

        if counts:
            self.crawl.call(write, None)
