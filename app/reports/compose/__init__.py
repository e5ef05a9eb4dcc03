"""Composition of report data into a document model (sections, tables, charts)."""
