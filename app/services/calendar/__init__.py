"""Service calendars: service time of 5×8/7×24 hours and the official holiday years."""
