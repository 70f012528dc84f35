"""Article metadata from the page's own declarations: schema.org JSON-LD, Open Graph, meta tags,
`<link rel=canonical>`, bylines and `<time>` elements. Each field takes the strongest signal
present; none of it reads the body text.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
from dateutil import parser as dateparser

from .document import element_text, normalize_space
from .urls import strip_tracking

ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
    "techarticle", "scholarlyarticle", "report", "satiricalarticle", "askpublicnewsarticle",
}

# Link texts that point at the original of a republished story.
SOURCE_LINK_TEXT = re.compile(
    r"^\s*(source link|source|original source|original article|read the original( article)?|"
    r"originally published (at|on|in|by).*|lien source|source originale|article original|"
    r"quelle|originalartikel|fuente|enlace original|fonte|link originale|bron|источник)\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    modified_at: str | None = None
    canonical_url: str | None = None
    source_url: str | None = None
    site_name: str | None = None
    description: str | None = None
    page_type: str | None = None  # og:type or the JSON-LD @type of the main entity
    jsonld_body: str | None = None
    declared_language: str | None = None  # <html lang>
    og_locale: str | None = None
    meta_language: str | None = None  # <meta http-equiv="content-language">


def meta_values(tree) -> dict[str, str]:
    """First non-empty content of every <meta> by property/name/itemprop (names as written)."""
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = normalize_space(element.get("content") or "")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = element.get(attr)
            if key and key not in values:
                values[key] = content
    return values


def _first(metas: dict[str, str], *names: str) -> str | None:
    return next((metas[n] for n in names if n in metas), None)


def jsonld_objects(tree) -> list[dict]:
    """Every JSON-LD object in the page, @graph and lists flattened; broken blocks skipped."""
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:  # trailing commas and stray control characters are common
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return found


def _types(obj: dict) -> set[str]:
    value = obj.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values}


def main_jsonld_article(objects: list[dict]) -> dict | None:
    candidates = [o for o in objects if _types(o) & ARTICLE_TYPES]
    if not candidates:
        return None
    # The one with a body or headline is the page's own story, not a teaser in a list.
    return max(candidates, key=lambda o: (bool(o.get("articleBody")), bool(o.get("headline"))))


def _names(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, str):
        return [value]
    return []


_BY_PREFIX = re.compile(r"^\s*(by|par|von|por|di|door|av|af|от|written by|texte?|text)\s*[:\-]?\s+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|&|\|)\s*", re.IGNORECASE)


def clean_authors(raw_names: list[str]) -> list[str]:
    """Names without "By", split at "and"/commas, URLs and duplicates dropped (case-insensitive)."""
    authors: list[str] = []
    seen: set[str] = set()
    for raw in raw_names:
        raw = normalize_space(_BY_PREFIX.sub("", normalize_space(raw)))
        if not raw or raw.startswith(("http://", "https://", "/")):
            continue
        parts = _AUTHOR_SPLIT.split(raw)
        # "Smith, John" is one name; split only when every part looks like a full name.
        if len(parts) > 1 and not all(" " in p.strip() for p in parts if p.strip()):
            parts = [raw]
        for name in parts:
            name = name.strip(" .·|-–—")
            key = name.lower()
            if 2 <= len(name) <= 80 and key not in seen and not re.search(r"\d{3,}|@", name):
                seen.add(key)
                authors.append(name)
    return authors[:20]


def normalize_date(value: str | None) -> str | None:
    """ISO 8601 for any common date spelling; None when it is not a date."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value if normalize_date(value + "T12:00:00") else None  # a date alone stays a date
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            with warnings.catch_warnings():  # "CEST" and friends: parsed as naive, not an error
                warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
                parsed = dateparser.parse(value, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None
    if parsed is None or not 1990 <= parsed.year <= 2100:
        return None
    return parsed.isoformat()


def _first_date(*values) -> str | None:
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        normalized = normalize_date(value if isinstance(value, str) else None)
        if normalized:
            return normalized
    return None


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_,;\s]", value.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _title_without_site(title: str, site_name: str | None) -> str:
    if site_name and site_name.lower() in title.lower():
        for separator in (" | ", " - ", " – ", " — ", " :: ", " · ", " » "):
            parts = title.split(separator)
            if len(parts) > 1:
                kept = [p for p in parts if site_name.lower() not in p.lower()]
                if kept:
                    return separator.join(kept).strip()
    return title.strip()


def find_source_link(tree, page_url: str) -> str | None:
    """The original of a republished story: declared, or the page's "Source link" anchor."""
    declared = tree.xpath(
        '//link[@rel="original-source"]/@href | //meta[@name="original-source"]/@content'
        ' | //meta[@name="syndication-source"]/@content'
    )
    if declared:
        return urljoin(page_url, declared[0].strip())
    page_host = urlsplit(page_url).hostname
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href or not SOURCE_LINK_TEXT.match(element_text(anchor) or ""):
            continue
        target = urljoin(page_url, href.strip())
        if urlsplit(target).scheme in ("http", "https") and urlsplit(target).hostname != page_host:
            return target
    return None


def extract_metadata(
    tree: lxml.html.HtmlElement, url: str, *, title_css: str | None = None
) -> Metadata:
    """Every declared fact about the article; `tree` is the page as served (before widget removal)."""
    objects = jsonld_objects(tree)
    metas = meta_values(tree)
    article = main_jsonld_article(objects) or {}
    publisher = article.get("publisher") if isinstance(article.get("publisher"), dict) else {}
    web_site = next((o for o in objects if "website" in _types(o)), {})
    meta = Metadata()

    meta.site_name = normalize_space(
        _first(metas, "og:site_name", "application-name")
        or (publisher or {}).get("name", "")
        or web_site.get("name", "")
    ) or None

    title = None
    if title_css:
        nodes = tree.cssselect(title_css)
        title = element_text(nodes[0]) if nodes else None
    title = title or article.get("headline") or _first(metas, "og:title", "twitter:title")
    if not title:
        h1 = tree.xpath("//article//h1 | //h1")
        title = element_text(h1[0]) if h1 else None
    if not title:
        title_tag = tree.find(".//title")
        title = element_text(title_tag) if title_tag is not None else None
    if isinstance(title, str) and normalize_space(title):
        meta.title = _title_without_site(normalize_space(title), meta.site_name)

    raw_authors = _names(article.get("author"))
    if not raw_authors:
        raw_authors = [a for a in tree.xpath('//meta[@name="author" or @property="article:author" or @name="byl" or @name="sailthru.author"]/@content')]
    if not raw_authors:
        raw_authors = [element_text(e) for e in tree.xpath(
            '//*[@itemprop="author"]//*[@itemprop="name"] | //a[@rel="author"] | //*[@class and contains(concat(" ", normalize-space(@class), " "), " byline ")]'
        )]
    meta.authors = clean_authors(raw_authors)

    meta.published_at = _first_date(
        article.get("datePublished"),
        _first(metas, "article:published_time", "datePublished", "og:published_time", "pubdate",
              "publishdate", "publish-date", "date", "DC.date.issued", "dcterms.created",
              "parsely-pub-date", "sailthru.date"),
        *tree.xpath('//*[@itemprop="datePublished"]/@datetime | //time[@datetime]/@datetime')[:1],
        article.get("dateCreated"),
    )
    meta.modified_at = _first_date(
        article.get("dateModified"),
        _first(metas, "article:modified_time", "og:updated_time", "dateModified", "last-modified",
              "dcterms.modified"),
        *tree.xpath('//*[@itemprop="dateModified"]/@datetime')[:1],
    )

    canonical = tree.xpath('//link[@rel="canonical"]/@href') or [_first(metas, "og:url") or ""]
    canonical_url = canonical[0].strip() if canonical and canonical[0] else ""
    meta.canonical_url = strip_tracking(urljoin(url, canonical_url)) if canonical_url else strip_tracking(url)

    meta.source_url = find_source_link(tree, url)
    if not meta.source_url:
        based_on = article.get("isBasedOn") or article.get("isBasedOnUrl")
        if isinstance(based_on, dict):
            based_on = based_on.get("url") or based_on.get("@id")
        if isinstance(based_on, str) and based_on.startswith("http"):
            meta.source_url = based_on

    meta.description = _first(metas, "og:description", "description", "twitter:description")
    og_type = _first(metas, "og:type")
    meta.page_type = (og_type or "").lower() or next(iter(_types(article)), None)
    body = article.get("articleBody")
    meta.jsonld_body = body.strip() if isinstance(body, str) and body.strip() else None

    root = tree.getroottree().getroot()
    meta.declared_language = _language_code(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))
    meta.og_locale = _language_code(_first(metas, "og:locale"))
    http_equiv = tree.xpath('//meta[translate(@http-equiv, "CONTENTLANGUAGE", "contentlanguage")="content-language"]/@content')
    meta.meta_language = _language_code(http_equiv[0]) if http_equiv else None
    return meta
