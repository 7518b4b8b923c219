"""The auditors' site: pages generated from the loaded repository, built by mkdocs-material (see pages.py)."""
