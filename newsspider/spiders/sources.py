"""`newsspider sources SITE`: fetch each of a site's sources once and say what a crawl would do."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import scrapy

from ..sites import SiteConfig
from .base import NewsSpider

SAMPLES = 3


@dataclass
class SourceReport:
    kind: str  # sitemap | feed | start page
    url: str
    status: str = "not fetched"
    entries: int = 0
    would_fetch: int = 0
    turned_down: Counter = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)
    note: str = ""
    dead: bool = False


class SourcesSpider(NewsSpider):
    """The site's spider, but reading sources only: each sitemap (and the sitemaps an index or
    robots.txt lists), feed and start page is fetched once and reported — status, entries, how
    many would be fetched and why the rest would not, sample URLs — plus one sample article page,
    to tell whether the site needs a browser. Nothing is written or recorded."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reports: dict[str, SourceReport] = {}
        self.sample_verdict: str | None = None
        self._sampled = False

    def report_for(self, response_or_request, kind: str) -> SourceReport:
        url = response_or_request.url
        return self.reports.setdefault(url, SourceReport(kind, url))

    async def start(self):
        for url in self.site.sitemaps:
            self.reports[url] = SourceReport("sitemap", url)
        for url in self.site.feeds:
            self.reports[url] = SourceReport("feed", url)
        for url in self.site.start_urls:
            self.reports[url] = SourceReport("start page", url)
        async for request in super().start():
            yield request

    def parse_feed(self, response):
        report = self.report_for(response, "feed")
        report.status = str(response.status)
        yield from super().parse_feed(response)
        if not report.entries and report.note == "":
            report.note, report.dead = "not a feed", True

    def parse_sitemap(self, response):
        report = self.report_for(response, "sitemap")
        report.status = str(response.status)
        children = list(super().parse_sitemap(response))
        listed = [r for r in children if r.callback == self.parse_sitemap]
        if listed:
            report.kind = "robots.txt" if response.url.endswith("/robots.txt") else report.kind
            report.note = f"lists {len(listed)} sitemap(s)"
        elif response.url.endswith("/robots.txt"):
            report.kind, report.note = "robots.txt", "lists no sitemap"
        for request in children:
            if request.callback == self.parse_sitemap:
                self.reports.setdefault(request.url, SourceReport("sitemap", request.url))
            yield request
        if not report.entries and not report.note:
            report.note, report.dead = "not a sitemap", True

    def parse_section(self, response, depth: int):
        report = self.report_for(response, "start page")
        report.status = str(response.status)
        links = self._links.extract_links(response)
        report.entries = len(links)
        for link in links:
            if not self.on_site(link.url):
                report.turned_down["off the site's hosts"] += 1
            elif self.is_article_url(link.url):
                self.would_fetch(report, link.url)
            else:
                report.turned_down["sections and other pages (followed as sections)"] += 1
        yield from self.sample(report)

    def candidates(self, source, label, via, entries, *, trusted):
        report = self.reports.setdefault(source, SourceReport(via, source))
        report.entries += len(entries)
        for entry in entries:
            if not (self.hosts.same_site(entry.url) if trusted else self.on_site(entry.url)):
                report.turned_down["off the site's hosts"] += 1
            elif not trusted and not self.is_article_url(entry.url):
                report.turned_down["not shaped like an article"] += 1
            else:
                self.would_fetch(report, entry.url)
        yield from self.sample(report)

    def would_fetch(self, report: SourceReport, url: str) -> None:
        report.would_fetch += 1
        if len(report.samples) < SAMPLES:
            report.samples.append(url)

    def sample(self, report: SourceReport):
        if not self._sampled and report.samples:
            self._sampled = True
            yield scrapy.Request(report.samples[0], self.parse_sample, errback=self.on_error, meta={"allow_offsite": True})

    def parse_sample(self, response):
        if self.site.render_js == "always":
            self.sample_verdict = "rendered in a browser (render_js = always)"
        elif self.needs_rendering(response):
            self.sample_verdict = f"{response.url} is a script shell: the site needs render_js = \"auto\" or \"always\""
        else:
            self.sample_verdict = f"{response.url} reads without a browser"
        return []

    def on_error(self, failure):
        request = failure.request
        if request.url in self.reports:
            report = self.reports[request.url]
            report.status, report.dead = f"failed: {failure.value.__class__.__name__} {failure.getErrorMessage()[:120]}", True
            if hasattr(failure.value, "response") and failure.value.response is not None:
                report.status = f"failed: HTTP {failure.value.response.status}"
            if getattr(failure.value, "reason", None):
                report.status = f"failed: {failure.value.reason} ({failure.getErrorMessage()[:120]})"
        elif request.callback == self.parse_sample:
            self.sample_verdict = f"the sample article could not be fetched ({failure.getErrorMessage()[:120]})"

    def changed_since_emitted(self, url, lastmod):
        return False

    def closed(self, reason):
        from twisted.internet.defer import Deferred

        from ..robots import DisallowAll, RobotsPolicyMiddleware

        self.robots: dict[str, str] = {}
        engine = self.crawler.engine
        middlewares = engine.downloader.middleware.middlewares if engine is not None else ()
        robots = next((m for m in middlewares if isinstance(m, RobotsPolicyMiddleware)), None)
        if robots is None:
            return
        for netloc, parser in (robots._parsers or {}).items():
            if isinstance(parser, DisallowAll):
                self.robots[netloc] = f"could not be read ({parser.why}): a crawl fetches nothing from this host"
            elif parser is None:
                self.robots[netloc] = "none (everything allowed)"
            elif isinstance(parser, Deferred):
                continue  # still being read when the inspection ended
            else:
                refused = [u for u in self.reports if netloc in u and not parser.allowed(u, robots._default_useragent)]
                self.robots[netloc] = "read; " + (f"disallows {', '.join(refused)}" if refused else "the sources are allowed")


def sources_spider_class(config: SiteConfig) -> type[SourcesSpider]:
    return type(f"{config.name.title().replace('-', '')}Sources", (SourcesSpider,),
                {"name": config.name, "site": config, "__module__": __name__})


def format_report(spider: SourcesSpider) -> list[str]:
    lines = [f"{spider.name}: {len(spider.reports)} sources"]
    for report in spider.reports.values():
        head = f"  {report.kind:<10} {report.url}  {report.status}"
        if report.note:
            head += f"  {report.note}"
        lines.append(head)
        if report.entries:
            why = ", ".join(f"{reason} {n}" for reason, n in report.turned_down.most_common())
            lines.append(f"             {report.entries} entries: {report.would_fetch} would be fetched as articles"
                         + (f"; not: {why}" if why else ""))
        for url in report.samples:
            lines.append(f"             e.g. {url}")
    for host, verdict in getattr(spider, "robots", {}).items():
        lines.append(f"  robots.txt {host}: {verdict}")
    lines.append(f"  JavaScript: {spider.sample_verdict or 'no article page to sample'}")
    if spider.templates.counts:
        lines.append("  article URL templates: " + ", ".join(f"{t} ({n})" for t, n in spider.templates.most_common(4)))
    return lines
