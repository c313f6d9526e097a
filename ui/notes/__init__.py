"""Editors for memos, document attributes and case links."""
