"""Items: `Page` travels through the pipelines; `Article` is what is written out.

Both are plain dataclasses read through itemadapter. `Article`'s fields are the JSON Lines schema
(`newsspider/schema/article.schema.json`, version `SCHEMA_VERSION`); change them together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the stage results; extraction imports this module, not the other way round
    from .extraction.article import Body
    from .extraction.document import Document
    from .extraction.language import Languages
    from .extraction.metadata import Metadata

SCHEMA_VERSION = "1.4.0"


@dataclass
class Page:
    """A fetched page on its way to becoming an article; each pipeline fills its part."""

    url: str
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names, first value
    fetched_with: str = "http"
    spider: str = ""
    crawled_at: str = ""
    site_name: str | None = None  # from the site configuration, when the page does not say
    listed_published: str | None = None  # the feed's or news sitemap's date for the URL: used when the page declares none
    listed_authors: tuple[str, ...] = ()  # the feed item's authors: used when the page names no one
    title_css: str | None = None
    body_css: str | None = None
    # Filled by the stages of newsspider.extraction.stages, in order:
    document: Document | None = None  # decode: text, encoding and the tree as served
    clean_tree: Any = None  # widgets: a copy of the tree without widgets and scripts, for the body
    widgets: dict[str, int] = field(default_factory=dict)  # widgets: removed blocks by kind
    metadata: Metadata | None = None  # extraction: title, authors, dates, links, declared languages
    article_body: Body | None = None  # extraction: the article text
    languages: Languages | None = None  # language: article, paragraphs, chrome
    notes: list[str] = field(default_factory=list)  # repairs made on the way (charset, nesting)


@dataclass
class Article:
    """One cleaned article: one line of the JSON Lines output."""

    url: str
    canonical_url: str
    source_url: str | None
    site_name: str | None
    title: str | None
    authors: list[str]
    published_at: str | None
    modified_at: str | None
    text: str
    word_count: int
    article_language: str | None
    article_language_confidence: float
    paragraph_languages: list[dict[str, Any]]
    chrome_language: str | None
    chrome_language_confidence: float
    chrome_language_evidence: dict[str, Any]
    chrome_languages: list[dict[str, Any]]
    language_mismatch: bool
    removed_widgets: dict[str, int]
    fetched_with: str
    crawled_at: str
    spider: str
    revision: int = 1  # 1 when first emitted; +1 each time a later crawl finds the body changed
    schema_version: str = SCHEMA_VERSION
