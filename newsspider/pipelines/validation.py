from __future__ import annotations

from ..extraction.stages import validation_stage
from ..items import Page
from .base import drop


class ArticleValidationPipeline:
    """Drops pages that are not articles, counted by reason: `listing_page` (section fronts, tag
    pages), `login_page`, `script_shell` (built by JavaScript), `too_short`, `no_body`.

    Settings: VALIDATION_MIN_WORDS (default 50); VALIDATION_DROP (default True; False keeps the
    page with `drop_reason` set, which is what `newsspider extract` reports).
    """

    def __init__(self, stats=None, min_words: int = 50, drop_pages: bool = True):
        self.stats = stats
        self.min_words = min_words
        self.drop_pages = drop_pages

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(crawler.stats, settings.getint("VALIDATION_MIN_WORDS", 50), settings.getbool("VALIDATION_DROP", True))

    def process_item(self, item):
        if not isinstance(item, Page):
            return item
        reason = validation_stage(item, min_words=self.min_words)
        if reason and self.drop_pages:
            raise drop(self.stats, reason, item.url)
        item.drop_reason = reason
        return item
