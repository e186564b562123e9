#!/usr/bin/env bash
# Screenshots of the real duban binary: `bash screenshots/make.sh` writes screenshots/*.png.
#
# 1. Installs what it needs when missing: tmux, chromium, fonts-noto-cjk and fonts-dejavu-core
#    from Debian (apt-get; as root or with sudo), ansi2html from PyPI (into a venv under
#    target/screenshots-venv).
# 2. Builds the release binary (cargo build --release).
# 3. Copies data/ (the sample workspace, pinned to its demo date) into a fresh temporary
#    folder for each picture, with a fixed HOME, USER and DUBAN_AUTHOR and no user config.
# 4. Drives duban in tmux (`tmux new -d -x W -y H`, send-keys), waits for the text each
#    screen must show and for two identical captures in a row, and captures it with its
#    colours (capture-pane -e -p).
# 5. Renders each capture with screenshots/render.py (ansi2html, then headless Chromium)
#    in a CJK monospace font whose characters are exactly two cells wide, xterm's
#    16-colour palette.
#
# Running it again gives the same images: nothing on screen depends on the clock (the
# sample pins its date) or on the temporary folder's name.
# Time: 20 to 30 seconds once the release binary is built (measured 19 s and 27 s on the
# 2-core development machine); building it from scratch takes about 6 minutes there, and
# the first run's installs add what apt and pip take.
#
# To add a picture: write a scene function below (start a session, press keys, wait for
# a text, `shot NAME`) and call it at the end.

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/screenshots"
VENV="$ROOT/target/screenshots-venv"
WORK=$(mktemp -d /tmp/duban-screenshots.XXXXXX)
SOCKET="duban-screenshots-$$"
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

# --- 1. tools -----------------------------------------------------------------------
# (grep reads all its input: with pipefail, an early exit would fail the pipe.)
has_font() { fc-list : family 2>/dev/null | grep -F "$1" >/dev/null; }
need_debian=()
command -v tmux >/dev/null || need_debian+=(tmux)
command -v chromium >/dev/null || need_debian+=(chromium)
command -v fc-list >/dev/null || need_debian+=(fontconfig)
has_font "Noto Sans Mono CJK SC" || need_debian+=(fonts-noto-cjk)
has_font "DejaVu Sans Mono" || need_debian+=(fonts-dejavu-core)
if ((${#need_debian[@]})); then
    echo "installing from Debian: ${need_debian[*]}"
    sudo=""
    [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${need_debian[@]}" >/dev/null
fi
if ! "$VENV/bin/python" -c "import ansi2html" 2>/dev/null; then
    echo "installing ansi2html from PyPI into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "ansi2html==1.9.*"
fi

# --- 2. the binary ------------------------------------------------------------------
(cd "$ROOT" && cargo build --release --quiet)
BIN="$ROOT/target/release"

# --- 3./4. driving duban in tmux ----------------------------------------------------
T() { tmux -L "$SOCKET" "$@"; }

# start W H: a fresh copy of the sample workspace and a shell in it, in a W×H window.
start() {
    T kill-server 2>/dev/null || true
    local ws="$WORK/ws"
    rm -rf "$ws" "$WORK/home"
    cp -r "$ROOT/data" "$ws"
    mkdir -p "$WORK/home"
    T -f /dev/null new-session -d -s shot -x "$1" -y "$2" -c "$ws" \
        "env -i PATH=$BIN:/usr/bin:/bin HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config \
XDG_DATA_HOME=$WORK/home/.local/share USER=督查员 DUBAN_AUTHOR=督查员 LANG=C.UTF-8 \
LC_ALL=C.UTF-8 TERM=tmux-256color PS1='$ ' bash --norc --noprofile" \; \
        set -g status off \; set -s escape-time 0
    wait_for '$'
}

# keys K...: press keys by tmux name (Enter, Escape, C-r, q).
keys() { T send-keys -t shot "$@"; }
# type TEXT: type text literally.
type_text() { T send-keys -t shot -l "$1"; }
# run COMMAND: type a shell command line and press Enter.
run() { type_text "$1"; keys Enter; }

# wait_for TEXT: poll the screen until TEXT is on it (10 s at most).
wait_for() {
    local i
    for ((i = 0; i < 200; i++)); do
        T capture-pane -p -t shot | grep -F -- "$1" >/dev/null && return 0
        sleep 0.05
    done
    echo "timed out waiting for: $1" >&2
    T capture-pane -p -t shot >&2
    exit 1
}

# open_duban [ENV...]: open duban on the workspace (with ENV=VALUE settings), wait for
# its first frame.
open_duban() {
    run "${*:+env $* }duban --dir ."
    wait_for "督办 ·"
}

# wait_for_shell: wait until duban has left the alternate screen.
wait_for_shell() {
    local i
    for ((i = 0; i < 200; i++)); do
        [[ $(T display-message -p -t shot '#{alternate_on}') == 0 ]] && return 0
        sleep 0.05
    done
    echo "duban did not exit" >&2
    exit 1
}

# capture FILE: the screen with its colours, once two captures in a row agree.
capture() {
    local a b i
    a=$(T capture-pane -e -p -t shot)
    for ((i = 0; i < 100; i++)); do
        sleep 0.1
        b=$(T capture-pane -e -p -t shot)
        [[ "$a" == "$b" ]] && break
        a=$b
    done
    printf '%s\n' "$a" >"$1"
}

# shot NAME [CAPTION]: capture the screen and render it to screenshots/NAME.png.
shot() {
    local size
    size=$(T display-message -p -t shot '#{window_width} #{window_height}')
    capture "$WORK/$1.ansi"
    # shellcheck disable=SC2086
    "$VENV/bin/python" "$OUT/render.py" "$OUT/$1.png" $size "${2:-}=$WORK/$1.ansi"
    echo "screenshots/$1.png"
}

# --- the pictures -------------------------------------------------------------------
triage() { # $1 $2: size
    start "$1" "$2"
    open_duban
    wait_for "新建台账"
    shot "01-triage-$1x$2"
}

by_unit() {
    start 80 24
    open_duban
    keys v
    wait_for "按单位 ·"
    shot 02-by-unit-80x24
}

detail() {
    start 80 24
    open_duban
    keys Enter
    wait_for "── 完成时限 ──"
    shot 03-detail-80x24
}

search() {
    start 80 24
    open_duban
    keys /
    type_text zhjz
    wait_for "搜索“zhjz”"
    shot 04-search-zhjz-80x24
}

dashboard() { # $1 $2: size
    start "$1" "$2"
    open_duban
    keys D
    wait_for "完成率"
    shot "05-dashboard-$1x$2"
}

meeting() { # $1 $2: size
    start "$1" "$2"
    open_duban
    keys H
    wait_for "开始会议"
    keys Enter
    wait_for "会议 1/"
    shot "06-meeting-$1x$2"
}

notice() {
    # The 督办 notice to one unit, as `duban notices` prints it (a preview: nothing issued).
    start 120 30
    run "duban --dir . notices --unit 机关党办 --kind 督办 --format txt"
    wait_for "抄送"
    wait_for "--record)"
    shot 07-notice-120x30
}

colour_and_mono() {
    # The same screen in 16 colours and with NO_COLOR=1, side by side.
    start 80 24
    open_duban
    wait_for "新建台账"
    capture "$WORK/colour.ansi"
    keys q
    wait_for_shell
    run clear
    open_duban NO_COLOR=1
    wait_for "新建台账"
    capture "$WORK/mono.ansi"
    "$VENV/bin/python" "$OUT/render.py" "$OUT/08-colour-and-no-color-80x24.png" 80 24 \
        "16 色(默认)=$WORK/colour.ansi" "NO_COLOR=1(单色,靠 [红] [黑] 等标签区分)=$WORK/mono.ansi"
    echo "screenshots/08-colour-and-no-color-80x24.png"
}

help_popup() {
    start 80 24
    open_duban
    keys "?"
    wait_for "帮助 · 按键"
    shot 09-help-80x24
}

triage 80 24
by_unit
detail
search
dashboard 80 24
meeting 80 24
notice
colour_and_mono
help_popup
triage 200 50
dashboard 200 50
