"""Safe and polite on the open web: what the crawl may fetch, how it backs off, when it stops.

- ScopeMiddleware: only http(s); in open-web mode no loopback, private, link-local or multicast
  address, on any request or redirect hop, unless the host is in SCOPE_ALLOWED_HOSTS.
- BackoffMiddleware: `Retry-After` on 429/503 delays the host's download slot before the retry;
  repeated 5xx slow the host down exponentially.
- RequestBudget: a site's crawl ends after SITE_REQUEST_BUDGET requests, with a warning.
"""

from __future__ import annotations

import base64
import ipaddress
import logging
import socket
import time
from email.utils import parsedate_to_datetime
from functools import lru_cache
from urllib.parse import unquote, urlsplit, urlunsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)


class OutOfScope(IgnoreRequest):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


@lru_cache(maxsize=4096)
def addresses_of(host: str) -> tuple[str, ...]:
    """The host's addresses (an IP literal is its own); () when it does not resolve."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return (host.strip("[]"),)
    except ValueError:
        pass
    try:
        return tuple(sorted({str(info[4][0]) for info in socket.getaddrinfo(host, None)}))
    except (OSError, UnicodeError):
        return ()


def is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified


class UrlCredentialsMiddleware:
    """`https://user:password@host/feed.xml` in a site entry: the credentials go into a Basic
    `Authorization` header for that request, and out of the URL (which is what gets logged)."""

    def process_request(self, request, spider=None):
        parts = urlsplit(request.url)
        if "@" not in parts.netloc:
            return None
        userinfo, host = parts.netloc.rsplit("@", 1)
        user, _, password = userinfo.partition(":")
        token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode()
        headers = request.headers.copy()
        headers["Authorization"] = f"Basic {token}"
        return request.replace(url=urlunsplit(parts._replace(netloc=host)), headers=headers, dont_filter=True)


class ScopeMiddleware:
    """Refuses, with a recorded reason, what a crawl must not fetch:

    - any scheme but http and https (`scheme_refused`: file://, ftp://, data:, s3://);
    - in open-web mode (the generic spider, and sites without `allowed_domains`), a host that is
      or resolves to a loopback, private, link-local or multicast address (`internal_address`) —
      checked on every request, so on every redirect hop too — unless it is one of
      SCOPE_ALLOWED_HOSTS (the demo and the tests allow 127.0.0.1).
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.allowed = {h.lower() for h in crawler.settings.getlist("SCOPE_ALLOWED_HOSTS")}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        parts = urlparse_cached(request)
        if parts.scheme not in ("http", "https"):
            self.crawler.stats.inc_value("newsspider/scope/scheme_refused")
            raise OutOfScope("scheme_refused", f"only http and https are fetched, not {parts.scheme}:")
        host = (parts.hostname or "").lower()
        if not getattr(self.crawler.spider, "open_web", False) or host in self.allowed:
            return None
        internal = [a for a in addresses_of(host) if is_internal(a)]
        if internal:
            self.crawler.stats.inc_value("newsspider/scope/internal_address")
            raise OutOfScope("internal_address", f"{host} is an internal address ({internal[0]}); "
                             "SCOPE_ALLOWED_HOSTS lists hosts that may be")
        return None


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """`Retry-After` as seconds: a number, or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


class BackoffMiddleware:
    """A host that says "not now" is given time: on 429 or 503 with `Retry-After` (seconds or an
    HTTP date), its download slot waits that long (at most BACKOFF_MAX_DELAY, default 120 s)
    before its next request — the retry; a host answering 5xx again and again waits twice as long
    each time (from BACKOFF_BASE_DELAY, default 1 s) until it answers well again. Counted as
    newsspider/backoff/retry_after and newsspider/backoff/server_errors; the slot's delay is
    restored after a good answer."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.max_delay = settings.getfloat("BACKOFF_MAX_DELAY", 120)
        self.base_delay = settings.getfloat("BACKOFF_BASE_DELAY", 1.0)
        self.errors: dict[str, int] = {}  # slot -> 5xx answers in a row
        self.normal_delay: dict[str, float] = {}  # slot -> its delay before backing off

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def slot_of(self, request):
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        return key, downloader.slots.get(key)

    def process_response(self, request, response, spider=None):
        key, slot = self.slot_of(request)
        if slot is None:
            return response
        if response.status >= 500 or response.status == 429:
            self.normal_delay.setdefault(key, slot.delay)
            wait = retry_after_seconds(response.headers.get("Retry-After")) if response.status in (429, 503) else None
            if wait is not None:
                self.crawler.stats.inc_value("newsspider/backoff/retry_after")
            else:
                self.errors[key] = self.errors.get(key, 0) + 1
                self.crawler.stats.inc_value("newsspider/backoff/server_errors")
                wait = self.base_delay * 2 ** (self.errors[key] - 1) if self.errors[key] > 1 else None
            if wait:
                wait = min(wait, self.max_delay)
                if wait > slot.delay:
                    logger.info("%s asks for time (HTTP %d): waiting %.1f s before its next request", key,
                                response.status, wait, extra={"spider": self.crawler.spider})
                # Scrapy randomises delays (RANDOMIZE_DOWNLOAD_DELAY: ×0.5 to ×1.5): the shortest
                # draw must still be the wait.
                jitter = float(slot.jitter or 0)
                slot.delay = max(slot.delay, wait / (1 - jitter) if jitter < 1 else wait)
                slot.lastseen = time.monotonic()  # the wait starts now (the downloader counts in monotonic time)
        elif key in self.normal_delay:
            slot.delay = self.normal_delay.pop(key)
            self.errors.pop(key, None)
        return response


class RequestBudget:
    """Ends a site's crawl after SITE_REQUEST_BUDGET requests (0: no limit), with one WARNING and
    finish reason `request_budget` (not a failure: what was found is delivered)."""

    def __init__(self, crawler, budget: int):
        self.crawler = crawler
        self.budget = budget
        self.count = 0
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler, crawler.settings.getint("SITE_REQUEST_BUDGET", 0))
        if extension.budget > 0:
            crawler.signals.connect(extension.request_scheduled, signal=signals.request_scheduled)
        return extension

    def request_scheduled(self, request, spider=None):
        self.count += 1
        if self.count > self.budget and not self.closing:
            from scrapy.utils.defer import deferred_from_coro

            self.closing = True
            self.crawler.stats.set_value("newsspider/budget/exhausted", self.budget)
            logger.warning("%s: request budget of %d reached (SITE_REQUEST_BUDGET); the crawl ends here",
                           self.crawler.spider.name, self.budget, extra={"spider": self.crawler.spider})
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="request_budget"))
