"""Did a site's crawl succeed? One answer for `newsspider crawl`, `scrapy crawl` and the summary.

| exit status | when |
|---|---|
| 0 | every site finished and every article it found was delivered (a quiet rerun with nothing new is 0) |
| 1 | a site failed: it did not finish (delivery failed, Redis unavailable in distributed mode, killed), could not fetch a single page, or logged more than CRAWL_MAX_ERRORS errors |
| 2 | usage or configuration error (unknown site, bad site file, bad option) |
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Verdict:
    ok: bool
    why: str  # empty when ok
    exit_status: int = EXIT_FAILED  # when not ok

    def as_dict(self) -> dict:
        return asdict(self)


def pages_fetched(stats: dict) -> int:
    """Pages answered, not counting robots.txt files."""
    return stats.get("response_received_count", 0) - stats.get("robotstxt/response_count", 0)


def verdict(stats: dict, settings) -> Verdict:
    reason = stats.get("finish_reason")
    errors = stats.get("log_count/ERROR", 0)
    failed_fetches = sum(v for k, v in stats.items() if k.startswith("newsspider/fetch_failed/"))
    if stats.get("newsspider/usage_error"):
        return Verdict(False, f"usage error: {stats['newsspider/usage_error']}", EXIT_USAGE)
    if stats.get("newsspider/redis/failed"):
        return Verdict(False, f"Redis unavailable: {stats['newsspider/redis/failed']}")
    if stats.get("newsspider/delivery/failed"):
        return Verdict(False, f"delivery failed: {stats['newsspider/delivery/failed']}")
    if reason not in (None, "finished", "request_budget"):
        return Verdict(False, f"finish reason {reason}")
    if failed_fetches and pages_fetched(stats) <= 0:
        return Verdict(False, f"no page could be fetched ({failed_fetches} failed fetches)")
    if errors > settings.getint("CRAWL_MAX_ERRORS", 0):
        return Verdict(False, f"{errors} errors logged")
    return Verdict(True, "", EXIT_OK)
