"""Excel transfer: the workbook guard, safe cells, column tables, record import and export."""
