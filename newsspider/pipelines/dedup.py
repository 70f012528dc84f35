"""Once per crawl: one story announced under several URLs is written once."""

from __future__ import annotations

import hashlib

from ..delivery.ledger import text_fingerprint
from ..distributed.crawl import DistributedCrawl
from ..extraction.urls import url_identity
from ..items import Article
from .drops import drop


class DuplicateArticlePipeline:
    """Writes each story once per crawl: a second article with the same URL identity (fetched or
    canonical: tracking parameters, AMP, slash, `www.` ignored) or the same body text is dropped
    as `duplicate`. In distributed mode the crawl's workers share the record (the first URL to
    claim a story owns it, so the same URL fetched again after a lost lease is not a duplicate)."""

    def __init__(self, stats=None, shared: DistributedCrawl | None = None):
        self.stats = stats
        self.shared = shared
        # 16-byte digests of the story keys: about 100 bytes a key held for the whole crawl,
        # against about 300 for the strings (URL identities run long).
        self.seen: set[bytes] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.get_extension(DistributedCrawl))

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        keys = {"url:" + url_identity(item.url), "url:" + url_identity(item.canonical_url)}
        fingerprint = text_fingerprint(item.text)
        if fingerprint:
            keys.add("text:" + fingerprint)
        digests = {hashlib.blake2b(key.encode(), digest_size=16).digest() for key in keys}
        if digests & self.seen:
            raise drop(self.stats, "duplicate", item.url, f"same story as {item.canonical_url}")
        self.seen |= digests
        if self.shared is not None:
            first = self.shared.claim_story(url_identity(item.url), keys)
            if first is not None:
                raise drop(self.stats, "duplicate", item.url, f"same story as {first}, taken by another worker")
        return item
