#!/usr/bin/env bash
# Build the macOS application and its disk image (run on macOS 11 or later):
#
#   python3.11 -m venv .venv && .venv/bin/pip install -e ".[build]"
#   installer/build-macos.sh
#
# writes dist/Coding Workbench.app and dist/coding-workbench-VERSION-macos-ARCH.dmg, for the
# architecture of the Python used (arm64 on Apple silicon, x86_64 on Intel Macs).
#
# Without a signing identity the app is signed ad hoc: it runs on the Mac that built it,
# and elsewhere after the user right-clicks it and picks Open once. To sign and notarize
# for distribution, set
#   CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)"
#   NOTARY_PROFILE=PROFILE    # made once with: xcrun notarytool store-credentials PROFILE
# PYTHON names the interpreter whose packages are bundled (default: .venv/bin/python).
# The version is workbench.__version__.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
say() { echo "==> $*"; }

if ! "$PYTHON" -c "import PyInstaller" >/dev/null 2>&1; then
    echo "build-macos.sh: PyInstaller is missing; run: .venv/bin/pip install -e \".[build]\"" >&2
    exit 1
fi
VERSION=$("$PYTHON" -c "from workbench import __version__; print(__version__)")
ARCH=$("$PYTHON" -c "import platform; print(platform.machine())")
APP="dist/Coding Workbench.app"
DMG=dist/coding-workbench-$VERSION-macos-$ARCH.dmg

say "building Coding Workbench $VERSION for macos-$ARCH"
started=$(date +%s)
rm -rf "$APP" dist/coding-workbench build/pyinstaller
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/workbench.spec

printed=$("$APP/Contents/MacOS/workbench" --version)
if [ "$printed" != "workbench $VERSION" ]; then
    echo "build-macos.sh: the app's --version printed '$printed'" >&2
    exit 1
fi
say "$printed"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    say "signing with $CODESIGN_IDENTITY"
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict "$APP"
fi

installer/macos/make-dmg.sh "$APP" "$DMG" "Coding Workbench $VERSION"

if [ -n "${CODESIGN_IDENTITY:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
    say "notarizing $DMG"
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
finished=$(date +%s)

say "app: $(du -sh "$APP" | cut -f1) ($APP)"
say "disk image: $(du -h "$DMG" | cut -f1) ($DMG)"
say "build time: $((finished - started)) s"
