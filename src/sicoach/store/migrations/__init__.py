"""Alembic migrations of the SI Coach database (run by `sicoach.store.engine.upgrade`)."""
