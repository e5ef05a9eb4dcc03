"""Contract profiles: loading, validation, import and export."""
