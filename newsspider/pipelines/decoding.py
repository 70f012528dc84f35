from __future__ import annotations

from ..extraction.stages import decode_stage
from ..items import Page
from .base import StagePipeline, logger


class PageDecodingPipeline(StagePipeline):
    """Turns response bytes into a parsed page.

    Drops `not_html` (PDF, images, other binary or non-HTML types served at an article URL),
    `empty_page` and `unparseable`. A page whose declared charset was wrong is re-decoded (from its
    `<meta charset>`, else by detection) and logged; so is a page nested too deep for the parser.
    """

    stage = staticmethod(decode_stage)

    def process_item(self, item):
        item = super().process_item(item)
        if isinstance(item, Page) and item.notes:
            for note in item.notes:
                logger.warning(f"Repaired {item.url}: {note}")
            if self.stats is not None:
                self.stats.inc_value("newsspider/repaired_pages")
        return item
