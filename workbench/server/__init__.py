"""Team work on a PostgreSQL server: copying projects, roles, the blind, others' changes.

- :func:`copy_project` moves a project between a file and a server, nothing lost.
- :func:`setup_team` creates the coders' roles and installs row-level security;
  :func:`open_as_role` opens a project as the coder the signed-in role is.
- :func:`set_blind` (or the :class:`SetBlind` command) turns the blind on or off.
- :class:`ExternalChanges` tells an open window what others changed.
"""

from __future__ import annotations

from workbench.server.blind import NotLeadError, SetBlind, is_blind, set_blind
from workbench.server.changes import ExternalChanges, ExternalChangesError
from workbench.server.copying import CopyError, CopyReport, copy_project
from workbench.server.roles import (
    MapCoderRoles,
    RoleAssignment,
    ServerStatus,
    SetupReport,
    TeamRole,
    adopt_role_coder,
    on_server,
    open_as_role,
    role_coder,
    server_status,
    setup_team,
    signed_in_role,
)

__all__ = [
    "CopyError",
    "CopyReport",
    "ExternalChanges",
    "ExternalChangesError",
    "MapCoderRoles",
    "NotLeadError",
    "RoleAssignment",
    "ServerStatus",
    "SetBlind",
    "SetupReport",
    "TeamRole",
    "adopt_role_coder",
    "copy_project",
    "is_blind",
    "on_server",
    "open_as_role",
    "role_coder",
    "server_status",
    "set_blind",
    "setup_team",
    "signed_in_role",
]
