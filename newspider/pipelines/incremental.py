from __future__ import annotations

import logging
from pathlib import Path

from ..extraction.urls import url_identity
from ..items import Article
from ..state import ArticleStore, content_hash
from .base import drop

logger = logging.getLogger(__name__)


def store_for(crawler) -> ArticleStore | None:
    """The crawl's article store (STATE_DIR/<spider>.sqlite), opened once; None when
    INCREMENTAL_ENABLED is off."""
    settings = crawler.settings
    if not settings.getbool("INCREMENTAL_ENABLED", True):
        return None
    store = getattr(crawler, "_newspider_store", None)
    if store is None:
        path = Path(settings.get("STATE_DIR", "state")) / f"{crawler.spider.name}.sqlite"
        store = crawler._newspider_store = ArticleStore(path)
        logger.info(f"Incremental state: {path} ({store.count()} articles already emitted)")
    return store


class IncrementalPipeline:
    """Emits only what is new since the site's earlier crawls: a new article (`revision` 1) or one
    whose title or body changed (`revision` + 1); an unchanged one is dropped as `unchanged`.
    Counted as newspider/incremental/{new,updated,unchanged}. INCREMENTAL_FULL=True emits
    everything again (and still records it); INCREMENTAL_ENABLED=False turns the store off."""

    crawl_only = True

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.full = crawler.settings.getbool("INCREMENTAL_FULL", False)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        store = store_for(self.crawler)
        if store is None or not isinstance(item, Article):
            return item
        key = url_identity(item.canonical_url)
        digest = content_hash(item.title, item.text)
        verdict = store.verdict(key, digest)
        fetched = {url_identity(item.url), key}
        if verdict.status == "unchanged" and not self.full:
            store.record(key, item.canonical_url, digest, verdict.revision, fetched)
            self.stats.inc_value("newspider/incremental/unchanged")
            raise drop(None, "unchanged", item.url)
        item.revision = verdict.revision
        store.record(key, item.canonical_url, digest, verdict.revision, fetched)
        self.stats.inc_value(f"newspider/incremental/{verdict.status}")
        return item

    def close_spider(self, spider=None):
        store = getattr(self.crawler, "_newspider_store", None)
        if store is not None:
            store.close()
            self.crawler._newspider_store = None
