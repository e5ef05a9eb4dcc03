"""The fault log: incident workflow, SLA clocks and attachments."""
