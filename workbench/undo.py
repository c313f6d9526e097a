"""A headless undo stack of commands (the GUI mirrors it in a ``QUndoStack``)."""

from __future__ import annotations

from workbench.commands.base import Command


class UndoStack:
    """Commands done, and commands undone that can be redone."""

    def __init__(self, limit: int = 500) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._limit = limit

    def pushed(self, command: Command) -> None:
        """Record a command that was just done; it clears the redo side."""
        self._done.append(command)
        del self._done[: -self._limit]
        self._undone.clear()

    def take_undo(self) -> Command | None:
        """The command to undo next, moved to the redo side."""
        if not self._done:
            return None
        command = self._done.pop()
        self._undone.append(command)
        return command

    def take_redo(self) -> Command | None:
        """The command to redo next, moved back to the done side."""
        if not self._undone:
            return None
        command = self._undone.pop()
        self._done.append(command)
        return command

    def give_back_undo(self, command: Command) -> None:
        """Put back a command whose undo failed."""
        self._undone.remove(command)
        self._done.append(command)

    def give_back_redo(self, command: Command) -> None:
        """Put back a command whose redo failed."""
        self._done.remove(command)
        self._undone.append(command)

    @property
    def undo_label(self) -> str | None:
        """The label of the command that undo would reverse."""
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        """The label of the command that redo would apply again."""
        return self._undone[-1].label if self._undone else None
