"""Item pipelines, one concern each, in the order of ITEM_PIPELINES:

article (100: the cleaning stages, Page becomes Article) → dedup (700: once per crawl)
→ incremental (800: once across crawls).
"""
