"""Crawler traps: a URL template seen again and again with one changing id-like segment (a session
id in the path, a calendar that goes on forever). No Scrapy here."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

from .templates import segment_class

# Segment classes a trap varies: ids, numbers, dates. Words and slugs vary between real pages.
_TRAP_CLASSES = {"{id}", "{num}", "{n2}", "{year}", "{date}"}


class TrapDetector:
    """`is_trap(url, article=...)`: the URL is one more variant of a skeleton (the path with one
    segment left out) that has had more than `max_variants` distinct id-like values there. For an
    article URL the last segment is its own id and does not count; for other pages it does."""

    def __init__(self, max_variants: int = 50):
        self.max_variants = max_variants
        self.variants: dict[tuple, set[str]] = defaultdict(set)
        self.reported: set[tuple] = set()

    def is_trap(self, url: str, *, article: bool = False) -> tuple | None:
        """The skeleton the URL is a trap variant of, or None."""
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        positions = range(len(segments) - 1 if article else len(segments))
        for i in positions:
            if segment_class(segments[i]) not in _TRAP_CLASSES:
                continue
            skeleton = (parts.hostname, i, tuple(segments[:i]), tuple(segments[i + 1:]), parts.query)
            seen = self.variants[skeleton]
            if segments[i] in seen:
                continue
            if len(seen) >= self.max_variants:
                return skeleton
            seen.add(segments[i])
        return None

    @staticmethod
    def describe(skeleton: tuple) -> str:
        host, i, before, after, query = skeleton
        return "/" + "/".join([*before, "*", *after]) + (f"?{query}" if query else "")
