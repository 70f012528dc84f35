"""JSON Lines that every line reader splits correctly."""

from __future__ import annotations

from scrapy.exporters import JsonLinesItemExporter

# JSON allows these raw inside strings, but str.splitlines() and many JS readers break lines on them.
_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


def escape_line_breakers(line: str) -> str:
    for raw, escaped in _LINE_BREAKERS.items():
        line = line.replace(raw, escaped)
    return line


class SafeJsonLinesItemExporter(JsonLinesItemExporter):
    """Scrapy's JSON Lines exporter, with U+2028, U+2029 and U+0085 escaped so one item is one
    line, and each line flushed as it is written: the article store records an item only after
    this (IncrementalPipeline), so a killed crawl has not recorded anything it did not write."""

    def export_item(self, item):
        itemdict = dict(self.get_serialized_fields(item))
        data = escape_line_breakers(self.encoder.encode(itemdict)) + "\n"
        self.file.write(data.encode(self.encoding or "utf-8"))
        self.file.flush()
