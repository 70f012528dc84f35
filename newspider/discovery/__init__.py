"""Article discovery: RSS/Atom feeds, sitemaps (indexes and news sitemaps), robots.txt, page links."""
