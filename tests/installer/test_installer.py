"""The installer's scripts and files, checked without building (the build is CI's smoke test).

The PyInstaller spec is run here with stand-ins for PyInstaller's build steps, to see
what it would bundle and which programs it would make on each platform.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest

from workbench import __version__

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
ICONS = INSTALLER / "icons"
PNG = b"\x89PNG\r\n\x1a\n"
MIME_TYPE = "application/x-coding-workbench-project"

sys.path.insert(0, str(INSTALLER))
import make_icons  # noqa: E402

# -- the spec ---------------------------------------------------------------------------

# What PyInstaller's analysis might find: plugins, Qt libraries, system libraries and Qt's
# translations, as (destination, source, kind).
FOUND_BINARIES = [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "", "BINARY"),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", "", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "", "BINARY"),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "", "BINARY"),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", "", "BINARY"),
    ("PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll", "", "BINARY"),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "", "BINARY"),
    ("PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so", "", "BINARY"),
    ("PySide6/Qt/plugins/wayland-graphics-integration-client/libdmabuf-server.so", "", "BINARY"),
    ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", "", "BINARY"),
    ("PySide6/Qt/plugins/generic/libqevdevtouchplugin.so", "", "BINARY"),
    ("PySide6/Qt/lib/libQt6Core.so.6", "", "BINARY"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "", "BINARY"),
    ("PySide6/Qt/lib/libQt6Qml.so.6", "", "BINARY"),
    ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ("libcairo.so.2", "", "BINARY"),
    ("libkrb5.so.3", "", "BINARY"),
    ("libglib-2.0.so.0", "", "BINARY"),
    ("libpython3.11.so.1.0", "", "BINARY"),
    ("numpy.libs/libscipy_openblas64_.so", "", "BINARY"),
    ("PySide6/opengl32sw.dll", "", "BINARY"),
    ("PySide6/Qt6Network.dll", "", "BINARY"),
    ("PySide6/Qt6Widgets.dll", "", "BINARY"),
]
FOUND_DATAS = [
    ("PySide6/Qt/translations/qtbase_es.qm", "", "DATA"),
    ("PySide6/Qt/translations/qtbase_de.qm", "", "DATA"),
    ("PySide6/Qt/translations/qt_help_es.qm", "", "DATA"),
]
KEPT = {
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/plugins/generic/libqevdevtouchplugin.so",
    "PySide6/Qt/lib/libQt6Core.so.6",
    "libQt6Core.so.6",
    "libglib-2.0.so.0",
    "libpython3.11.so.1.0",
    "numpy.libs/libscipy_openblas64_.so",
    "PySide6/Qt6Widgets.dll",
    "PySide6/Qt/translations/qtbase_es.qm",
}


class _Step:
    """Stands in for one of PyInstaller's build steps; keeps what it was given."""

    made: list[_Step]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        self.made.append(self)


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> dict[str, Any]:
    """Run installer/workbench.spec as PyInstaller would on ``platform``; returns its names."""
    made: list[_Step] = []
    kinds = {
        name: type(name, (_Step,), {"made": made}) for name in ("PYZ", "EXE", "COLLECT", "BUNDLE")
    }

    class Analysis(_Step):
        def __init__(self, scripts: list[str], **kwargs: Any) -> None:
            super().__init__(scripts, **kwargs)
            self.scripts = scripts
            self.pure: list[Any] = []
            self.binaries = list(FOUND_BINARIES)
            self.datas = [(d, s, "DATA") for s, d in kwargs["datas"]] + list(FOUND_DATAS)

    Analysis.made = made
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.copy_metadata = lambda name: [(f"/site-packages/{name}.dist-info", f"{name}.dist-info")]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    namespace: dict[str, Any] = {"SPECPATH": str(INSTALLER), "Analysis": Analysis, **kinds}
    spec = INSTALLER / "workbench.spec"
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    namespace["made"] = made
    return namespace


def _steps(namespace: dict[str, Any], kind: str) -> list[_Step]:
    return [step for step in namespace["made"] if type(step).__name__ == kind]


def test_the_spec_bundles_our_data_files(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec(monkeypatch, "linux")
    sources = {Path(source).resolve() for source, _destination in spec["datas"]}
    wanted = [
        *(ROOT / "db" / "migrations").rglob("*.py"),
        ROOT / "db" / "migrations" / "script.py.mako",
    ]
    # Everything pyproject.toml ships as package data is in the bundle too.
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]
    for package, patterns in package_data.items():
        for pattern in patterns:
            wanted += (ROOT / package).glob(pattern)
    wanted = [path for path in wanted if path.is_file() and "__pycache__" not in path.parts]
    assert wanted
    assert [path for path in wanted if path.resolve() not in sources] == []
    for source, destination in spec["datas"]:
        if Path(source).resolve().is_relative_to(ROOT):
            relative = Path(source).resolve().relative_to(ROOT)
            assert Path(destination) == relative.parent
        else:  # the libraries' metadata: versions for the About box, licence texts
            assert destination.endswith(".dist-info")


def test_the_spec_keeps_only_the_plugins_and_libraries_needed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = run_spec(monkeypatch, "linux")
    kept = {entry[0] for entry in spec["a"].binaries + spec["a"].datas}
    found = {entry[0] for entry in FOUND_BINARIES + FOUND_DATAS}
    assert kept & found == KEPT


def test_the_spec_leaves_out_what_the_workbench_does_not_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    excludes = set(run_spec(monkeypatch, "linux")["excludes"])
    for module in (
        "tkinter",
        "matplotlib",
        "scipy",
        "pytest",
        "PySide6.QtWebEngineCore",
        "PySide6.Qt3DCore",
        "PySide6.QtQuick",
        "PySide6.QtQml",
        "PySide6.QtMultimedia",
        "PySide6.QtCharts",
        "PySide6.QtPdf",
    ):
        assert module in excludes
    used = set()
    for path in [*ROOT.glob("ui/**/*.py"), *ROOT.glob("workbench/**/*.py")]:
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert {f"PySide6.{module}" for module in used} & excludes == set()


def test_the_about_box_lists_the_libraries_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.about import LIBRARIES

    bundled = set(run_spec(monkeypatch, "linux")["BUNDLED_DISTRIBUTIONS"])
    shown = {library.distribution for library in LIBRARIES if library.distribution}
    assert shown <= bundled
    assert bundled - shown == {"psycopg-binary"}  # shown as "libpq (in psycopg)"


def test_on_linux_one_program_does_both(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec(monkeypatch, "linux")
    programs = _steps(spec, "EXE")
    assert [(p.kwargs["name"], p.kwargs["console"]) for p in programs] == [("workbench", True)]
    (collect,) = _steps(spec, "COLLECT")
    assert collect.kwargs["name"] == "coding-workbench"
    assert _steps(spec, "BUNDLE") == []
    (analysis,) = _steps(spec, "Analysis")
    assert analysis.scripts == [str(INSTALLER / "entry.py")]


def test_on_windows_a_window_program_and_a_console_one(monkeypatch: pytest.MonkeyPatch) -> None:
    programs = _steps(run_spec(monkeypatch, "win32"), "EXE")
    assert [(p.kwargs["name"], p.kwargs["console"]) for p in programs] == [
        ("Coding Workbench", False),
        ("workbench", True),
    ]
    assert all(p.kwargs["icon"].endswith("coding-workbench.ico") for p in programs)


def test_on_macos_an_app_that_opens_qdb_files(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = run_spec(monkeypatch, "darwin")
    (program,) = _steps(spec, "EXE")
    assert program.kwargs["argv_emulation"] is True
    (bundle,) = _steps(spec, "BUNDLE")
    assert bundle.kwargs["name"] == "Coding Workbench.app"
    assert bundle.kwargs["version"] == __version__
    plist = bundle.kwargs["info_plist"]
    assert plist["CFBundleShortVersionString"] == __version__
    (exported,) = plist["UTExportedTypeDeclarations"]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["qdb"]
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]


# -- one version, written once ---------------------------------------------------------


def test_the_version_is_written_nowhere_in_the_installer() -> None:
    literal = re.compile(rf"(?<![\d.]){re.escape(__version__)}(?![\d.])")
    for path in INSTALLER.rglob("*"):
        if path.is_file() and path.suffix not in (".png", ".ico", ".icns"):
            assert not literal.search(path.read_text(encoding="utf-8")), path
    for script in ("build-linux.sh", "build-macos.sh", "build-windows.ps1"):
        assert "from workbench import __version__" in (INSTALLER / script).read_text()
    assert "{#AppVersion}" in (INSTALLER / "windows" / "workbench.iss").read_text()


# -- icons -------------------------------------------------------------------------------


def _ico_sizes(data: bytes) -> list[int]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert data[offset : offset + 8] == PNG
        assert offset + length <= len(data)
        sizes.append(width or 256)
    return sizes


def _icns_types(data: bytes) -> list[bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        assert data[offset + 8 : offset + 16] == PNG
        kinds.append(kind)
        offset += length
    assert offset == len(data)
    return kinds


def test_the_committed_icons_are_whole() -> None:
    assert _ico_sizes((ICONS / "coding-workbench.ico").read_bytes()) == list(make_icons.ICO_SIZES)
    assert _icns_types((ICONS / "coding-workbench.icns").read_bytes()) == [
        kind for kind, _size in make_icons.ICNS_TYPES
    ]
    png = (ICONS / "coding-workbench.png").read_bytes()
    assert png[:8] == PNG
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ElementTree.parse(ICONS / "coding-workbench.svg")


def test_make_icons_writes_the_three_formats(qapp: Any, tmp_path: Path) -> None:
    written = make_icons.make_icons(tmp_path)
    assert sorted(path.name for path in written) == [
        "coding-workbench.icns",
        "coding-workbench.ico",
        "coding-workbench.png",
    ]
    assert _ico_sizes((tmp_path / "coding-workbench.ico").read_bytes()) == [
        16,
        24,
        32,
        48,
        64,
        128,
        256,
    ]


def test_without_qtsvg_the_icon_is_drawn_the_same(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QImage

    with_svg = QImage.fromData(make_icons.render(64))
    monkeypatch.setitem(sys.modules, "PySide6.QtSvg", None)
    without = QImage.fromData(make_icons.render(64))
    different = sum(
        1
        for x in range(64)
        for y in range(64)
        if abs(with_svg.pixelColor(x, y).red() - without.pixelColor(x, y).red()) > 40
    )
    assert different < 64 * 64 * 0.02


# -- Linux desktop integration ------------------------------------------------------------


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(INSTALLER / "linux" / "coding-workbench.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_opens_project_files() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "workbench %f"
    assert entry["Icon"] == "coding-workbench"
    assert entry["MimeType"].rstrip(";").split(";") == [MIME_TYPE]
    validate = shutil.which("desktop-file-validate")
    if validate:
        result = subprocess.run(
            [validate, str(INSTALLER / "linux" / "coding-workbench.desktop")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_mime_type_is_qdb_files() -> None:
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ElementTree.parse(INSTALLER / "linux" / "coding-workbench.xml").getroot()
    (mime,) = root.findall(f"{namespace}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{namespace}glob")] == ["*.qdb"]


def _fake_bundle(folder: Path) -> Path:
    """A bundle laid out as build-linux.sh lays it out, with a stand-in program."""
    folder.mkdir(parents=True)
    program = folder / "workbench"
    program.write_text("#!/bin/sh\necho 'workbench 9.9'\n")
    program.chmod(0o755)
    shutil.copy(INSTALLER / "linux" / "install.sh", folder / "install.sh")
    layout = {
        "share/applications/coding-workbench.desktop": INSTALLER
        / "linux"
        / "coding-workbench.desktop",
        "share/mime/packages/coding-workbench.xml": INSTALLER / "linux" / "coding-workbench.xml",
        "share/icons/hicolor/scalable/apps/coding-workbench.svg": ICONS / "coding-workbench.svg",
        "share/icons/hicolor/256x256/apps/coding-workbench.png": ICONS / "coding-workbench.png",
    }
    for target, source in layout.items():
        (folder / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / target)
    build_script = (INSTALLER / "build-linux.sh").read_text()
    for target in layout:
        assert f'"$FOLDER/{target.replace("coding-workbench", "$NAME")}"' in build_script
    return folder


def test_install_sh_installs_for_the_user_and_uninstalls(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "My Programs" / "coding-workbench")
    home = tmp_path / "home"
    home.mkdir()
    environment = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        ["sh", str(bundle / "install.sh")], env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "9.9 installed" in result.stdout
    data = home / ".local" / "share"
    desktop = (data / "applications" / "coding-workbench.desktop").read_text()
    assert f'Exec="{bundle}/workbench" %f' in desktop
    assert f"TryExec={bundle}/workbench" in desktop
    assert (data / "mime" / "packages" / "coding-workbench.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "coding-workbench.svg").is_file()
    command = home / ".local" / "bin" / "workbench"
    assert command.resolve() == (bundle / "workbench").resolve()

    result = subprocess.run(
        ["sh", str(bundle / "install.sh"), "--uninstall"],
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert not (data / "applications" / "coding-workbench.desktop").exists()
    assert not command.exists() and not command.is_symlink()
    assert (bundle / "workbench").is_file()


def test_install_sh_leaves_a_foreign_command_alone(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "coding-workbench")
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    theirs = home / ".local" / "bin" / "workbench"
    theirs.write_text("someone else's\n")
    result = subprocess.run(
        ["sh", str(bundle / "install.sh")],
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "not ours" in result.stderr
    assert theirs.read_text() == "someone else's\n"


# -- Windows ---------------------------------------------------------------------------


def test_the_windows_installer_has_a_start_menu_entry_and_opens_qdb_files() -> None:
    script = (INSTALLER / "windows" / "workbench.iss").read_text()
    assert re.search(
        r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', script, re.M
    )
    assert r'Subkey: "Software\Classes\.qdb"' in script
    assert r'"""{app}\{#AppExe}"" ""%1"""' in script
    assert "ChangesAssociations=yes" in script
    assert "UninstallDisplayIcon=" in script
    assert '#define AppExe "Coding Workbench.exe"' in script


# -- the scripts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "script",
    ["build-linux.sh", "build-macos.sh", "smoke-test.sh", "macos/make-dmg.sh", "linux/install.sh"],
)
def test_the_shell_scripts_parse_and_are_executable(script: str) -> None:
    path = INSTALLER / script
    shell = "sh" if script == "linux/install.sh" else "bash"
    result = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert os.access(path, os.X_OK)


def test_the_smoke_test_needs_a_bundle(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", str(INSTALLER / "smoke-test.sh"), str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "no workbench program" in result.stderr


# -- the frozen program's entry, run from source -------------------------------------------


def _entry(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "XDG_"))
    }
    environment.update(HOME=str(cwd), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(INSTALLER / "entry.py"), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_entry_is_the_workbench_command(tmp_path: Path) -> None:
    result = _entry("--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"workbench {__version__}"


@pytest.mark.slow
def test_the_entry_takes_a_screenshot_of_the_main_window(tmp_path: Path) -> None:
    demo = tmp_path / "demo.qdb"
    assert _entry("demo", str(demo), "--no-open", cwd=tmp_path).returncode == 0
    picture = tmp_path / "shot.png"
    result = _entry("--screenshot", str(picture), str(demo), "--language", "es", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert (report["width"], report["height"]) == (1280, 800)
    assert report["menu"] == "&Archivo"
    assert report["seconds_to_window"] > 0
    assert picture.read_bytes()[:8] == PNG
    assert picture.stat().st_size > 40_000
    # The throwaway settings leave the user's alone.
    assert not list(tmp_path.glob(".config/coding-workbench/*"))
