"""Teamwork: the audit log, backups and the other tools for working together."""
