"""The crawling half: find article URLs through feeds, sitemaps and section pages, fetch them,
and hand each article page to the item pipelines as a `Page`. No extraction happens here."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import scrapy
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError

from ..delivery.ledger import is_newer
from ..delivery.records import DeliveryRecords
from ..discovery.feeds import parse_feed
from ..discovery.sitemaps import parse_sitemap, robots_sitemaps
from ..extraction.urls import looks_like_article_url, url_identity
from ..items import Page
from ..output import default_feed_uri
from ..sites import SiteConfig
from ..skips import SkippedRequest

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


class NewsSpider(scrapy.Spider):
    """Crawls one news site described by a `SiteConfig` (`self.site`).

    Start: every sitemap (indexes followed, robots.txt `Sitemap:` lines read), every feed, every
    start URL. Feed and sitemap entries that look like articles (the site's `article_url_pattern`,
    or the URL's shape) are fetched as articles; section pages are followed `max_depth` links deep,
    and the feeds they declare with `<link rel=alternate>` are read too.
    """

    site: SiteConfig = None  # type: ignore[assignment]  # set on each class by the spider loader
    # Sitemaps and feeds are probed where a site does not list them; their 404s are not errors.
    quiet_probe = False

    @classmethod
    def update_settings(cls, settings):
        """Write to output/<spider>/<start time>.jsonl unless -o/-O or FEEDS say where."""
        super().update_settings(settings)
        default = default_feed_uri(settings)
        if default and not settings.getdict("FEEDS"):
            settings.set("FEEDS", {default: {"format": "jsonlines", "encoding": "utf-8", "store_empty": False}}, priority="spider")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.site is None:
            raise ValueError(f"spider {self.name!r} has no site configuration")
        self.allowed_domains = list(self.site.hosts())
        self._article_pattern = re.compile(self.site.article_url_pattern) if self.site.article_url_pattern else None
        # Hosts are checked by on_site(): LinkExtractor's allow_domains compares host:port.
        self._links = LinkExtractor(unique=True)
        self.render_mode = self.site.render_js  # auto may become always (see render_decision)
        self._render_needed: list[bool] = []  # per article page in auto mode, in order seen

    # -- discovery ------------------------------------------------------------------------------
    async def start(self):
        for url in self.site.sitemaps:
            yield scrapy.Request(url, self.parse_sitemap, errback=self.on_error, priority=10)
        for url in self.site.feeds:
            yield scrapy.Request(url, self.parse_feed, errback=self.on_error, priority=10)
        for url in self.site.start_urls:
            yield scrapy.Request(url, self.parse_section, errback=self.on_error, cb_kwargs={"depth": 0})

    def on_site(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def is_article_url(self, url: str) -> bool:
        if not self.on_site(url):
            return False
        parts = urlsplit(url)
        if self._article_pattern is not None:
            return bool(self._article_pattern.search(parts.path + (f"?{parts.query}" if parts.query else "")))
        return looks_like_article_url(url)

    def article_request(self, url: str, via: str, depth: int, lastmod: str | None = None):
        self.crawler.stats.inc_value(f"newsspider/discovered/{via}")
        request = scrapy.Request(
            url, self.parse_article, errback=self.on_error, priority=20,
            meta={"discovered_via": via, "article_depth": depth, "lastmod": lastmod},
        )
        return self.rendered(request) if self.render_mode == "always" else request

    @property
    def state_name(self) -> str:
        """The name of this site's ledger file in STATE_DIR."""
        return self.name

    @property
    def records(self) -> DeliveryRecords | None:
        return self.crawler.get_extension(DeliveryRecords)

    def changed_since_emitted(self, url: str, lastmod: str) -> bool:
        """The page was delivered by an earlier crawl and its sitemap lastmod is newer than that."""
        ledger = self.records.ledger if self.records is not None else None
        known = ledger.known_article(url_identity(url)) if ledger is not None else None
        return known is not None and is_newer(lastmod, known.fetched_at)

    # -- rendering ------------------------------------------------------------------------------
    def rendered(self, request):
        """The same request, fetched through the browser and read once the article is there."""
        from scrapy_playwright.page import PageMethod

        from ..rendering import article_ready_script

        settings = self.crawler.settings
        url = request.url

        def log_script_error(error) -> None:
            self.crawler.stats.inc_value("newsspider/render/script_errors")
            self.logger.warning("JavaScript error on %s: %s", url, error)

        meta = {
            **request.meta,
            "playwright": True,
            "playwright_page_methods": [
                PageMethod(
                    "wait_for_function",
                    article_ready_script(settings.getint("RENDER_MIN_CHARS", 400), self.site.body_css),
                    timeout=settings.getfloat("RENDER_TIMEOUT", 10) * 1000,
                )
            ],
            "playwright_page_event_handlers": {"pageerror": log_script_error},
            "max_retry_times": 1,
        }
        return request.replace(meta=meta, dont_filter=True)

    def needs_rendering(self, response) -> bool:
        """The plain page is a script shell (little text, an app root, big scripts, a <noscript>
        hint). In auto mode, `RENDER_SWITCH_AFTER` such pages in a row from the start of the crawl
        switch the site to rendering its article pages directly (RenderSwitchMiddleware)."""
        if self.render_mode == "never" or "playwright" in response.flags or not hasattr(response, "text"):
            return False
        text = " ".join(response.xpath("//body//text()[not(parent::script or parent::style)]").getall())
        shell = False
        if len(" ".join(text.split())) < 1500:
            from ..extraction.document import NotHtml, parse_html
            from ..extraction.validation import looks_like_script_shell

            try:
                shell = looks_like_script_shell(parse_html(response.text)[0])
            except NotHtml:
                shell = False
        switch_after = self.crawler.settings.getint("RENDER_SWITCH_AFTER", 5)
        if self.render_mode == "auto" and len(self._render_needed) < switch_after:
            self._render_needed.append(shell)
            if len(self._render_needed) == switch_after and all(self._render_needed):
                self.render_mode = "always"
                self.crawler.stats.set_value("newsspider/render/switched_to_always", 1)
                self.logger.info("%s: the first %d article pages all needed a browser; rendering every article page "
                                 "from now on", self.name, switch_after)
        return shell

    def parse_feed(self, response):
        entries = parse_feed(response.body, response.url)
        if not entries:
            level = "debug" if self.quiet_probe else "warning"
            getattr(self.logger, level)(f"No entries in feed {response.url} (not an RSS/Atom feed, or empty)")
            self.crawler.stats.inc_value("newsspider/feeds/empty")
            return
        self.crawler.stats.inc_value("newsspider/feeds/read")
        for entry in entries:
            if self.is_article_url(entry.url):
                yield self.article_request(entry.url, "feed", self.site.max_depth)

    def parse_sitemap(self, response):
        if response.url.endswith("/robots.txt"):
            for url in robots_sitemaps(response.text if hasattr(response, "text") else response.body.decode("latin-1")):
                yield scrapy.Request(url, self.parse_sitemap, errback=self.on_error, priority=10)
            return
        sitemap = parse_sitemap(response.body)
        if sitemap.kind == "invalid":
            level = "debug" if self.quiet_probe else "warning"
            getattr(self.logger, level)(f"Not a sitemap: {response.url}")
            self.crawler.stats.inc_value("newsspider/sitemaps/invalid")
            return
        self.crawler.stats.inc_value(f"newsspider/sitemaps/{sitemap.kind}")
        for entry in sitemap.entries:
            if sitemap.kind == "index":
                yield scrapy.Request(entry.url, self.parse_sitemap, errback=self.on_error, priority=10)
            elif self.is_article_url(entry.url):
                request = self.article_request(entry.url, "sitemap", self.site.max_depth, entry.lastmod)
                if entry.lastmod and self.changed_since_emitted(entry.url, entry.lastmod):
                    # Another listing of this URL (a news sitemap, a feed) may have been queued
                    # first without a date: this one must not be filtered out as its duplicate.
                    request = request.replace(dont_filter=True)
                yield request

    def parse_section(self, response, depth: int):
        if not hasattr(response, "text"):
            self.logger.warning("Section page is not text: %s", response.url)
            return
        for link in response.xpath("//link[@rel='alternate'][@href]"):
            if (link.attrib.get("type") or "").lower() in _FEED_TYPES:
                yield response.follow(link.attrib["href"], self.parse_feed, errback=self.on_error, priority=10)
        yield from self.follow_links(response, depth)

    def follow_links(self, response, depth: int):
        for link in self._links.extract_links(response):
            if not self.on_site(link.url):
                continue
            if self.is_article_url(link.url):
                yield self.article_request(link.url, "section", depth + 1)
            elif depth < self.site.max_depth:
                yield scrapy.Request(link.url, self.parse_section, errback=self.on_error, cb_kwargs={"depth": depth + 1})

    # -- articles -------------------------------------------------------------------------------
    def parse_article(self, response):
        if self.needs_rendering(response):
            self.crawler.stats.inc_value("newsspider/render/needed")
            yield self.rendered(response.request)
            return
        headers = {
            name.decode("latin-1").lower(): values[0].decode("latin-1")
            for name, values in response.headers.items() if values
        }
        yield Page(
            url=response.url,
            body=response.body,
            status=response.status,
            headers=headers,
            fetched_with="playwright" if "playwright" in response.flags else "http",
            spider=self.name,
            crawled_at=datetime.now(UTC).isoformat(timespec="seconds"),
            site_name=self.site.site_name,
            title_css=self.site.title_css,
            body_css=self.site.body_css,
        )
        depth = response.meta.get("article_depth", self.site.max_depth)
        if depth < self.site.max_depth and hasattr(response, "text"):
            yield from self.follow_links(response, depth)

    def on_error(self, failure):
        """Count every failed fetch by reason; log the first FAILURE_LOG_EXAMPLES of each reason
        at INFO and the rest at DEBUG (the summary at the end gives the totals). Intended skips
        (already delivered, unchanged) are not failures: counted as newsspider/skipped/<reason>."""
        request = failure.request
        if failure.check(SkippedRequest):
            self.crawler.stats.inc_value(f"newsspider/skipped/{failure.value.reason}")
            self.logger.debug("Skipped %s: %s", request.url, failure.value)
            return
        if failure.check(HttpError):
            reason = f"http_{failure.value.response.status}"
        elif isinstance(getattr(failure.value, "reason", None), str):  # robots.txt, redirects: named reasons
            reason = failure.value.reason
        else:
            reason = failure.type.__name__
        stats = self.crawler.stats
        if request.meta.get("playwright"):
            stats.inc_value(f"newsspider/render/failed/{reason}")
            if reason == "TimeoutError":
                timeout = self.crawler.settings.getfloat("RENDER_TIMEOUT", 10)
                self.logger.warning("Could not render %s: no article text appeared within %g s (after retrying); %s",
                                    request.url, timeout, failure.getErrorMessage().splitlines()[0])
                return
        if self.quiet_probe and request.callback in (self.parse_sitemap, self.parse_feed):
            # A guessed sitemap or feed path that is not there: an answer, not a failure.
            stats.inc_value(f"newsspider/probes/{reason}")
            self.logger.debug("Probed %s: %s", request.url, reason)
            return
        key = f"newsspider/fetch_failed/{reason}"
        stats.inc_value(key)
        if self.records is not None:
            self.records.failed(request, reason, failure.getErrorMessage())
        examples = self.crawler.settings.getint("FAILURE_LOG_EXAMPLES", 3)
        level = logging.DEBUG if stats.get_value(key) > examples else logging.INFO
        self.logger.log(level, "Could not fetch %s: %s (%s)", request.url, reason, failure.getErrorMessage())
