"""报告提交 / 验收: which reports are owed, their handing-over to the client and sign-off."""
