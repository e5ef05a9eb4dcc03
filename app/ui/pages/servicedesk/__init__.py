"""Service-desk pages: 工单 (requests), 需求 (requirements), 工作日志 (work log)."""
