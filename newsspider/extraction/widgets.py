"""Widget removal: ads, comment threads and forms, related/latest blocks, share bars, newsletter,
cookie and author-bio boxes, taken out of the page before the article is looked for.

Widgets are found three ways, each language-aware where text is involved:
- class/id words (`td-a-rec`, `comment-respond`, `related-posts`, `share-buttons`, ...);
- what a block says: ad labels ("- Advertisement -", "Publicité", "Anzeige", the theme
  placeholder "spot_img"), block headings ("Latest news", "Articles similaires", "Lesen Sie auch");
- what a form asks for: a textarea is a comment form, a lone e-mail field a newsletter sign-up.

The block that holds the article's paragraphs (and anything marked `itemprop=articleBody`) is never
removed, whatever its classes say: themes put words like "has-comments" on the article wrapper.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from .document import NON_TEXT_TAGS, element_text, normalize_space
from .vocabulary import AD_LABELS, COMMENT_HEADINGS, COOKIE_PHRASES, NEWSLETTER_WORDS, RELATED_HEADINGS, compiled

WIDGET_KINDS = ("ads", "comments", "related", "share", "newsletter", "cookie", "author_bio", "read_more", "media")

# class/id words per kind; matched against whole words of class and id values (split on - _ space).
_CLASS_WORDS: dict[str, set[str]] = {
    "ads": {
        "ad", "ads", "advert", "adverts", "advertisement", "advertisements", "advertising", "adsbygoogle",
        "adslot", "adunit", "adbox", "adblock", "adsense", "dfp", "gpt", "sponsor", "sponsored", "sponsors",
        "promo", "promoted", "outbrain", "taboola", "teads", "publicite", "pub", "werbung", "anzeige",
    },
    "comments": {
        "comment", "comments", "commentlist", "commentform", "respond", "disqus", "reply", "replies",
        "kommentare", "commentaires", "comentarios",
    },
    "related": {
        "related", "relatedposts", "recommended", "recommendations", "latest", "popular", "trending",
        "mostread", "most", "yarpp", "morestories", "similar", "also", "stream",
    },
    "share": {"share", "sharing", "sharebar", "social", "addthis", "sharethis", "sharedaddy", "shariff"},
    "newsletter": {"newsletter", "subscribe", "subscription", "signup", "mailchimp", "mc4wp", "optin"},
    "cookie": {"cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "didomi", "cookiebar", "tarteaucitron"},
    "author_bio": {"authorbox", "authorbio", "bio"},
    "read_more": {"readmore", "continue"},
    "media": {"vjs", "jwplayer", "brightcove", "videoplayer", "player", "gallery", "slideshow", "carousel"},
}
# Multi-word class names that mean a widget only together ("author-box", "read-more", "td-a-rec").
_CLASS_PHRASES: dict[str, tuple[str, ...]] = {
    "ads": ("td-a-rec", "td-adspot", "ad-slot", "ad-container", "ad-wrapper", "banner-ad"),
    "comments": ("td-comments", "comments-area", "comment-list"),
    "related": ("td-related", "more-stories", "most-read", "read-also", "also-read", "more-from", "you-may-like", "jp-relatedposts",
                "teaser-list"),
    "share": ("td-social", "social-share", "share-buttons"),
    "author_bio": ("author-box", "author-bio", "about-author", "author-info", "td-author-box", "post-author-box"),
    "read_more": ("read-more", "continue-reading", "lire-la-suite", "weiterlesen"),
    "media": ("video-player", "video-js", "media-player"),
}
# Words that are too common alone; they count only in the phrases above.
_WEAK_WORDS = {"most", "also", "continue", "reply", "bio", "promo", "pub", "gpt", "latest", "popular"}

# A block whose whole text is ad labels and placeholders, in any of these languages.
_AD_FILLER_CHARS = r"[\s\-–—_|·•:()\[\]]*"
# Labels and filler only, from the first character to the last: an anchored match fails at the
# first letter of ordinary text, where a search tried every position of every short block.
_AD_LABELS_ONLY = compiled(rf"{_AD_FILLER_CHARS}(?:(?:{{}}){_AD_FILLER_CHARS})+", AD_LABELS)

# Headings that introduce a list of other stories or the comment section.
_RELATED_HEADINGS = compiled(r"^{}\b.{0,40}$", RELATED_HEADINGS)
_COMMENT_HEADINGS = compiled(r"^(\d+\s+)?{}\b.{0,40}$", COMMENT_HEADINGS)
_COOKIE_TEXT = compiled("{}", COOKIE_PHRASES)
_NEWSLETTER_TEXT = compiled("{}", NEWSLETTER_WORDS)
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PROTECTED_TAGS = ("html", "body", "head")


@dataclass
class WidgetReport:
    """What `remove_widgets` took out: blocks counted by kind."""

    counts: Counter = field(default_factory=Counter)

    def add(self, kind: str) -> None:
        self.counts[kind] += 1

    def as_dict(self) -> dict[str, int]:
        return {kind: self.counts.get(kind, 0) for kind in WIDGET_KINDS} | {
            kind: n for kind, n in self.counts.items() if kind not in WIDGET_KINDS
        }


_PHRASE_KIND = {phrase: kind for kind, phrases in _CLASS_PHRASES.items() for phrase in phrases}
_PHRASES = re.compile(
    r"(?:^|\s)(" + "|".join(sorted(map(re.escape, _PHRASE_KIND), key=len, reverse=True)) + r")(?=$|[\s\-_])"
)
_WORD_KIND = {w: kind for kind, words in _CLASS_WORDS.items() for w in words - _WEAK_WORDS}


_ID_WORDS = re.compile(r"[-_]+")
_NAME_WORDS = re.compile(r"[\s\-_]+")


def class_kind(element: lxml.html.HtmlElement) -> str | None:
    """The widget kind its class/id names, if any.

    An id of four or more words is a heading's slug ("sharing-with-a-single-developer"), not a
    widget name, and is left out.
    """
    element_class, element_id = element.get("class"), element.get("id")
    if not element_class and not element_id:
        return None
    return _names_kind(element_class or "", element_id or "")


@functools.lru_cache(maxsize=8192)
def _names_kind(element_class: str, element_id: str) -> str | None:
    """class_kind's answer for a class and id (a page repeats the same few class names)."""
    if len(_ID_WORDS.split(element_id)) >= 4:
        element_id = ""
    raw = f"{element_class} {element_id}".lower().strip()
    if not raw:
        return None
    phrase = _PHRASES.search(raw)
    if phrase:
        return _PHRASE_KIND[phrase.group(1)]
    kinds = {_WORD_KIND[w] for w in _NAME_WORDS.split(raw) if w in _WORD_KIND}
    if not kinds:
        return None
    # Same precedence as the table's order when words of two kinds meet.
    return next(kind for kind in _CLASS_WORDS if kind in kinds)


@functools.lru_cache(maxsize=4096)
def _test_id_kind(test_id: str) -> str | None:
    """The widget kind a test id names: its words, or a phrase anywhere in it
    ("article-teaser-list-widget"). Players are left to their classes: a test id "player" wraps
    the video's caption, which is the story's."""
    words = [w for w in _NAME_WORDS.split(test_id.lower()) if w]
    kinds = {_PHRASE_KIND[phrase] for n in (2, 3) for phrase in ("-".join(words[i:i + n]) for i in range(len(words)))
             if phrase in _PHRASE_KIND}
    kinds |= {_WORD_KIND[w] for w in words if w in _WORD_KIND}
    kinds.discard("media")
    return next((kind for kind in _CLASS_WORDS if kind in kinds), None)


def is_ad_label(text: str) -> bool:
    """True for text made only of ad labels and placeholders ("- Advertisement -spot_imgspot_img")."""
    if not text or len(text) > 120 or not _AD_LABELS_ONLY.fullmatch(text):
        return False
    return text.strip().lower() != "ad"


def article_anchor(tree: lxml.html.HtmlElement, marked: list | None = None) -> lxml.html.HtmlElement | None:
    """The element whose own paragraphs hold the most text (or the one marked
    `itemprop=articleBody`): where the article most likely is. `marked`: the marked elements of
    the page's body, when a walk of it found them (`PageWalk`)."""
    if marked is None or len(marked) > 1 or (marked and not any(a is tree for a in marked[0].iterancestors())):
        marked = _MARKED_BODY(tree)  # (several, or one a hidden block took away: page order decides)
    if marked:
        return marked[0]
    scores = _paragraph_text_by_parent(tree)
    return scores.most_common(1)[0][0] if scores else None


_MARKED_BODY = etree.XPath('//*[@itemprop="articleBody"]')


def densest_paragraph_chars(tree: lxml.html.HtmlElement) -> int:
    """The characters of the paragraphs of the element whose own paragraphs hold the most text."""
    scores = _paragraph_text_by_parent(tree)
    return scores.most_common(1)[0][1] if scores else 0


def _paragraph_text_by_parent(tree) -> Counter:
    scores: Counter = Counter()
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            scores[parent] += len(element_text(paragraph))
    return scores


def _link_density(element: lxml.html.HtmlElement) -> float:
    text = element_text(element)
    if not text:
        return 0.0
    links = sum(len(element_text(a)) for a in element.iter("a"))
    return links / len(text)


def _form_kind(form: lxml.html.HtmlElement) -> str | None:
    if form.xpath(".//textarea"):
        return "comments"
    role = (form.get("role") or "").lower()
    if role == "search" or form.xpath('.//input[@type="search"]') or form.xpath('.//input[@name="s" or @name="q"]'):
        return None  # site search is chrome, not a widget
    if form.xpath('.//input[@type="password"]'):
        return None  # a login form; the validation step decides about login pages
    if form.xpath('.//input[@type="email"]') or _NEWSLETTER_TEXT.search(element_text(form)):
        return "newsletter"
    return None


def find_widgets(
    tree: lxml.html.HtmlElement, anchor=None, walk: PageWalk | None = None
) -> list[tuple[lxml.html.HtmlElement, str]]:
    """Every widget block in the page with its kind; outermost blocks only.

    `anchor` is the article block (see `article_anchor`); found here when not given. `walk`:
    the walk of the page's body (`walk_page`), when the caller has it.
    """
    body = tree.find("body")
    if body is None:
        return []
    if anchor is None:
        anchor = article_anchor(tree)
    anchor_line = {anchor, *anchor.iterancestors()} if anchor is not None else set()
    found: dict[lxml.html.HtmlElement, str] = {}

    def protected(element) -> bool:
        return element.tag in _PROTECTED_TAGS or element in anchor_line

    def mark(element, kind: str) -> None:
        if element is not None and not protected(element):
            found.setdefault(element, kind)

    walk = walk or walk_page(body)
    lengths, ad_holders, cookie_holders = walk.lengths, walk.ad_holders, walk.cookie_holders
    stack = list(reversed(body))
    while stack:
        element = stack.pop()
        tag = element.tag
        if tag.__class__ is not str or tag in NON_TEXT_TAGS:
            continue
        if element in found:
            continue  # marked from a heading: its inside goes with it
        before = len(found)
        _classify(element, tag, lengths.get(element, 0), mark, protected, element in ad_holders, element in cookie_holders)
        if len(found) == before or element not in found:
            stack.extend(reversed(element))

    # Keep outermost blocks only: a block inside another widget goes with it.
    return [
        (element, kind) for element, kind in found.items()
        if not any(parent in found for parent in element.iterancestors())
    ]


def _classify(element, tag: str, length: int, mark, protected, may_be_ad_label: bool = True,
              may_be_cookie: bool = True) -> None:
    """Mark `element` (or the block it heads) when it is a widget.

    Runs on every element of the page: the class and id are read once, and the text is fetched
    only for blocks that can be an ad label (`may_be_ad_label`), a cookie notice (`may_be_cookie`)
    or a heading."""
    element_class, element_id = element.get("class"), element.get("id")
    named = bool(element_class or element_id)
    kind = _names_kind(element_class or "", element_id or "") if named else None
    if kind is None:
        # Pages built with hashed classes name their parts in test ids ("article-teaser-list-widget").
        test_id = element.get("data-testid")
        kind = _test_id_kind(test_id) if test_id else None
    if kind and not (kind not in ("comments", "media") and length > 1000 and _link_density(element) < 0.25):
        mark(element, kind)  # (a long block of prose is content, whatever its class says; comment threads and galleries are long too)
        return
    if tag == "form":
        form_kind = _form_kind(element)
        if form_kind:
            mark(element, form_kind)
        return
    if not length:
        return
    heading = tag in _HEADING_TAGS or (
        length < 100 and named and "title" in f"{element_class or ''} {element_id or ''}".lower()
    )
    cookie_candidate = may_be_cookie and tag in ("div", "section", "aside", "p") and length < 600
    if (length > 120 or not may_be_ad_label) and not heading and not cookie_candidate:
        return  # only short blocks can be labels, notices or headings: skip the text walk
    if length > 120 and not heading and "cookie" not in element.text_content().lower():
        return  # only a cookie notice is left to find, and every cookie phrase says "cookie" (C-speed test)
    # text_content() runs in C; for short blocks any script text in it only makes a match less likely
    text = normalize_space(element.text_content()) if length <= 120 else element_text(element)
    if not text:
        return
    if may_be_ad_label and len(text) <= 120 and is_ad_label(text):
        mark(_widest_with_same_text(element, is_ad_label), "ads")
    elif heading and len(text) < 100:
        if _COMMENT_HEADINGS.match(text):
            _mark_heading_block(element, "comments", mark, protected)
        elif _RELATED_HEADINGS.match(text):
            _mark_heading_block(element, "related", mark, protected)
    elif cookie_candidate and "cookie" in text.lower() and _COOKIE_TEXT.search(text):
        mark(_widest_with_same_text(element, lambda t: len(t) < 800 and bool(_COOKIE_TEXT.search(t))), "cookie")


@dataclass
class PageWalk:
    """What one walk of the page's body finds for the widget pass: each element's text length
    (`lengths`, see `_text_lengths`), the ad-label holders, the elements whose text may say
    "cookie", the blocks hidden by an inline style or by `hidden` / `aria-hidden="true"`, and the
    elements marked `itemprop=articleBody`. One walk in Python reads these attributes for less than
    the XPath searches of the whole page cost."""

    lengths: dict = field(default_factory=dict)
    ad_holders: set = field(default_factory=set)
    cookie_holders: set = field(default_factory=set)
    styled_hidden: set = field(default_factory=set)
    flagged_hidden: set = field(default_factory=set)
    article_bodies: list = field(default_factory=list)


def walk_page(body) -> PageWalk:
    found = PageWalk()
    found.lengths = _text_lengths(body, found)
    return found


def _text_lengths(root, walk: PageWalk) -> dict:
    """Raw text length under every element, in one bottom-up pass (cheap pre-filter).

    `walk.ad_holders` receives every element that holds or contains a text node made only of ad
    labels: a block whose whole text is ad labels is one of them, so only these need the
    per-block ad-label test. `walk` also receives the hidden and marked elements, and the
    elements with a text node that says "cookie" (in lower or upper case) in them: only these
    need the cookie-notice test, which reads the block's whole text."""
    lengths: dict = {}
    holders, cookies = walk.ad_holders, walk.cookie_holders
    for _event, node in etree.iterwalk(root, events=("end",)):
        tag = node.tag
        if tag.__class__ is not str:
            lengths[node] = 0
            continue
        if node is not root:
            names = node.keys()  # one list of the attribute names; a value is read only when its name is there
            if names:
                style = node.get("style") if "style" in names else None
                # (a style that says neither word hides nothing: the regex runs on few)
                if style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style):
                    walk.styled_hidden.add(node)
                elif ("hidden" in names) or ("aria-hidden" in names and node.get("aria-hidden") == "true"):
                    walk.flagged_hidden.add(node)
                if "itemprop" in names and node.get("itemprop") == "articleBody":
                    walk.article_bodies.append(node)
        if tag in NON_TEXT_TAGS:
            lengths[node] = 0
            continue
        text = node.text
        own = text.strip() if text else ""
        total = len(own)
        label = 0 < total <= 120 and _labels_only(own)
        cookie = total > 4 and ("ookie" in own or "OOKIE" in own)
        for child in node:
            total += lengths.get(child, 0)
            tail = child.tail
            if tail:
                tail = tail.strip()
                if tail:
                    total += len(tail)
                    if not label and len(tail) <= 120 and _labels_only(tail):
                        label = True
                    if not cookie and ("ookie" in tail or "OOKIE" in tail):
                        cookie = True
            if not label and child in holders:
                label = True
            if not cookie and child in cookies:
                cookie = True
        if label:
            holders.add(node)
        if cookie:
            cookies.add(node)
        lengths[node] = total
    return lengths


def _labels_only(text: str) -> bool:
    # Line breaks are filler already; soft hyphens and zero-width characters go first.
    return bool(_AD_LABELS_ONLY.fullmatch(text if text.isascii() else normalize_space(text)))


def _widest_with_same_text(element, still_matches):
    """Climb while the parent still says nothing but the same (ad label, cookie notice)."""
    while True:
        parent = element.getparent()
        if parent is None or parent.tag in _PROTECTED_TAGS or not still_matches(element_text(parent)):
            return element
        element = parent


def _mark_heading_block(heading, kind: str, mark, protected) -> None:
    """A heading plus what it introduces: its whole box when that box is a link list (or the
    comment section), else the heading and the link lists / forms that follow it."""
    container = heading.getparent()
    while container is not None and element_text(container) == element_text(heading):
        heading, container = container, container.getparent()
    if container is None:
        return
    if not protected(container) and _link_density(container) > 0.45:
        mark(container, kind)
        return
    block = [heading]
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in _HEADING_TAGS or protected(sibling):
            break
        text = element_text(sibling)
        comment_list = kind == "comments" and sibling.tag in ("ol", "ul", "form")
        story_list = kind == "related" and _is_teaser_list(sibling, text)
        if comment_list or story_list or sibling.tag == "form" or not text or is_ad_label(text) or _link_density(sibling) > 0.45:
            block.append(sibling)
        else:
            break
    children = [c for c in container if isinstance(c.tag, str)]
    if not protected(container) and all(c in block for c in children):
        mark(container, kind)  # the box holds nothing else: one widget, not several
        return
    for element in block:
        mark(element, kind)


HIDDEN_CONTENT_SHARE = 0.5  # hidden/aria-hidden blocks holding more of the text than this are content shown by a script
_HIDDEN_STYLE = re.compile(r"(display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)


def _is_teaser_list(element, text: str) -> bool:
    """Several headline links, each with at most a short summary: a list of other stories."""
    targets = {a.get("href") for a in element.iter("a") if a.get("href") and len(normalize_space(a.text_content())) >= 15}
    return len(targets) >= 2 and len(text) / len(targets) < 400


def remove_hidden(tree: lxml.html.HtmlElement, walk: PageWalk | None = None) -> int:
    """Remove what a reader never sees: inline display:none or visibility:hidden always (an author
    hid it), and `hidden` / `aria-hidden="true"` unless those hold most of the page's text: React
    and other frameworks stream the content into `<div hidden>` and show it with a script.

    `walk` (of the body, `walk_page`) gives the hidden blocks and the text lengths, and its lengths
    are kept true: a removed element's length is taken off its ancestors."""
    body = tree.find("body")
    if body is None:
        return 0
    walk = walk or walk_page(body)
    styled, flagged, lengths = set(walk.styled_hidden), set(walk.flagged_hidden), walk.lengths
    if flagged:
        total = lengths.get(body, 0)
        outer = [e for e in flagged if not any(p in flagged for p in e.iterancestors())]
        if total and sum(lengths.get(e, 0) for e in outer) > HIDDEN_CONTENT_SHARE * total:
            flagged = set()
    hidden = styled | flagged
    removed = 0
    for element in [e for e in hidden if not any(p in hidden for p in e.iterancestors())]:
        gone = lengths.get(element, 0)  # not its tail: drop_tree() leaves the tail in the parent
        if gone:
            for ancestor in element.iterancestors():
                if ancestor in lengths:
                    lengths[ancestor] -= gone
        element.drop_tree()
        removed += 1
    return removed


# Never page text, and read by nothing downstream of the clean copy. JSON-LD stays: trafilatura's
# last resort reads a story's articleBody from it.
_NON_TEXT_REMOVED = ("style", "svg", "noscript", "template")


def _json_ld(element) -> bool:
    return element.tag == "script" and element.get("type") == "application/ld+json"


def remove_non_text(tree: lxml.html.HtmlElement) -> None:
    """Take scripts (but JSON-LD), style sheets, SVG drawings, noscript and template contents, and
    the rest of the <head> (its metadata are read from the page as served), out of `tree` in
    place. Done once here, the widget walk and trafilatura (which copies the tree twice before it
    drops them itself) no longer go through them: 1.2 ms a page of the 262 eval pages, 6 % of
    extraction, for the same text."""
    etree.strip_elements(tree, *_NON_TEXT_REMOVED, with_tail=False)
    head = tree.find("head")
    if head is not None:
        for element in [e for e in head if not _json_ld(e)]:
            head.remove(element)  # (text in the <head> is nobody's)
    for script in [s for s in tree.iter("script") if not _json_ld(s)]:
        script.drop_tree()  # keeps its tail, which is text of the parent


def remove_widgets(tree: lxml.html.HtmlElement) -> WidgetReport:
    """Remove what is not page text (`remove_non_text`), hidden elements and every widget from
    `tree` in place; report widget counts by kind."""
    report = WidgetReport()
    body = tree.find("body")
    if body is None:
        return report
    remove_non_text(tree)
    walk = walk_page(body)
    remove_hidden(tree, walk)  # keeps the walk's lengths true for what is left
    anchor = article_anchor(tree, walk.article_bodies)
    for element, kind in find_widgets(tree, anchor, walk):
        report.add(kind)
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()  # keeps the tail text, which belongs to the parent
    return report
