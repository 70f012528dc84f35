"""Delivery: every article reaches the output once, and nothing is recorded that did not.

    ledger.py    what a site's crawls delivered and what became of other URLs (SQLite, behind `Ledger`)
    records.py   the DeliveryRecords extension: owns the ledger, records drops and failures
    feeds.py     the feed exporter that writes durably and records only after its own sync
    fetching.py  the downloader middleware that decides what a rerun fetches again
"""
