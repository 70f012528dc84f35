# scrapyd-deploy builds its egg by running setup.py; everything else is in pyproject.toml.
from setuptools import setup

setup()
