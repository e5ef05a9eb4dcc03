"""The asset register (资产台账): register rules, IPAM, import, exports, reminders, stocktake, labels."""
