"""What a site's article URLs look like, learned while crawling. No Scrapy here.

A URL's template keeps its shape and drops its values: each path segment becomes a class
(`{year}`, `{n2}`, `{num}`, `{date}`, `{slug}`, `{id}`, `{word}`) plus its extension, and the query
keeps its sorted keys. `/world/2024/apr/17/russia-armenia` → `/{word}/{year}/{word}/{n2}/{slug}`;
`/view.php?id=8576&cat=3` → `/{word}.php?cat&id`. The URLs a site's feeds and news sitemaps list,
and the pages that pass the article test, teach the site's templates; link-following then takes
a link that fits one as an article, whatever the generic shape test says.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

_EXTENSION = re.compile(r"(\.[A-Za-z0-9]{1,6})$")
_YEAR = re.compile(r"(19|20)\d\d")
_DATE = re.compile(r"(?=.*\d)(?=.*[-_.])[0-9A-Za-z]+(?:[-_.][0-9A-Za-z]+)+")
_SLUG_WORD = re.compile(r"[^\W\d_]{2,}")
_HAS_DIGIT = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# A template made of these only says nothing an article's URL has and a section's has not.
_DISTINCTIVE = ("{year}", "{num}", "{date}", "{slug}", "{id}")


def segment_class(segment: str) -> str:
    if _YEAR.fullmatch(segment):
        return "{year}"
    if segment.isdigit():
        return "{n2}" if len(segment) <= 2 else "{num}"
    separators = len(re.findall(r"[-_]", segment))
    words = len(_SLUG_WORD.findall(segment))
    if separators and words >= 2:
        return "{slug}"
    if separators and _HAS_DIGIT.search(segment) and _DATE.fullmatch(segment):
        return "{date}"
    if _HAS_DIGIT.search(segment) and _HAS_LETTER.search(segment):
        return "{id}"
    if separators:
        return "{slug}"
    return "{word}"


def url_template(url: str) -> str:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    classes = []
    for n, segment in enumerate(segments):
        extension = ""
        if n == len(segments) - 1:
            match = _EXTENSION.search(segment)
            if match and not match.group(1)[1:].isdigit():
                extension, segment = match.group(1).lower(), segment[: match.start()]
        # A host-like segment (`doc.afp.com.B2LA2G3`): its dots are part of the id.
        classes.append((segment_class(segment.replace(".", "-")) if segment else "") + extension)
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return "/" + "/".join(classes) + ("?" + "&".join(keys) if keys else "")


def is_distinctive(template: str) -> bool:
    """Says something a section front's URL does not: an id, a slug, a date, or query keys."""
    return "?" in template or any(mark in template for mark in _DISTINCTIVE)


class TemplateModel:
    """Counts of a site's article URL templates. `fits(url)`: its template was learned."""

    def __init__(self, counts: dict[str, int] | None = None):
        self.counts: Counter = Counter(counts or {})
        self.added: Counter = Counter()  # learned in this crawl, not yet saved

    def learn(self, url: str) -> None:
        template = url_template(url)
        if is_distinctive(template):
            self.counts[template] += 1
            self.added[template] += 1

    def fits(self, url: str) -> bool:
        return self.counts.get(url_template(url), 0) > 0

    def most_common(self, n: int = 5) -> list[tuple[str, int]]:
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
