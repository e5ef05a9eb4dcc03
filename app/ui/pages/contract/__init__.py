"""The contract page (合同) and its parts, one widget per module."""

from app.ui.pages.contract.page import ContractPage
from app.ui.pages.contract.reimport import ReimportDialog

__all__ = ["ContractPage", "ReimportDialog"]
