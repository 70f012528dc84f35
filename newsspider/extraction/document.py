"""From response bytes to a parsed HTML tree: refuse what is not HTML, repair mislabelled charsets.

Scrapy decodes by the Content-Type header first; a Shift_JIS page sent as UTF-8 then decodes with
replacement characters and no log line. `decode_html` checks the result and falls back to the
page's own `<meta charset>` and then to detection, reporting what it did. The text is composed
(Unicode NFC): a CMS that stores "ä" as "a" plus a combining mark would otherwise read as other
words than the same text typed on another machine, to the comparisons and the word lists alike.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import lxml.html
from lxml import etree
from w3lib.encoding import html_body_declared_encoding, html_to_unicode, resolve_encoding

# Tags whose text is never page text.
NON_TEXT_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas")

_BINARY_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"PK\x03\x04", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"RIFF", "riff"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
    (b"\x00\x00\x00", "binary"),
)
_HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


class NotHtml(ValueError):
    """The bytes are not an HTML page; the message says why."""


@dataclass
class DecodedPage:
    text: str
    encoding: str
    note: str | None = None  # set when the declared charset was wrong and was repaired


@dataclass
class Document:
    """A decoded, parsed page as served (before widget removal)."""

    html: str
    encoding: str
    tree: lxml.html.HtmlElement


def sniff_not_html(body: bytes, content_type: str | None) -> str | None:
    """Why `body` is not an HTML page, or None when it may be one."""
    if not body or body.isspace():  # isspace() stops at the first character; strip() copies the page
        return "empty response body"
    head = body[:16]
    for signature, kind in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return f"binary content ({kind}) where a page was expected"
    media = (content_type or "").split(";")[0].strip().lower()
    if media and not media.startswith(_HTML_CONTENT_TYPES) and not media.endswith("+xml"):
        if b"<html" not in body[:2048].lower():
            return f"content type {media!r} is not HTML"
    if b"\x00" in body[:4096] and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary content (NUL bytes) where a page was expected"
    return None


def _replacement_share(text: str) -> float:
    return text.count("\ufffd") / max(1, len(text))


_UTF8_LABELS = ("utf-8", "utf8", "utf_8")
# Unicode labels, which _decoded does not second-guess (UTF-16 text is valid UTF-8 too, NULs and all).
_UNICODE_LABELS = (*_UTF8_LABELS, "utf-16", "utf-32", "utf_16", "utf_32")


def decode_html(body: bytes, header_encoding: str | None = None) -> DecodedPage:
    """Decode page bytes: BOM, then header, then `<meta charset>`, checked for replacement
    characters; the text composed (NFC)."""
    decoded = _decoded(body, header_encoding)
    if _may_be_decomposed(body, decoded.encoding) and not unicodedata.is_normalized("NFC", decoded.text):
        decoded.text = unicodedata.normalize("NFC", decoded.text)
    return decoded


# In UTF-8, the combining diacritics (U+0300-U+036F) start with byte CC or CD, and Hangul's
# conjoining jamo (U+1100-U+11FF) with E1 84-87: text without them is composed already. Looking for
# those bytes costs a tenth of a millisecond; asking Python whether 300,000 characters are NFC, 1-3 ms.
_JAMO_UTF8 = re.compile(rb"\xe1[\x84-\x87]")


def _may_be_decomposed(body: bytes, encoding: str) -> bool:
    if not encoding.lower().startswith(_UTF8_LABELS):
        return True  # (rare: other encodings are checked in full)
    return b"\xcc" in body or b"\xcd" in body or (b"\xe1" in body and _JAMO_UTF8.search(body) is not None)


def _decoded(body: bytes, header_encoding: str | None) -> DecodedPage:
    encoding, text = html_to_unicode(
        f"text/html; charset={header_encoding}" if header_encoding else None, body
    )
    if not encoding.lower().startswith(_UNICODE_LABELS) and not body.isascii():
        # Another label over UTF-8 bytes (a second <meta>, a server default, a page converted and
        # its label left): a single-byte label never fails to decode, and GBK or Shift_JIS read
        # UTF-8 as other characters with few replacement ones, so the check below cannot catch it
        # ("für" as "fÃ¼r", "新电脑" as "鏂扮數鑴"). Text in those encodings is almost never valid
        # UTF-8 by accident.
        try:
            return DecodedPage(body.decode("utf-8"), "utf-8", note=f"declared charset {encoding!r}, but the bytes are UTF-8")
        except UnicodeDecodeError:
            pass
    if _replacement_share(text) < 0.0005:
        return DecodedPage(text, encoding)
    candidates: list[str] = []
    declared = html_body_declared_encoding(body)
    if declared:
        candidates.append(resolve_encoding(declared) or declared)
    try:
        from charset_normalizer import from_bytes  # ships with trafilatura

        best = from_bytes(body[:200_000]).best()
        if best is not None:
            candidates.append(best.encoding)
    except ImportError:  # pragma: no cover - dependency of trafilatura
        pass
    for candidate in candidates:
        try:
            repaired = body.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
        if _replacement_share(repaired) < _replacement_share(text):
            return DecodedPage(
                repaired,
                candidate,
                note=f"declared charset {encoding!r} gave {text.count(chr(0xFFFD))} replacement "
                f"characters; decoded as {candidate!r}",
            )
    return DecodedPage(text, encoding, note=f"{text.count(chr(0xFFFD))} undecodable characters kept")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
# Every element an HtmlElement, chosen in C. lxml.html's own lookup is a Python call for each
# element proxy (1.15 million on the 262 eval pages, 3 % of extraction) only to give forms and
# inputs their own classes, which nothing here uses.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
))


_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.IGNORECASE)
_WRAPPER_TAGS = re.compile(r"</?(div|span|section|font|center)\b[^>]*>", re.IGNORECASE)
# When wrappers were not the cause (3,000 nested <em> or <blockquote>): every tag but those that
# carry the page's structure and metadata.
_ANY_NESTING_TAG = re.compile(
    r"</?(?!(?:p|h[1-6]|br|li|ul|ol|html|head|body|title|meta|link|article|main|a|script|style|time|noscript)\b)"
    r"[a-zA-Z][a-zA-Z0-9-]*\b[^>]*>")


def parse_html(text: str) -> tuple[lxml.html.HtmlElement, str | None]:
    """Parse page text into an lxml tree, with a note when the page had to be repaired.

    libxml2 stops at 2,048 nested elements and silently drops the rest; when it reports that,
    wrapper tags are removed and the page parsed again.
    Raises NotHtml when nothing parseable is left.
    """
    text = _XML_DECLARATION.sub("", text)  # lxml refuses str input with an encoding declaration
    if not text.strip():
        raise NotHtml("empty page")
    note = None
    opening = _TITLE_OPEN.search(text)
    if opening and not _TITLE_CLOSE.search(text, opening.end()):
        # An unclosed <title> swallows the whole page as title text: close it at the next tag.
        end = text.find("<", opening.end())
        end = len(text) if end < 0 else end
        text = text[:end] + "</title>" + text[end:]
        note = "unclosed <title> closed before the next tag"
    tree = _parse(text)
    if _too_deep():
        # libxml2 stops at 2,048 nested elements and drops the rest: flatten and parse again,
        # wrappers first, then any tag that is not structure.
        body = tree.find("body")
        before = len(element_text(body)) if body is not None else 0
        for flattening, what in ((_WRAPPER_TAGS, "wrapper tags"), (_ANY_NESTING_TAG, "nested inline and quote tags")):
            flattened = _parse(flattening.sub(" ", text))
            still_too_deep = _too_deep()
            flat_body = flattened.find("body")
            if flat_body is not None and len(element_text(flat_body)) > before and not still_too_deep:
                return flattened, (f"nesting deeper than the parser allows kept {before} characters; "
                                   f"{what} removed and page parsed again")
            text = flattening.sub(" ", text)
    return tree, note


def _too_deep() -> bool:
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in _PARSER.error_log)


def _parse(text: str) -> lxml.html.HtmlElement:
    try:
        tree = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotHtml(f"unparseable HTML: {exc}") from exc
    if tree is None:
        raise NotHtml("no HTML document in the page")
    return tree


_INVISIBLE = (("\u00ad", ""), ("\u200c", ""), ("\u200d", ""), ("\u2060", ""), ("\ufeff", ""), ("\u200b", " "))


# C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates
# that can make text display other than it reads (U+202A–U+202E, U+2066–U+2069).
_HOSTILE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_hostile(text: str) -> str:
    """Text without control characters (tab and newline kept) and bidi overrides."""
    return _HOSTILE.sub("", text) if text else text


def normalize_space(text: str) -> str:
    """One space between words, no line breaks (str.split() knows every Unicode space and break),
    no soft hyphens or zero-width characters (they split words for the eye only)."""
    if not text.isascii():
        for invisible, replacement in _INVISIBLE:
            if invisible in text:
                text = text.replace(invisible, replacement)
    return " ".join(text.split())


_BLOCK_TAGS = frozenset(
    ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "tr", "section", "article",
     "header", "footer", "nav", "aside", "ul", "ol", "blockquote", "figure", "figcaption", "form")
)


def element_text(element: lxml.html.HtmlElement, *, glued: str = "") -> str:
    """Visible text of an element, scripts and styles left out, whitespace collapsed.

    `glued` goes between the texts of two elements that touch without a space, and after a block
    or a line break: the page's style sheet sets them apart (a byline's `<a>Jane Doe</a><span>
    Correspondent</span>`), or a reader would see one word. Walks iteratively: pages nest deeper than Python's recursion limit.
    """
    parts: list[str] = []
    skipping = 0

    def add(text: str) -> None:
        if glued and parts and not parts[-1][-1:].isspace() and not text[:1].isspace():
            parts.append(glued)
        parts.append(text)

    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else None
        if event == "start":
            if tag in NON_TEXT_TAGS or tag is None:
                skipping += tag is not None
                continue
            if not skipping and node.text:
                add(node.text)
        else:
            if tag in NON_TEXT_TAGS:
                skipping -= 1
            elif not skipping and tag in _BLOCK_TAGS:
                parts.append(glued or " ")  # a line of its own (<br>, <div>) is set apart too
            if node is not element and not skipping and node.tail:
                add(node.tail)
    return normalize_space("".join(parts))
