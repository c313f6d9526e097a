"""Agreement between coders: the statistics, and agreement on a project's codings.

The statistics are pure functions of tables and codings (no database). Each returns a
float, or None when it is undefined for its data; :func:`explain_undefined` says why.
"""

from __future__ import annotations

from workbench.agreement.adjudication import (
    AcceptAgreements,
    Adjudicate,
    Decision,
    adjudication_progress,
    consensus_coder,
    decisions,
)
from workbench.agreement.alpha import (
    coincidences,
    krippendorff_alpha,
    krippendorff_alpha_counts,
    percent_agreement_units,
)
from workbench.agreement.bootstrap import BootstrapInterval, bootstrap_alpha
from workbench.agreement.disagreements import (
    Disagreement,
    DisagreementKey,
    find_disagreements,
    group_by_passage,
)
from workbench.agreement.kappa import cohen_kappa, percent_agreement_table, scott_pi
from workbench.agreement.multirater import (
    brennan_prediger,
    fleiss_kappa,
    gwet_ac1,
    percent_agreement_counts,
)
from workbench.agreement.project import compute_agreement
from workbench.agreement.result import AgreementResult, CodeAgreement, GroupAgreement
from workbench.agreement.statistic import Statistic, evaluate, explain_undefined
from workbench.agreement.unitized import unitized_alpha

__all__ = [
    "AcceptAgreements",
    "Adjudicate",
    "AgreementResult",
    "BootstrapInterval",
    "CodeAgreement",
    "Decision",
    "Disagreement",
    "DisagreementKey",
    "GroupAgreement",
    "Statistic",
    "adjudication_progress",
    "bootstrap_alpha",
    "brennan_prediger",
    "cohen_kappa",
    "coincidences",
    "compute_agreement",
    "consensus_coder",
    "decisions",
    "evaluate",
    "explain_undefined",
    "find_disagreements",
    "fleiss_kappa",
    "group_by_passage",
    "gwet_ac1",
    "krippendorff_alpha",
    "krippendorff_alpha_counts",
    "percent_agreement_counts",
    "percent_agreement_table",
    "percent_agreement_units",
    "scott_pi",
    "unitized_alpha",
]
