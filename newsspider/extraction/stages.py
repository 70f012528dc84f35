"""The cleaning stages, in order, each filling its part of a `Page` and returning a drop reason
(or None). The item pipelines are thin wrappers around these; `extract_article` runs them all
without Scrapy, for `newsspider extract`, tests and benchmarks.
"""

from __future__ import annotations

import copy

from ..items import SCHEMA_VERSION, Article, Page
from .article import extract_body
from .document import NotHtml, decode_html, parse_html, sniff_not_html
from .language import article_language, chrome_language, chrome_text, paragraph_languages
from .metadata import extract_metadata
from .urls import strip_tracking
from .validation import not_article_reason, word_count
from .widgets import remove_widgets


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
    page.html, page.encoding = decoded.text, decoded.encoding
    try:
        page.tree, note = parse_html(decoded.text)
    except NotHtml as exc:
        page.notes.append(str(exc))
        return "unparseable"
    if note:
        page.notes.append(note)
    return None


def widget_stage(page: Page) -> str | None:
    """Copy the tree and take the widgets out of the copy; the original keeps the chrome."""
    page.clean_tree = copy.deepcopy(page.tree)
    page.removed_widgets = remove_widgets(page.clean_tree).as_dict()
    return None


def extraction_stage(page: Page) -> str | None:
    meta = extract_metadata(page.tree, page.url, title_css=page.title_css)
    body = extract_body(
        page.clean_tree,
        page.url,
        body_css=page.body_css,
        jsonld_body=meta.jsonld_body,
        authors=meta.authors,
        title=meta.title,
        lead=meta.description,
    )
    page.extracted.update(
        title=meta.title,
        authors=meta.authors,
        published_at=meta.published_at,
        modified_at=meta.modified_at,
        canonical_url=meta.canonical_url or strip_tracking(page.url),
        source_url=meta.source_url,
        site_name=meta.site_name or page.site_name,
        page_type=meta.page_type,
        text=body.text,
        body_method=body.method,
        word_count=word_count(body.text),
        declared_language=meta.declared_language,
        og_locale=meta.og_locale,
        meta_language=meta.meta_language,
    )
    return None


def language_stage(page: Page) -> str | None:
    found = page.extracted
    code, confidence = article_language(found["text"])
    chrome = chrome_language(
        chrome_text(page.tree, found["text"], found["title"]),
        declared_lang=found["declared_language"],
        og_locale=found["og_locale"],
        content_language=page.headers.get("content-language") or found["meta_language"],
    )
    found.update(
        article_language=code,
        article_language_confidence=confidence,
        paragraph_languages=paragraph_languages(found["text"], code),
        chrome_language=chrome.language,
        chrome_language_confidence=chrome.confidence,
        chrome_language_evidence=chrome.evidence,
        language_mismatch=bool(code and chrome.language and code != chrome.language),
    )
    return None


def validation_stage(page: Page, *, min_words: int = 50) -> str | None:
    found = page.extracted
    return not_article_reason(
        page.clean_tree, page.url, found["text"], page_type=found["page_type"], min_words=min_words
    )


def to_article(page: Page) -> Article:
    found = page.extracted
    return Article(
        url=page.url,
        canonical_url=found["canonical_url"],
        source_url=found["source_url"],
        site_name=found["site_name"],
        title=found["title"],
        authors=found["authors"],
        published_at=found["published_at"],
        modified_at=found["modified_at"],
        text=found["text"],
        word_count=found["word_count"],
        article_language=found["article_language"],
        article_language_confidence=found["article_language_confidence"],
        paragraph_languages=found["paragraph_languages"],
        chrome_language=found["chrome_language"],
        chrome_language_confidence=found["chrome_language_confidence"],
        chrome_language_evidence=found["chrome_language_evidence"],
        language_mismatch=found["language_mismatch"],
        removed_widgets=page.removed_widgets,
        fetched_with=page.fetched_with,
        crawled_at=page.crawled_at,
        spider=page.spider,
        schema_version=SCHEMA_VERSION,
    )


STAGES = (decode_stage, widget_stage, extraction_stage, language_stage)


def extract_article(page: Page) -> tuple[Article | None, str | None]:
    """Run every stage on one page: (article, None), or (article or None, reason) when it is not one."""
    for stage in STAGES:
        reason = stage(page)
        if reason:
            return None, reason
    return to_article(page), validation_stage(page)
