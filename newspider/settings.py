"""Scrapy settings for newspider. Our own settings are named per component (SITES_*, VALIDATION_*,
OUTPUT_*): Scrapy's NEWSPIDER_MODULE already takes the NEWSPIDER_ prefix."""

BOT_NAME = "newspider"
SPIDER_MODULES = ["newspider.spiders"]
NEWSPIDER_MODULE = "newspider.spiders"

# One spider per [[site]] in newspider/sites/sites.toml and in every file of SITES_FILES.
SPIDER_LOADER_CLASS = "newspider.spiderloader.SiteSpiderLoader"
SITES_FILES: list[str] = []
SITES_BUNDLED = True

USER_AGENT = "newspider/0.1 (news crawler; Scrapy)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024  # a gzip bomb is refused instead of inflated into memory
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
RETRY_TIMES = 2
DEPTH_LIMIT = 10  # a backstop; each site's max_depth decides how far section links are followed

# One story under many URLs (tracking parameters, AMP, trailing slash) is fetched once.
REQUEST_FINGERPRINTER_CLASS = "newspider.fingerprint.CanonicalUrlFingerprinter"

# Nothing listens on a port during a crawl.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

ITEM_PIPELINES = {
    "newspider.pipelines.decoding.PageDecodingPipeline": 100,
    "newspider.pipelines.widgets.WidgetRemovalPipeline": 200,
    "newspider.pipelines.extraction.ExtractionPipeline": 300,
    "newspider.pipelines.language.LanguagePipeline": 400,
    "newspider.pipelines.validation.ArticleValidationPipeline": 500,
    "newspider.pipelines.output.ArticleOutputPipeline": 600,
    "newspider.pipelines.dedup.DuplicateArticlePipeline": 700,
}
VALIDATION_MIN_WORDS = 50
VALIDATION_DROP = True  # False: keep non-articles, with drop_reason set (newspider extract does this)

# Without -o/-O the articles go to output/<spider>/<start time>.jsonl. -o/-O replace this.
FEEDS = {
    "output/%(name)s/%(time)s.jsonl": {"format": "jsonlines", "encoding": "utf-8", "store_empty": False},
}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "jsonlines": "newspider.exporters.SafeJsonLinesItemExporter",
    "jsonl": "newspider.exporters.SafeJsonLinesItemExporter",
}
EXTENSIONS = {"newspider.extensions.CrawlSummary": 500}

LOG_LEVEL = "INFO"
