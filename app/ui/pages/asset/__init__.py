"""资产 page: the asset register, subnets (IPAM) and stocktakes."""

from app.ui.pages.asset.page import AssetsPage

__all__ = ["AssetsPage"]
