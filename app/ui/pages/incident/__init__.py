"""故障 (incident) pages: ``page.IncidentsPage``, ``form.IncidentForm``, ``detail.IncidentDetail``."""
