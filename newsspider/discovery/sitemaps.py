"""Sitemaps, sitemap indexes, news sitemaps (gzipped or not) and robots.txt `Sitemap:` lines."""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass

from lxml import etree

from . import local_name

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)


@dataclass
class SitemapEntry:
    url: str
    lastmod: str | None = None
    news_title: str | None = None
    news_published: str | None = None


@dataclass
class Sitemap:
    kind: str  # "index", "urlset" or "invalid"
    entries: list[SitemapEntry]


def gunzip_bounded(body: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes | None:
    """Inflate a gzipped sitemap, refusing more than `limit` bytes (a gzip bomb stays small)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as handle:
            data = handle.read(limit + 1)
    except (OSError, EOFError):
        return None
    return None if len(data) > limit else data


def parse_sitemap(body: bytes) -> Sitemap:
    if body[:2] == b"\x1f\x8b":
        body = gunzip_bounded(body) or b""
    if b"<urlset" not in body[:4096] and b"<sitemapindex" not in body[:4096]:
        return Sitemap("invalid", [])
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:
        return Sitemap("invalid", [])
    if root is None:
        return Sitemap("invalid", [])
    kind = "index" if local_name(root.tag) == "sitemapindex" else "urlset"
    entries: list[SitemapEntry] = []
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
            elif name == "title" and child.getparent() is not None and local_name(child.getparent().tag) == "news":
                entry.news_title = text or None
            elif name == "publication_date":
                entry.news_published = text or None
        if entry.url:
            entries.append(entry)
    return Sitemap(kind, entries)


def robots_sitemaps(robots_txt: str) -> list[str]:
    return [m.strip() for m in re.findall(r"(?im)^\s*sitemap\s*:\s*(\S+)", robots_txt)]
