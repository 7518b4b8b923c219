"""Controlled DOCX copies (export) and import of legacy Word policies."""
