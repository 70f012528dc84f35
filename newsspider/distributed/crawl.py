"""One crawl shared by several workers through Redis.

Keys, for the site `S` (its state name) under REDIS_KEY_PREFIX `P`:

| key | what |
|---|---|
| `P:S:crawl:queue` | sorted set: request ids by priority (scrapy-redis queue, see scheduler.py) |
| `P:S:crawl:requests` | hash: request id -> serialized request, until the request is done |
| `P:S:crawl:processing:W` | hash: request id -> priority, what worker W has taken and not finished (its lease) |
| `P:S:crawl:workers` | hash: worker -> start time; `P:S:crawl:alive:W` expires REDIS_LEASE_SECONDS after W's last heartbeat |
| `P:S:crawl:dupefilter` | set of 16-byte request fingerprints |
| `P:S:crawl:stories` | hash: story key -> the URL that claimed it (one story written once across workers) |
| `P:S:crawl:delivered` | hash: worker -> articles delivered in this crawl |
| `P:S:ledger:*` | the delivery ledger (ledger.py): kept across crawls |
| `P:host:H:next` | when the next request to host H may start (politeness.py) |

A request taken from the queue moves atomically to its worker's processing hash. It leaves it
when it is done: its callback ended without items, its items were dropped or durably delivered,
its fetch failed for good, or it went back to the queue (a retry, a redirect, a render). A worker
that stops heartbeating for REDIS_LEASE_SECONDS is dead: any worker moves its processing hash back
to the queue. Replaying a request twice is harmless (the ledger skips delivered articles), so a
lease is released late rather than early. When the queue is empty and no live worker holds a
lease, the crawl is drained: every worker ends, and the crawl's keys (not the ledger) are removed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from ..redaction import redact_url
from . import enabled, worker_id

if TYPE_CHECKING:
    import redis

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Moves every lease of a worker back to the queue (KEYS: processing hash, queue).
_REQUEUE = """
local items = redis.call('HGETALL', KEYS[1])
for i = 1, #items, 2 do redis.call('ZADD', KEYS[2], items[i + 1], items[i]) end
redis.call('DEL', KEYS[1])
return #items / 2
"""
# One story, one writer: the first URL to claim any of its keys owns them all (KEYS: the hash;
# ARGV: owner, keys...). Returns the owner that got there first, or false.
_CLAIM = """
for i = 2, #ARGV do
  local owner = redis.call('HGET', KEYS[1], ARGV[i])
  if owner and owner ~= ARGV[1] then return owner end
end
for i = 2, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], ARGV[1]) end
return false
"""


@dataclass
class Lease:
    """A request this worker took: done once its callback ended and its items are settled."""

    items: int = 0  # items yielded and not yet dropped or scraped
    callback_done: bool = False
    needs_sync: bool = False  # an item was scraped: done once the feed exporter's next sync recorded it


def text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class CrawlKeys:
    def __init__(self, prefix: str, site: str):
        self.site = f"{prefix}:{site}"
        crawl = f"{self.site}:crawl"
        self.queue, self.requests, self.workers = f"{crawl}:queue", f"{crawl}:requests", f"{crawl}:workers"
        self.dupefilter, self.stories, self.delivered = f"{crawl}:dupefilter", f"{crawl}:stories", f"{crawl}:delivered"
        self._crawl = crawl
        self.ledger = f"{self.site}:ledger"

    def processing(self, worker: str) -> str:
        return f"{self._crawl}:processing:{worker}"

    def alive(self, worker: str) -> str:
        return f"{self._crawl}:alive:{worker}"

    def crawl_keys(self, workers) -> list[str]:
        return [self.queue, self.requests, self.workers, self.dupefilter, self.stories, self.delivered,
                *(self.processing(w) for w in workers), *(self.alive(w) for w in workers)]


def shared_crawl(crawler) -> DistributedCrawl:
    """The crawler's DistributedCrawl, for the components that only work with it."""
    crawl = crawler.get_extension(DistributedCrawl)
    if crawl is None:
        raise NotConfigured  # no message: Scrapy would log one WARNING per component on every plain crawl
    return crawl


class DistributedCrawl:
    """The worker's side of a shared crawl (enabled by REDIS_URL; see the module docstring).

    Settings: REDIS_URL; REDIS_KEY_PREFIX; WORKER_ID (default `<host>-<pid>`; a worker started
    again under the same id takes its dead predecessor's leases back at once); REDIS_LEASE_SECONDS
    (how long a killed worker's requests wait before another worker takes them: the bound on
    recovery); REDIS_CRAWL_TTL (seconds an abandoned crawl's keys are kept).

    Redis going away stops the worker (finish reason `redis_unavailable`, one ERROR line, exit 1);
    what it had taken stays leased and goes back to the queue when its lease expires.
    """

    def __init__(self, crawler, client: redis.Redis):
        import redis  # here, not at the top: a crawl without REDIS_URL never imports it

        settings = crawler.settings
        self.redis_errors = redis.RedisError
        self.crawler = crawler
        self.client = client
        self.url = redact_url(settings.get("REDIS_URL"))
        self.prefix = settings.get("REDIS_KEY_PREFIX", "newsspider")
        self.worker = worker_id(settings)
        self.lease_seconds = settings.getfloat("REDIS_LEASE_SECONDS", 60)
        self.crawl_ttl = settings.getint("REDIS_CRAWL_TTL", 7 * 24 * 3600)
        self._keys: CrawlKeys | None = None
        self.leases: dict[str, Lease] = {}
        self.awaiting_sync: list[str] = []
        self.failure: str | None = None
        self.drained = False
        self.delivered_by_worker: dict[str, int] = {}
        self._heartbeat: task.LoopingCall | None = None
        self._scripts: dict[str, Any] = {}

    @classmethod
    def from_crawler(cls, crawler):
        if not enabled(crawler.settings):
            raise NotConfigured
        import redis

        timeout = crawler.settings.getfloat("REDIS_SOCKET_TIMEOUT", 10)
        client = redis.Redis.from_url(crawler.settings.get("REDIS_URL"), socket_timeout=timeout,
                                      socket_connect_timeout=timeout, health_check_interval=30)
        extension = cls(crawler, client)
        from ..delivery.feeds import deliveries_recorded

        for handler, signal in ((extension.spider_opened, signals.spider_opened),
                                (extension.spider_idle, signals.spider_idle),
                                (extension.spider_closed, signals.spider_closed),
                                (extension.item_scraped, signals.item_scraped),
                                (extension.item_settled, signals.item_dropped),
                                (extension.item_settled, signals.item_error),
                                (extension.deliveries_recorded, deliveries_recorded)):
            crawler.signals.connect(handler, signal=signal)
        return extension

    @property
    def keys(self) -> CrawlKeys:
        if self._keys is None:
            spider = self.crawler.spider
            self._keys = CrawlKeys(self.prefix, getattr(spider, "state_name", None) or spider.name)
        return self._keys

    # -- Redis calls ------------------------------------------------------------------------------
    def call(self, operation: Callable[[], T], default: T) -> T:
        """Run a Redis operation; when Redis is gone, stop the crawl (once) and return `default`."""
        if self.failure is not None:
            return default
        try:
            return operation()
        except self.redis_errors as exc:
            self.fail(exc)
            return default

    def script(self, source: str):
        if source not in self._scripts:
            self._scripts[source] = self.client.register_script(source)
        return self._scripts[source]

    def fail(self, exc: Exception) -> None:
        if self.failure is not None:
            return
        self.failure = f"{type(exc).__name__}: {exc}"
        self.crawler.stats.set_value("newsspider/redis/failed", self.failure)
        leased = (f" the {len(self.leases)} requests it had taken go back to the shared queue after "
                  f"REDIS_LEASE_SECONDS ({self.lease_seconds:g} s);") if self.leases else ""
        logger.error("Redis at %s is not reachable (%s). This worker stops;%s run the crawl again once Redis is "
                     "back: nothing delivered is delivered twice.", self.url, self.failure, leased,
                     extra={"spider": self.crawler.spider})
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None and getattr(engine, "running", True):
            deferred_from_coro(engine.close_spider_async(reason="redis_unavailable"))

    # -- workers ----------------------------------------------------------------------------------
    def spider_opened(self, spider):
        def join():
            keys = self.keys
            pipe = self.client.pipeline()
            pipe.hset(keys.workers, self.worker, datetime.now(UTC).isoformat(timespec="seconds"))
            pipe.set(keys.alive(self.worker), 1, px=int(self.lease_seconds * 1000))
            pipe.execute()
            # A worker started again under the same id: its predecessor is gone, its leases with it.
            taken_back = self.requeue(self.worker)
            if taken_back:
                logger.info("Worker %s: %d requests an earlier run of this worker had taken are back in the queue",
                            self.worker, taken_back, extra={"spider": spider})
            return self.client.zcard(keys.queue)

        queued = self.call(join, None)
        if queued is None:
            return
        logger.info("Distributed crawl on %s as worker %s (%d requests queued)", self.url, self.worker, queued,
                    extra={"spider": spider})
        # Scrapy's engine asks its scheduler for requests after each event and otherwise every 5 s;
        # a worker waiting for the pages other workers are parsing should look sooner.
        engine = self.crawler.engine
        if engine is not None:
            engine._SLOT_HEARTBEAT_INTERVAL = self.crawler.settings.getfloat("REDIS_POLL_SECONDS", 0.5)
        self._heartbeat = task.LoopingCall(self.heartbeat)
        self._heartbeat.start(max(0.2, self.lease_seconds / 4), now=False)

    def heartbeat(self) -> None:
        def beat():
            keys = self.keys
            pipe = self.client.pipeline()
            pipe.set(keys.alive(self.worker), 1, px=int(self.lease_seconds * 1000))
            for key in keys.crawl_keys(()):
                pipe.expire(key, self.crawl_ttl)
            pipe.execute()
            self.requeue_dead()

        self.call(beat, None)

    def workers(self) -> list[str]:
        return [text(w) for w in self.client.hkeys(self.keys.workers)]

    def requeue(self, worker: str) -> int:
        """Put every lease `worker` holds back in the queue; how many there were."""
        return self.script(_REQUEUE)(keys=[self.keys.processing(worker), self.keys.queue])

    def leases_held(self, workers) -> bool:
        return any(self.client.hlen(self.keys.processing(w)) for w in workers)

    def requeue_dead(self) -> None:
        """Move the leases of every worker whose heartbeat stopped back to the queue."""
        keys = self.keys
        for worker in self.workers():
            if worker == self.worker or self.client.exists(keys.alive(worker)):
                continue
            count = self.requeue(worker)
            self.client.hdel(keys.workers, worker)
            if count:
                self.crawler.stats.inc_value("newsspider/distributed/requeued", count)
                logger.warning("Worker %s stopped heartbeating; its %d unfinished requests are back in the queue",
                               worker, count, extra={"spider": self.crawler.spider})

    # -- leases -----------------------------------------------------------------------------------
    def taken(self, lease: str) -> None:
        self.leases[lease] = Lease()

    def handed_back(self, lease: str | None) -> None:
        """A request was queued again under a new lease (retry, redirect, render): the old one is done."""
        if lease and lease in self.leases:
            self.release(lease)

    def yielded_item(self, request) -> None:
        lease = self.leases.get(request.meta.get("lease", ""))
        if lease is not None:
            lease.items += 1

    def callback_done(self, request) -> None:
        name = request.meta.get("lease", "")
        lease = self.leases.get(name)
        if lease is not None:
            lease.callback_done = True
            self.settle(name, lease)

    def fetch_failed(self, request) -> None:
        self.release(request.meta.get("lease", ""))

    def item_scraped(self, item, response=None, spider=None):
        self._item_done(response, scraped=True)

    def item_settled(self, item, response=None, spider=None, **kwargs):
        self._item_done(response, scraped=False)

    def _item_done(self, response, scraped: bool) -> None:
        request = getattr(response, "request", None)
        name = request.meta.get("lease", "") if request is not None else ""
        lease = self.leases.get(name)
        if lease is None:
            return
        lease.items = max(0, lease.items - 1)
        lease.needs_sync |= scraped
        self.settle(name, lease)

    def settle(self, name: str, lease: Lease) -> None:
        if not lease.callback_done or lease.items:
            return
        if lease.needs_sync:
            del self.leases[name]
            self.awaiting_sync.append(name)
        else:
            self.release(name)

    def deliveries_recorded(self, count: int = 0) -> None:
        """The feed exporter synced and recorded: the articles scraped before that are delivered."""
        done, self.awaiting_sync = self.awaiting_sync, []
        if count:
            self.call(lambda: self.client.hincrby(self.keys.delivered, self.worker, count), None)
        for name in done:
            self.release(name)

    def release(self, name: str) -> None:
        self.leases.pop(name, None)
        if not name or self.failure is not None:
            return  # with Redis gone, the lease stays: the request is replayed, not lost
        keys = self.keys

        def ack():
            pipe = self.client.pipeline()
            pipe.hdel(keys.processing(self.worker), name)
            pipe.hdel(keys.requests, name)
            pipe.execute()

        self.call(ack, None)

    # -- the end of a crawl -----------------------------------------------------------------------
    def spider_idle(self, spider):
        """Idle here means everything this worker took is finished. The crawl goes on while the
        queue has requests or another live worker holds leases (its pages may add more)."""
        if self.failure is not None:
            return
        from ..delivery.feeds import DeliveringFeedExporter

        feeds = self.crawler.get_extension(DeliveringFeedExporter)
        if feeds is not None and feeds.pending:  # an idle worker looks twice a second: no empty fsyncs
            feeds.sync()
        keys = self.keys

        def look() -> bool:
            self.client.delete(keys.processing(self.worker))
            self.requeue_dead()
            if self.client.zcard(keys.queue):
                return False
            return not self.leases_held(w for w in self.workers() if w != self.worker)

        self.leases.clear()
        self.awaiting_sync.clear()
        drained = self.call(look, True)
        if self.failure is not None or drained:
            self.drained = drained and self.failure is None
            return
        raise DontCloseSpider  # the engine looks again within REDIS_POLL_SECONDS

    def spider_closed(self, spider, reason):
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        keys = self.keys

        def leave():
            if reason != "finished" or not self.drained:
                # Stopped early (Ctrl-C, delivery failed): what it had taken goes back now.
                self.requeue(self.worker)
            delivered = {text(k): int(v) for k, v in self.client.hgetall(keys.delivered).items()}
            pipe = self.client.pipeline()
            pipe.hdel(keys.workers, self.worker)
            pipe.delete(keys.alive(self.worker))
            pipe.execute()
            if reason == "finished" and self.drained and not self.client.zcard(keys.queue):
                workers = self.workers()
                if not self.leases_held(workers):
                    self.client.delete(*keys.crawl_keys(workers))
            return delivered

        self.delivered_by_worker = self.call(leave, {})
        # Another worker may have removed the crawl's keys first: this worker's own count it knows.
        self.delivered_by_worker[self.worker] = self.crawler.stats.get_value("newsspider/delivery/delivered", 0)

    def may_repair(self, path: str) -> bool:
        """An output file `<time>.<worker>.jsonl.part` may be finished by this worker unless its
        worker is another one that is still alive."""
        name = os.path.basename(path).removesuffix(".part").removesuffix(".jsonl")
        owner = name.rsplit(".", 1)[1] if "." in name else None
        if owner is None or owner == self.worker:
            return True
        return not self.call(lambda: self.client.exists(self.keys.alive(owner)), 1)

    def summary(self) -> dict:
        return {"worker": self.worker, "redis": self.url, "drained": self.drained, "redis_failure": self.failure,
                "delivered_by_worker": self.delivered_by_worker,
                "delivered_in_total": sum(self.delivered_by_worker.values())}

    # -- one story, one writer --------------------------------------------------------------------
    def claim_story(self, owner: str, story_keys: set[str]) -> str | None:
        """None when `owner` may write the story; else the URL that claimed it first."""
        result = self.call(lambda: self.script(_CLAIM)(keys=[self.keys.stories], args=[owner, *sorted(story_keys)]),
                           None)
        return result.decode() if isinstance(result, bytes) else None
