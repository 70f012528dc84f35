"""The article body: the text a reader came for, paragraphs separated by one blank line.

Signals, strongest first:
1. a per-site CSS override for the body (site configuration);
2. the generic main-content method, trafilatura, run on the page *after* widget removal so it never
   sees ads, comment threads or related-story lists (comments off: `include_comments=False`);
3. schema.org `articleBody` when it holds clearly more of the story than the generic method found;
4. our own densest-paragraph-block fallback when trafilatura finds nothing.
Then trailers ("Source link", "Read more"), ad labels, repeated bylines and a duplicated lead go.
"""

from __future__ import annotations

import copy
import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass

import lxml.html

from .document import element_text, normalize_space
from .metadata import BYLINE_PREFIX, SOURCE_LINK_TEXT, normalize_date
from .vocabulary import DATELINE_WORDS, PAYWALL_PITCHES, PLAYER_TEXT, TRAILERS, compiled
from .widgets import article_anchor, densest_paragraph_chars, is_ad_label

_TRAILERS = compiled(r"^{}\s*[:.…]*$", TRAILERS)
# Media-player and embed chrome that main-content methods let through (video.js and friends).
_PLAYER_TEXT = compiled(r"^{}$", PLAYER_TEXT)
_PAYWALL_PITCH = compiled(r"{}", PAYWALL_PITCHES)
PITCH_MAX_CHARS = 200  # a pitch is a line or two; a paragraph of the story that mentions subscribers is longer
_CODE_CHARS = re.compile(r"[{}\[\]<>=;\\|\"]")
_DATELINE = compiled(r"^{}( on| le| am| el)?\b.{0,60}\b(19|20)\d{2}\b.{0,20}$", DATELINE_WORDS)
_BYLINE = BYLINE_PREFIX  # one list of "By"s for the body and the metadata


@dataclass
class Body:
    text: str
    method: str  # "css", "generic", "jsonld", "fallback" or "none"


def paragraphs_of(text: str) -> list[str]:
    return [p for p in (normalize_space(line) for line in re.split(r"\n+", text or "")) if p]


# trafilatura's fast path (no readability/justext comparison) is kept when it finds at least this
# much text and most of the page's densest paragraph block; the full cascade runs otherwise. On the
# 262 eval pages the two agree on 252, the full one runs on 24, and extraction is about 10 % cheaper.
FAST_PATH_MIN_CHARS = 500
FAST_PATH_MIN_SHARE_OF_BLOCK = 0.6


@functools.cache
def _trafilatura_options(fast: bool):
    """trafilatura's settings for the body, built once: `extract()` builds them from its keyword
    arguments at every call, reading a dozen values from its ConfigParser (a tenth of its time on
    a short page)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="txt", fast=fast, comments=False, tables=True, images=False, links=False,
                     precision=False, dedup=False, with_metadata=False)


class _NoTextIsOurDropReason(logging.Filter):
    """trafilatura warns "discarding data" for a page it finds no text in (a menu, a script
    shell), once per try. The article test then drops that page with its own counted reason
    (`no_body`, `too_short`, `script_shell`): the warning would be a second, uncounted report of
    one outcome, on a page that is not a problem of the crawl."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.WARNING and str(record.msg).startswith("discarding data"))


logging.getLogger("trafilatura.core").addFilter(_NoTextIsOurDropReason())


def _generic(tree, url: str | None, *, block_chars: int = 0) -> str:
    """trafilatura's text of the page; `block_chars`: the text of the page's densest paragraph
    block (`densest_paragraph_chars`), what a good extraction holds at least most of."""
    import trafilatura

    def extract(fast: bool) -> str:
        options = copy.copy(_trafilatura_options(fast))
        options.url = url
        options.source = url and url.encode("utf-8", "replace").decode("utf-8")  # as Extractor() sets it
        # trafilatura copies a tree it is given: no serialising and parsing again
        return trafilatura.extract(tree, options=options) or ""

    text = extract(fast=True)
    if len(text) >= FAST_PATH_MIN_CHARS and len(text) >= FAST_PATH_MIN_SHARE_OF_BLOCK * block_chars:
        return text
    return extract(fast=False)


_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre")


def _outer_blocks(node) -> list:
    """Paragraph-level blocks under `node`, skipping blocks nested in other blocks."""
    found = []
    for element in node.iter(*_BLOCKS):
        ancestor = element.getparent()
        while ancestor is not None and ancestor is not node and ancestor.tag not in _BLOCKS:
            ancestor = ancestor.getparent()
        if ancestor is None or ancestor is node:
            found.append(element)
    return found


def _restore_repeats(paragraphs: list[str], tree) -> list[str]:
    """trafilatura keeps one copy of a paragraph the page prints several times; put the page's
    repeats back (long paragraphs only: short repeated lines are boilerplate)."""
    on_page = Counter(normalize_space(p.text_content()) for p in tree.iter("p"))
    kept = Counter(paragraphs)
    restored: list[str] = []
    for paragraph in paragraphs:
        restored.append(paragraph)
        missing = on_page.get(paragraph, 0) - kept[paragraph]
        if missing > 0 and len(paragraph) >= 100:
            restored.extend([paragraph] * missing)
            kept[paragraph] += missing
    return restored


def _css_body(tree, selector: str) -> str:
    blocks: list[str] = []
    for node in tree.cssselect(selector):
        inner = _outer_blocks(node)
        blocks.extend(element_text(e) for e in inner) if inner else blocks.append(element_text(node))
    return "\n".join(b for b in blocks if b)


def _fallback(tree) -> str:
    anchor = article_anchor(tree)
    if anchor is None:
        return ""
    blocks = [element_text(e) for e in anchor if isinstance(e.tag, str) and e.tag in ("p", "h2", "h3", "h4", "ul", "ol", "blockquote")]
    return "\n".join(b for b in blocks if b)


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


# A Chinese or Japanese character is about a word of text (written without spaces): a Japanese
# story's 700 characters are more than a Czech teaser block's 2,000. Korean spaces its words.
_WORD_OR_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")


def _words(text: str) -> int:
    """How much text: words, each Chinese or Japanese character counting as one."""
    return len(_WORD_OR_HAN_KANA.findall(text))


_JSON_PAIR = re.compile(r'"\s*:\s*["{\[\dtfn]')


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def looks_like_data(paragraph: str) -> bool:
    """JSON that leaked into the page text (a broken <svg> makes the parser show a script's data).
    Code samples in technical articles are kept: they do not read as key/value data."""
    return len(paragraph) > 80 and len(_JSON_PAIR.findall(paragraph)) >= 5 and (
        len(_CODE_CHARS.findall(paragraph)) > 0.08 * len(paragraph)
    )


def clean_paragraphs(
    paragraphs: list[str], *, authors: list[str], title: str | None, lead: str | None = None
) -> list[str]:
    """Drop trailers, ad labels, player chrome, leaked code, a repeated title or byline, a lead
    (or short line) printed twice in a row, and a subscription pitch at the end. A long paragraph
    repeated verbatim is kept: nothing says the page did not mean it."""
    author_keys = {a.lower() for a in authors}
    lead_key = (lead or "").lower().strip()
    title_key = _words_key(title or "")
    cleaned: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        lowered = paragraph.lower()
        if (
            is_ad_label(paragraph) or _TRAILERS.match(paragraph) or SOURCE_LINK_TEXT.match(paragraph)
            or _PLAYER_TEXT.match(paragraph) or looks_like_data(paragraph)
        ):
            continue
        if index < 3 and title_key and _words_key(paragraph) == title_key:
            continue  # the headline printed again at the top of the body
        if index < 4 and len(paragraph) < 80 and (_DATELINE.match(paragraph) or normalize_date(paragraph)):
            continue  # a date line: "posted on April 21, 2015, at 11:29 a.m.", "17 April 2024"
        if author_keys and len(paragraph) < 100 and (
            lowered in author_keys or _BYLINE.sub("", lowered).strip(" .") in author_keys
        ):
            continue
        if cleaned and lowered == cleaned[-1].lower() and (len(paragraph) < 150 or lowered == lead_key):
            continue
        cleaned.append(paragraph)
    # A subscription pitch after the story's last paragraph ("Already a subscriber?", "有料会員になると…").
    while len(cleaned) > 1 and len(cleaned[-1]) < PITCH_MAX_CHARS and _PAYWALL_PITCH.search(cleaned[-1]):
        cleaned.pop()
    return cleaned


def extract_body(
    clean_tree: lxml.html.HtmlElement,
    url: str | None = None,
    *,
    body_css: str | None = None,
    jsonld_body: str | None = None,
    authors: list[str] | None = None,
    title: str | None = None,
    lead: str | None = None,
) -> Body:
    """The article text of a page whose widgets were already removed."""
    text, method = "", "none"
    if body_css:
        text, method = _css_body(clean_tree, body_css), "css"
    if not text.strip():
        text, method = _generic(clean_tree, url, block_chars=densest_paragraph_chars(clean_tree)), "generic"
    if jsonld_body and len(jsonld_body) >= 300 and method != "css":
        # articleBody is often a teaser or lacks paragraph breaks: use it when the page text
        # misses a good part of it.
        found = _shingles(text)
        declared = _shingles(jsonld_body)
        if declared and len(declared & found) / len(declared) < 0.6 and _words(jsonld_body) > 1.2 * _words(text):
            text, method = jsonld_body, "jsonld"
    if not text.strip():
        text, method = _fallback(clean_tree), "fallback"
    paragraphs = paragraphs_of(text)
    if method == "generic":
        paragraphs = _restore_repeats(paragraphs, clean_tree)
    paragraphs = clean_paragraphs(paragraphs, authors=authors or [], title=title, lead=lead)
    return Body("\n\n".join(paragraphs), method if paragraphs else "none")
