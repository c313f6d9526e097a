"""An open project in the GUI: the project, its undo stack and its change bus.

Every change the GUI makes goes through :meth:`AppSession.run`: the core command is
done at once (one transaction), then put on Qt's undo stack so that Ctrl+Z and the
Edit menu can name and reverse it. Views listen to :attr:`ChangeBus.changed` and
refresh only the kinds of things that changed.

What other people change (another window, another coder on the team server) reaches
the same bus: every :data:`POLL_INTERVAL_MS` the session asks the project's audit log
what others did since (:class:`~workbench.server.changes.ExternalChanges`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ui.command_labels import translated
from workbench.changes import Changes
from workbench.commands.base import Command
from workbench.errors import WorkbenchError
from workbench.project import Project
from workbench.search import SearchIndex
from workbench.server.changes import ExternalChanges
from workbench.server.roles import adopt_role_coder

#: How often others' changes are looked for, in milliseconds.
POLL_INTERVAL_MS = 2000


class ChangeBus(QObject):
    """Re-emits what each command changed, on the GUI thread."""

    changed = Signal(object)


class _UndoEntry(QUndoCommand):
    """A core command on Qt's undo stack."""

    def __init__(self, session: AppSession, command: Command) -> None:
        super().__init__(translated(command.label))
        self._session = session
        self._command = command
        self._first = True

    def redo(self) -> None:
        if self._first:  # the command was already done before it was pushed
            self._first = False
            return
        self._session._apply(self._command, reverse=False, entry=self)

    def undo(self) -> None:
        self._session._apply(self._command, reverse=True, entry=self)


class AppSession(QObject):
    """The project a window works on, with the coder who works."""

    failed = Signal(str)
    #: Others' changes could not be read (the server went away); said once until it works.
    poll_failed = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.bus = ChangeBus(self)
        self.undo_stack = QUndoStack(self)
        self._search: SearchIndex | None = None
        project.subscribe(self.bus.changed.emit)
        # On a team server the signed-in role is a coder: the server accepts no other.
        adopt_role_coder(project)
        self._external = ExternalChanges(project, background=True)
        self._poll_failing = False
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_INTERVAL_MS)
        self._poll_timer.timeout.connect(self.poll_external)
        self._poll_timer.start()

    @property
    def coder_id(self) -> int | None:
        """The coder whose segments new codings become."""
        return self.project.coder_id

    def poll_external(self) -> Changes | None:
        """Tell the views what others changed since the last look; what that was."""
        try:
            changes = self._external.poll()
        except WorkbenchError as error:
            if not self._poll_failing:
                self._poll_failing = True
                self.poll_failed.emit(str(error))
            return None
        self._poll_failing = False
        if changes:
            self.bus.changed.emit(changes)
        return changes

    def search_index(self) -> SearchIndex:
        """The project's search index, made on first use."""
        if self._search is None:
            self._search = SearchIndex(self.project)
        return self._search

    def run(self, command: Command) -> Changes | None:
        """Do a command and put it on the undo stack; report a refusal instead of raising."""
        try:
            return self.run_or_raise(command)
        except WorkbenchError as error:
            self.failed.emit(str(error))
            return None

    def run_or_raise(self, command: Command) -> Changes:
        """Do a command and put it on the undo stack; a refusal raises ``WorkbenchError``.

        This is the runner handed to core functions that run several commands (an
        import of codings, say); wrap such a call in :meth:`macro` to undo it at once.
        """
        changes = self.project.execute(command)
        self.undo_stack.push(_UndoEntry(self, command))
        return changes

    @contextmanager
    def macro(self, label: str) -> Iterator[None]:
        """Group the commands run inside into one undo step named ``label``."""
        self.undo_stack.beginMacro(label)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def _apply(self, command: Command, *, reverse: bool, entry: QUndoCommand) -> None:
        try:
            self.project.execute(command, reverse=reverse)
        except WorkbenchError as error:
            # The database is as it was; drop the entry so the stack tells the truth.
            entry.setObsolete(True)
            self.failed.emit(str(error))

    def close(self) -> None:
        """Stop looking for others' changes, forget the history and release the database."""
        self._poll_timer.stop()
        self._external.close()
        self.undo_stack.clear()
        self.project.close()
