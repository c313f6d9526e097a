"""Matrices and queries over a project's codings, for reports and statistics.

The modules return pandas DataFrames keyed by ids, each with a bilingual description.
Nothing heavy is imported here: import the module you need, such as
:mod:`workbench.analysis.matrices` or :mod:`workbench.analysis.quotes`.
"""
