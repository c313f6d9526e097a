#!/usr/bin/env bash
# Build the Linux bundle and its tarball:
#
#   .venv/bin/pip install -e ".[build]"      # PyInstaller, once
#   installer/build-linux.sh                 # -> dist/coding-workbench-VERSION-linux-x86_64.tar.gz
#
# The tarball holds one folder, coding-workbench-VERSION/, with the program
# (./workbench: the window, or the command line with arguments), ./install.sh (menu
# entry, icon, .qdb file type and the `workbench` command, for this user) and share/.
# PYTHON names the interpreter whose packages are bundled (default: .venv/bin/python).
# The version is workbench.__version__.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
say() { echo "==> $*"; }

if ! "$PYTHON" -c "import PyInstaller" >/dev/null 2>&1; then
    echo "build-linux.sh: PyInstaller is missing; run: .venv/bin/pip install -e \".[build]\"" >&2
    exit 1
fi
VERSION=$("$PYTHON" -c "from workbench import __version__; print(__version__)")
ARCH=$(uname -m)
NAME=coding-workbench
FOLDER=dist/$NAME
TARBALL=dist/$NAME-$VERSION-linux-$ARCH.tar.gz

say "building Coding Workbench $VERSION for linux-$ARCH with $("$PYTHON" -m PyInstaller --version)"
started=$(date +%s)
rm -rf "$FOLDER" build/pyinstaller
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/workbench.spec

# Some Pythons (pyenv's, for one) ship libpython and the standard library's extension
# modules with their debugging symbols: 25 MB of nothing a user needs. Only Python's own:
# stripping the other libraries breaks some (numpy's OpenBLAS, patched by auditwheel).
if command -v strip >/dev/null 2>&1; then
    for library in "$FOLDER"/_internal/libpython3*.so* "$FOLDER"/_internal/python3*/lib-dynload/*.so; do
        if [ -f "$library" ] && [ ! -L "$library" ]; then
            strip --strip-debug "$library"
        fi
    done
fi

say "adding the desktop integration"
install -m 0755 installer/linux/install.sh "$FOLDER/install.sh"
install -D -m 0644 installer/linux/$NAME.desktop "$FOLDER/share/applications/$NAME.desktop"
install -D -m 0644 installer/linux/$NAME.xml "$FOLDER/share/mime/packages/$NAME.xml"
install -D -m 0644 installer/icons/$NAME.svg "$FOLDER/share/icons/hicolor/scalable/apps/$NAME.svg"
install -D -m 0644 installer/icons/$NAME.png "$FOLDER/share/icons/hicolor/256x256/apps/$NAME.png"
cat >"$FOLDER/README.txt" <<EOF
Coding Workbench $VERSION for Linux ($ARCH)

  ./workbench              open the program (no installation needed)
  ./install.sh             add it to your applications menu, open .qdb files with it,
                           and put the \`workbench\` command in ~/.local/bin
  ./install.sh --uninstall remove those again
  ./workbench --help       the command line

Keep this folder where it is after installing (for example in ~/Applications).
Logs are kept in ~/.local/state/coding-workbench/log.
EOF

say "packing $TARBALL"
rm -f "$TARBALL"
tar -C dist --transform "s,^$NAME,$NAME-$VERSION," -czf "$TARBALL" "$NAME"
finished=$(date +%s)

say "bundle: $(du -sh "$FOLDER" | cut -f1) in $(find "$FOLDER" -type f | wc -l) files ($FOLDER)"
if command -v objdump >/dev/null 2>&1; then
    # The oldest C library the bundle runs with: the newest symbol version it asks for.
    glibc=$(find "$FOLDER" -type f \( -name '*.so*' -o -name workbench \) -exec objdump -T {} + \
        2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -u -V | tail -n 1)
    say "needs ${glibc/GLIBC_/glibc } or newer (the build machine's: $(ldd --version | head -n 1 | awk '{print $NF}'))"
fi
say "tarball: $(du -h "$TARBALL" | cut -f1) ($TARBALL)"
say "build time: $((finished - started)) s"
