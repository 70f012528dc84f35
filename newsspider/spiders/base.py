"""The crawling half: find article URLs through feeds, sitemaps and section pages, fetch them,
and hand each article page to the item pipelines as a `Page`. No extraction happens here."""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import UTC, datetime
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError

from .. import distributed
from ..delivery.ledger import is_newer
from ..delivery.records import DeliveryRecords
from ..discovery.feeds import parse_feed
from ..discovery.hosts import SiteHosts
from ..discovery.sitemaps import parse_sitemap, robots_sitemaps
from ..discovery.templates import TemplateModel
from ..discovery.traps import TrapDetector
from ..extraction.urls import has_non_article_segment, looks_like_article_url, url_identity
from ..items import Article, Page
from ..output import default_feed_uri
from ..sites import SiteConfig
from ..skips import SkippedRequest

# What Scrapy writes into a request's meta while downloading it (its MetaCopyDetectionMiddleware's
# list, plus the slot): not copied into a new request made from a response's request.
DOWNLOAD_META_KEYS = frozenset({
    "_auth_proxy", "_dont_cache", "_scheme_proxy", "cache_timestamp", "download_latency", "download_slot",
    "redirect_reasons", "redirect_times", "redirect_ttl", "redirect_urls", "retry_times",
})
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


class NewsSpider(scrapy.Spider):
    """Crawls one news site described by a `SiteConfig` (`self.site`).

    Start: every sitemap (indexes followed, robots.txt `Sitemap:` lines read), every feed, every
    start URL. Feed entries and news-sitemap entries are fetched as articles whatever their URL
    looks like (the article test after fetching decides) and teach the site's URL templates;
    plain-sitemap entries and links from section pages are fetched as articles when they match
    the site's `article_url_pattern`, else a learned template, else the generic shape test.
    Section pages are followed `max_depth` links deep, and the feeds they declare with
    `<link rel=alternate>` are read too.
    """

    site: SiteConfig = None  # type: ignore[assignment]  # set on each class by the spider loader
    worker_id: str = ""  # distributed mode's worker (%(worker_id)s in output names), set in from_crawler
    # Sitemaps and feeds are probed where a site does not list them; their 404s are not errors.
    quiet_probe = False

    @classmethod
    def update_settings(cls, settings):
        """Write to output/<spider>/<start time>.jsonl unless -o/-O or FEEDS say where."""
        super().update_settings(settings)
        distributed.configure(settings)  # REDIS_URL: a crawl shared by several workers
        default = default_feed_uri(settings)
        if default and not settings.getdict("FEEDS"):
            settings.set("FEEDS", {default: {"format": "jsonlines", "encoding": "utf-8", "store_empty": False}}, priority="spider")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.site is None:
            raise ValueError(f"spider {self.name!r} has no site configuration")
        self.allowed_domains = list(self.site.hosts())
        source_hosts = [urlsplit(u).hostname or "" for u in (*self.site.feeds, *self.site.sitemaps)]
        self.hosts = SiteHosts(self.allowed_domains, source_hosts)
        self._templates: TemplateModel | None = None
        # Open-web mode (no allowed_domains configured): internal addresses are refused (scope.py).
        self.open_web = not self.site.allowed_domains
        self._traps: TrapDetector | None = None
        self._article_pattern = re.compile(self.site.article_url_pattern) if self.site.article_url_pattern else None
        # Hosts are checked by on_site(): LinkExtractor's allow_domains compares host:port.
        self._links = LinkExtractor(unique=True)
        self.render_mode = self.site.render_js  # auto may become always (see render_decision)
        self._render_needed: list[bool] = []  # per article page in auto mode, in order seen

    # -- discovery ------------------------------------------------------------------------------
    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.worker_id = distributed.worker_id(crawler.settings)  # %(worker_id)s in output names
        crawler.signals.connect(spider.learn_from_article, signal=signals.item_scraped)
        crawler.signals.connect(spider.save_templates, signal=signals.spider_closed)
        return spider

    async def start(self):
        for url in self.site.sitemaps:
            yield self.source_request(url, self.parse_sitemap)
        for url in self.site.feeds:
            yield self.source_request(url, self.parse_feed)
        for url in self.site.start_urls:
            yield scrapy.Request(url, self.parse_section, errback=self.on_error, cb_kwargs={"depth": 0})

    def source_request(self, url: str, callback):
        """A feed or sitemap: fetched even on a host outside allowed_domains (feeds.example.com)."""
        return scrapy.Request(url, callback, errback=self.on_error, priority=10, meta={"allow_offsite": True})

    @property
    def traps(self) -> TrapDetector:
        if self._traps is None:
            self._traps = TrapDetector(self.crawler.settings.getint("TRAP_MAX_VARIANTS", 50))
        return self._traps

    def on_site(self, url: str) -> bool:
        return self.hosts.on_site(url)

    @property
    def templates(self) -> TemplateModel:
        """The site's article URL templates: learned before (the ledger) and in this crawl."""
        if self._templates is None:
            ledger = self.ledger
            self._templates = TemplateModel(ledger.templates() if ledger is not None else None)
        return self._templates

    def is_article_url(self, url: str) -> bool:
        """For links and plain sitemaps: the site's pattern if it has one, else a learned
        template, else the generic shape test."""
        if not self.on_site(url):
            return False
        parts = urlsplit(url)
        if self._article_pattern is not None:
            return bool(self._article_pattern.search(parts.path + (f"?{parts.query}" if parts.query else "")))
        if self.templates.fits(url) and not has_non_article_segment(url):
            self.crawler.stats.inc_value("newsspider/discovered/by_learned_template")
            return True
        return looks_like_article_url(url)

    def article_request(self, url: str, via: str, depth: int, lastmod: str | None = None,
                        listed_published: str | None = None, listed_authors: tuple[str, ...] = ()):
        self.crawler.stats.inc_value(f"newsspider/discovered/{via}")
        request = scrapy.Request(
            url, self.parse_article, errback=self.on_error, priority=20,
            meta={"discovered_via": via, "article_depth": depth, "lastmod": lastmod,
                  "listed_published": listed_published, "listed_authors": list(listed_authors),
                  "allow_offsite": not self.on_site(url)},
        )
        return self.rendered(request) if self.render_mode == "always" else request

    def candidates(self, source: str, label: str, via: str, entries, *, trusted: bool):
        """Article requests for a feed's or sitemap's entries. Trusted sources (feeds, news
        sitemaps) are taken whatever the URL's shape, from any host of the site's registrable
        domain, and teach the site's URL templates; plain sitemaps are shape-tested. A source
        with entries that yields nothing says so once."""
        turned_down: Counter = Counter()
        fetched = 0
        for entry in entries:
            url = entry.url
            if not (self.hosts.same_site(url) if trusted else self.on_site(url)):
                turned_down["off the site's hosts"] += 1
                continue
            if not trusted and not self.is_article_url(url):
                turned_down["not shaped like an article"] += 1
                continue
            if trusted:
                self.templates.learn(url)
            lastmod = getattr(entry, "lastmod", None)
            # A feed item's date or a news sitemap's publication_date (a plain sitemap's lastmod
            # is when the page changed, not when it was published).
            published = getattr(entry, "published", None) or getattr(entry, "news_published", None)
            request = self.article_request(url, via, self.site.max_depth, lastmod, published,
                                           tuple(getattr(entry, "authors", ())))
            if lastmod and self.changed_since_emitted(url, lastmod):
                # Another listing of this URL (a news sitemap, a feed) may have been queued first
                # without a date: this one must not be filtered out as its duplicate.
                request = request.replace(dont_filter=True)
            fetched += 1
            yield request
        if entries and not fetched:
            self.zero_yield(f"{label} {source}", len(entries), turned_down)

    def zero_yield(self, source: str, entries: int, why: Counter) -> None:
        self.crawler.stats.inc_value("newsspider/sources/zero_yield")
        reasons = ", ".join(f"{reason} {n}" for reason, n in why.most_common()) or "no usable entry"
        self.logger.warning("%s has %d entries but gave no article to fetch (%s)", source, entries, reasons)

    @property
    def state_name(self) -> str:
        """The name of this site's ledger file in STATE_DIR."""
        return self.name

    @property
    def records(self) -> DeliveryRecords | None:
        return self.crawler.get_extension(DeliveryRecords)

    @property
    def ledger(self):
        """The site's delivery ledger, or None (INCREMENTAL_ENABLED=False)."""
        return self.records.ledger if self.records is not None else None

    def changed_since_emitted(self, url: str, lastmod: str) -> bool:
        """The page was delivered by an earlier crawl and its sitemap lastmod is newer than that."""
        ledger = self.ledger
        known = ledger.known_article(url_identity(url)) if ledger is not None else None
        return known is not None and is_newer(lastmod, known.fetched_at)

    # -- rendering ------------------------------------------------------------------------------
    def rendered(self, request):
        """The same request, fetched through the browser and read once the article is there."""
        from scrapy_playwright.page import PageMethod

        from ..rendering import article_ready_script

        settings = self.crawler.settings
        meta = {
            # Not the last download's own bookkeeping (latency, retries, redirects): a new fetch.
            **{k: v for k, v in request.meta.items() if k not in DOWNLOAD_META_KEYS},
            "playwright": True,
            "playwright_page_methods": [
                PageMethod(
                    "wait_for_function",
                    article_ready_script(settings.getint("RENDER_MIN_CHARS", 400), self.site.body_css),
                    timeout=settings.getfloat("RENDER_TIMEOUT", 10) * 1000,
                )
            ],
            # A method name, not a closure: a request queued in Redis must serialize.
            "playwright_page_event_handlers": {"pageerror": "log_script_error"},
            "max_retry_times": 1,
        }
        return request.replace(meta=meta, dont_filter=True)

    def log_script_error(self, error) -> None:
        self.crawler.stats.inc_value("newsspider/render/script_errors")
        self.logger.warning("JavaScript error on a rendered page of %s: %s", self.name, error)

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
        feed = parse_feed(response.body, response.url, response.headers.get("Content-Type", b"").decode("latin-1"))
        if not feed.is_feed:
            level = logging.DEBUG if self.quiet_probe else logging.WARNING
            self.logger.log(level, "Not a feed: %s", response.url)
            self.crawler.stats.inc_value("newsspider/feeds/invalid")
            return
        self.crawler.stats.inc_value("newsspider/feeds/read")
        self.crawler.stats.inc_value("newsspider/feeds/unusable_entries", feed.unusable)
        yield from self.candidates(response.url, "Feed", "feed", feed.entries, trusted=True)

    def parse_sitemap(self, response):
        if urlsplit(response.url).path == "/robots.txt":
            text = response.text if hasattr(response, "text") else response.body.decode("latin-1")
            for url in robots_sitemaps(text, response.url):
                yield self.source_request(url, self.parse_sitemap)
            return
        sitemap = parse_sitemap(response.body, response.url)
        stats = self.crawler.stats
        if sitemap.kind == "invalid":
            level = logging.DEBUG if self.quiet_probe else logging.WARNING
            self.logger.log(level, "Not a sitemap: %s", response.url)
            stats.inc_value("newsspider/sitemaps/invalid")
            return
        stats.inc_value(f"newsspider/sitemaps/{sitemap.kind}")
        stats.inc_value("newsspider/sitemaps/unusable_entries", sitemap.dropped)
        if sitemap.kind == "index":
            for entry in sitemap.entries:
                yield self.source_request(entry.url, self.parse_sitemap)
            return
        news = [e for e in sitemap.entries if e.news or sitemap.kind == "feed"]
        plain = [e for e in sitemap.entries if not (e.news or sitemap.kind == "feed")]
        yield from self.candidates(response.url, "News sitemap", "sitemap", news, trusted=True)
        yield from self.candidates(response.url, "Sitemap", "sitemap", plain, trusted=False)

    def parse_section(self, response, depth: int):
        if not hasattr(response, "text"):
            self.logger.warning("Section page is not text: %s", response.url)
            return
        for link in response.xpath("//link[@rel='alternate'][@href]"):
            if (link.attrib.get("type") or "").lower() in _FEED_TYPES:
                yield response.follow(link.attrib["href"], self.parse_feed, errback=self.on_error, priority=10,
                                      meta={"allow_offsite": True})
        yield from self.follow_links(response, depth)

    def follow_links(self, response, depth: int):
        """Links of a section page (or an article's, within max_depth), at most LINKS_PER_PAGE_MAX
        of them, none of a crawler trap."""
        links = self._links.extract_links(response)
        stats = self.crawler.stats
        limit = self.crawler.settings.getint("LINKS_PER_PAGE_MAX", 2000)
        if limit and len(links) > limit:
            stats.inc_value("newsspider/links/capped_pages")
            self.logger.warning("%s has %d links; following the first %d (LINKS_PER_PAGE_MAX)", response.url, len(links), limit)
            links = links[:limit]
        followed = 0
        for link in links:
            if not self.on_site(link.url):
                continue
            article = self.is_article_url(link.url)
            if not article and depth >= self.site.max_depth:
                continue
            trap = self.traps.is_trap(link.url, article=article)
            if trap is not None:
                stats.inc_value("newsspider/links/trap_skipped")
                if trap not in self.traps.reported:
                    self.traps.reported.add(trap)
                    stats.inc_value("newsspider/links/traps")
                    self.logger.warning("Not following %s: a crawler trap (%s seen with more than %d different values)",
                                        link.url, self.traps.describe(trap), self.traps.max_variants)
                continue
            followed += 1
            if article:
                yield self.article_request(link.url, "section", depth + 1)
            else:
                yield scrapy.Request(link.url, self.parse_section, errback=self.on_error, cb_kwargs={"depth": depth + 1})
        if depth == 0 and "discovered_via" not in response.meta and links and not followed:
            off_site = sum(1 for link in links if not self.on_site(link.url))
            self.zero_yield(f"Start page {response.url}", len(links), Counter({"off the site's hosts": off_site}))

    def learn_from_article(self, item, response=None, spider=None):
        """A page that passed the article test teaches its URL's template."""
        if isinstance(item, Article) and self.on_site(item.url):
            self.templates.learn(item.url)

    def save_templates(self, spider, reason):
        ledger = self.ledger
        if ledger is not None and self._templates is not None and self._templates.added:
            ledger.add_templates(dict(self._templates.added))

    # -- articles -------------------------------------------------------------------------------
    def parse_article(self, response):
        limit = self.crawler.settings.getint("DOWNLOAD_MAXSIZE", 0)
        if "playwright" in response.flags and limit and len(response.body) > limit:
            # The browser path does not go through Scrapy's size limit: the same limit, here.
            self.record_failure(response.request, "too_large", f"rendered page of {len(response.body)} bytes")
            self.logger.info("Not reading %s: the rendered page has %d bytes (DOWNLOAD_MAXSIZE %d)",
                             response.url, len(response.body), limit)
            return
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
            listed_published=response.meta.get("listed_published"),
            listed_authors=tuple(response.meta.get("listed_authors") or ()),
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
        key = self.record_failure(request, reason, failure.getErrorMessage())
        examples = self.crawler.settings.getint("FAILURE_LOG_EXAMPLES", 3)
        level = logging.DEBUG if stats.get_value(key) > examples else logging.INFO
        self.logger.log(level, "Could not fetch %s: %s (%s)", request.url, reason, failure.getErrorMessage())

    def record_failure(self, request, reason: str, detail: str) -> str:
        """Count a fetch the crawl gave up on and record its outcome; returns its stats key."""
        key = f"newsspider/fetch_failed/{reason}"
        self.crawler.stats.inc_value(key)
        if self.records is not None:
            self.records.failed(request, reason, detail)
        return key
