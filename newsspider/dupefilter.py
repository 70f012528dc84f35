"""A duplicate filter that survives a killed crawl with JOBDIR."""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.job import job_dir

logger = logging.getLogger(__name__)
CLEAN_STOP = "newsspider-clean-stop"


class ResumableDupeFilter(RFPDupeFilter):
    """Scrapy's filter, except after a crawl that did not stop cleanly: its `requests.seen` then
    lists requests that were queued but never done, and trusting it loses them (a resumed crawl
    after kill -9 fetched nothing). That list is set aside and the crawl restarts from its seeds;
    the article store (state/<site>.sqlite) keeps it from fetching or emitting again what the
    killed crawl already emitted."""

    @classmethod
    def from_crawler(cls, crawler):
        path = job_dir(crawler.settings)
        if path:
            seen, marker = Path(path, "requests.seen"), Path(path, CLEAN_STOP)
            if seen.exists() and seen.stat().st_size and not marker.exists():
                seen.replace(seen.with_name("requests.seen.untrusted"))
                logger.warning("%s: the previous crawl did not stop cleanly; its list of seen requests is set aside and "
                               "the crawl restarts from its seeds (already delivered articles are skipped)", path)
            marker.unlink(missing_ok=True)  # until this crawl stops cleanly
        return super().from_crawler(crawler)

    def close(self, reason: str) -> None:
        super().close(reason)
        if self.file is not None:
            Path(self.file.name).with_name(CLEAN_STOP).touch()
