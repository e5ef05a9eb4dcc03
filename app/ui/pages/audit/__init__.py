"""审计日志 page: the audit trail listed with filters, chain verification and export."""

from app.ui.pages.audit.audit_page import AuditPage

__all__ = ["AuditPage"]
