"""Writing articles so that "delivered" is true: durable lines, recorded only after they are.

Scrapy's FeedExporter writes each item and Scrapy then fires `item_scraped` whether the write
worked or not; recording deliveries on that signal records articles a full disk never took. Here
the feed exporter itself records: a line counts as delivered once it is written and fsync'd (in
small batches), and the ledger commits after the sync; a remote storage's items count once its
store() succeeded. A failed write stops the crawl, and the file is cut back to its last synced line.
"""

from __future__ import annotations

import errno
import glob
import io
import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from scrapy import signals
from scrapy.exporters import JsonLinesItemExporter
from scrapy.extensions.feedexport import FeedExporter, FileFeedStorage, StdoutFeedStorage
from scrapy.utils.defer import deferred_from_coro, ensure_awaitable

from ..extraction.urls import url_identity
from ..items import Article
from .ledger import Delivery, Ledger, content_hash, text_fingerprint

logger = logging.getLogger(__name__)

# JSON allows these raw inside strings, but str.splitlines() and many JS readers break lines on them.
_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}
# fsync is not possible on pipes and terminals (`-o -`): those lines are delivered once written.
_NOT_SYNCABLE = {errno.EINVAL, errno.ENOTSUP, errno.EROFS}
# Sent after each sync with `count`: the articles scraped before it are delivered and recorded.
deliveries_recorded = object()


def escape_line_breakers(line: str) -> str:
    for raw, escaped in _LINE_BREAKERS.items():
        line = line.replace(raw, escaped)
    return line


def delivery_of(item) -> Delivery:
    """The ledger entry of an Article, or of one line of an output file (a dict)."""
    get = item.get if isinstance(item, dict) else lambda name, default=None: getattr(item, name, default)
    canonical: str = get("canonical_url") or get("url") or ""
    key = url_identity(canonical)
    return Delivery(
        key=key, canonical_url=canonical, digest=content_hash(get("title"), get("text") or ""),
        fingerprint=text_fingerprint(get("text") or ""), revision=int(get("revision") or 1),
        url_keys=frozenset({key, url_identity(get("url") or canonical)}),
    )


class DurableJsonLinesItemExporter(JsonLinesItemExporter):
    """JSON Lines, one article per line whatever the line reader (U+2028, U+2029, U+0085
    escaped). Lines are kept in memory until `write_pending()`, which writes them with one
    unbuffered write (so a failed write leaves nothing in Python's buffers) and fsyncs the file."""

    def __init__(self, file, **kwargs):
        super().__init__(file, **kwargs)
        self.pending = bytearray()

    def export_item(self, item):
        itemdict = dict(self.get_serialized_fields(item))
        self.pending += (escape_line_breakers(self.encoder.encode(itemdict)) + "\n").encode(self.encoding or "utf-8")

    def finish_exporting(self):
        self.write_pending()

    def write_pending(self) -> int | None:
        """Write and sync what is pending; the file's size afterwards (None: not a plain file)."""
        data, self.pending = bytes(self.pending), bytearray()
        try:
            fd = self.file.fileno()
        except (AttributeError, io.UnsupportedOperation):  # a post-processing (gzip, …) wrapper
            self.file.write(data)
            self.file.flush()
            return None
        self.file.flush()
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        try:
            os.fsync(fd)
        except OSError as exc:
            if exc.errno not in _NOT_SYNCABLE:
                raise
            return None
        return os.fstat(fd).st_size


@dataclass
class Pending:
    delivery: Delivery
    written: bool = False  # on every local target
    remote: set[int] = field(default_factory=set)  # id() of remote slots still to store it
    slots: set[int] = field(default_factory=set)  # id() of every slot it went to


def storage_kind(slot) -> str:
    if isinstance(slot.storage, FileFeedStorage):
        return "file"
    if isinstance(slot.storage, StdoutFeedStorage):
        return "stream"
    return "remote"


def local_path(slot) -> str | None:
    return str(slot.storage.path) if isinstance(slot.storage, FileFeedStorage) else None


def repair_output(path: str, ledger: Ledger | None) -> str | None:
    """Finish an output file an interrupted crawl left: drop a cut last line, record in the
    ledger the complete lines written after its last recorded sync, and rename a `.part` to its
    final name. Returns the log line, or None when there was nothing to do."""
    data = Path(path).read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    start = min(ledger.synced_bytes(path), len(complete)) if ledger else 0
    recorded = []
    for line in complete[start:].decode("utf-8", errors="replace").splitlines():
        try:
            recorded.append(delivery_of(json.loads(line)))
        except (ValueError, AttributeError, TypeError):
            continue
    cut = len(data) - len(complete)
    final = path[: -len(".part")] if path.endswith(".part") else path
    if ledger is not None and (recorded or final != path):
        ledger.record_delivered(recorded, outputs={final: len(complete)})
    if cut:
        os.truncate(path, len(complete))
    if final != path:
        if complete:
            os.replace(path, final)
        else:
            os.remove(path)
    elif not cut and not recorded:
        return None
    note = f"Repaired interrupted output {path}: {len(recorded)} lines recorded as delivered"
    if cut:
        note += f", a cut last line of {cut} bytes dropped"
    if final != path:
        note += f" → {final}" if complete else "; nothing in it, removed"
    return note


class DeliveringFeedExporter(FeedExporter):
    """Scrapy's feed exporter (FEEDS, -o, -O, every storage and option) that owns delivery:

    - each article line is written unbuffered and fsync'd every DELIVERY_SYNC_ITEMS items or
      DELIVERY_SYNC_SECONDS seconds, and the ledger records those articles right after the sync;
    - an article sent to a remote storage (FTP, S3, …) is recorded once that storage's store()
      succeeded;
    - any failure to write, sync or store (ENOSPC, EIO, a server down) logs one ERROR, cuts local
      files back to their last synced line, stops the crawl (finish reason `delivery_failed`)
      and leaves the undelivered articles unrecorded, so the next run delivers them;
    - a `.part` output is renamed to its final name only when its crawl closed it;
    - at the start, outputs an interrupted crawl left (the default `.part` files and `-o`
      files) are repaired: a cut last line dropped, complete lines recorded.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.sync_items = max(1, settings.getint("DELIVERY_SYNC_ITEMS", 20))
        self.sync_seconds = settings.getfloat("DELIVERY_SYNC_SECONDS", 2.0)
        self.pending: list[Pending] = []
        self.last_sync = time.monotonic()
        self.synced_sizes: dict[int, int] = {}  # id(slot) -> bytes of its file known durable
        self.failure: str | None = None
        self.damaged: set[int] = set()  # id() of slots whose file could not be cut back: left as .part
        self.delivered: dict[int, int] = {}  # id(slot) -> articles delivered to it

    @property
    def records(self):
        from .records import DeliveryRecords

        return self.crawler.get_extension(DeliveryRecords)

    @property
    def ledger(self) -> Ledger | None:
        records = self.records
        return records.ledger if records is not None else None

    # -- start ------------------------------------------------------------------------------------
    def open_spider(self, spider):
        for note in self.repair(spider):
            logger.info("%s", note, extra={"spider": spider})
        super().open_spider(spider)
        for slot in self.slots:
            self.check_writable(slot)

    def repair(self, spider) -> list[str]:
        from ..distributed.crawl import DistributedCrawl
        from ..output import default_feed_uri

        paths = set()
        template = default_feed_uri(self.crawler.settings)
        if template:
            folder = os.path.dirname(template % {"name": spider.name, "time": "x", "worker_id": "x"})
            paths.update(glob.glob(glob.escape(folder) + "/*.jsonl.part"))
        shared = self.crawler.get_extension(DistributedCrawl)
        if shared is not None:  # another worker's file is its own to finish, while it lives
            paths = {path for path in paths if shared.may_repair(path)}
        for uri, options in self.feeds.items():
            if "%(" not in uri and not options.get("overwrite") and "://" not in uri and os.path.isfile(uri):
                paths.add(uri)  # `-o FILE`: appended to, so it may end in a cut line
        return [note for path in sorted(paths) if (note := repair_output(path, self.ledger))]

    def check_writable(self, slot) -> None:
        path = local_path(slot)
        if path is None:
            return
        folder = os.path.dirname(os.path.abspath(path))
        try:
            os.makedirs(folder, exist_ok=True)
            if not os.access(folder, os.W_OK):
                raise PermissionError(errno.EACCES, "permission denied")
        except OSError as exc:
            self.fail(f"output folder {folder} cannot be written: {exc.strerror}")

    # -- items ------------------------------------------------------------------------------------
    def item_scraped(self, item, spider):
        if self.failure is not None:
            self.crawler.stats.inc_value("newsspider/delivery/undelivered")
            return
        accepting = [slot for slot in self.slots if slot.filter.accepts(item)]
        try:
            super().item_scraped(item, spider)
        except Exception as exc:  # an exporter that raised: nothing of this item is delivered
            self.fail(f"could not export {getattr(item, 'url', item)!s}: {exc}")
            return
        if isinstance(item, Article):
            remote = {id(slot) for slot in accepting if storage_kind(slot) == "remote"}
            self.pending.append(Pending(delivery_of(item), remote=remote, slots={id(slot) for slot in accepting}))
        if len(self.pending) >= self.sync_items or time.monotonic() - self.last_sync >= self.sync_seconds:
            self.sync()

    def sync(self) -> None:
        """Write and fsync every local target, then record what is now delivered."""
        if self.failure is not None:
            return
        outputs: dict[str, int] = {}
        for slot in self.slots:
            exporter = slot.exporter
            if storage_kind(slot) == "remote" or not isinstance(exporter, DurableJsonLinesItemExporter):
                continue
            try:
                size = exporter.write_pending()
            except OSError as exc:
                self.fail(f"could not write {slot.uri}: {exc}")
                return
            path = local_path(slot)
            if size is not None and path is not None:
                self.synced_sizes[id(slot)] = size
                outputs[path] = size
        self.last_sync = time.monotonic()
        for pending in self.pending:
            pending.written = True
        self.commit(outputs)

    def commit(self, outputs: dict[str, int] | None = None) -> None:
        done = [p for p in self.pending if p.written and not p.remote]
        self.pending = [p for p in self.pending if not (p.written and not p.remote)]
        ledger = self.ledger
        if ledger is not None and (done or outputs):
            ledger.record_delivered([p.delivery for p in done], outputs=outputs)
        self.crawler.stats.inc_value("newsspider/delivery/delivered", len(done))
        for pending in done:
            for slot in pending.slots:
                self.delivered[slot] = self.delivered.get(slot, 0) + 1
        self.crawler.signals.send_catch_log(deliveries_recorded, count=len(done))

    def delivered_to(self, slot) -> int:
        """Articles of this slot that are delivered (Scrapy's itemcount counts exports, not deliveries)."""
        return self.delivered.get(id(slot), 0)

    # -- failure ----------------------------------------------------------------------------------
    def fail(self, why: str) -> None:
        if self.failure is not None:
            return
        self.failure = why
        undelivered = len(self.pending)
        self.pending = []
        self.crawler.stats.inc_value("newsspider/delivery/undelivered", undelivered)
        self.crawler.stats.set_value("newsspider/delivery/failed", why)
        for slot in self.slots:
            self.cut_back(slot)
        logger.error("Delivery failed: %s. The crawl stops; the articles not delivered (%d so far) are left "
                     "for the next run.", why, undelivered, extra={"spider": self.crawler.spider})
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason="delivery_failed"))

    def cut_back(self, slot) -> None:
        """Drop what a failed write left after the last synced line (a cut line, unsynced lines)."""
        if storage_kind(slot) != "file" or slot.file is None:
            return
        exporter = slot.exporter
        if isinstance(exporter, DurableJsonLinesItemExporter):
            exporter.pending = bytearray()
        try:
            os.ftruncate(slot.file.fileno(), self.synced_sizes.get(id(slot), 0))
        except (OSError, ValueError) as exc:
            logger.error("Could not cut %s back to its last whole line (%s); the next run repairs it",
                         slot.uri, exc, extra={"spider": self.crawler.spider})
            self.damaged.add(id(slot))

    # -- end --------------------------------------------------------------------------------------
    async def close_spider(self, spider):
        self.sync()
        await super().close_spider(spider)

    async def _close_slot(self, slot, spider):
        """Scrapy's, plus: a storage that fails fails delivery; a remote storage's articles are
        recorded when it succeeded; a finished `.part` file gets its final name."""
        self.sync()
        if slot.itemcount:
            try:
                slot.finish_exporting()
            except OSError as exc:
                self.fail(f"could not write {slot.uri}: {exc}")
        elif slot.store_empty and slot.batch_id == 1:
            slot.start_exporting()
            slot.finish_exporting()
        else:
            return
        kind = type(slot.storage).__name__
        try:
            await ensure_awaitable(slot.storage.store(self._get_file(slot)))
        except Exception as exc:
            self.crawler.stats.inc_value(f"feedexport/failed_count/{kind}")
            self.fail(f"could not store the {slot.format} feed in {slot.uri}: {exc}")
        else:
            self.crawler.stats.inc_value(f"feedexport/success_count/{kind}")
            for pending in self.pending:
                pending.remote.discard(id(slot))
            self.commit()
            self.finish_part_file(slot)
            # Said after the rename: the name a reader will find.
            logger.info("Stored %s feed (%d items) in: %s", slot.format, slot.itemcount, slot.uri,
                        extra={"spider": spider})
        await self.crawler.signals.send_catch_log_async(signal=signals.feed_slot_closed, slot=slot)

    def finish_part_file(self, slot) -> None:
        """A closed `output/…/x.jsonl.part` becomes `x.jsonl`: now readers may take it."""
        path = local_path(slot)
        if path is None or not path.endswith(".part") or id(slot) in self.damaged:
            return
        ledger = self.ledger
        if ledger is not None and not ledger.available:
            logger.warning("%s keeps its .part name: its last lines could not be recorded; the next run records "
                           "them", path, extra={"spider": self.crawler.spider})
            return
        final = path[: -len(".part")]
        os.replace(path, final)
        if ledger is not None:
            ledger.set_synced_bytes(final, os.path.getsize(final))
        slot.uri = slot.uri[: -len(".part")]
