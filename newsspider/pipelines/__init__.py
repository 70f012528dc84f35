"""Item pipelines, one concern each, in the order of ITEM_PIPELINES:

decoding (100) → widgets (200) → extraction (300) → language (400) → validation (500)
→ output (600, Page becomes Article) → dedup (700).

Each stage pipeline is a thin wrapper around a pure function in newsspider.extraction.stages.
"""
