"""Inspections: schedules and due slots, runs and their recorded results."""
