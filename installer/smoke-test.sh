#!/usr/bin/env bash
# Smoke-test a built bundle with nothing but the frozen program:
#
#   installer/smoke-test.sh dist/coding-workbench                                 # the folder
#   installer/smoke-test.sh dist/coding-workbench-VERSION-linux-x86_64.tar.gz     # what users get
#
# Every command runs in a fresh temporary folder, with an empty environment (no
# PYTHONPATH, no virtualenv, a throwaway HOME) and never from the repository, so the
# source tree cannot stand in for anything missing from the bundle. It checks:
#
#   1. `workbench --version` prints the version (EXPECTED_VERSION, else the tarball's name);
#   2. `workbench demo PATH --no-open` builds the demo project (Alembic migrations, templates);
#   3. `workbench agreement ... --json` measures agreement between the demo's two coders;
#   4. `workbench codings --export`, `workbench qdpx --export` (schema-validated) and, when the
#      bundle has it, `workbench export --docx --xlsx --csv` write their files;
#   5. `workbench --screenshot` opens the main window on the demo offscreen, in English and in
#      Spanish (our translation and Qt's own are loaded), and saves a non-trivial picture;
#   6. the log is written in the platform's user log folder;
#   7. the bundle holds none of what it must not (QtWebEngine, QML, tkinter, test packages...).
#
# It reports the start-up time: `--version` (first and best of three), and the time to the
# first window's picture. SMOKE_OUTPUT=FOLDER keeps the pictures and exports there.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 DIST_FOLDER_OR_TARBALL" >&2
    exit 2
fi
TARGET=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/workbench-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

say() { echo "==> $*"; }
ok() {
    passed=$((passed + 1))
    echo "ok    $*"
}
fail() {
    failed=$((failed + 1))
    echo "FAIL  $*"
}
# Nanoseconds since the epoch (BSD date, on macOS, has no %N).
if [[ "$(date +%N)" =~ ^[0-9]+$ ]]; then
    now() { date +%s%N; }
else
    now() { perl -MTime::HiRes=time -e 'printf "%.0f\n", time() * 1e9'; }
fi
seconds() { awk -v n="$1" 'BEGIN { printf "%.2f", n / 1e9 }'; }

if [ -d "$TARGET" ]; then
    BUNDLE=$TARGET
elif [ -f "$TARGET" ]; then
    say "unpacking $(basename "$TARGET")"
    mkdir "$WORK/unpacked"
    tar -C "$WORK/unpacked" -xzf "$TARGET"
    BUNDLE=$(find "$WORK/unpacked" -mindepth 1 -maxdepth 1 -type d | head -n 1)
else
    echo "$0: $TARGET is neither a folder nor a tarball" >&2
    exit 2
fi
if [ -z "${EXPECTED_VERSION:-}" ]; then
    EXPECTED_VERSION=$(basename "$TARGET" | sed -n 's/^coding-workbench-\([0-9][^-]*\)-.*/\1/p')
fi
PROGRAM=
for candidate in "$BUNDLE/workbench" "$BUNDLE/workbench.exe" "$BUNDLE/Contents/MacOS/workbench"; do
    if [ -f "$candidate" ] && [ -x "$candidate" ]; then
        PROGRAM=$candidate
        break
    fi
done
if [ -z "$PROGRAM" ]; then
    echo "$0: no workbench program in $BUNDLE" >&2
    exit 2
fi

HOME_DIR=$WORK/home
RUN=$WORK/run
OUT=${SMOKE_OUTPUT:-$WORK/out}
mkdir -p "$HOME_DIR" "$RUN" "$OUT"
OUT=$(cd "$OUT" && pwd)
DEMO=$RUN/demo.qdb

# The frozen program, from the scratch folder, with an empty environment (on Windows,
# under Git Bash, less the few variables any Windows program needs).
KEEP=()
case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*)
        for name in SYSTEMROOT WINDIR SYSTEMDRIVE TEMP TMP APPDATA LOCALAPPDATA USERPROFILE; do
            [ -n "${!name:-}" ] && KEEP+=("$name=${!name}")
        done
        ;;
esac
frozen() {
    (cd "$RUN" && env -i ${KEEP[@]+"${KEEP[@]}"} HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 \
        LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen TMPDIR="$WORK" "$PROGRAM" "$@")
}
# Run a check: its output goes to $OUT/NAME.log, shown when it fails.
check() {
    local name=$1 description=$2
    shift 2
    local status=0
    frozen "$@" >"$OUT/$name.log" 2>&1 || status=$?
    if [ "$status" -eq 0 ]; then
        return 0
    fi
    fail "$description (exit status $status)"
    sed 's/^/      /' "$OUT/$name.log" | tail -n 20
    return 1
}
starts_with_zip() { [ "$(head -c 2 "$1" 2>/dev/null)" = "PK" ]; }

say "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"

# 1. --version, timed (the first run reads the files from disk; the best of three is warm).
times=()
for _ in 1 2 3; do
    started=$(now)
    version_output=$(frozen --version 2>&1 || true)
    times+=($(($(now) - started)))
done
best=${times[0]}
for t in "${times[@]}"; do [ "$t" -lt "$best" ] && best=$t; done
if [ -n "$EXPECTED_VERSION" ] && [ "$version_output" = "workbench $EXPECTED_VERSION" ]; then
    ok "--version prints '$version_output'"
elif [ -z "$EXPECTED_VERSION" ] && [[ "$version_output" =~ ^workbench\ [0-9]+\.[0-9]+ ]]; then
    ok "--version prints '$version_output'"
else
    fail "--version printed '$version_output', expected 'workbench ${EXPECTED_VERSION:-X.Y}'"
fi

# 2. The demo project: a new SQLite project, migrated by Alembic, filled from the template.
if check demo "demo builds" demo "$DEMO" --no-open; then
    if [ -s "$DEMO" ] && grep -q "12 documents" "$OUT/demo.log"; then
        ok "demo: $(grep -m 1 "12 documents" "$OUT/demo.log" | sed "s| at .*:|:|")"
    else
        fail "demo project not built: $(tail -n 1 "$OUT/demo.log")"
    fi
fi

# 3. Agreement between the demo's coders, as JSON.
if check agreement "agreement runs" agreement "$DEMO" --coders "Ana Ruiz,Ben Carter" --json \
    && grep -q '"kappa"' "$OUT/agreement.log" && grep -q '"unit": "character"' "$OUT/agreement.log"; then
    ok "agreement --json reports kappa by character"
else
    fail "agreement --json output lacks kappa"
fi

# 4. Exports.
if check codings "codings export runs" codings "$DEMO" --export "$OUT/codings.csv" \
    && [ "$(wc -l <"$OUT/codings.csv")" -gt 100 ]; then
    ok "codings --export wrote $(($(wc -l <"$OUT/codings.csv") - 1)) rows"
else
    fail "codings --export wrote too little"
fi
if check qdpx "qdpx export runs" qdpx "$DEMO" --export "$OUT/demo.qdpx" \
    && starts_with_zip "$OUT/demo.qdpx"; then
    ok "qdpx --export wrote a REFI-QDA project ($(du -h "$OUT/demo.qdpx" | cut -f1))"
else
    fail "qdpx --export wrote no .qdpx"
fi
if frozen --help 2>/dev/null | grep -qE '^ +export '; then
    if check export "export runs" export "$DEMO" --docx "$OUT/appendix.docx" \
        --xlsx "$OUT/appendix.xlsx" --csv "$OUT/appendix-csv" \
        && starts_with_zip "$OUT/appendix.docx" && starts_with_zip "$OUT/appendix.xlsx" \
        && [ -n "$(ls "$OUT/appendix-csv"/*.csv 2>/dev/null)" ]; then
        ok "export wrote the Word appendix, the workbook and $(ls "$OUT/appendix-csv" | wc -l) CSV files"
    else
        fail "export did not write the Word, Excel and CSV appendices"
    fi
fi

# 5. The main window, offscreen: time to the first picture, then in Spanish.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }'; }
for language in en es; do
    picture=$OUT/main-window-$language.png
    started=$(now)
    if check "screenshot-$language" "main window opens ($language)" \
        --screenshot "$picture" "$DEMO" --language "$language"; then
        elapsed=$(($(now) - started))
        [ "$language" = en ] && window_time=$elapsed
        size=$(png_size "$picture")
        bytes=$(wc -c <"$picture")
        if [ "$(head -c 4 "$picture" | tail -c 3)" = "PNG" ] && [ "$size" = "1280x800" ] \
            && [ "$bytes" -gt 40000 ]; then
            ok "main window ($language) saved as a $size picture of $((bytes / 1024)) KB"
        else
            fail "main window picture ($language) is not a 1280x800 PNG with content ($bytes bytes)"
        fi
        if [ "$language" = es ]; then
            if grep -q '"menu": "&Archivo"' "$OUT/screenshot-es.log" \
                && grep -q '"qt_cancel": "Cancelar"' "$OUT/screenshot-es.log"; then
                ok "Spanish interface: our translation and Qt's are loaded"
            else
                fail "Spanish interface not loaded: $(tail -n 1 "$OUT/screenshot-es.log")"
            fi
        fi
    fi
done

# 5b. On an X server (Xvfb, when installed): Qt's X11 plugin, and a real start as a user's
#     double-click makes it: the welcome screen first, then a project's coder question.
if command -v Xvfb >/dev/null 2>&1 && [ "$(uname -s)" = Linux ]; then
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$WORK/display" >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do
        [ -s "$WORK/display" ] && break
        sleep 0.2
    done
    display=:$(head -n 1 "$WORK/display")
    on_x() {
        (cd "$RUN" && exec env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 \
            LC_ALL=C.UTF-8 DISPLAY="$display" TMPDIR="$WORK" "$@")
    }
    if on_x env QT_QPA_PLATFORM=xcb "$PROGRAM" --screenshot "$OUT/main-window-x11.png" "$DEMO" \
        >"$OUT/screenshot-x11.log" 2>&1 && grep -q '"platform": "xcb"' "$OUT/screenshot-x11.log"; then
        ok "main window opens on X11 (Qt's xcb plugin)"
    else
        fail "main window does not open on X11: $(tail -n 3 "$OUT/screenshot-x11.log")"
    fi
    # Wait (90 s at most) for a top-level window with this title; prints the seconds it took.
    wait_for_window() {
        local pid=$1 title=$2 started=$3
        local deadline=$((started + 90000000000))
        while [ "$(now)" -lt "$deadline" ]; do
            if ! kill -0 "$pid" 2>/dev/null; then
                return 1
            fi
            if command -v xwininfo >/dev/null 2>&1; then
                if xwininfo -display "$display" -root -tree 2>/dev/null | grep -qF "\"$title\""; then
                    seconds $(($(now) - started))
                    return 0
                fi
            elif [ "$(($(now) - started))" -gt 8000000000 ]; then
                echo "8+ (alive; xwininfo not installed to see the window)"
                return 0
            fi
            sleep 0.1
        done
        return 1
    }
    for start in welcome project; do
        if [ "$start" = welcome ]; then
            title="Welcome to Coding Workbench"
            arguments=()
        else
            title="Who is coding?"
            arguments=("$DEMO")
        fi
        started=$(now)
        on_x "$PROGRAM" ${arguments[@]+"${arguments[@]}"} >"$OUT/start-$start.log" 2>&1 &
        pid=$!
        if waited=$(wait_for_window "$pid" "$title" "$started"); then
            ok "a real start shows '$title' after $waited s"
            [ "$start" = welcome ] && first_window_time=$waited
        else
            fail "a real start did not show '$title': $(tail -n 3 "$OUT/start-$start.log")"
        fi
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
else
    echo "skip  X11 checks: Xvfb is not installed (apt-get install xvfb x11-utils)"
fi

# 6. The log, in the platform's user log folder (platformdirs).
log_file=$(find "$HOME_DIR" ${LOCALAPPDATA:+"$LOCALAPPDATA/coding-workbench"} -name workbench.log \
    -path '*coding-workbench*' 2>/dev/null | head -n 1)
if [ -n "$log_file" ]; then
    ok "log written to ${log_file#"$HOME_DIR"/}"
else
    fail "no log file under the user's folders"
fi

# 7. Nothing the workbench does not need.
unwanted=$(cd "$BUNDLE" && find . \( -iname '*WebEngine*' -o -iname '*Qt6Qml*' -o -iname '*Qt6Quick*' \
    -o -iname '*Qt63D*' -o -iname '*Qt6Multimedia*' -o -iname '*Qt6Charts*' -o -iname '*Qt6Pdf*' \
    -o -iname '*tkinter*' -o -iname 'libtk*' -o -iname 'libtcl*' -o -path '*/matplotlib*' \
    -o -path '*/scipy/*' -o -path '*/sklearn/*' -o -path '*/pytest*' -o -path '*/hypothesis/*' \) \
    -print | head -n 10)
if [ -z "$unwanted" ]; then
    ok "no unused Qt modules, Tk or test packages in the bundle"
else
    fail "unneeded files in the bundle: $(echo "$unwanted" | tr '\n' ' ')"
fi

# 8. Linux: install.sh adds the menu entry, icon, file type and command for the user, and
#    --uninstall takes them away again (into the throwaway HOME).
if [ -f "$BUNDLE/install.sh" ]; then
    data=$HOME_DIR/.local/share
    if (env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin sh "$BUNDLE/install.sh" >"$OUT/install.log" 2>&1) \
        && grep -qF "Exec=\"$BUNDLE/workbench\" %f" "$data/applications/coding-workbench.desktop" \
        && [ -f "$data/mime/packages/coding-workbench.xml" ] \
        && [ -f "$data/icons/hicolor/scalable/apps/coding-workbench.svg" ] \
        && [ "$(env -i HOME="$HOME_DIR" "$HOME_DIR/.local/bin/workbench" --version)" = "$version_output" ] \
        && (env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin sh "$BUNDLE/install.sh" --uninstall >>"$OUT/install.log" 2>&1) \
        && [ ! -e "$data/applications/coding-workbench.desktop" ] && [ ! -e "$HOME_DIR/.local/bin/workbench" ]; then
        ok "install.sh adds the menu entry, file type, icon and command; --uninstall removes them"
    else
        fail "install.sh: $(tail -n 3 "$OUT/install.log")"
    fi
fi

say "bundle size: $(du -sh "$BUNDLE" | cut -f1)$([ -f "$TARGET" ] && echo ", tarball $(du -h "$TARGET" | cut -f1)")"
startup="--version $(seconds "${times[0]}") s first, $(seconds "$best") s best of 3; main window"
startup+=" on the demo $(seconds "${window_time:-0}") s to the first picture"
say "start-up: $startup${first_window_time:+; the welcome screen of a real start $first_window_time s}"
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
