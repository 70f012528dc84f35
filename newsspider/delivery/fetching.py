"""Which article pages a rerun fetches again: what is new, changed, or due for a revisit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ..extraction.urls import url_identity
from ..skips import SkippedRequest
from .ledger import is_newer, parse_instant
from .records import PERMANENT_FAILURES, DeliveryRecords


class IncrementalFetchMiddleware:
    """A downloader middleware for article requests (feeds, sitemaps and section pages are always
    fetched). A URL already delivered is not fetched again — skipped as `already_delivered`,
    counted as newsspider/incremental/not_refetched — unless:

    - its sitemap `lastmod` is newer than the last fetch; or
    - it is a revisit: the article was first seen less than REVISIT_MAX_AGE ago (default 3 days)
      and last fetched at least REVISIT_INTERVAL ago (default 6 hours). A revisit is a
      conditional request (If-None-Match / If-Modified-Since from the ETag and Last-Modified kept
      from the last fetch); a 304 costs no extraction (newsspider/revisit/not_modified).

    A URL dropped by an earlier run is skipped as `dropped_before`; one that failed permanently
    (404, 410, a redirect loop, …) or in FAILURE_RETRY_RUNS runs (default 3) as `failed_before`.
    A snapshot crawl (-O, INCREMENTAL_FULL) fetches everything.
    """

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.max_age = timedelta(seconds=settings.getfloat("REVISIT_MAX_AGE", 3 * 86400))
        self.interval = timedelta(seconds=settings.getfloat("REVISIT_INTERVAL", 6 * 3600))
        self.retry_runs = settings.getint("FAILURE_RETRY_RUNS", 3)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def records(self) -> DeliveryRecords | None:
        return self.crawler.get_extension(DeliveryRecords)

    def process_request(self, request, spider=None):
        records = self.records
        if (records is None or records.snapshot or "discovered_via" not in request.meta
                or request.meta.get("playwright") or request.meta.get("revisit")):
            return None
        ledger = records.ledger
        if ledger is None:
            return None
        url_key = url_identity(request.url)
        stats = self.crawler.stats
        known = ledger.known_article(url_key)
        if known is not None:
            if is_newer(request.meta.get("lastmod"), known.fetched_at):
                return None  # changed since: fetch it again
            now = datetime.now(UTC)
            young = now - parse_instant(known.first_seen) < self.max_age
            if young and now - parse_instant(known.fetched_at) >= self.interval:
                stats.inc_value("newsspider/revisit/requested")
                return self.conditional(request, *ledger.validators(url_key))
            stats.inc_value("newsspider/incremental/not_refetched")
            raise SkippedRequest("already_delivered", f"unchanged since {known.fetched_at}")
        past = ledger.outcome(url_key)
        if past is not None:
            if past.outcome == "dropped":
                raise SkippedRequest("dropped_before", past.reason)
            if past.reason in PERMANENT_FAILURES or past.attempts >= self.retry_runs:
                raise SkippedRequest("failed_before", f"{past.reason}, {past.attempts} run(s)")
        return None

    @staticmethod
    def conditional(request, etag: str | None, last_modified: str | None):
        headers = request.headers.copy()
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        allowed = [*request.meta.get("handle_httpstatus_list", ()), 304]
        return request.replace(headers=headers, meta={**request.meta, "revisit": True, "handle_httpstatus_list": allowed},
                               dont_filter=True)

    def process_response(self, request, response, spider=None):
        records = self.records
        if records is None or records.ledger is None or "discovered_via" not in request.meta:
            return response
        ledger = records.ledger
        if response.status == 304 and request.meta.get("revisit"):
            url_key = url_identity(request.url)
            known = ledger.known_article(url_key)
            if known is not None:
                ledger.touch(known.key, {url_key})
            self.crawler.stats.inc_value("newsspider/revisit/not_modified")
            raise SkippedRequest("not_modified", "304 on a revisit")
        if response.status == 200:
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
            if etag or modified:
                ledger.set_validators(url_identity(request.url), etag and etag.decode("latin-1"),
                                      modified and modified.decode("latin-1"))
        return response
