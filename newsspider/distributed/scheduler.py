"""scrapy-redis's scheduler, with leases: a request taken from the shared queue is moved, in one
Lua call, to the taking worker's processing hash, so a worker killed mid-crawl loses nothing
(crawl.py puts its leases back). scrapy-redis's own queues pop destructively."""

from __future__ import annotations

import logging
import uuid

from scrapy.utils.misc import load_object
from scrapy_redis.queue import Base
from scrapy_redis.scheduler import Scheduler

from .crawl import shared_crawl

logger = logging.getLogger(__name__)

# KEYS: queue, requests, this worker's processing hash. Returns {id, serialized request} or nil.
_TAKE = """
local top = redis.call('ZPOPMIN', KEYS[1])
if #top == 0 then return nil end
redis.call('HSET', KEYS[3], top[1], top[2])
return {top[1], redis.call('HGET', KEYS[2], top[1])}
"""


class LeasedQueue(Base):
    """Priority queue in a sorted set of request ids; the requests themselves in a hash, kept
    until the request is done (so a lease can be put back)."""

    def __init__(self, server, spider, key, serializer=None):
        super().__init__(server, spider, key, serializer)
        self.crawl = shared_crawl(spider.crawler)
        self.keys = self.crawl.keys
        self.take = server.register_script(_TAKE)

    def __len__(self) -> int:
        return self.server.zcard(self.keys.queue)

    def push(self, request) -> None:
        previous = request.meta.get("lease")
        lease = uuid.uuid4().hex
        request.meta["lease"] = lease
        pipe = self.server.pipeline()
        pipe.hset(self.keys.requests, lease, self._encode_request(request))
        pipe.zadd(self.keys.queue, {lease: -request.priority})
        pipe.execute()
        self.crawl.handed_back(previous)

    def pop(self, timeout=0):
        taken = self.take(keys=[self.keys.queue, self.keys.requests, self.keys.processing(self.crawl.worker)])
        if not taken:
            return None
        lease, data = taken[0].decode(), taken[1]
        if data is None:  # acknowledged by a worker that was thought dead: done already
            self.server.hdel(self.keys.processing(self.crawl.worker), lease)
            return None
        request = self._decode_request(data)
        request.meta["lease"] = lease
        self.crawl.taken(lease)
        return request

    def clear(self) -> None:
        self.server.delete(self.keys.queue, self.keys.requests)


class LeasedScheduler(Scheduler):
    """scrapy-redis's Scheduler on the crawl's connection; a Redis error stops the crawl through
    DistributedCrawl.fail() instead of raising into Scrapy's engine."""

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        crawl = shared_crawl(crawler)
        scheduler = cls(
            server=crawl.client, persist=True, queue_cls=settings.get("SCHEDULER_QUEUE_CLASS"),
            dupefilter_cls=settings.get("DUPEFILTER_CLASS"), idle_before_close=0,
            serializer=None,
        )
        scheduler.stats = crawler.stats
        scheduler.crawl = crawl
        return scheduler

    def open(self, spider):
        """scrapy-redis's open(), logging through our logger (its spider.log() is deprecated)."""

        def opened() -> None:
            self.spider = spider
            self.queue = load_object(self.queue_cls)(server=self.server, spider=spider,
                                                     key=self.queue_key % {"spider": spider.name},
                                                     serializer=self.serializer)
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
            queued = len(self.queue)
            if queued:
                logger.info("Joining a crawl in progress: %d requests queued", queued, extra={"spider": spider})

        self.crawl.call(opened, None)

    def close(self, reason):
        pass  # the crawl's keys are DistributedCrawl's to remove, when the crawl is drained

    # scrapy-redis's two methods, without the `spider` argument Scrapy 2.19's stats deprecate.
    def enqueue_request(self, request) -> bool:
        if getattr(self, "queue", None) is None:
            return False

        def enqueue() -> bool:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
            self.stats.inc_value("scheduler/enqueued/redis")
            return True

        return self.crawl.call(enqueue, False)

    def next_request(self):
        if getattr(self, "queue", None) is None:
            return None
        request = self.crawl.call(self.queue.pop, None)
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        if getattr(self, "queue", None) is None:
            return False
        return self.crawl.call(lambda: super(LeasedScheduler, self).has_pending_requests(), False)

    def __len__(self) -> int:
        return self.crawl.call(lambda: super(LeasedScheduler, self).__len__(), 0)
