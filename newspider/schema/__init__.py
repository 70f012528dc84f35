"""The JSON Lines schema (JSON Schema 2020-12), one file: article.schema.json."""

import json
from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("article.schema.json")


def load_schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
