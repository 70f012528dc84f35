"""Scrapy settings for newsspider. Our own settings are named per component (SITES_*, VALIDATION_*,
OUTPUT_*): Scrapy's NEWSPIDER_MODULE already takes the NEWSPIDER_ prefix."""

BOT_NAME = "newsspider"
SPIDER_MODULES = ["newsspider.spiders"]
NEWSPIDER_MODULE = "newsspider.spiders"

# One spider per [[site]] in newsspider/sites/sites.toml and in every file of SITES_FILES.
SPIDER_LOADER_CLASS = "newsspider.spiderloader.SiteSpiderLoader"
SITES_FILES: list[str] = []
SITES_BUNDLED = True

USER_AGENT = "newsspider/0.1 (news crawler; Scrapy)"
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
REQUEST_FINGERPRINTER_CLASS = "newsspider.fingerprint.CanonicalUrlFingerprinter"
# With JOBDIR, a crawl killed with SIGKILL is resumed by running it again (see the class).
DUPEFILTER_CLASS = "newsspider.dupefilter.ResumableDupeFilter"

# JavaScript-only pages: rendered with scrapy-playwright in Debian's chromium, only when a site's
# render_js says so (auto: pages that come back as script shells). See newsspider/rendering.py.
from newsspider.rendering import CHROMIUM_ARGS, chromium_path  # noqa: E402

DOWNLOAD_HANDLERS = {
    "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
}
DOWNLOADER_MIDDLEWARES = {
    "newsspider.middlewares.IncrementalSkipMiddleware": 50,
    "newsspider.middlewares.RenderSwitchMiddleware": 550,
}
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {"executable_path": chromium_path(), "headless": True, "args": CHROMIUM_ARGS}
PLAYWRIGHT_MAX_CONTEXTS = 2
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 4
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 20_000
PLAYWRIGHT_ABORT_REQUEST = "newsspider.rendering.should_abort_request"
RENDER_TIMEOUT = 10  # seconds to wait for the article to appear in a rendered page
RENDER_MIN_CHARS = 400  # paragraph characters that mean "the article is there"
RENDER_SWITCH_AFTER = 5  # when a site's first N article pages all needed rendering, render the rest directly
# A render that times out is retried like a dropped connection.
RETRY_EXCEPTIONS = [
    # Scrapy 2.19's defaults ...
    "scrapy.exceptions.CannotResolveHostError", "scrapy.exceptions.DownloadConnectionRefusedError",
    "scrapy.exceptions.DownloadFailedError", "scrapy.exceptions.DownloadTimeoutError",
    "scrapy.exceptions.ResponseDataLossError", "twisted.internet.error.ConnectionDone",
    "twisted.internet.error.ConnectError", "twisted.internet.error.ConnectionLost", OSError,
    "scrapy.core.downloader.handlers.http11.TunnelError",
    # ... and a render that timed out or lost its browser
    "playwright._impl._errors.TimeoutError", "playwright._impl._errors.TargetClosedError",
]

# Nothing listens on a port during a crawl.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

ITEM_PIPELINES = {
    "newsspider.pipelines.decoding.PageDecodingPipeline": 100,
    "newsspider.pipelines.widgets.WidgetRemovalPipeline": 200,
    "newsspider.pipelines.extraction.ExtractionPipeline": 300,
    "newsspider.pipelines.language.LanguagePipeline": 400,
    "newsspider.pipelines.validation.ArticleValidationPipeline": 500,
    "newsspider.pipelines.output.ArticleOutputPipeline": 600,
    "newsspider.pipelines.dedup.DuplicateArticlePipeline": 700,
    "newsspider.pipelines.incremental.IncrementalPipeline": 800,
}
# Scheduled crawls: a rerun emits only new and changed articles and does not fetch again the
# article pages it already has (feeds and sitemaps are always read; sitemap lastmod honoured).
INCREMENTAL_ENABLED = True
INCREMENTAL_FULL = False  # True: fetch and emit everything again (the store is still updated)
STATE_DIR = "state"  # one SQLite file per spider: state/<spider>.sqlite
VALIDATION_MIN_WORDS = 50
VALIDATION_DROP = True  # False: keep non-articles, with drop_reason set (newsspider extract does this)

# Without -o/-O (or FEEDS) the articles go to output/<spider>/<start time>.jsonl. Not set as FEEDS
# here: Scrapy merges -o/-O into a project's FEEDS instead of replacing them (NewsSpider.update_settings).
# Written as .jsonl.part and renamed to .jsonl when the crawl ends: a reader never sees a file in
# progress. A .part left by a killed crawl is repaired (cut line dropped) at the next crawl's start.
OUTPUT_DEFAULT_FEED = "output/%(name)s/%(time)s.jsonl.part"
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "jsonlines": "newsspider.exporters.SafeJsonLinesItemExporter",
    "jsonl": "newsspider.exporters.SafeJsonLinesItemExporter",
}
EXTENSIONS = {"newsspider.extensions.CrawlSummary": 500}

LOG_LEVEL = "INFO"
