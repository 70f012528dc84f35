from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import Crawler

from ..verdict import verdict


class Command(ScrapyCrawlCommand):
    """Scrapy's `crawl`, whose exit status says whether the crawl worked (Scrapy's is 0 unless
    start-up failed, even when every write failed): see newsspider/verdict.py."""

    created: Crawler | None = None  # the crawler this run made (Scrapy keeps none for the command)

    def _create_crawler(self, spidercls):
        crawler = super()._create_crawler(spidercls)
        self.created = crawler
        return crawler

    def run(self, args, opts):
        self.created = None
        super().run(args, opts)
        crawler = self.created
        if crawler is not None and self.exitcode == 0:
            outcome = verdict(crawler.stats.get_stats() if crawler.stats else {}, crawler.settings)
            if not outcome.ok:
                self.exitcode = outcome.exit_status
