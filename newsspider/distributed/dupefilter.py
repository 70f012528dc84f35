"""scrapy-redis's duplicate filter, on our fingerprints, 16 bytes each.

scrapy-redis fingerprints a request its own way (SHA-1 of the canonicalized URL, as 40 hex
characters) and ignores REQUEST_FINGERPRINTER_CLASS, so tracking parameters, AMP and trailing
slashes would make two URLs of one story. This filter asks the crawler's fingerprinter and keeps
the first 16 bytes of its digest (a collision needs about 2**64 URLs) in the crawl's set, which
is removed when the crawl is drained (REDIS_CRAWL_TTL bounds an abandoned one). Redis memory per
URL is measured in benchmarks/distributed.py.
"""

from __future__ import annotations

from scrapy_redis.dupefilter import RFPDupeFilter

from .crawl import shared_crawl

FINGERPRINT_BYTES = 16


class CompactRedisDupeFilter(RFPDupeFilter):
    @classmethod
    def from_spider(cls, spider):
        crawl = shared_crawl(spider.crawler)
        dupefilter = cls(crawl.client, key=crawl.keys.dupefilter, debug=spider.settings.getbool("DUPEFILTER_DEBUG"))
        dupefilter.fingerprinter = spider.crawler.request_fingerprinter
        return dupefilter

    def request_fingerprint(self, request) -> bytes:
        return self.fingerprinter.fingerprint(request)[:FINGERPRINT_BYTES]

    def close(self, reason=""):
        pass  # shared with the other workers: removed with the crawl's keys (crawl.py)

    def log(self, request, spider):
        spider.crawler.stats.inc_value("dupefilter/filtered")
        super().log(request, spider)
