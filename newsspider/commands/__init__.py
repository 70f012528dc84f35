"""Scrapy commands of the project (COMMANDS_MODULE): `scrapy crawl` with a truthful exit status."""
