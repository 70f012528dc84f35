"""Downloader middlewares."""

from __future__ import annotations

from scrapy import signals


class RenderSwitchMiddleware:
    """Sends article requests to the browser once their spider has switched to rendering
    (`render_mode == "always"`), including requests queued before the switch: a feed's entries
    are all queued at once, long before the first pages show that the site needs a browser."""

    def process_request(self, request, spider=None):
        spider = spider or getattr(self, "spider", None)
        if (
            getattr(spider, "render_mode", None) == "always"
            and "discovered_via" in request.meta
            and not request.meta.get("playwright")
        ):
            return spider.rendered(request)
        return None

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls()
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider):
        self.spider = spider
