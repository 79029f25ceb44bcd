# lib.sh — a small TAP writer for our shell tests.  Source it, call
# tap_plan N, then the checks; the script's exit status is 0 only when
# every check passed and the plan was kept.

: "${top_builddir:?run through make check (top_builddir unset)}"
: "${top_srcdir:?run through make check (top_srcdir unset)}"
TCK="$top_builddir/tck/libvirt-tck"
# each script its own store of test durations, so that no earlier run
# reorders this one's tests (the harness starts the longest first)
_tap_state=$(mktemp -d "${TMPDIR:-/tmp}/tck-state.XXXXXX")
XDG_STATE_HOME=$_tap_state; export XDG_STATE_HOME
_tap_n=0
_tap_failed=0
_tap_planned=0

tap_plan() {
    _tap_planned=$1
    echo "1..$1"
    trap '_tap_end' EXIT
}

_tap_end() {
    rc=$?
    rm -rf "$_tap_state"
    if [ "$_tap_n" -ne "$_tap_planned" ]; then
        echo "# planned $_tap_planned checks, ran $_tap_n"
        exit 1
    fi
    [ "$_tap_failed" -eq 0 ] && [ "$rc" -eq 0 ] && exit 0
    exit 1
}

_tap_result() { # ok|fail desc
    _tap_n=$((_tap_n + 1))
    if [ "$1" = ok ]; then
        echo "ok $_tap_n - $2"
    else
        _tap_failed=$((_tap_failed + 1))
        echo "not ok $_tap_n - $2"
    fi
}

diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

# ok DESC COMMAND...: the command succeeds.
ok() {
    desc=$1; shift
    if "$@"; then _tap_result ok "$desc"; else _tap_result fail "$desc"; fi
}

# is GOT EXPECTED DESC
is() {
    if [ "$1" = "$2" ]; then
        _tap_result ok "$3"
    else
        _tap_result fail "$3"
        diag "     got: '$1'" "expected: '$2'"
    fi
}

# like TEXT EXTENDED-REGEX DESC: some line of TEXT matches.
like() {
    if printf '%s\n' "$1" | grep -Eq -- "$2"; then
        _tap_result ok "$3"
    else
        _tap_result fail "$3"
        diag "no line matches /$2/ in:"
        printf '%s\n' "$1" | head -40 | diag "$(cat)"
    fi
}

# unlike TEXT EXTENDED-REGEX DESC: no line of TEXT matches.
unlike() {
    if printf '%s\n' "$1" | grep -Eq -- "$2"; then
        _tap_result fail "$3"
        diag "a line matches /$2/:"
        printf '%s\n' "$1" | grep -E -- "$2" | head -5 | diag "$(cat)"
    else
        _tap_result ok "$3"
    fi
}

# lines TEXT: the number of lines in TEXT.
lines() { printf '%s' "$1" | awk 'END { print NR }'; }

# chromium_dom URL DOM ERR: the page's DOM after its script ran, by
# headless Chromium ($CHROMIUM, default chromium), to DOM; its log to ERR.
# Fails (exit 127) when Chromium is not installed.
CHROMIUM=${CHROMIUM:-chromium}
chromium_dom() {
    command -v "$CHROMIUM" >/dev/null 2>&1 || return 127
    _profile=$(mktemp -d "${TMPDIR:-/tmp}/tck-chromium.XXXXXX")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$_profile" --enable-logging=stderr --v=0 --dump-dom "$1" >"$2" 2>"$3"
    _rc=$?
    rm -rf "$_profile"
    return $_rc
}
