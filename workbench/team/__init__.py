"""Teamwork offline: assignment files for coders, and merging what they return.

The lead cuts an assignment file per coder from the master (:func:`make_assignment`),
and merges the returned files back (:func:`merge_files`, previewed by
:func:`preview_merge`). Rows are matched by GUID, never by name.
"""

from workbench.team.assign import AssignmentReport, make_assignment
from workbench.team.merge import MergeReturned, merge_files, preview_merge
from workbench.team.merge_codes import CodeChoice
from workbench.team.report import CodeProposal, Conflict, FileReport, MergeReport
from workbench.team.returned import ReturnedFile, read_returned

__all__ = [
    "AssignmentReport",
    "CodeChoice",
    "CodeProposal",
    "Conflict",
    "FileReport",
    "MergeReport",
    "MergeReturned",
    "ReturnedFile",
    "make_assignment",
    "merge_files",
    "preview_merge",
    "read_returned",
]
