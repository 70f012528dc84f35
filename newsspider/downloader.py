"""Scrapy's downloader with its per-host concurrency kept when no download delay is set."""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader import Downloader, Slot


class ConcurrencyKeepingDownloader(Downloader):
    """Scrapy 2.19's downloader, with CONCURRENT_REQUESTS_PER_DOMAIN (and a DOWNLOAD_SLOTS
    concurrency) holding when the slot has no delay.

    Scrapy starts each download in a task that counts the request as transferring only when the
    task first runs. With a delay of 0 (AutoThrottle off, DOWNLOAD_DELAY 0) its queue loop runs to
    the end before any task has, sees every transfer slot free, and starts the whole queue at once:
    measured here, CONCURRENT_REQUESTS_PER_DOMAIN=1 let 9 requests reach one host together. The
    request is counted here, when its task is made; Scrapy's own count of it is then a no-op."""

    def _wait_for_download(self, slot: Slot, request: Any, queue_dfd: Any):
        slot.transferring.add(request)
        return super()._wait_for_download(slot, request, queue_dfd)
