"""Downloader middlewares."""

from __future__ import annotations

from .skips import SkippedRequest


class RenderSwitchMiddleware:
    """Sends article requests to the browser once their spider has switched to rendering
    (`render_mode == "always"`), including requests queued before the switch: a feed's entries
    are all queued at once, long before the first pages show that the site needs a browser."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        spider = self.crawler.spider
        if (
            getattr(spider, "render_mode", None) == "always"
            and "discovered_via" in request.meta
            and not request.meta.get("playwright")
        ):
            return spider.rendered(request)
        return None


class IncrementalSkipMiddleware:
    """Does not fetch an article page an earlier crawl already emitted, unless its sitemap
    `lastmod` is newer than that fetch (or INCREMENTAL_FULL is set). Feeds, sitemaps and section
    pages are always fetched. Counted as newsspider/incremental/not_refetched."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.full = crawler.settings.getbool("INCREMENTAL_FULL", False)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        from .extraction.urls import url_identity
        from .pipelines.incremental import store_for
        from .state import is_newer

        if self.full or "discovered_via" not in request.meta or request.meta.get("playwright"):
            return None
        store = store_for(self.crawler)
        if store is None:
            return None
        fetched_at = store.fetched_at(url_identity(request.url))
        if fetched_at is None:
            return None
        if is_newer(request.meta.get("lastmod"), fetched_at):
            return None  # changed since: fetch it again
        self.crawler.stats.inc_value("newsspider/incremental/not_refetched")
        raise SkippedRequest("already_delivered", f"unchanged since {fetched_at}")
