"""The one report-data builder: every figure of every report, with its trace."""
