"""Feeds to the article links they announce: RSS 0.9x/1.0/2.0, Atom and RDF through feedparser
(the ecosystem's standard: encodings, `xml:base`, relative links, prefixed roots, preambles,
broken markup), and JSON Feed by its specification (https://jsonfeed.org/version/1.1)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import feedparser

# A JSON Feed's "version" starts with this.
JSON_FEED_VERSION = "https://jsonfeed.org/version/"


@dataclass(slots=True)  # a feed can list 100,000 of them
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()  # the item's dc:creator / author / authors names


@dataclass
class Feed:
    """What a feed announced: its entries in feed order, and how many entries had no usable link."""

    entries: list[FeedEntry] = field(default_factory=list)
    unusable: int = 0
    is_feed: bool = False  # False: the body was not a feed at all


def absolute_http_url(link: str | None, base_url: str) -> str | None:
    """`link` made absolute against `base_url`, or None when it is not a usable http(s) URL (a
    malformed host such as `example.c[o.test` makes urljoin raise: that entry alone is lost)."""
    if not link or not isinstance(link, str):
        return None
    try:
        url = urljoin(base_url, link.strip())
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a malformed port or host
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def parse_feed(body: bytes, base_url: str, content_type: str | None = None) -> Feed:
    """Entries of an RSS, Atom, RDF or JSON feed; `Feed(is_feed=False)` for anything else."""
    stripped = body.lstrip()[:1]
    if stripped == b"{":
        return parse_json_feed(body, base_url)
    feed = Feed()
    for part in feed_slices(body):
        parsed = feedparser.parse(
            part, response_headers={"content-location": base_url, "content-type": content_type or "application/xml"},
            sanitize_html=False, resolve_relative_uris=False,
        )
        if not parsed.get("version") and not parsed.entries:
            continue
        feed.is_feed = True
        for entry in parsed.entries:
            url = absolute_http_url(entry_link(entry), base_url)
            if url is None:
                feed.unusable += 1
                continue
            feed.entries.append(FeedEntry(url, entry.get("title") or None,
                                          entry.get("published") or entry.get("updated"), author_names(entry)))
    return feed


# feedparser holds about 1.5 KB per entry while it parses: 146 MB for a feed of 100,000 items,
# which the process keeps after the parse. A feed longer than this is read in slices of whole
# items, each between the feed's own opening (declaration, root, namespaces, channel) and closing.
FEED_SLICE_BYTES = 1_000_000
_FIRST_ITEM = re.compile(rb"<((?:[\w.-]+:)?(?:item|entry))[\s>]")
_NOT_MARKUP = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.DOTALL)


def feed_slices(body: bytes, size: int | None = None) -> Iterator[bytes]:
    """`body` itself, or, for a feed over `size` bytes (`FEED_SLICE_BYTES`), documents of whole
    items that together hold every item once, made one at a time. An item's end is looked for
    outside CDATA sections and comments, where an `</item>` is text."""
    size = FEED_SLICE_BYTES if size is None else size
    if len(body) <= size:
        yield body
        return
    # CDATA and comments blanked out, so that a tag written inside them is never a cut
    markup = _NOT_MARKUP.sub(lambda m: b" " * len(m.group(0)), body)
    first = _FIRST_ITEM.search(markup)
    if first is None:
        yield body
        return
    item_end = re.compile(rb"</" + re.escape(first.group(1)) + rb"\s*>")
    cuts, start, last_end = [], first.start(), first.start()
    for end in item_end.finditer(markup, first.end()):
        last_end = end.end()
        if last_end - start >= size:
            cuts.append((start, last_end))
            start = last_end
    if last_end > start:
        cuts.append((start, last_end))
    if len(cuts) < 2:
        yield body
        return
    opening, closing = body[: first.start()], body[last_end:]
    for a, b in cuts:
        yield opening + body[a:b] + closing


_EMAIL_AND_NAME = re.compile(r"^\s*\S+@\S+\s*\(([^()@]+)\)\s*$")  # RSS <author>: "desk@site.news (Jo Roe)"


def author_names(entry) -> tuple[str, ...]:
    """The names of an entry's authors (dc:creator, Atom <author><name>, RSS <author>). An RSS
    <author> is an e-mail address with the name in parentheses, or without one; feedparser
    splits it only for short top-level domains, so it is read here."""
    people = [a for a in entry.get("authors") or [] if isinstance(a, dict)]
    raw = entry.get("author") or ""
    if len(people) <= 1 and "@" in raw:
        whole = _EMAIL_AND_NAME.match(raw)
        return (whole.group(1).strip(),) if whole else ()
    names = (a.get("name") for a in people)
    return tuple(n.strip() for n in names if isinstance(n, str) and n.strip() and not re.search(r"[()@]", n))


def entry_link(entry) -> str | None:
    """The entry's article link: its alternate link, else its only link, else an id that is a URL
    (Atom entries may carry nothing but `<id>`; RSS a permalink `<guid>`)."""
    links = entry.get("links") or []
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    if entry.get("link"):
        return entry["link"]
    identifier = entry.get("id") or ""
    if identifier.startswith(("http://", "https://")) and entry.get("guidislink", True):
        return identifier
    return None


def parse_json_feed(body: bytes, base_url: str) -> Feed:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return Feed()
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_VERSION):
        return Feed()
    feed = Feed(is_feed=True)
    for item in data.get("items") or []:
        if not isinstance(item, dict):
            feed.unusable += 1
            continue
        identifier = item.get("id") if str(item.get("id", "")).startswith("http") else None
        url = absolute_http_url(item.get("url") or item.get("external_url") or identifier, base_url)
        if url is None:
            feed.unusable += 1
            continue
        title = item.get("title") if isinstance(item.get("title"), str) else None
        people: list = item["authors"] if isinstance(item.get("authors"), list) else [item.get("author")]  # 1.1, 1.0
        authors = tuple(p["name"] for p in people if isinstance(p, dict) and isinstance(p.get("name"), str) and p["name"])
        feed.entries.append(FeedEntry(url, title, item.get("date_published") or None, authors))
    return feed
