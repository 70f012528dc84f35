"""robots.txt as RFC 9309 reads it: a robots.txt that cannot be read means "disallow all"."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler

logger = logging.getLogger(__name__)


class RobotsUnavailable(IgnoreRequest):
    """The host's robots.txt could not be read (5xx, no answer): nothing on it is fetched."""

    reason = "robots_unavailable"


class RobotsDisallowed(IgnoreRequest):
    reason = "robots_disallowed"


class DisallowAll:
    """The parser stand-in for a host whose robots.txt could not be read."""

    def __init__(self, why: str):
        self.why = why

    def allowed(self, url, user_agent) -> bool:
        return False


class RobotsPolicyMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with RFC 9309's error handling instead of allow-all:

    - robots.txt is fetched with its own timeout (ROBOTSTXT_TIMEOUT, default 10 s) and retried once;
    - a 5xx answer or no answer at all → the host is disallowed for this crawl, logged once
      (WARNING, with the reason) and counted as `newsspider/robots/unavailable`;
    - a 4xx answer (no robots.txt) → everything allowed, as the RFC says;
    - a Crawl-delay for our user agent → the host's requests start at least that many seconds
      apart (at most ROBOTSTXT_MAX_CRAWL_DELAY, default 60), said once at INFO and kept in the
      stats as `newsspider/robots/crawl_delay/<host>`; Scrapy reads the value but never used it.

    Requests refused because of robots.txt fail with `robots_disallowed` or `robots_unavailable`.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self.timeout = crawler.settings.getfloat("ROBOTSTXT_TIMEOUT", 10)
        self.max_crawl_delay = crawler.settings.getfloat("ROBOTSTXT_MAX_CRAWL_DELAY", 60)

    def process_request_2(self, rp, request) -> None:
        if isinstance(rp, DisallowAll):
            self._stats.inc_value("robotstxt/forbidden")
            raise RobotsUnavailable(f"robots.txt could not be read ({rp.why})")
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest as exc:
            raise RobotsDisallowed(str(exc)) from None

    async def robot_parser(self, request):
        url = urlparse_cached(request)
        netloc = url.netloc.rsplit("@", 1)[-1]  # a URL's user:password is not part of the host
        if netloc not in self._parsers:
            from twisted.internet.defer import Deferred

            waiting: Deferred = Deferred()
            self._parsers[netloc] = waiting
            robots_request = Request(
                f"{url.scheme}://{netloc}/robots.txt",
                priority=self.DOWNLOAD_PRIORITY,
                # allow_offsite: the robots.txt of a host we decided to fetch from (a feed host) is ours to read.
                meta={"dont_obey_robotstxt": True, "download_timeout": self.timeout, "max_retry_times": 1,
                      "allow_offsite": True},
                callback=NO_CALLBACK,
            )
            parser: Any = None  # a RobotParser, DisallowAll, or None (no robots.txt: allowed)
            try:
                response = await self.crawler.engine.download_async(robots_request)
            except Exception as exc:  # no answer: refused, timed out, reset
                parser = self._unavailable(netloc, f"no answer: {type(exc).__name__}")
            else:
                self._stats.inc_value("robotstxt/response_count")
                self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
                if response.status >= 500:
                    parser = self._unavailable(netloc, f"HTTP {response.status}")
                elif response.status >= 400:
                    parser = None  # no robots.txt: allowed
                else:
                    parser = build_from_crawler(self._parserimpl, self.crawler, response.body)
                    self._keep_crawl_delay(parser, robots_request, netloc)
            self._stats.inc_value("robotstxt/request_count")
            self._parsers[netloc] = parser
            waiting.callback(parser)
        known: Any = self._parsers[netloc]
        if hasattr(known, "addCallback"):  # another request is reading it right now
            from scrapy.utils.defer import maybe_deferred_to_future

            return await maybe_deferred_to_future(known)
        return known

    def _keep_crawl_delay(self, parser, robots_request: Request, netloc: str) -> None:
        asked = parser.crawl_delay(self._robotstxt_useragent or self._default_useragent)
        set_min_delay = getattr(self.crawler.engine.downloader, "set_min_delay", None)
        if not asked or asked <= 0 or set_min_delay is None:
            return
        delay = min(asked, self.max_crawl_delay)
        set_min_delay(robots_request, delay)
        self._stats.set_value(f"newsspider/robots/crawl_delay/{netloc}", delay)
        logger.info("robots.txt of %s asks for %g s between requests: kept%s", netloc, asked,
                    "" if delay == asked else f" as {delay:g} s (ROBOTSTXT_MAX_CRAWL_DELAY)",
                    extra={"spider": self.crawler.spider})

    def _unavailable(self, netloc: str, why: str) -> DisallowAll:
        self._stats.inc_value("newsspider/robots/unavailable")
        logger.warning("robots.txt of %s could not be read (%s): nothing on this host is fetched in this crawl "
                       "(RFC 9309)", netloc, why, extra={"spider": self.crawler.spider})
        return DisallowAll(why)
