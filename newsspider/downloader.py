"""Scrapy's downloader, keeping the politeness a crawl's settings and robots.txt promise."""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader import Downloader, Slot


class PoliteDownloader(Downloader):
    """Scrapy 2.19's downloader, with two promises kept:

    - CONCURRENT_REQUESTS_PER_DOMAIN (and a DOWNLOAD_SLOTS concurrency) holds when the slot has
      no delay. Scrapy starts each download in a task that counts the request as transferring only
      when the task first runs; with a delay of 0 (AutoThrottle off, DOWNLOAD_DELAY 0) its queue
      loop runs to the end before any task has, sees every transfer slot free, and starts the whole
      queue at once: measured here, CONCURRENT_REQUESTS_PER_DOMAIN=1 let 9 requests reach one host
      together. The request is counted when its task is made; Scrapy's own count is then a no-op.
    - A host's robots.txt Crawl-delay (`set_min_delay`, called by the robots middleware): its
      slot's delay never drops below it, whatever AutoThrottle computes, and is not jittered below it.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self.min_delays: dict[str, float] = {}  # slot key → the least seconds between two requests

    def set_min_delay(self, request, seconds: float) -> None:
        """Requests of `request`'s slot (its host) start at least `seconds` apart from now on."""
        key = self.get_slot_key(request)
        self.min_delays[key] = seconds
        if key in self.slots:
            self._keep_min_delay(self.slots[key], seconds)

    @staticmethod
    def _keep_min_delay(slot: Slot, seconds: float) -> None:
        slot.jitter = 0.0  # a random variation would go below the delay half the time
        slot.delay = max(slot.delay, seconds)

    def _get_slot(self, request, spider=None):
        key, slot = super()._get_slot(request)
        if key in self.min_delays:
            self._keep_min_delay(slot, self.min_delays[key])
        return key, slot

    def _process_queue(self, slot: Slot) -> None:
        # AutoThrottle lowers a slot's delay after each response; a Crawl-delay stays the floor.
        for key in self.min_delays.keys() & self.slots.keys():
            if self.slots[key] is slot:
                self._keep_min_delay(slot, self.min_delays[key])
        super()._process_queue(slot)

    def _wait_for_download(self, slot: Slot, request: Any, queue_dfd: Any):
        slot.transferring.add(request)
        return super()._wait_for_download(slot, request, queue_dfd)
