from __future__ import annotations

from ..extraction.stages import language_stage
from .base import StagePipeline


class LanguagePipeline(StagePipeline):
    """Article language from the body; chrome language from everything else on the page weighed
    with `<html lang>`, `og:locale` and Content-Language; `language_mismatch` when they differ."""

    stage = staticmethod(language_stage)
