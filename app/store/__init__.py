"""Storage: the engine and session factory, the typed ORM models and the migrations."""
