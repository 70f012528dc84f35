"""`scrapy crawl news -a url=https://any.site/`: a site with no configuration."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from ..sites import SiteConfig
from .base import NewsSpider

# Where sites put sitemaps when robots.txt does not say.
SITEMAP_GUESSES = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-news.xml")


class GenericNewsSpider(NewsSpider):
    """Finds feeds and sitemaps by itself: robots.txt `Sitemap:` lines, the usual sitemap paths,
    and the `<link rel=alternate>` feeds of the start page; then follows links within the site
    (`-a depth=N`, default 2), fetching only URLs shaped like articles (`-a pattern=REGEX` to say),
    rendering script-only pages in a browser (`-a render_js=never|always|auto`, default auto)."""

    name = "news"
    quiet_probe = True

    def __init__(self, url: str | None = None, depth: str | int = 2, pattern: str | None = None,
                 render_js: str = "auto", *args, **kwargs):
        # A bad argument is one clear line at start (and exit status 2), not a traceback.
        self.usage_error: str | None = None
        if not url:
            self.usage_error = "the news spider needs a start URL: scrapy crawl news -a url=https://example.com/"
            url = "https://invalid.invalid/"
        if "://" not in url:
            url = "https://" + url
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if urlsplit(url).scheme not in ("http", "https") or not host:
            self.usage_error = self.usage_error or f"the news spider crawls http and https sites; got {url!r}"
            url, host = "https://invalid.invalid/", "invalid.invalid"
        root = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}"
        hosts = {host, host[4:] if host.startswith("www.") else f"www.{host}"}
        self.site = SiteConfig(
            name="news",
            start_urls=(url,),
            allowed_domains=tuple(sorted(hosts)),
            sitemaps=(urljoin(root, "/robots.txt"), *(urljoin(root, p) for p in SITEMAP_GUESSES)),
            article_url_pattern=pattern,
            max_depth=int(depth),
            site_name=None,
            render_js=render_js,
        )
        super().__init__(*args, **kwargs)
        self.open_web = True  # any site: internal addresses are refused unless allowed (SCOPE_ALLOWED_HOSTS)

    async def start(self):
        if self.usage_error:
            self.crawler.stats.set_value("newsspider/usage_error", self.usage_error)
            self.logger.error("%s", self.usage_error)
            return
        async for request in super().start():
            yield request

    @property
    def state_name(self) -> str:
        """One ledger per site the generic spider is pointed at, not one for all of them."""
        host = (urlsplit(self.site.start_urls[0]).hostname or "site").removeprefix("www.")
        return f"news-{host}"
