"""Spiders for configured sites: one class per [[site]] entry, made by the spider loader."""

from __future__ import annotations

from ..sites import SiteConfig
from .base import NewsSpider


class SiteSpider(NewsSpider):
    """A configured site (newsspider/sites/sites.toml or a file in SITES_FILES)."""


def site_spider_class(config: SiteConfig) -> type[SiteSpider]:
    class_name = "".join(part.capitalize() for part in config.name.replace("-", "_").split("_")) + "Spider"
    return type(class_name, (SiteSpider,), {"name": config.name, "site": config, "__module__": __name__})
