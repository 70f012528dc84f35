from __future__ import annotations

from ..extraction.stages import to_article
from ..items import Page


class ArticleOutputPipeline:
    """Turns the finished `Page` into the `Article` that is written out (schema_version included);
    the page bytes and trees go no further."""

    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, Page):
            return item
        if self.stats is not None:
            self.stats.inc_value(f"newsspider/articles/{item.fetched_with}")
        return to_article(item)
