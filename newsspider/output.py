"""Where a crawl's articles go when neither -o/-O nor FEEDS say."""

from __future__ import annotations

import os


def default_feed_uri(settings) -> str | None:
    """OUTPUT_DIR/<spider>/<start time>.jsonl.part (renamed to .jsonl when the crawl ends; with
    REDIS_URL, <start time>.<worker id>.jsonl.part), or None when OUTPUT_DIR is empty. A relative OUTPUT_DIR is relative to the working directory."""
    directory = settings.get("OUTPUT_DIR")
    if not directory:
        return None
    if settings.get("REDIS_URL"):  # several workers write beside each other: one file each
        return os.path.join(directory, "%(name)s", "%(time)s.%(worker_id)s.jsonl.part")
    return os.path.join(directory, "%(name)s", "%(time)s.jsonl.part")
