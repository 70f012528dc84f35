"""Is this page an article? Section fronts, tag pages, login pages and empty script shells are not.

Each rule gives a short reason name; the crawl counts drops by that name.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from .document import element_text
from .urls import looks_like_article_url

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A listing page (section front, tag, author, search page) links to at least this many stories …
LISTING_MIN_STORY_LINKS = 5
# … and either its "body" is made of those stories' teasers (headline or standfirst as link text) …
LISTING_TEASER_SHARE = 0.3
# … or it says little per story linked, in short paragraphs: teasers whose link text differs from
# the headline. Stories with long related-link lists have long paragraphs (mean 37–41 words on the
# eval pages that the words-per-link test alone took for listings); teasers have 15–25.
LISTING_WORDS_PER_LINK = 40
LISTING_MAX_PARAGRAPH_WORDS = 30
# A page that declares itself an article is a listing only when most of its paragraphs are teasers.
LISTING_DECLARED_TEASER_SHARE = 0.5
_APP_ROOTS = ('//*[@id="root"]', '//*[@id="app"]', '//*[@id="__next"]', '//*[@id="__nuxt"]', "//*[@data-reactroot]", "//*[@ng-app]")


def word_count(text: str) -> int:
    """Words, where each two CJK characters count as one word (CJK has no spaces)."""
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + (cjk + 1) // 2


def looks_like_script_shell(tree, served=None) -> bool:
    """Little visible text in `tree` but, in the page as `served` (default: `tree`), an app root
    or heavy scripts: the page is built by JavaScript."""
    body = tree.find("body")
    visible = element_text(body) if body is not None else ""
    if len(visible) > 400:
        return False
    served = tree if served is None else served
    script_chars = sum(len(s.text or "") for s in served.iter("script"))
    bundles = len(served.xpath("//script[@src]"))
    app_root = any(served.xpath(x) for x in _APP_ROOTS)
    noscript = any("javascript" in (element_text(n) or "").lower() for n in served.iter("noscript"))
    return app_root or noscript or script_chars > 5000 or bundles >= 3


def not_article_reason(
    tree, url: str, text: str, *, page_type: str | None, min_words: int = 50, served=None
) -> str | None:
    """Why the page is not an article, or None when it is one.

    `tree` is the page after widget removal, so related-story lists do not make an article
    look like a listing; `served`, the page as served, holds the scripts the clean copy lost
    (default: `tree`).
    """
    words = word_count(text)
    if words == 0:
        return "script_shell" if looks_like_script_shell(tree, served) else "no_body"
    if words < 150 and any(field.get("type") == "password" for field in tree.iter("input")):
        return "login_page"
    if is_listing(tree, url, text, words, declared_article=is_declared_article(page_type)):
        return "listing_page"
    if words < min_words:
        return "script_shell" if looks_like_script_shell(tree, served) else "too_short"
    return None


def is_declared_article(page_type: str | None) -> bool:
    return (page_type or "").startswith("article") or page_type in ("newsarticle", "blogposting")


def story_links_and_teasers(tree, url: str) -> tuple[set[str], set[str]]:
    """The page's links to other stories of its host, and their link texts long enough to be teasers."""
    parts = urlsplit(url)
    host, origin = parts.hostname, f"{parts.scheme}://{parts.netloc}"
    own = url.split("#")[0]
    teaser_texts: set[str] = set()
    story_links: set[str] = set()
    targets: dict[str, str | None] = {}  # href -> the story it links to (None: not a story); menus repeat hrefs
    body = tree.find("body")
    for anchor in body.iter("a") if body is not None else ():
        href = anchor.get("href")
        if href is None:
            continue
        if href not in targets:
            # Most links are root-relative (same host) or absolute: neither needs urljoin, which
            # parses the page's URL again for every link (unless there are dot segments to resolve).
            if href.startswith("/") and not href.startswith("//"):
                target, target_host = (origin + href).split("#")[0], host
            elif href.startswith(("https://", "http://")) and "/." not in href:
                target = href.split("#")[0]
                target_host = host if target.startswith(origin + "/") else urlsplit(target).hostname
            else:
                target = urljoin(url, href).split("#")[0]
                target_host = urlsplit(target).hostname
            is_story = target != own and target_host == host and looks_like_article_url(target)
            targets[href] = target if is_story else None
        target = targets[href]
        if target is not None:
            story_links.add(target)
            label = element_text(anchor).lower()
            if len(label) >= 15:
                teaser_texts.add(label)
    return story_links, teaser_texts


def is_listing(tree, url: str, text: str, words: int, *, declared_article: bool) -> bool:
    """A section front, tag, author or search page: its "body" is other stories' teasers. A page
    that declares itself an article (og:type, JSON-LD) needs a clear majority of teasers: themes
    that stamp og:type=article on every page exist."""
    story_links, teaser_texts = story_links_and_teasers(tree, url)
    if len(story_links) < LISTING_MIN_STORY_LINKS:
        return False
    paragraphs = [p.lower() for p in text.split("\n\n") if p.strip()]
    teasers = sum(1 for p in paragraphs if any(p.startswith(t) or t.startswith(p) for t in teaser_texts))
    if declared_article:  # the words-per-link test alone dropped 13 of 249 real articles here
        return teasers >= LISTING_DECLARED_TEASER_SHARE * len(paragraphs)
    return teasers >= LISTING_TEASER_SHARE * len(paragraphs) or (
        words < LISTING_WORDS_PER_LINK * len(story_links) and words / len(paragraphs) < LISTING_MAX_PARAGRAPH_WORDS)
