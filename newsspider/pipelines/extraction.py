from __future__ import annotations

from ..extraction.stages import extraction_stage
from .base import StagePipeline


class ExtractionPipeline(StagePipeline):
    """Title, authors, dates, canonical and source links, site name (from the page as served) and
    the body text (from the page without widgets). Per-site `title_css`/`body_css` win."""

    stage = staticmethod(extraction_stage)
