"""The JSON Lines schema (JSON Schema 2020-12), one file: article.schema.json."""

import json
from importlib import resources

SCHEMA_FILE = resources.files(__name__).joinpath("article.schema.json")  # works inside an egg too


def load_schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
