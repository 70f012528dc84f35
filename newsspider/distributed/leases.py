"""Where a leased request's work ends, told to DistributedCrawl (crawl.py): a spider middleware
sees a callback's output end (and its errors), a downloader middleware sees a fetch fail for good
(after the retry middleware gave up). Item outcomes come from Scrapy's item signals."""

from __future__ import annotations

from scrapy import Request

from .crawl import DistributedCrawl, shared_crawl


class _LeaseWatcher:
    def __init__(self, crawl: DistributedCrawl):
        self.crawl = crawl

    @classmethod
    def from_crawler(cls, crawler):
        return cls(shared_crawl(crawler))  # NotConfigured without REDIS_URL


class LeaseSpiderMiddleware(_LeaseWatcher):
    async def process_spider_output_async(self, response, result, spider=None):
        request = response.request
        try:
            async for output in result:
                if not isinstance(output, Request):
                    self.crawl.yielded_item(request)
                yield output
        finally:
            self.crawl.callback_done(request)

    def process_spider_output(self, response, result, spider=None):
        request = response.request
        try:
            for output in result:
                if not isinstance(output, Request):
                    self.crawl.yielded_item(request)
                yield output
        finally:
            self.crawl.callback_done(request)

    def process_spider_exception(self, response, exception, spider=None):
        self.crawl.callback_done(response.request)


class LeaseDownloaderMiddleware(_LeaseWatcher):
    """First in line for requests, so the last to see an exception: nothing will retry it."""

    def process_exception(self, request, exception, spider=None):
        self.crawl.fetch_failed(request)
