"""Reports: period logic, the report-data builder, and the xlsx/pdf/docx renderers (no Qt)."""
