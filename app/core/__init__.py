"""Pure rules: no database session, no Qt (time, periods, KPIs, downtime, vocabularies)."""
