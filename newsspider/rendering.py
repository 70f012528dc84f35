"""Rendering JavaScript-only pages with scrapy-playwright and Debian's chromium: what to block,
what to wait for, and the Scrapy settings that wire it in (see RENDER_* in settings.py)."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import shutil
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

logger = logging.getLogger(__name__)

# Resource types a text extractor never needs; blocking them makes rendering several times faster.
BLOCKED_RESOURCE_TYPES = frozenset({"image", "font", "media", "imageset", "texttrack", "manifest", "other"})
# Ad, tracking and analytics hosts (suffix match): they only slow a page down and phone home.
BLOCKED_HOST_SUFFIXES = (
    "doubleclick.net", "googlesyndication.com", "googletagmanager.com", "google-analytics.com",
    "googletagservices.com", "adservice.google.com", "amazon-adsystem.com", "scorecardresearch.com",
    "chartbeat.com", "chartbeat.net", "taboola.com", "outbrain.com", "criteo.com", "criteo.net",
    "adnxs.com", "rubiconproject.com", "pubmatic.com", "casalemedia.com", "quantserve.com",
    "facebook.net", "connect.facebook.net", "hotjar.com", "newrelic.com", "nr-data.net",
    "segment.io", "optimizely.com", "moatads.com", "teads.tv", "yieldmo.com", "adsrvr.org",
)
# Chromium as root in a container, on a machine whose only network is loopback.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_path() -> str | None:
    """Debian's chromium (apt-get install chromium): Playwright cannot download its own here."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def should_abort_request(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: drop images, fonts, media and known ad/analytics hosts, and keep a
    rendered page's scripts, fetch() calls and iframes off internal addresses (loopback, private,
    link-local) other than the page's own host — the crawl's scope, inside the browser. (Host
    names are not resolved here, to keep the browser's event loop free: IP literals and
    `localhost` are what is refused.)"""
    if request.resource_type in BLOCKED_RESOURCE_TYPES:
        return True
    host = (urlsplit(request.url).hostname or "").lower()
    if any(host == suffix or host.endswith("." + suffix) for suffix in BLOCKED_HOST_SUFFIXES):
        return True
    return reaches_inside(host, page_host(request))


def page_host(request) -> str | None:
    """The host of the page that made the request (None for the page's own navigation)."""
    try:
        if request.is_navigation_request() and request.frame.parent_frame is None:
            return None
        return (urlsplit(request.frame.page.url).hostname or "").lower() or None
    except Exception:  # a detached frame: judge the request alone
        return ""


def reaches_inside(host: str, from_host: str | None) -> bool:
    if from_host is None or host == from_host:
        return False
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_unspecified


def article_ready_script(min_chars: int = 400, selector: str | None = None) -> str:
    """A JavaScript predicate for page.wait_for_function: true once the article is on the page
    (the site's body selector, else paragraph text anywhere) holds `min_chars` characters."""
    return (
        f"() => {{ const sel = {json.dumps(selector)}; "
        "const nodes = sel ? document.querySelectorAll(sel) : document.querySelectorAll('article p, main p, p'); "
        "let n = 0; for (const el of nodes) { n += (el.innerText || '').trim().length; } "
        f"return n >= {int(min_chars)}; }}"
    )


class RenderFailureEcho(logging.Filter):
    """scrapy-playwright's WARNING for each failed render says what our errback then says with
    the page and the reason (`Could not render …`, counted in the summary): one line, not two."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Closing page due to failed request")


class LazyPlaywrightDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP handler, with scrapy-playwright's handler made at the first request that
    needs a browser: a crawl whose pages all read without JavaScript never imports Playwright
    (about 0.4 s of CPU at every start) nor starts its two Node drivers (about 260 MB). Rendered
    requests go to scrapy-playwright's handler, plain ones to Scrapy's."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self._crawler_for_browser = crawler
        self._browser_handler = None
        self._browser_lock = asyncio.Lock()

    async def browser_handler(self):
        if self._browser_handler is None:
            async with self._browser_lock:
                if self._browser_handler is None:
                    from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

                    echo = logging.getLogger("scrapy-playwright")
                    if not any(isinstance(f, RenderFailureEcho) for f in echo.filters):
                        echo.addFilter(RenderFailureEcho())
                    handler = ScrapyPlaywrightDownloadHandler.from_crawler(self._crawler_for_browser)
                    # Its own launch waits for engine_started, which has passed: launch now.
                    await handler._maybe_future_from_coro(handler._launch())
                    self._browser_handler = handler
        return self._browser_handler

    async def download_request(self, request):
        if request.meta.get("playwright"):
            handler = await self.browser_handler()
            return await handler.download_request(request)
        return await super().download_request(request)

    async def close(self) -> None:
        if self._browser_handler is not None:
            await self._browser_handler.close()
        await super().close()
