"""The main window: the start screen, or an open project's workspace, with its menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget

from ui import settings
from ui.documents.importer import ImportController
from ui.identity import IdentityDialog
from ui.progress import TaskProgress
from ui.session import AppSession
from ui.start import StartScreen
from ui.workspace import Workspace
from workbench.codebook.csv_io import export_codebook, import_codebook
from workbench.codings_csv import export_codings, import_codings
from workbench.errors import WorkbenchError
from workbench.newproject import create_project
from workbench.project import Project
from workbench.server.roles import adopt_role_coder


class MainWindow(QMainWindow):
    """One window, one project at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Coding Workbench"))
        self.resize(1400, 900)
        self.session: AppSession | None = None
        self.workspace: Workspace | None = None
        self.importer: ImportController | None = None
        self._role_mapped = False
        self.start = StartScreen(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start)
        self.setCentralWidget(self.stack)
        self.progress = TaskProgress(self)
        self.coder_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.coder_label)
        self._project_actions: list[QAction] = []
        self._build_menus()
        self.start.open_requested.connect(self.open_project)
        self.start.new_requested.connect(self.new_project)
        self.start.demo_requested.connect(self.open_demo)
        geometry, _state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._set_project_actions(False)

    # -- menus ---------------------------------------------------------------------

    def _action(
        self,
        menu_title: str,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        *,
        project: bool = True,
    ) -> QAction:
        menu = self._menus[menu_title]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        if project:
            self._project_actions.append(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._menus = {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "code": bar.addMenu(self.tr("&Code")),
            "team": bar.addMenu(self.tr("&Team")),
            "analyse": bar.addMenu(self.tr("&Analyse")),
            "export": bar.addMenu(self.tr("E&xport")),
            "help": bar.addMenu(self.tr("&Help")),
        }
        self._action(
            "file",
            self.tr("&New project…"),
            self.start._new,
            QKeySequence.StandardKey.New,
            project=False,
        )
        self._action(
            "file",
            self.tr("&Open project…"),
            self.start._open_file,
            QKeySequence.StandardKey.Open,
            project=False,
        )
        self._action(
            "file", self.tr("Open &server project…"), self.start._open_server, project=False
        )
        self._action("file", self.tr("Open the &demo project"), self.open_demo, project=False)
        self._menus["file"].addSeparator()
        self._action(
            "file", self.tr("&Import transcripts…"), self._import_transcripts, "Ctrl+Shift+I"
        )
        self._action("file", self.tr("Import code&book (CSV)…"), self._import_codebook)
        self._action("file", self.tr("Import &codings (CSV)…"), self._import_codings)
        self._action(
            "file",
            self.tr("Import a REFI-QDA project or codebook (.qdpx, .qdc)…"),
            self._import_qdpx,
        )
        self._menus["file"].addSeparator()
        self._action("file", self.tr("Export codings (CSV)…"), self._export_codings)
        self._action("file", self.tr("Export codebook (CSV)…"), self._export_codebook)
        self._action(
            "file", self.tr("Export for NVivo, ATLAS.ti, MAXQDA (.qdpx)…"), self._export_qdpx
        )
        self._action("file", self.tr("Export codebook for other tools (.qdc)…"), self._export_qdc)
        self._menus["file"].addSeparator()
        self._action(
            "file", self.tr("&Close project"), self.close_project, QKeySequence.StandardKey.Close
        )
        self._action(
            "file", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, project=False
        )
        self._undo_placeholder = self._menus["edit"].addSeparator()
        self._action(
            "edit",
            self.tr("&Find in all documents"),
            self._focus_search,
            QKeySequence.StandardKey.Find,
        )
        self._action("code", self.tr("&Quick code…"), lambda: self._ws().quick_code(), "Ctrl+K")
        self._action(
            "code", self.tr("Code in &vivo"), lambda: self._ws().code_in_vivo(), "Ctrl+Shift+V"
        )
        recent = self._menus["code"].addMenu(self.tr("Code with a &recent code"))
        for n in range(1, 10):
            action = QAction(self.tr("Recent code {0}").format(n), self)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _checked=False, n=n: self._ws().code_with_recent(n))
            recent.addAction(action)
            self.addAction(action)
            self._project_actions.append(action)
        self._action("team", self.tr("&Switch coder…"), self._switch_coder)
        self.others_action = self._action(
            "team", self.tr("Show &other coders' codings"), self._toggle_others
        )
        self.others_action.setCheckable(True)
        self.others_action.setChecked(True)
        self._menus["team"].addSeparator()
        self._action("team", self.tr("Make an assignment &file…"), self._make_assignment)
        self._action("team", self.tr("&Merge returned files…"), self._merge_returned)
        self._menus["team"].addSeparator()
        self._action("team", self.tr("&Audit log…"), self._show_audit_log)
        self._action("team", self.tr("Ser&ver…"), self._show_server)
        self._action("team", self.tr("&Backups…"), self._show_backups)
        self._action("analyse", self.tr("&Agreement…"), lambda: self._ws().agreement.present())
        self._action("analyse", self.tr("&Matrix…"), lambda: self._ws().matrix.present())
        self._action("analyse", self.tr("&Charts…"), lambda: self._ws().matrix.show_charts())
        self._action(
            "export",
            self.tr("&Report appendix (Word, CSV, Excel)…"),
            lambda: self._ws().matrix.export_appendix(),
        )
        self._action("help", self.tr("&Welcome screen…"), self._welcome, project=False)
        self._action("help", self.tr("&About Coding Workbench"), self._about, project=False)
        language = self._menus["help"].addMenu(self.tr("Interface &language"))
        for code, name in (("", self.tr("System language")), ("en", "English"), ("es", "Español")):
            action = QAction(name, self)
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
            language.addAction(action)

    def _set_project_actions(self, enabled: bool) -> None:
        for action in self._project_actions:
            action.setEnabled(enabled)

    def _ws(self) -> Workspace:
        assert self.workspace is not None
        return self.workspace

    # -- projects ------------------------------------------------------------------

    def _error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def open_project(self, location: str) -> bool:
        """Open a project file or server URL; False when it could not be opened."""
        try:
            project = Project.open(location)
        except WorkbenchError as error:
            self._error(self.tr("Cannot open the project"), str(error))
            if "does not exist" in str(error):
                settings.forget_project(location)
                self.start.refresh()
            return False
        if project.report.migrated_from:
            backup = project.report.backup
            self.statusBar().showMessage(
                self.tr("The project was updated from an older version; a backup is at {0}").format(
                    backup
                ),
                15000,
            )
        return self._attach(project)

    def new_project(self, path: str, template: str | None, language: str) -> bool:
        """Create a project and open it."""
        identity = self._ask_identity([], settings.identity())
        if identity is None:
            return False
        try:
            project = create_project(path, template=template, language=language, coder=identity[0])
        except WorkbenchError as error:
            self._error(self.tr("Cannot create the project"), str(error))
            return False
        settings.remember_identity(project.location, *identity)
        return self._attach(project)

    def open_demo(self) -> bool:
        """Open the demo project, building it the first time."""
        from workbench.demo import build_demo, default_demo_path

        path = default_demo_path()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build_demo(path)
        return self.open_project(str(path))

    def _ask_identity(
        self, coders: list, suggested: tuple[str, str, str] | None
    ) -> tuple[str, str, str] | None:
        dialog = IdentityDialog(coders, suggested, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.identity()

    def _attach(self, project: Project) -> bool:
        location = project.location
        # On a team server the signed-in role says who codes; otherwise ask (once).
        self._role_mapped = adopt_role_coder(project) is not None
        if not self._role_mapped:
            identity = settings.identity(location)
            if identity is None:
                identity = self._ask_identity(project.coders(), settings.identity())
                if identity is None:
                    project.close()
                    return False
            name, initials, colour = identity
            project.use_coder(name, initials=initials or None, colour=colour or None)
            settings.remember_identity(location, name, initials, colour)
        self.close_project()
        self.session = AppSession(project, self)
        self.session.failed.connect(lambda message: self._error(self.tr("Not done"), message))
        self.session.poll_failed.connect(
            lambda message: self.statusBar().showMessage(
                self.tr("Changes by others cannot be read: {0}").format(message), 15000
            )
        )
        self.workspace = Workspace(self.session, self)
        self.stack.addWidget(self.workspace.transcript)
        self.stack.setCurrentWidget(self.workspace.transcript)
        self.importer = ImportController(self.session, self, self.progress)
        self.workspace.documents.files_dropped.connect(self.importer.import_paths)
        self._install_undo_actions()
        _geometry, state = settings.window_state()
        if state is not None:
            self.restoreState(state)
        settings.remember_project(location)
        self.setWindowTitle(
            self.tr("{0} — Coding Workbench").format(project.setting("name") or Path(location).stem)
        )
        me = next((c for c in project.coders() if c.id == project.coder_id), None)
        self.coder_label.setText(
            self.tr("coder: {0} ({1})").format(me.name, me.initials) if me else ""
        )
        self._set_project_actions(True)
        from ui.team.backups_dialog import RollingBackups

        backups = RollingBackups(project, self)
        backups.failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        backups.start()
        self._backups: RollingBackups | None = backups
        documents = project.documents()
        if documents:
            self.workspace.show_document(documents[0].id)
        return True

    def _install_undo_actions(self) -> None:
        assert self.session is not None
        edit = self._menus["edit"]
        for action in getattr(self, "_undo_actions", []):
            edit.removeAction(action)
        undo = self.session.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        edit.insertAction(self._undo_placeholder, undo)
        edit.insertAction(self._undo_placeholder, redo)
        self._undo_actions = [undo, redo]

    def close_project(self) -> None:
        """Close the open project and show the start screen."""
        if self.session is None:
            return
        settings.save_window_state(self.saveGeometry(), self.saveState())
        for action in getattr(self, "_undo_actions", []):
            self._menus["edit"].removeAction(action)
        self._undo_actions = []
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace.transcript)
            self.workspace.close()
        backups = getattr(self, "_backups", None)
        if backups is not None:
            backups.stop()
            backups.deleteLater()
            self._backups = None
        self.session.close()
        self.session = None
        self.workspace = None
        self.importer = None
        self.coder_label.clear()
        self.setWindowTitle(self.tr("Coding Workbench"))
        self.start.refresh()
        self.stack.setCurrentWidget(self.start)
        self._set_project_actions(False)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.session is not None:
            self.close_project()
        else:
            settings.save_window_state(self.saveGeometry(), self.saveState())
        event.accept()

    # -- file menu -------------------------------------------------------------------

    def _import_transcripts(self) -> None:
        if self.importer is not None:
            self.importer.choose_and_import()

    def _import_codebook(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a codebook"), "", self.tr("CSV files (*.csv)")
        )
        if not path or self.session is None:
            return
        try:
            with self.session.macro(self.tr("Import codebook")):
                command = import_codebook(
                    self.session.project, Path(path), run=self.session.run_or_raise
                )
        except WorkbenchError as error:
            self._error(self.tr("Codebook not imported"), str(error))
            return
        self.statusBar().showMessage(
            self.tr("{0} codes created, {1} updated").format(
                len(command.created_codes), command.updated_count
            ),
            8000,
        )

    def _import_codings(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import codings"), "", self.tr("CSV files (*.csv)")
        )
        if not path or self.session is None:
            return
        try:
            with self.session.macro(self.tr("Import codings")):
                result = import_codings(
                    self.session.project, Path(path), run=self.session.run_or_raise
                )
        except WorkbenchError as error:
            self._error(self.tr("Codings not imported"), str(error))
            return
        lines = [
            self.tr("{0} segments added, {1} already present, {2} refused.").format(
                result.added, result.duplicates, len(result.refused)
            )
        ]
        lines += [self.tr("Line {0}: {1}").format(r.line, r.reason) for r in result.refused[:30]]
        if result.new_codes:
            lines.append(self.tr("New codes: {0}").format(", ".join(result.new_codes)))
        QMessageBox.information(self, self.tr("Codings imported"), "\n".join(lines))

    def _save_path(self, title: str, name: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / name), self.tr("CSV files (*.csv)")
        )
        return Path(path) if path else None

    def _export_codings(self) -> None:
        path = self._save_path(self.tr("Export codings"), "codings.csv")
        if path is not None and self.session is not None:
            count = export_codings(self.session.project, path)
            self.statusBar().showMessage(
                self.tr("{0} segments written to {1}").format(count, path), 8000
            )

    def _export_codebook(self) -> None:
        path = self._save_path(self.tr("Export codebook"), "codebook.csv")
        if path is not None and self.session is not None:
            count = export_codebook(self.session.project, path)
            self.statusBar().showMessage(
                self.tr("{0} codes written to {1}").format(count, path), 8000
            )

    def _import_qdpx(self) -> None:
        from workbench.qdpx import import_qdpx

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a REFI-QDA file"),
            "",
            self.tr("REFI-QDA files (*.qdpx *.qdc *.qde)"),
        )
        if not path or self.session is None:
            return
        try:
            report = import_qdpx(self.session.project, Path(path), run=self.session.run_or_raise)
        except WorkbenchError as error:
            self._error(self.tr("Not imported"), str(error))
            return
        QMessageBox.information(self, self.tr("Imported"), "\n".join(report.summary()))

    def _export_exchange(self, kind: str) -> None:
        from workbench.qdpx import export_qdc, export_qdpx

        if self.session is None:
            return
        pattern = (
            self.tr("REFI-QDA project (*.qdpx)")
            if kind == "qdpx"
            else self.tr("REFI-QDA codebook (*.qdc)")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(Path.home() / f"project.{kind}"), pattern
        )
        if not path:
            return
        writer = export_qdpx if kind == "qdpx" else export_qdc
        try:
            report = writer(self.session.project, Path(path))
        except WorkbenchError as error:
            self._error(self.tr("Not exported"), str(error))
            return
        QMessageBox.information(self, self.tr("Exported"), "\n".join(report.summary()))

    def _export_qdpx(self) -> None:
        self._export_exchange("qdpx")

    def _export_qdc(self) -> None:
        self._export_exchange("qdc")

    # -- other menus -------------------------------------------------------------------

    def _focus_search(self) -> None:
        workspace = self._ws()
        workspace.bottom.setCurrentWidget(workspace.search)
        workspace.search.focus_query()

    def _show_server(self) -> None:
        from ui.team.server import show_server_dialog

        if self.session is not None:
            show_server_dialog(self.session, self)

    def _switch_coder(self) -> None:
        if self.session is None:
            return
        if self._role_mapped:
            self._error(
                self.tr("Switch coder"),
                self.tr(
                    "On this server your sign-in decides who codes; sign in as the other coder."
                ),
            )
            return
        project = self.session.project
        identity = self._ask_identity(project.coders(), settings.identity(project.location))
        if identity is None:
            return
        name, initials, colour = identity
        project.use_coder(name, initials=initials, colour=colour)
        settings.remember_identity(project.location, name, initials, colour)
        me = next((c for c in project.coders() if c.id == project.coder_id), None)
        self.coder_label.setText(
            self.tr("coder: {0} ({1})").format(me.name, me.initials) if me else ""
        )
        self._toggle_others()

    def _make_assignment(self) -> None:
        from ui.team.merge_dialog import AssignmentDialog

        if self.session is not None:
            dialog = AssignmentDialog(self.session, self)
            dialog.made.connect(lambda message: self.statusBar().showMessage(message, 15000))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    def _merge_returned(self) -> None:
        from ui.team.merge_dialog import MergeDialog

        if self.session is not None:
            dialog = MergeDialog(self.session, self)
            dialog.merged.connect(lambda message: self.statusBar().showMessage(message, 20000))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    def _toggle_others(self) -> None:
        if self.workspace is not None:
            self.workspace.set_others_visible(self.others_action.isChecked())

    def _show_audit_log(self) -> None:
        from ui.team.audit_view import AuditDialog

        if self.session is None:
            return
        dialog = AuditDialog(self.session, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _show_backups(self) -> None:
        from ui.team.backups_dialog import BackupsDialog

        if self.session is None:
            return
        dialog = BackupsDialog(
            self.session.project,
            self,
            close_project=self.close_project,
            open_project=self.open_project,
            rolling=getattr(self, "_backups", None),
        )
        dialog.restored.connect(lambda message: self.statusBar().showMessage(message, 15000))
        dialog.restore_failed.connect(
            lambda message: self._error(self.tr("Backup not restored"), message)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _set_language(self, code: str) -> None:
        settings.set_language(code)
        QMessageBox.information(
            self,
            self.tr("Interface language"),
            self.tr("The new language is used from the next start."),
        )

    def _about(self) -> None:
        from ui.about import show_about

        show_about(self)

    def _welcome(self) -> None:
        from ui.welcome import show_welcome

        show_welcome(self)
