"""Matrices, charts and the report-appendix export dialog."""
