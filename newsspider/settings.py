"""Scrapy settings for newsspider. Our own settings are named per component (SITES_*, VALIDATION_*,
OUTPUT_*): Scrapy's NEWSPIDER_MODULE already takes the NEWSPIDER_ prefix."""

BOT_NAME = "newsspider"
SPIDER_MODULES = ["newsspider.spiders"]
COMMANDS_MODULE = "newsspider.commands"  # `scrapy crawl` with an exit status that tells the truth
NEWSPIDER_MODULE = "newsspider.spiders"

# One spider per [[site]] in newsspider/sites/sites.toml and in every file of SITES_FILES.
SPIDER_LOADER_CLASS = "newsspider.spiderloader.SiteSpiderLoader"
SITES_FILES: list[str] = []
SITES_BUNDLED = True

USER_AGENT = "newsspider/0.1 (news crawler; Scrapy)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Scrapy starts CONCURRENT_ITEMS worker tasks for every callback's output, however little it
# yields: at its default of 100 that was 30,100 asyncio tasks for 300 article pages (one item
# each). 8 took 0.88x the crawl CPU (median of 7 paired runs) and delivers the same.
CONCURRENT_ITEMS = 8
# Per-host concurrency that holds with no download delay, and robots.txt Crawl-delay (see the class).
DOWNLOADER = "newsspider.downloader.PoliteDownloader"
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024  # a gzip bomb is refused instead of inflated into memory
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
RETRY_TIMES = 2
ROBOTSTXT_TIMEOUT = 10  # seconds; a robots.txt that does not answer disallows its host
ROBOTSTXT_MAX_CRAWL_DELAY = 60  # seconds; a robots.txt Crawl-delay above this is kept as this
# Our spiders' errbacks count and log every failed fetch (see NewsSpider.on_error); Scrapy's own
# "Gave up retrying" ERROR line would say it a second time, louder.
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"
FAILURE_LOG_EXAMPLES = 3  # failed fetches logged at INFO per reason; the rest at DEBUG, all counted
DEPTH_LIMIT = 10  # a backstop; each site's max_depth decides how far section links are followed

# One story under many URLs (tracking parameters, AMP, trailing slash) is fetched once.
REQUEST_FINGERPRINTER_CLASS = "newsspider.fingerprint.CanonicalUrlFingerprinter"
# With JOBDIR, a crawl killed with SIGKILL is resumed by running it again (see the class).
DUPEFILTER_CLASS = "newsspider.dupefilter.ResumableDupeFilter"

# JavaScript-only pages: rendered with scrapy-playwright in Debian's chromium, only when a site's
# render_js says so (auto: pages that come back as script shells). See newsspider/rendering.py.
from newsspider.rendering import CHROMIUM_ARGS, chromium_path  # noqa: E402

DOWNLOAD_HANDLERS: dict[str, str | None] = {
    # The browser starts only when a page needs it (newsspider/rendering.py).
    "http": "newsspider.rendering.LazyPlaywrightDownloadHandler",
    "https": "newsspider.rendering.LazyPlaywrightDownloadHandler",
    # Only http and https are downloaded: no file://, ftp://, s3:// or data: (FEEDS storages are
    # not download handlers and keep working).
    "file": None, "ftp": None, "s3": None, "data": None,
}
SPIDER_MIDDLEWARES = {
    # Distributed mode only: a request's lease ends when its callback's output is done.
    "newsspider.distributed.leases.LeaseSpiderMiddleware": 1,
}
DOWNLOADER_MIDDLEWARES = {
    # Only http(s); no internal addresses in open-web mode (newsspider/scope.py).
    "newsspider.scope.ScopeMiddleware": 40,
    "newsspider.scope.UrlCredentialsMiddleware": 30,  # user:password@ in a URL → Authorization header
    # Retry-After and exponential back-off on repeated 5xx; sees responses before RetryMiddleware.
    "newsspider.scope.BackoffMiddleware": 560,
    # Off-site requests are said once per host at INFO, not at DEBUG.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "newsspider.middlewares.ReportedOffsiteMiddleware": 50,
    # RFC 9309: a robots.txt that cannot be read (5xx, no answer) disallows the host.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newsspider.robots.RobotsPolicyMiddleware": 100,
    "newsspider.delivery.fetching.IncrementalFetchMiddleware": 60,
    # Redirect loops and off-site redirects become failures with a reason, not silent drops.
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "newsspider.middlewares.RecordedRedirectMiddleware": 600,
    "newsspider.middlewares.RenderSwitchMiddleware": 550,
    # Distributed mode only: a request's lease ends when its fetch failed for good; one pace per
    # host shared by every worker (newsspider/distributed/).
    "newsspider.distributed.leases.LeaseDownloaderMiddleware": 1,
    "newsspider.distributed.politeness.SharedHostPaceMiddleware": 800,
    # Cookies as Scrapy handles them, the Public Suffix List read offline (never downloaded).
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
    "newsspider.middlewares.OfflineSuffixCookiesMiddleware": 700,
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
SCOPE_ALLOWED_HOSTS: list[str] = []  # internal hosts the open-web mode may fetch (tests: 127.0.0.1)
BACKOFF_MAX_DELAY = 120  # seconds a Retry-After may make a host wait
BACKOFF_BASE_DELAY = 1.0  # the first wait after repeated 5xx, doubled each time
CONCURRENT_SITES = 8  # `newsspider crawl` with many sites: at most this many crawl at once
LINKS_PER_PAGE_MAX = 2000  # links followed from one page (a page of 200,000 links is a trap)
TRAP_MAX_VARIANTS = 50  # a URL shape whose one id-like segment took more values than this is a trap
SITE_REQUEST_BUDGET = 200_000  # requests one site's crawl may make (0: no limit)

TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

ITEM_PIPELINES = {
    "newsspider.pipelines.article.ArticlePipeline": 100,  # the cleaning stages (extraction/stages.py)
    "newsspider.pipelines.dedup.DuplicateArticlePipeline": 700,
    "newsspider.pipelines.incremental.IncrementalPipeline": 800,
}
# Scheduled crawls: a rerun emits only new and changed articles and does not fetch again the
# article pages it already has (feeds and sitemaps are always read; sitemap lastmod honoured).
INCREMENTAL_ENABLED = True
INCREMENTAL_FULL = False  # True: fetch and emit everything again (the ledger is still updated), as -O does
STATE_DIR = "state"  # one SQLite file per spider: state/<spider>.sqlite (relative to the working directory)
VALIDATION_MIN_WORDS = 50

# Without -o/-O (or FEEDS) the articles go to OUTPUT_DIR/<spider>/<start time>.jsonl (relative to
# the working directory), written as .jsonl.part and renamed when the crawl ends so a reader never
# sees a file in progress; a .part left by a killed crawl is repaired at the next start. Not set as
# FEEDS here: Scrapy merges -o/-O into a project's FEEDS instead of replacing them.
OUTPUT_DIR = "output"
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {
    "jsonlines": "newsspider.delivery.feeds.DurableJsonLinesItemExporter",
    "jsonl": "newsspider.delivery.feeds.DurableJsonLinesItemExporter",
}
# Delivery (newsspider/delivery/): a line counts as delivered once written and fsync'd, every
# DELIVERY_SYNC_ITEMS lines or DELIVERY_SYNC_SECONDS seconds, and only then enters the ledger.
DELIVERY_SYNC_ITEMS = 20
DELIVERY_SYNC_SECONDS = 2.0
# Known articles first seen less than REVISIT_MAX_AGE ago are fetched again (conditionally) at
# most every REVISIT_INTERVAL, so corrections arrive on feed-only sites too (seconds).
REVISIT_MAX_AGE = 3 * 86400
REVISIT_INTERVAL = 6 * 3600
FAILURE_RETRY_RUNS = 3  # a URL that failed (transiently) in this many runs is not tried again
CRAWL_MAX_ERRORS = 0  # a site that logged more ERROR lines than this failed (exit status 1)
EXTENSIONS = {
    "scrapy.extensions.feedexport.FeedExporter": None,
    "newsspider.delivery.feeds.DeliveringFeedExporter": 0,
    "newsspider.delivery.records.DeliveryRecords": 10,
    # Distributed mode (REDIS_URL): the worker's side of a crawl shared through Redis.
    "newsspider.distributed.crawl.DistributedCrawl": 5,
    "newsspider.extensions.CrawlSummary": 500,
    "newsspider.extensions.StatsFile": 505,  # STATS_FILE=path: the stats as JSON at the end
    "newsspider.logs.CrawlProgress": 510,
    "newsspider.scope.RequestBudget": 520,
    "scrapy.extensions.logstats.LogStats": None,  # CrawlProgress says it with the site's name
}

LOG_LEVEL = "INFO"
LOG_FORMATTER = "newsspider.logs.ReadableLogFormatter"  # a drop is one short line, not an item dump
LOG_SITE_NAMES = False  # True (newsspider crawl with several sites): every line starts with [site]
PROGRESS_INTERVAL = 60  # seconds between progress lines
