from __future__ import annotations

import logging
from pathlib import Path

from ..extraction.urls import url_identity
from ..items import Article
from ..output import default_feed_uri
from ..state import ArticleStore, content_hash
from .drops import drop

logger = logging.getLogger(__name__)


def store_for(crawler) -> ArticleStore | None:
    """The crawl's article store (STATE_DIR/<spider>.sqlite), opened once; None when
    INCREMENTAL_ENABLED is off."""
    settings = crawler.settings
    if not settings.getbool("INCREMENTAL_ENABLED", True):
        return None
    store = getattr(crawler, "_newsspider_store", None)
    if store is None:
        path = Path(settings.get("STATE_DIR", "state")) / f"{crawler.spider.name}.sqlite"
        store = crawler._newsspider_store = ArticleStore(path)
        logger.info(f"Incremental state: {path} ({store.count()} articles already emitted)")
    return store


def repair_interrupted_outputs(pattern: str, store: ArticleStore | None) -> list[str]:
    """Finish the .part files a killed crawl left: drop a cut last line, record every complete
    line in the store (the crawl may have died between writing and recording), and rename to
    .jsonl. Returns one log line per file."""
    import glob
    import json
    import os

    notes = []
    for part in sorted(glob.glob(pattern)):
        data = Path(part).read_bytes()
        complete = data[: data.rfind(b"\n") + 1]
        kept = 0
        for line in complete.decode("utf-8", errors="replace").splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            kept += 1
            if store is not None and item.get("canonical_url"):
                key = url_identity(item["canonical_url"])
                store.record(key, item["canonical_url"], content_hash(item.get("title"), item.get("text", "")),
                             int(item.get("revision") or 1), {key, url_identity(item.get("url") or item["canonical_url"])})
        final = part[: -len(".part")]
        if kept:
            temporary = final + ".tmp"
            Path(temporary).write_bytes(complete)
            os.replace(temporary, final)
            os.remove(part)
        else:
            os.remove(part)
        cut = len(data) - len(complete)
        notes.append(f"Repaired interrupted output {part}: {kept} complete lines kept"
                     + (f", a cut last line of {cut} bytes dropped" if cut else "")
                     + (f" → {final}" if kept else "; nothing left, file removed"))
    return notes


class IncrementalPipeline:
    """Emits only what is new since the site's earlier crawls: a new article (`revision` 1) or one
    whose title or body changed (`revision` + 1); an unchanged one is dropped as `unchanged`.
    Counted as newsspider/incremental/{new,updated,unchanged}. INCREMENTAL_FULL=True emits
    everything again (and still records it); INCREMENTAL_ENABLED=False turns the store off.

    An emitted article is recorded when Scrapy reports it scraped (`item_scraped`, after the feed
    wrote and flushed its line), so a crawl killed in between has not recorded an article it did
    not write; one written but not recorded is recorded from the .part file at the next start.
    """


    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.full = crawler.settings.getbool("INCREMENTAL_FULL", False)

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        return pipeline

    def open_spider(self, spider=None):
        spider = spider or self.crawler.spider
        template = default_feed_uri(self.crawler.settings) or ""
        if template.endswith(".part"):
            pattern = template % {"name": spider.name, "time": "*"}
            for note in repair_interrupted_outputs(pattern, store_for(self.crawler)):
                logger.warning(note)

    def process_item(self, item):
        store = store_for(self.crawler)
        if store is None or not isinstance(item, Article):
            return item
        key = url_identity(item.canonical_url)
        digest = content_hash(item.title, item.text)
        verdict = store.verdict(key, digest)
        if verdict.status == "unchanged" and not self.full:
            store.record(key, item.canonical_url, digest, verdict.revision, {url_identity(item.url), key})
            self.stats.inc_value("newsspider/incremental/unchanged")
            raise drop(None, "unchanged", item.url)
        item.revision = verdict.revision
        self.stats.inc_value(f"newsspider/incremental/{verdict.status}")
        return item

    def item_scraped(self, item, response=None, spider=None):
        store = store_for(self.crawler)
        if store is None or not isinstance(item, Article):
            return
        key = url_identity(item.canonical_url)
        store.record(key, item.canonical_url, content_hash(item.title, item.text), item.revision,
                     {url_identity(item.url), key})

    def close_spider(self, spider=None):
        store = getattr(self.crawler, "_newsspider_store", None)
        if store is not None:
            store.close()
            self.crawler._newsspider_store = None
