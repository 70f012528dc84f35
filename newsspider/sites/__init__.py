"""Site configuration: data, not code. Adding a site is adding a [[site]] table to a TOML file."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

# A resource, not a path: inside a Scrapyd egg the package is a zip file.
BUNDLED_SITES = resources.files(__name__).joinpath("sites.toml")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class SiteConfigError(ValueError):
    """A site entry that cannot be crawled; the message names the file, the site and the field."""


@dataclass(frozen=True)
class SiteConfig:
    name: str
    start_urls: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article_url_pattern: str | None = None
    title_css: str | None = None
    body_css: str | None = None
    max_depth: int = 1
    site_name: str | None = None
    render_js: str = "auto"  # never | always | auto: render with a browser only pages that need it
    unreachable_hint: str | None = None  # said when not a single page could be fetched
    sample_urls: tuple[str, ...] = ()  # a few of the site's article URLs: checked against the entry's rules
    extra: dict = field(default_factory=dict, compare=False, hash=False)  # keys later issues add

    def hosts(self) -> tuple[str, ...]:
        if self.allowed_domains:
            return self.allowed_domains
        urls = (*self.start_urls, *self.feeds, *self.sitemaps)
        return tuple(sorted({host for u in urls if (host := urlsplit(u).hostname)}))


_LIST_FIELDS = ("start_urls", "allowed_domains", "feeds", "sitemaps", "sample_urls")
RENDER_MODES = ("never", "always", "auto")
_KNOWN = {f for f in SiteConfig.__dataclass_fields__ if f != "extra"}


def parse_site(entry: dict, origin: str) -> SiteConfig:
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SiteConfigError(f"{origin}: a [[site]] needs a name of letters, digits, - and _ (got {name!r})")
    values: dict = {"name": name}
    for key, value in entry.items():
        if key == "name":
            continue
        if key not in _KNOWN:
            values.setdefault("extra", {})[key] = value
        elif key in _LIST_FIELDS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SiteConfigError(f"{origin}: site {name!r}: {key} must be a list of URLs")
            values[key] = tuple(value)
        else:
            values[key] = value
    config = SiteConfig(**values)
    if not (config.start_urls or config.feeds or config.sitemaps):
        raise SiteConfigError(f"{origin}: site {name!r} has no start_urls, feeds or sitemaps")
    if config.article_url_pattern:
        try:
            re.compile(config.article_url_pattern)
        except re.error as exc:
            raise SiteConfigError(f"{origin}: site {name!r}: article_url_pattern: {exc}") from exc
    if config.render_js not in RENDER_MODES:
        raise SiteConfigError(f"{origin}: site {name!r}: render_js must be one of {', '.join(RENDER_MODES)}")
    if not isinstance(config.max_depth, int) or config.max_depth < 0:
        raise SiteConfigError(f"{origin}: site {name!r}: max_depth must be a whole number ≥ 0")
    return config


def load_sites(paths) -> dict[str, SiteConfig]:
    """Sites from every TOML file in `paths`, later files overriding earlier ones by name."""
    sites: dict[str, SiteConfig] = {}
    for path in paths:
        path = path if hasattr(path, "open") and not isinstance(path, str) else Path(path)
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SiteConfigError(f"{path}: cannot read site configuration: {exc}") from exc
        for entry in data.get("site", []):
            config = parse_site(entry, str(path))
            sites[config.name] = config
    return sites
