"""Rendering JavaScript-only pages with scrapy-playwright and Debian's chromium: what to block,
what to wait for, and the Scrapy settings that wire it in (see RENDER_* in settings.py)."""

from __future__ import annotations

import json
import logging
import shutil
from urllib.parse import urlsplit

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
    """PLAYWRIGHT_ABORT_REQUEST: drop images, fonts, media and known ad/analytics hosts."""
    if request.resource_type in BLOCKED_RESOURCE_TYPES:
        return True
    host = (urlsplit(request.url).hostname or "").lower()
    return any(host == suffix or host.endswith("." + suffix) for suffix in BLOCKED_HOST_SUFFIXES)


def article_ready_script(min_chars: int = 400, selector: str | None = None) -> str:
    """A JavaScript predicate for page.wait_for_function: true once the article is on the page
    (the site's body selector, else paragraph text anywhere) holds `min_chars` characters."""
    return (
        f"() => {{ const sel = {json.dumps(selector)}; "
        "const nodes = sel ? document.querySelectorAll(sel) : document.querySelectorAll('article p, main p, p'); "
        "let n = 0; for (const el of nodes) { n += (el.innerText || '').trim().length; } "
        f"return n >= {int(min_chars)}; }}"
    )
