"""From a fetched page to an article: the cleaning stages, in order, and the one runner.

`run(page)` is what the crawl's pipeline, `newsspider extract`, the tests and the benchmarks call;
`STAGES` is the one place that defines the order. Each stage fills one typed field of the `Page`
(`document`, `clean_tree` and `widgets`, `metadata` and `article_body`, `languages`) and returns a drop
reason or None. No Scrapy here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..items import SCHEMA_VERSION, Article, Page
from ..redaction import clean_url
from .article import extract_body
from .document import Document, NotHtml, decode_html, parse_html, sniff_not_html, strip_hostile
from .language import Languages, article_language, chrome_language, chrome_text, paragraph_languages
from .metadata import extract_metadata
from .urls import strip_tracking
from .validation import not_article_reason, word_count
from .widgets import remove_widgets

# Bodies shorter than this are `too_short` (setting VALIDATION_MIN_WORDS).
DEFAULT_MIN_WORDS = 50


def decode_stage(page: Page) -> str | None:
    """Bytes to text to tree; refuses binary or empty responses, repairs wrong charsets."""
    why = sniff_not_html(page.body, page.headers.get("content-type"))
    if why:
        page.notes.append(why)
        return "empty_page" if why.startswith("empty") else "not_html"
    header_charset = None
    content_type = page.headers.get("content-type", "")
    if "charset=" in content_type.lower():
        header_charset = content_type.lower().split("charset=")[-1].split(";")[0].strip(" \"'")
    decoded = decode_html(page.body, header_charset)
    if decoded.note:
        page.notes.append(decoded.note)
    try:
        tree, note = parse_html(decoded.text)
    except NotHtml as exc:
        page.notes.append(str(exc))
        return "unparseable"
    if note:
        page.notes.append(note)
    page.document = Document(html=decoded.text, encoding=decoded.encoding, tree=tree)
    return None


def widget_stage(page: Page) -> str | None:
    """Copy the tree and take the widgets, and what is not page text (scripts, styles, the
    `<head>`), out of the copy; the original keeps the chrome, the scripts and the metadata."""
    assert page.document is not None, "decode_stage first"
    page.clean_tree = copy.deepcopy(page.document.tree)
    page.widgets = remove_widgets(page.clean_tree).as_dict()
    return None


def extraction_stage(page: Page) -> str | None:
    """Metadata from the page as served; the body from the page without widgets."""
    assert page.document is not None, "decode_stage first"
    meta = page.metadata = extract_metadata(
        page.document.tree, page.url, title_css=page.title_css,
        listed_published=page.listed_published, listed_authors=page.listed_authors,
    )
    page.article_body = extract_body(
        page.clean_tree,
        page.url,
        body_css=page.body_css,
        jsonld_body=meta.jsonld_body,
        authors=meta.authors,
        title=meta.title,
        lead=meta.description,
    )
    return None


def language_stage(page: Page) -> str | None:
    """Article language from the body; chrome language from everything that is not the article."""
    assert page.document is not None and page.metadata is not None and page.article_body is not None, "extraction first"
    meta, text = page.metadata, page.article_body.text
    code, confidence = article_language(text)
    chrome = chrome_language(
        chrome_text(page.document.tree, text, meta.title),
        declared_lang=meta.declared_language,
        og_locale=meta.og_locale,
        content_language=page.headers.get("content-language") or meta.meta_language,
        article_language=code,
    )
    page.languages = Languages(
        article=code,
        article_confidence=confidence,
        paragraphs=paragraph_languages(text, code),
        chrome=chrome,
    )
    return None


def validation_reason(page: Page, *, min_words: int = DEFAULT_MIN_WORDS) -> str | None:
    """Why the page is not an article (listing, login, script shell, too short), else None."""
    assert page.document is not None and page.metadata is not None and page.article_body is not None, (
        "extraction_stage first")
    return not_article_reason(
        page.clean_tree, page.url, page.article_body.text, page_type=page.metadata.page_type, min_words=min_words,
        served=page.document.tree,
    )


def to_article(page: Page) -> Article:
    meta, body, languages = page.metadata, page.article_body, page.languages
    assert meta is not None and body is not None and languages is not None, "every stage first"
    chrome = languages.chrome
    return Article(
        url=clean_url(page.url),
        canonical_url=clean_url(meta.canonical_url or strip_tracking(page.url)),
        source_url=meta.source_url,
        site_name=strip_hostile(meta.site_name or page.site_name or "") or None,
        title=strip_hostile(meta.title or "") or None,
        authors=[name for name in (strip_hostile(a) for a in meta.authors) if name],
        published_at=meta.published_at,
        modified_at=meta.modified_at,
        text=strip_hostile(body.text),
        word_count=word_count(body.text),
        article_language=languages.article,
        article_language_confidence=languages.article_confidence,
        paragraph_languages=languages.paragraphs,
        chrome_language=chrome.language,
        chrome_language_confidence=chrome.confidence,
        chrome_language_evidence=chrome.evidence,
        chrome_languages=chrome.shares,
        language_mismatch=languages.mismatch,
        removed_widgets=page.widgets,
        fetched_with=page.fetched_with,
        crawled_at=page.crawled_at,
        spider=page.spider,
        schema_version=SCHEMA_VERSION,
    )


Stage = Callable[[Page], "str | None"]
# The one order of the cleaning stages.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("decode", decode_stage),
    ("widgets", widget_stage),
    ("extraction", extraction_stage),
    ("language", language_stage),
)


@dataclass
class Outcome:
    """What became of one page: the article (None when the page was not even HTML) and, when a
    crawl would drop it, why. `notes` are the repairs made on the way (charset, nesting)."""

    article: Article | None
    drop_reason: str | None
    notes: list[str]


def run(page: Page, *, min_words: int = DEFAULT_MIN_WORDS, skip: Iterable[str] = ()) -> Outcome:
    """Run every stage on one page, then the article test. `skip` names stages to leave out
    (benchmarks time the language stage apart); a page run without them is not validated."""
    skipped = set(skip)
    for name, stage in STAGES:
        if name in skipped:
            continue
        reason = stage(page)
        if reason:
            return Outcome(None, reason, page.notes)
    if skipped:
        return Outcome(None, None, page.notes)
    return Outcome(to_article(page), validation_reason(page, min_words=min_words), page.notes)
