"""Pure extraction: from (html, url) to an article. No Scrapy imports here."""
