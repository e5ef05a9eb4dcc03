"""Domain rules without Qt: calendars and SLA clocks, KPIs, inspections, imports/exports, audit.

A user action is one call here with one session (one transaction); its audit event is written in
that same transaction.
"""
