"""Distributed mode: `-s REDIS_URL=redis://host:port/db` makes every worker started with the same
command share one crawl through Redis (scrapy-redis's scheduler and duplicate filter, with leases
added). Without REDIS_URL nothing here is used. See crawl.py for the moving parts."""

from __future__ import annotations

import os
import re
import socket


def enabled(settings) -> bool:
    return bool(settings.get("REDIS_URL"))


def configure(settings) -> None:
    """Switch a crawl's scheduler and duplicate filter to Redis (spider priority: `-s` still wins)."""
    if not enabled(settings):
        return
    settings.set("SCHEDULER", "newsspider.distributed.scheduler.LeasedScheduler", priority="spider")
    settings.set("SCHEDULER_QUEUE_CLASS", "newsspider.distributed.scheduler.LeasedQueue", priority="spider")
    settings.set("DUPEFILTER_CLASS", "newsspider.distributed.dupefilter.CompactRedisDupeFilter", priority="spider")
    # The crawl's keys are removed by the worker that sees the crawl drained, not by each worker.
    settings.set("SCHEDULER_PERSIST", True, priority="spider")


def worker_id(settings) -> str:
    """WORKER_ID, else `<host>-<pid>`; letters, digits and `-` only (it goes into file names)."""
    raw = settings.get("WORKER_ID") or f"{socket.gethostname()}-{os.getpid()}"
    return re.sub(r"[^A-Za-z0-9-]+", "-", str(raw)).strip("-") or "worker"
