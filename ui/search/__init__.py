"""The search panel over the core's full-text search."""
