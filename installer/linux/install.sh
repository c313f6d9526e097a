#!/bin/sh
# Install the Coding Workbench for this user, from the folder this script is in:
# a menu entry with its icon, .qdb project files opening with it, and the `workbench`
# command in ~/.local/bin. Nothing is copied out of this folder but those small files,
# so keep the folder where it is (for example ~/Applications/coding-workbench-VERSION).
#
#   ./install.sh              install (again, after moving the folder)
#   ./install.sh --uninstall  remove the menu entry, icon, file type and command
#
# Needs no root. The program also runs without installing: ./workbench
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=${WORKBENCH_BIN_DIR:-$HOME/.local/bin}
NAME=coding-workbench
MIME=application/x-coding-workbench-project

DESKTOP_FILE="$DATA/applications/$NAME.desktop"
MIME_FILE="$DATA/mime/packages/$NAME.xml"
SVG_ICON="$DATA/icons/hicolor/scalable/apps/$NAME.svg"
PNG_ICON="$DATA/icons/hicolor/256x256/apps/$NAME.png"
COMMAND="$BIN/workbench"

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -f -t "$DATA/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$DESKTOP_FILE" "$MIME_FILE" "$SVG_ICON" "$PNG_ICON"
    if [ -L "$COMMAND" ]; then
        rm -f "$COMMAND"
    fi
    refresh
    echo "Coding Workbench removed from the menu. Delete this folder to remove the program: $HERE"
    exit 0
fi

if [ ! -x "$HERE/workbench" ]; then
    echo "install.sh: $HERE/workbench not found; run this script from the unpacked folder" >&2
    exit 1
fi

mkdir -p "$(dirname "$DESKTOP_FILE")" "$(dirname "$MIME_FILE")" "$(dirname "$SVG_ICON")" \
    "$(dirname "$PNG_ICON")" "$BIN"

# The menu entry runs this folder's program (quoted: the path may hold spaces).
escaped=$(printf '%s' "$HERE/workbench" | sed -e 's/[\\&|]/\\&/g')
sed -e "s|^Exec=.*|Exec=\"$escaped\" %f|" -e "s|^TryExec=.*|TryExec=$escaped|" \
    "$HERE/share/applications/$NAME.desktop" >"$DESKTOP_FILE"
cp "$HERE/share/mime/packages/$NAME.xml" "$MIME_FILE"
cp "$HERE/share/icons/hicolor/scalable/apps/$NAME.svg" "$SVG_ICON"
cp "$HERE/share/icons/hicolor/256x256/apps/$NAME.png" "$PNG_ICON"
if [ -e "$COMMAND" ] && [ ! -L "$COMMAND" ]; then
    echo "install.sh: $COMMAND exists and is not ours; the workbench command was not linked" >&2
else
    ln -sf "$HERE/workbench" "$COMMAND"
fi
refresh
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$NAME.desktop" "$MIME" >/dev/null 2>&1 || true
fi

echo "Coding Workbench $("$HERE/workbench" --version 2>/dev/null | sed 's/^workbench //') installed:"
echo "  menu entry  $DESKTOP_FILE"
echo "  command     $COMMAND"
echo "Open it from your applications menu, or run: workbench"
