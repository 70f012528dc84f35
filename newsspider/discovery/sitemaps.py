"""Sitemaps as ultimate-sitemap-parser reads them: XML urlsets and indexes (Google News entries
marked), gzipped or not, plain-text sitemaps, feeds listed as sitemaps, and robots.txt
`Sitemap:` lines in every spelling, relative ones included. A sitemap cut short loses only its
cut entry; one bad line never loses the rest."""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass, field

from lxml import etree

from . import local_name
from .feeds import absolute_http_url, parse_feed

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
_ROBOTS_SITEMAP = re.compile(r"(?im)^[ \t]*site[-_ ]?map[ \t]*:[ \t]*(\S+)")
_XML_ROOT = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?(urlset|sitemapindex)[\s>]")


@dataclass
class SitemapEntry:
    url: str
    lastmod: str | None = None
    news: bool = False  # a Google News entry (<news:news>): a story, whatever its URL looks like
    news_title: str | None = None
    news_published: str | None = None


@dataclass
class Sitemap:
    kind: str  # "index", "urlset", "text", "feed" or "invalid"
    entries: list[SitemapEntry] = field(default_factory=list)
    dropped: int = 0  # entries without a usable URL (cut, malformed)


def gunzip_bounded(body: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes | None:
    """Inflate a gzipped sitemap, refusing more than `limit` bytes (a gzip bomb stays small)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as handle:
            data = handle.read(limit + 1)
    except (OSError, EOFError):
        return None
    return None if len(data) > limit else data


def parse_sitemap(body: bytes, url: str = "") -> Sitemap:
    if body[:2] == b"\x1f\x8b":
        body = gunzip_bounded(body) or b""
    head = body[:65536]
    if _XML_ROOT.search(head):
        return parse_xml_sitemap(body, url)
    feed = parse_feed(body, url)
    if feed.is_feed:
        return Sitemap("feed", [SitemapEntry(e.url) for e in feed.entries], feed.unusable)
    return parse_text_sitemap(body, url)


def parse_xml_sitemap(body: bytes, url: str) -> Sitemap:
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:
        return Sitemap("invalid")
    if root is None:
        return Sitemap("invalid")
    kind = "index" if local_name(root.tag) == "sitemapindex" else "urlset"
    sitemap = Sitemap(kind)
    for node in root:
        if local_name(node.tag) not in ("url", "sitemap"):
            continue
        entry = SitemapEntry(url="")
        for child in node.iter():
            name = local_name(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and not entry.url:
                entry.url = text
            elif name == "lastmod":
                entry.lastmod = text or None
            elif name == "news":
                entry.news = True
            elif name == "title" and child.getparent() is not None and local_name(child.getparent().tag) == "news":
                entry.news_title = text or None
            elif name == "publication_date":
                entry.news_published = text or None
        absolute = absolute_http_url(entry.url, url) if entry.url else None
        if absolute is None:
            sitemap.dropped += 1
            continue
        entry.url = absolute
        sitemap.entries.append(entry)
    if sitemap.entries and not re.search(rb"</(?:[A-Za-z0-9_-]+:)?(urlset|sitemapindex)\s*>", body[-4096:]):
        # Cut short: the parser recovered the last entry from whatever was there. Keep it only
        # if its <loc> was closed.
        last = sitemap.entries[-1]
        if not re.search(re.escape(last.url.encode()) + rb"\s*</(?:[A-Za-z0-9_-]+:)?loc>", body[-65536:]):
            sitemap.entries.pop()
            sitemap.dropped += 1
    return sitemap


def parse_text_sitemap(body: bytes, url: str) -> Sitemap:
    """One URL per line (the protocol's text format); anything else is not a sitemap."""
    text = body.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or lines[0].startswith("<"):
        return Sitemap("invalid")
    sitemap = Sitemap("text")
    for line in lines:
        absolute = absolute_http_url(line, url) if line.startswith(("http://", "https://")) else None
        if absolute is None:
            sitemap.dropped += 1
            continue
        sitemap.entries.append(SitemapEntry(absolute))
    if len(sitemap.entries) < len(lines) / 2:
        return Sitemap("invalid")
    return sitemap


def robots_sitemaps(robots_txt: str, robots_url: str = "") -> list[str]:
    """The `Sitemap:` lines of a robots.txt (also `Site-map:`, any case), relative ones made
    absolute against the robots.txt URL; a line that is not a URL is skipped, not fatal."""
    found = []
    for value in _ROBOTS_SITEMAP.findall(robots_txt):
        absolute = absolute_http_url(value, robots_url)
        if absolute:
            found.append(absolute)
    return found
