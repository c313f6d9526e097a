"""Two coders editing the same code definition on the server: the second is told, not lost."""

from __future__ import annotations

import pytest

from tests.workbench.server.helpers import make_team
from workbench.commands.codes import UpdateCode
from workbench.errors import ConflictError
from workbench.server import ExternalChanges, open_as_role

pytestmark = pytest.mark.postgres


def test_the_second_edit_of_a_code_definition_is_refused_with_a_clear_message(
    postgres_url: str,
) -> None:
    team = make_team(postgres_url, blind=True)
    with (
        open_as_role(team.url_of(team.ana)) as ana,
        open_as_role(team.url_of(team.ben)) as ben,
    ):
        # Both open the code's definition for editing.
        (ana_sees,) = [c for c in ana.codes() if c.id == team.code_id]
        (ben_sees,) = [c for c in ben.codes() if c.id == team.code_id]
        assert ana_sees.version == ben_sees.version
        ben_hears = ExternalChanges(ben)

        ana.run(
            UpdateCode(
                team.code_id,
                expected_version=ana_sees.version,
                definition="Un sindicato elegido sin la empresa.",
            )
        )
        with pytest.raises(ConflictError) as refused:
            ben.run(
                UpdateCode(
                    team.code_id,
                    expected_version=ben_sees.version,
                    definition="Cualquier sindicato.",
                )
            )
        message = str(refused.value)
        assert "'Sindicato independiente' was changed by someone else" in message
        assert "reload it and try again" in message

        # Ana's text stands; Ben's window hears of it and can edit the new version.
        (now,) = [c for c in ben.codes() if c.id == team.code_id]
        assert now.definition == "Un sindicato elegido sin la empresa."
        changes = ben_hears.poll()
        assert changes is not None and changes.updated == {"code": frozenset({team.code_id})}
        ben.run(
            UpdateCode(team.code_id, expected_version=now.version, definition="Ambos criterios.")
        )
        (final,) = [c for c in ana.codes() if c.id == team.code_id]
        assert final.definition == "Ambos criterios."
        assert final.version == ana_sees.version + 2
        ben_hears.close()
