"""The credential vault (密码库, 司法局 §2.3.1.4): account metadata in the ledger, secrets only in
the OS keyring or an encrypted KDBX file (``backend``); policies and the generator (``policy``);
user actions (``actions``); rotation reminders on Today (``due``)."""
