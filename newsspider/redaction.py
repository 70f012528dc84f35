"""Secrets stay out of logs, summaries, failure records and output: URL userinfo, token-like query
parameters and the values of settings whose names look secret are replaced by `***`. No Scrapy."""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MASK = "***"
# Setting names that hold secrets (AWS_SECRET_ACCESS_KEY, FEED_STORAGE_GCS_ACL is not one).
SECRET_SETTING = re.compile(r"KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL", re.IGNORECASE)
# Query parameters that carry credentials or sessions.
_SECRET_PARAMS = {
    "key", "apikey", "api_key", "token", "access_token", "auth", "auth_token", "authorization", "sig",
    "signature", "password", "passwd", "pwd", "secret", "client_secret", "session", "sessionid", "sid",
    "jsessionid", "phpsessid", "x-amz-signature", "x-amz-credential", "x-amz-security-token",
}
_SECRET_PARAM_SUFFIXES = ("_token", "_key", "_secret", "_password", "-signature")

_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^/\s@:'\"]+(?::[^/\s@'\"]*)?)@")
# user:password@host without a scheme, as error messages quote a URL's netloc.
_BARE_USERINFO = re.compile(r"(?<![/\w.-])[\w.%-]+:[^\s/@'\"]+@(?=[\w\[])")
_QUERY_PAIR = re.compile(r"(?P<lead>[?&;])(?P<name>[^=&#\s'\"]+)=(?P<value>[^&#\s'\"]*)")
_SETTING_PAIR = re.compile(r"""(?P<name>['"][A-Z0-9_]+['"])\s*:\s*(?P<value>'[^']*'|"[^"]*"|[^,}\n]+)""")


def is_secret_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in _SECRET_PARAMS or lowered.endswith(_SECRET_PARAM_SUFFIXES)


def redact_url(url: str) -> str:
    """The URL with its userinfo and secret query values masked (for logs and records)."""
    return redact_text(url)


def clean_url(url: str) -> str:
    """The URL without userinfo and without secret query parameters (for the output)."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_secret_param(k)]
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query), parts.fragment))


def redact_text(text: str) -> str:
    """Mask userinfo and secret query values of every URL in `text`, and secret settings' values."""
    if "@" in text:
        text = _USERINFO.sub(lambda m: f"{m['scheme']}{MASK}@", text)
        text = _BARE_USERINFO.sub(f"{MASK}@", text)
    if "=" in text:
        text = _QUERY_PAIR.sub(lambda m: f"{m['lead']}{m['name']}={MASK}" if is_secret_param(m["name"]) else m[0], text)
    if ":" in text and any(c.isupper() for c in text):
        text = _SETTING_PAIR.sub(
            lambda m: f"{m['name']}: '{MASK}'" if SECRET_SETTING.search(m["name"]) else m[0], text)
    return text


class RedactingFilter(logging.Filter):
    """On a logger: the record's message is rendered and redacted (Scrapy's "Overridden settings"
    line prints every setting given, keys and passwords included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def install_log_redaction() -> None:
    """Loggers that print settings or URLs before our log formatter is in place."""
    for name in ("scrapy.crawler", "scrapy.utils.log", "scrapy.middleware"):
        target = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in target.filters):
            target.addFilter(RedactingFilter())
