"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds to the article links they announce."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from . import local_name

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None


def is_feed(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return any(marker in head for marker in (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf "))


def parse_feed(body: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of a feed, in feed order; [] for anything that is not a feed."""
    if not is_feed(body):
        return []
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    entries: list[FeedEntry] = []
    for node in root.iter():
        name = local_name(node.tag)
        if name not in ("item", "entry"):
            continue
        link = title = published = None
        for child in node:
            child_name = local_name(child.tag)
            if child_name == "link":
                href = child.get("href")
                if href and child.get("rel", "alternate") == "alternate":
                    link = link or href
                elif child.text and child.text.strip():
                    link = link or child.text.strip()
            elif child_name == "guid" and child.get("isPermaLink", "true") == "true" and child.text:
                link = link or child.text.strip() if child.text.strip().startswith("http") else link
            elif child_name == "title":
                title = (child.text or "").strip() or None
            elif child_name in ("pubdate", "published", "updated", "date"):
                published = published or (child.text or "").strip() or None
        if link is None and node.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"):
            link = node.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        if link:
            entries.append(FeedEntry(urljoin(base_url, link), title, published))
    return entries
