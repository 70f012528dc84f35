"""Once across crawls: only what is new or changed since the site's earlier crawls is emitted."""

from __future__ import annotations

from ..delivery.feeds import delivery_of
from ..delivery.ledger import StoreUnavailable
from ..delivery.records import DeliveryRecords
from ..items import Article
from .drops import drop


class IncrementalPipeline:
    """Emits a new article (`revision` 1) or one whose title or body changed (`revision` + 1); an
    unchanged one is dropped as `unchanged`, and a page whose body is an article delivered under
    another URL as `duplicate`. Counted as newsspider/incremental/{new,updated,unchanged}.

    A snapshot crawl (-O, or INCREMENTAL_FULL=True) emits unchanged articles too; INCREMENTAL_ENABLED
    =False turns the ledger off. Recording a delivery is not done here but by the feed exporter,
    after the line is durably written (newsspider.delivery.feeds).
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        records = self.crawler.get_extension(DeliveryRecords)
        ledger = records.ledger if records is not None else None
        if ledger is None or not isinstance(item, Article):
            return item
        delivery = delivery_of(item)
        try:
            verdict = ledger.verdict(delivery.key, delivery.digest)
        except StoreUnavailable as exc:  # the crawl is stopping; the next run delivers it
            raise drop(self.stats, "store_unavailable", item.url, str(exc)) from None
        if verdict.status == "new":
            original = ledger.duplicate_of(delivery.fingerprint, delivery.key)
            if original:
                raise drop(self.stats, "duplicate", item.url, f"same story as {original}, delivered before")
        if verdict.status == "unchanged" and not records.snapshot:
            ledger.touch(delivery.key, delivery.url_keys)
            self.stats.inc_value("newsspider/incremental/unchanged")
            raise drop(None, "unchanged", item.url)
        item.revision = verdict.revision
        self.stats.inc_value(f"newsspider/incremental/{verdict.status}")
        return item
