"""URL identity: which URLs name the same story, and which URLs look like articles.

`url_identity` is a de-duplication key, never a URL to fetch: it drops what does not change the
story (tracking parameters, fragments, a trailing slash, AMP markers, default ports) so that one
story reached under many URLs is written once.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track where a click came from.
_TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "ref", "ref_src", "referrer", "cmpid", "ocid", "_ga", "_gl", "spm", "smid", "smtyp",
    "partner", "share", "sharing", "via", "output", "outputtype", "amp", "amp_js_v",
    "__twitter_impression", "cid", "sr_share", "ito", "ns_mchannel", "ns_source", "ns_campaign",
    "ns_linkname", "ns_fee", "xtor", "at_medium", "at_campaign", "at_custom1", "at_custom2",
}
_TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "oly_", "vero_")
_DEFAULT_PORTS = {"http": 80, "https": 443}

_AMP_PATH = re.compile(r"(/amp/?$|\.amp(?=\.html?$)|\.amp$)", re.IGNORECASE)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def strip_tracking(url: str) -> str:
    """The URL without tracking parameters or fragment; still fetchable."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def url_identity(url: str) -> str:
    """A key equal for every URL of the same story (tracking, AMP, slash, case of host, port)."""
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower()
    if host.startswith("amp."):
        host = host[4:]
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = _AMP_PATH.sub("", parts.path) or "/"
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    # http and https name the same story: keep one scheme in the key.
    return urlunsplit(("https" if scheme in ("http", "https") else scheme, netloc, path, urlencode(query), ""))


# Path pieces that mark listing, account or utility pages rather than stories.
_NON_ARTICLE_SEGMENTS = {
    "tag", "tags", "category", "categories", "author", "authors", "topic", "topics", "section",
    "search", "login", "signin", "sign-in", "register", "account", "subscribe", "newsletter",
    "about", "contact", "privacy", "terms", "imprint", "impressum", "cookies", "feed", "rss",
    "page", "wp-login.php", "wp-admin", "cart", "shop", "video", "videos", "gallery", "podcast",
    "podcasts", "mentions-legales", "datenschutz", "kontakt", "archive", "archives",
}
_FILE_EXTENSIONS = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|pdf|zip|gz|mp3|mp4|webm|avi|mov|css|js|json|xml|rss|atom|txt|woff2?|ttf)$",
    re.IGNORECASE,
)
_DATE_IN_PATH = re.compile(r"/(19|20)\d{2}/(0?[1-9]|1[0-2])(/|-)")
_LONG_ID = re.compile(r"\d{5,}")


def has_non_article_segment(url: str) -> bool:
    """A path piece that marks a listing, account or utility page (tag, author, search, login, …)."""
    return any(s.lower() in _NON_ARTICLE_SEGMENTS for s in urlsplit(url).path.split("/") if s)


def looks_like_article_url(url: str) -> bool:
    """Guess from the URL alone whether it names one story (used when a site has no pattern)."""
    parts = urlsplit(url)
    path = parts.path
    if _FILE_EXTENSIONS.search(path):
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    if any(s.lower() in _NON_ARTICLE_SEGMENTS for s in segments):
        return False
    last = segments[-1]
    slug = re.sub(r"\.s?html?$", "", last, flags=re.IGNORECASE)
    if _DATE_IN_PATH.search(path + "/") and slug and not slug.isdigit():
        return True
    if _LONG_ID.search(last):
        return True
    # A slug of four or more words is how most CMSs name stories.
    return len(re.split(r"[-_]+", slug)) >= 4
