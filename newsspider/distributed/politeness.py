"""Politeness across workers: one shared pace per host, kept in Redis.

Scrapy's per-domain concurrency and AutoThrottle are per process: N workers would hit a site N
times harder. Here every request to a host first reserves the host's next free instant (one Lua
call on Redis's clock), so requests to one host start at least DISTRIBUTED_HOST_INTERVAL seconds
apart whatever the number of workers: at most 1/interval requests per second per host. A host whose
robots.txt asks for a longer Crawl-delay gets that as its shared interval.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured

from .crawl import DistributedCrawl

# KEYS: the host's key; ARGV: interval in ms. Returns how many ms to wait before starting.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, free)
redis.call('SET', KEYS[1], start + tonumber(ARGV[1]), 'PX', start - now + tonumber(ARGV[1]) + 60000)
return start - now
"""
MAX_RESERVATIONS = 10  # a request woken late reserves again, at most this many times


class SharedHostPaceMiddleware:
    def __init__(self, crawl: DistributedCrawl, interval: float):
        self.crawl = crawl
        self.interval_ms = int(interval * 1000)
        self.reserve = crawl.client.register_script(_RESERVE)

    @classmethod
    def from_crawler(cls, crawler):
        crawl = crawler.get_extension(DistributedCrawl)
        interval = crawler.settings.getfloat("DISTRIBUTED_HOST_INTERVAL", 0.25)
        if crawl is None or interval <= 0:
            raise NotConfigured
        return cls(crawl, interval)

    async def process_request(self, request, spider=None):
        host = urlsplit(request.url).netloc.lower()
        key = f"{self.crawl.prefix}:host:{host}:next"
        # The robots.txt Crawl-delay this worker read for the host (PoliteDownloader keeps it per slot).
        downloader = self.crawl.crawler.engine.downloader
        crawl_delay = getattr(downloader, "min_delays", {}).get(downloader.get_slot_key(request), 0.0)
        interval_ms = max(self.interval_ms, int(crawl_delay * 1000))
        loop = asyncio.get_running_loop()  # Scrapy's asyncio reactor
        for _ in range(MAX_RESERVATIONS):
            wait_ms = self.crawl.call(lambda: self.reserve(keys=[key], args=[interval_ms]), 0)
            if not wait_ms:
                return None
            self.crawl.crawler.stats.inc_value("newsspider/distributed/paced")
            due = loop.time() + wait_ms / 1000
            await asyncio.sleep(wait_ms / 1000)
            # Woken late (the event loop was busy extracting a page): the slot has passed, and the
            # requests that were waiting with this one would all start at once. Take a new one.
            if loop.time() - due < interval_ms / 2000:
                return None
        return None
