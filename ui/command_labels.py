"""Names of core commands in the interface language (Undo and Redo, the audit log).

The core names its commands in English; the GUI shows them translated. Fixed names are
looked up as they are; names with a number, a file or a coder in them are matched by
pattern. A name not listed here is shown as the core wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "CommandLabels"

_FIXED = (
    QT_TRANSLATE_NOOP("CommandLabels", "Add attribute"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add case"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add code"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add code group"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add codebook template"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add coder"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add memo"),
    QT_TRANSLATE_NOOP("CommandLabels", "Adjudicate: accept both versions"),
    QT_TRANSLATE_NOOP("CommandLabels", "Adjudicate: accept the first coder's version"),
    QT_TRANSLATE_NOOP("CommandLabels", "Adjudicate: accept the second coder's version"),
    QT_TRANSLATE_NOOP("CommandLabels", "Adjudicate: edited boundaries"),
    QT_TRANSLATE_NOOP("CommandLabels", "Adjudicate: leave uncoded"),
    QT_TRANSLATE_NOOP("CommandLabels", "Assign server roles"),
    QT_TRANSLATE_NOOP("CommandLabels", "Change segment's code"),
    QT_TRANSLATE_NOOP("CommandLabels", "Code in vivo"),
    QT_TRANSLATE_NOOP("CommandLabels", "Code passage"),
    QT_TRANSLATE_NOOP("CommandLabels", "Copy agreed passages to the consensus"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete code"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete document"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete memo"),
    QT_TRANSLATE_NOOP("CommandLabels", "Demo codings"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit code"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit memo"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit segment memo"),
    QT_TRANSLATE_NOOP("CommandLabels", "Import codebook"),
    QT_TRANSLATE_NOOP("CommandLabels", "Import codings"),
    QT_TRANSLATE_NOOP("CommandLabels", "Import document"),
    QT_TRANSLATE_NOOP("CommandLabels", "Lift the blind"),
    QT_TRANSLATE_NOOP("CommandLabels", "Link codes"),
    QT_TRANSLATE_NOOP("CommandLabels", "Link to case"),
    QT_TRANSLATE_NOOP("CommandLabels", "Merge codes"),
    QT_TRANSLATE_NOOP("CommandLabels", "Move code"),
    QT_TRANSLATE_NOOP("CommandLabels", "Recolour code"),
    QT_TRANSLATE_NOOP("CommandLabels", "Remember export choices"),
    QT_TRANSLATE_NOOP("CommandLabels", "Remove code link"),
    QT_TRANSLATE_NOOP("CommandLabels", "Remove segment"),
    QT_TRANSLATE_NOOP("CommandLabels", "Rename code"),
    QT_TRANSLATE_NOOP("CommandLabels", "Resize segment"),
    QT_TRANSLATE_NOOP("CommandLabels", "Set attribute"),
    QT_TRANSLATE_NOOP("CommandLabels", "Turn the blind on"),
    QT_TRANSLATE_NOOP("CommandLabels", "Unlink from case"),
)

_COUNTED = (
    (
        re.compile(r"^Code (\d+) passages$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Code {0} passages"),
    ),
    (
        re.compile(r"^Code (\d+) search hits$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Code {0} search hits"),
    ),
    (
        re.compile(r"^Import (\d+) documents$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Import {0} documents"),
    ),
    (
        re.compile(r"^Import (\d+) codings$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Import {0} codings"),
    ),
    (
        re.compile(r"^Remove (\d+) segments$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Remove {0} segments"),
    ),
    (
        re.compile(r"^Set (\d+) attribute values$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Set {0} attribute values"),
    ),
    (
        re.compile(r"^Merge (\d+) returned files$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Merge {0} returned files"),
    ),
)

# Names with a file or a coder's name in them, matched after the fixed and counted ones.
_NAMED = (
    (
        re.compile(r"^Import REFI-QDA project (.+)$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Import REFI-QDA project {0}"),
    ),
    (
        re.compile(r"^Import REFI-QDA codebook (.+)$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Import REFI-QDA codebook {0}"),
    ),
    (
        re.compile(r"^Make an assignment file for (.+)$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Make an assignment file for {0}"),
    ),
    (
        re.compile(r"^Merge (.+)$"),
        QT_TRANSLATE_NOOP("CommandLabels", "Merge {0}"),
    ),
)


def translated(label: str) -> str:
    """A command's name in the interface language."""
    if label in _FIXED:
        return QCoreApplication.translate(_CONTEXT, label)
    for pattern, template in (*_COUNTED, *_NAMED):
        found = pattern.match(label)
        if found is not None:
            return QCoreApplication.translate(_CONTEXT, template).format(found.group(1))
    return label
