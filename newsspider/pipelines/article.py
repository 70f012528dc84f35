"""The cleaning pipeline: a fetched `Page` in, the `Article` that is written out (or a drop)."""

from __future__ import annotations

import logging

from ..extraction.stages import DEFAULT_MIN_WORDS, run
from ..items import Page
from .drops import drop

logger = logging.getLogger(__name__)


class ArticlePipeline:
    """Runs the cleaning stages of `newsspider.extraction.stages` on each `Page` — decoding,
    widget removal, metadata and body, languages, the article test — through the same `run()`
    that `newsspider extract` uses, and passes on the `Article`.

    Pages that are not articles are dropped with a counted reason (`newsspider/dropped/<reason>`):
    `not_html`, `empty_page`, `unparseable`, `listing_page`, `login_page`, `script_shell`,
    `too_short`, `no_body`. Repairs (a wrong charset, nesting too deep) are logged at INFO and
    counted as `newsspider/repaired_pages`. Setting: VALIDATION_MIN_WORDS (default 50).
    """

    def __init__(self, stats, min_words: int = DEFAULT_MIN_WORDS):
        self.stats = stats
        self.min_words = min_words

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.getint("VALIDATION_MIN_WORDS", DEFAULT_MIN_WORDS))

    def process_item(self, item):
        if not isinstance(item, Page):
            return item
        outcome = run(item, min_words=self.min_words)
        if outcome.notes and outcome.article is not None:
            self.stats.inc_value("newsspider/repaired_pages")
            for note in outcome.notes:
                logger.info("Repaired %s: %s", item.url, note)
        if outcome.drop_reason:
            raise drop(self.stats, outcome.drop_reason, item.url, "; ".join(outcome.notes))
        self.stats.inc_value(f"newsspider/articles/{item.fetched_with}")
        return outcome.article
