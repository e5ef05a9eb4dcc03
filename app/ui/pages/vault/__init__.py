"""密码库 page (credential vault, 司法局 §2.3.1.4): entries, due state, show/copy, rotate, history."""

from app.ui.pages.vault.page import VaultPage

__all__ = ["VaultPage"]
