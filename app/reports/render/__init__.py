"""Renderers of the document model: PDF, XLSX, DOCX, charts and the bundled fonts."""
