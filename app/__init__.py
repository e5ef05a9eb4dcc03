"""OpsLedger (运维台账): records, SLA clocks and contract reports for resident O&M engineers."""

__version__ = "0.1.0"
