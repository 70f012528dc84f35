"""Downloader middlewares."""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares import cookies as scrapy_cookies
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)


class OfflineSuffixCookiesMiddleware(scrapy_cookies.CookiesMiddleware):
    """Scrapy's cookie middleware, its Public Suffix List read from the snapshot that ships in
    tldextract. Scrapy 2.19's module-level list object keeps tldextract's download URLs: at the
    first cookie with a Domain attribute it fetches the list, which offline logs a WARNING with a
    traceback per URL, holds the crawl while it waits, and writes a cache under ~/.cache."""

    @classmethod
    def from_crawler(cls, crawler):
        from .discovery.hosts import OFFLINE_SUFFIXES

        # The one place Scrapy reads the list from (scrapy/downloadermiddlewares/cookies.py).
        scrapy_cookies._split_domain = OFFLINE_SUFFIXES
        return super().from_crawler(crawler)


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


class RedirectRefused(IgnoreRequest):
    """A redirect the crawl does not follow; `reason` is its failure reason."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


class RecordedRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirect middleware, except that a redirect it will not follow is a failure with
    a reason instead of a silent drop: `redirect_loop` (back to a URL of the same chain, or more
    than REDIRECT_MAX_TIMES hops; Scrapy's duplicate filter would swallow it) and
    `redirect_offsite` (to a host the site's spider does not crawl)."""

    def _redirect(self, redirected, request, reason):
        chain = [*request.meta.get("redirect_urls", ()), request.url]
        if redirected.url.split("#")[0] in {u.split("#")[0] for u in chain}:
            raise RedirectRefused("redirect_loop", f"redirects back to {redirected.url} after {len(chain)} hop(s)")
        on_site = getattr(self.crawler.spider, "on_site", None)
        if on_site is not None and not on_site(redirected.url):
            raise RedirectRefused("redirect_offsite", f"redirects to {redirected.url}, off the site")
        try:
            return super()._redirect(redirected, request, reason)
        except IgnoreRequest:
            raise RedirectRefused("redirect_loop", f"more than {self.max_redirect_times} redirects") from None


class ReportedOffsiteMiddleware(OffsiteMiddleware):
    """Scrapy's off-site filter, saying once per host at INFO what it filters (Scrapy says it at
    DEBUG): a feed's links to another host are worth knowing about. Counted as offsite/filtered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reported: set[str] = set()

    def process_request(self, request, spider=None):
        try:
            return super().process_request(request)
        except IgnoreRequest:
            host = urlparse_cached(request).hostname
            if host and host not in self.reported:
                self.reported.add(host)
                allowed = getattr(self.crawler.spider, "allowed_domains", None) or []
                logger.info("Not crawling %s: it is not one of the site's hosts (allowed: %s)", host,
                            ", ".join(allowed), extra={"spider": self.crawler.spider})
            raise
