"""The service desk: service requests, requirements and the work log."""
