"""Which hosts belong to a site: its allowed domains, and the other hosts of the same registrable
domain (feeds.example.com for www.example.com), by the Public Suffix List. No Scrapy here."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from tldextract import TLDExtract

# The Public Suffix List snapshot inside tldextract (which Scrapy's cookie middleware loads
# anyway): never downloaded, never cached on disk. Reading it costs a third of what
# publicsuffixlist's own parse did at every start (18 against 54 ms).
OFFLINE_SUFFIXES = TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """`news.bbc.co.uk` → `bbc.co.uk`; an IP address or a bare name is its own domain."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    parts = OFFLINE_SUFFIXES(host)
    if parts.suffix:
        return f"{parts.domain}.{parts.suffix}" if parts.domain else host
    # A suffix the list does not know is one label, as the list's default rule says ("example.invalid").
    labels = host.split(".")
    return ".".join(labels[-2:])


class SiteHosts:
    """A site's hosts: `on_site` (an allowed domain or a subdomain of one) and `same_site` (the
    same registrable domain as an allowed domain or one of the site's feed and sitemap hosts)."""

    def __init__(self, allowed: list[str] | tuple[str, ...], source_hosts: list[str] | tuple[str, ...] = ()):
        self.allowed = tuple(d.lower() for d in allowed)
        self.registrable = {registrable_domain(h) for h in (*self.allowed, *source_hosts) if h}

    def on_site(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed)

    def same_site(self, url: str) -> bool:
        host = urlsplit(url).hostname
        return bool(host) and (self.on_site(url) or registrable_domain(host) in self.registrable)
