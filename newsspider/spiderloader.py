"""Scrapy's spider loader plus one spider per configured site, so `scrapy crawl SITENAME` works
for every [[site]] entry without writing Python."""

from __future__ import annotations

from scrapy.spiderloader import SpiderLoader

from .redaction import install_log_redaction
from .sites import BUNDLED_SITES, SiteConfigError, load_sites
from .spiders.site import site_spider_class


class SiteSpiderLoader(SpiderLoader):
    """Loads the spider modules (the generic `news` spider) and the sites of `SITES_FILES`
    (plus the bundled newsspider/sites/sites.toml unless `SITES_BUNDLED` is False)."""

    def __init__(self, settings):
        # Built before any crawler logs: the earliest place to keep secrets out of the start-up lines.
        install_log_redaction()
        super().__init__(settings)
        files = ([BUNDLED_SITES] if settings.getbool("SITES_BUNDLED", True) else []) + settings.getlist("SITES_FILES")
        for name, config in load_sites(files).items():
            if name in self._spiders and getattr(self._spiders[name], "site", None) is None:
                raise SiteConfigError(f"site {name!r} has the name of a built-in spider; rename it")
            self._spiders[name] = site_spider_class(config)
