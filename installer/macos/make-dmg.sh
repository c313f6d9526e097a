#!/usr/bin/env bash
# Pack a macOS application into a compressed disk image with a link to /Applications,
# so that installing is dragging the app onto the link (macOS only: hdiutil):
#
#   installer/macos/make-dmg.sh "dist/Coding Workbench.app" dist/coding-workbench-VERSION-macos-ARCH.dmg \
#       ["Coding Workbench VERSION"]
#
# build-macos.sh runs it; the third argument is the volume's name.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 APP DMG [VOLUME_NAME]" >&2
    exit 2
fi
APP=$1
DMG=$2
VOLUME=${3:-$(basename "$APP" .app)}
if [ ! -d "$APP" ]; then
    echo "make-dmg.sh: $APP is not an application folder" >&2
    exit 1
fi

STAGING=$(mktemp -d "${TMPDIR:-/tmp}/workbench-dmg.XXXXXX")
trap 'rm -rf "$STAGING"' EXIT
# ditto keeps the app's symbolic links, permissions and signature as they are.
ditto "$APP" "$STAGING/$(basename "$APP")"
ln -s /Applications "$STAGING/Applications"

mkdir -p "$(dirname "$DMG")"
rm -f "$DMG"
hdiutil create -volname "$VOLUME" -srcfolder "$STAGING" -fs HFS+ -format UDZO -ov "$DMG"
hdiutil verify "$DMG"
echo "==> $DMG"
