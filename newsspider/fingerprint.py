"""Request fingerprints on the story's URL identity, so duplicates are not even fetched."""

from __future__ import annotations

from scrapy.utils.request import RequestFingerprinter

from .extraction.urls import url_identity


class CanonicalUrlFingerprinter:
    """Scrapy's fingerprinter applied to `url_identity(url)`: tracking parameters, AMP markers,
    fragments, `www.` and trailing slashes do not make a request new."""

    def __init__(self, crawler=None):
        self._fingerprinter = RequestFingerprinter(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def fingerprint(self, request) -> bytes:
        return self._fingerprinter.fingerprint(request.replace(url=url_identity(request.url)))
