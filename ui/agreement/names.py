"""Short names of agreement statistics and counts, for column headers and captions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbench.entities import CoderInfo

_CONTEXT = "AgreementNames"

#: The statistic that leads the table, the colours and the bar chart, by unit.
LEADING = {
    "character": ("kappa", "alpha"),
    "segment": ("brennan_prediger",),
    "document": ("kappa", "alpha"),
    "unitized": ("u_alpha",),
}


def _tr(text: object) -> str:
    """Translate a message marked with ``QT_TRANSLATE_NOOP`` in this module's context."""
    return QCoreApplication.translate(_CONTEXT, str(text))


def statistic_name(key: str) -> str:
    """A column header for a statistic's key."""
    names = {
        "kappa": QT_TRANSLATE_NOOP("AgreementNames", "Kappa"),
        "kappa_mean": QT_TRANSLATE_NOOP("AgreementNames", "Kappa (mean)"),
        "kappa_weighted": QT_TRANSLATE_NOOP("AgreementNames", "Kappa (weighted)"),
        "percent_agreement": QT_TRANSLATE_NOOP("AgreementNames", "Agreement %"),
        "percent_agreement_mean": QT_TRANSLATE_NOOP("AgreementNames", "Agreement % (mean)"),
        "percent_agreement_weighted": QT_TRANSLATE_NOOP("AgreementNames", "Agreement % (weighted)"),
        "fleiss_kappa": QT_TRANSLATE_NOOP("AgreementNames", "Fleiss' kappa"),
        "alpha": QT_TRANSLATE_NOOP("AgreementNames", "Alpha"),
        "brennan_prediger": QT_TRANSLATE_NOOP("AgreementNames", "Brennan–Prediger"),
        "u_alpha": QT_TRANSLATE_NOOP("AgreementNames", "u-alpha"),
        "binary_u_alpha": QT_TRANSLATE_NOOP("AgreementNames", "|u-alpha"),
        "cu_alpha": QT_TRANSLATE_NOOP("AgreementNames", "cu-alpha"),
    }
    return _tr(names[key]) if key in names else key


def count_name(key: str, coders: tuple[CoderInfo, ...]) -> str:
    """A column header for a count's key, naming the coders by their initials."""
    a = coders[0].initials if coders else "A"
    b = coders[1].initials if len(coders) > 1 else "B"
    names = {
        "both": (QT_TRANSLATE_NOOP("AgreementNames", "Both"), ""),
        "only_a": (QT_TRANSLATE_NOOP("AgreementNames", "Only {0}"), a),
        "only_b": (QT_TRANSLATE_NOOP("AgreementNames", "Only {0}"), b),
        "neither": (QT_TRANSLATE_NOOP("AgreementNames", "Neither"), ""),
        "documents_with_kappa": (QT_TRANSLATE_NOOP("AgreementNames", "Documents with kappa"), ""),
        "agreements": (QT_TRANSLATE_NOOP("AgreementNames", "Matched"), ""),
        "segments_a": (QT_TRANSLATE_NOOP("AgreementNames", "Segments {0}"), a),
        "segments_b": (QT_TRANSLATE_NOOP("AgreementNames", "Segments {0}"), b),
        "continuum": (QT_TRANSLATE_NOOP("AgreementNames", "Continuum"), ""),
        "coded_a": (QT_TRANSLATE_NOOP("AgreementNames", "Coded {0}"), a),
        "coded_b": (QT_TRANSLATE_NOOP("AgreementNames", "Coded {0}"), b),
    }
    if key not in names:
        return key
    text, who = names[key]
    return _tr(text).format(who)


def unit_name(unit: str) -> str:
    """A unit's name for menus."""
    names = {
        "character": QT_TRANSLATE_NOOP("AgreementNames", "Character"),
        "segment": QT_TRANSLATE_NOOP("AgreementNames", "Segment"),
        "document": QT_TRANSLATE_NOOP("AgreementNames", "Document"),
        "unitized": QT_TRANSLATE_NOOP("AgreementNames", "Unitized (u-alpha)"),
    }
    return _tr(names[unit]) if unit in names else unit


def leading_statistic(unit: str, keys: list[str]) -> str | None:
    """The statistic that leads, among those a result has."""
    for key in LEADING.get(unit, ()):
        if key in keys:
            return key
    return keys[0] if keys else None
