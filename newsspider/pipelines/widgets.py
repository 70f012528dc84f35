from __future__ import annotations

from ..extraction.stages import widget_stage
from .base import StagePipeline


class WidgetRemovalPipeline(StagePipeline):
    """Removes ads and ad placeholders, comment threads and forms, related/latest blocks, share
    bars, newsletter, cookie, author-bio and read-more boxes from a copy of the page, counting
    them by kind in `removed_widgets`. The page as served is kept for metadata and chrome language.
    See newsspider/extraction/widgets.py for how each kind is recognised."""

    stage = staticmethod(widget_stage)
