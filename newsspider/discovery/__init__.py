"""Article discovery: RSS/Atom feeds, sitemaps (indexes and news sitemaps), robots.txt, page links."""


def local_name(tag) -> str:
    """An XML tag's name without its namespace, lower-cased ("" for comments and the like)."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
