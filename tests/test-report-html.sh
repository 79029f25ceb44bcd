#!/bin/sh
# test-report-html.sh — the HTML reports open in real headless Chromium:
# the page renders (screenshot), its script runs without a console error
# (body data-ready="yes"), the summary bar and the per-area tables are in
# the DOM, the "#status=" filter hides what it should, and a comparison
# page highlights its differences.  Chromium is required: when it is
# missing this test fails, it never skips (CI installs the package).
# Pages: the golden files of tests/report/golden, which test-report and
# test-report-compare prove are what the formatters write.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
golden=$top_srcdir/tests/report/golden
CHROMIUM=${CHROMIUM:-chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else notok "$1"; fi; }

echo "1..14"

if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
    echo "# '$CHROMIUM' not found: install Debian's chromium package (apt-get install -y chromium)"
    notok "chromium is installed"
    exit 1
fi
ok "chromium is installed"

# chrome PAGE-URL OUT-PREFIX EXTRA-ARGS...: stdout to OUT.dom, stderr to OUT.err
chrome() {
    url=$1; out=$2; shift 2
    profile=$(mktemp -d "$work/profile.XXXXXX")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
        --window-size=1280,1600 "$@" "$url" >"$out.raw" 2>"$out.err"
    # One line, so that checks can span elements.
    tr -d '\n' <"$out.raw" >"$out.dom"
}

# The page as a person sees it.
chrome "file://$golden/run.html" "$work/shot" --screenshot="$work/run.png"
check "run.html renders to a screenshot" '[ -s "$work/run.png" ] && [ "$(head -c 4 "$work/run.png" | od -An -c | tr -d " ")" = "211PNG" ]'
if [ -n "$TCK_KEEP_SCREENSHOT" ]; then cp "$work/run.png" "$TCK_KEEP_SCREENSHOT"; fi

# The DOM after the script ran.
chrome "file://$golden/run.html" "$work/run" --dump-dom
check "run.html: no console message (errors would show here)" '! grep -q ":CONSOLE" "$work/run.err"'
check "run.html: the script ran through" 'grep -q "<body data-ready=\"yes\"" "$work/run.dom"'
check "run.html: summary bar with a segment per status present" '[ "$(grep -o "<span class=\"st-[a-z]*\" style=\"flex-grow:[0-9]*\"" "$work/run.dom" | wc -l)" -eq 6 ]'
check "run.html: one table per area (domain, storage, network, nodedev)" '[ "$(grep -o "<section class=\"area\" data-area=\"[a-z]*\"" "$work/run.dom" | wc -l)" -eq 4 ]'
check "run.html: nine test rows, none hidden" '[ "$(grep -o "<tr class=\"test row-[a-z]*\" data-status" "$work/run.dom" | wc -l)" -eq 9 ]'
check "run.html: the metadata table shows the URI" 'grep -q "<th>URI</th><td>test:///default</td>" "$work/run.dom"'

# Filters: only failures and errors.
chrome "file://$golden/run.html#status=fail,error" "$work/filter" --dump-dom
check "filter: no console message" '! grep -q ":CONSOLE" "$work/filter.err"'
check "filter: passing rows are hidden" '[ "$(grep -o "<tr class=\"test row-pass hidden\"" "$work/filter.dom" | wc -l)" -eq 3 ]'
check "filter: failing rows stay visible" 'grep -q "<tr class=\"test row-fail\" data-status=\"fail\">" "$work/filter.dom"'
check "filter: an area with nothing left is hidden" 'grep -q "<section class=\"area hidden\" data-area=\"nodedev\"" "$work/filter.dom"'

# A comparison page highlights what changed.
chrome "file://$golden/compare.html" "$work/cmp" --dump-dom
check "compare.html: no console message" '! grep -q ":CONSOLE" "$work/cmp.err"'
check "compare.html: the regression is highlighted" 'grep -q "<tr class=\"test row-fail changed cmp-regression\" data-status=\"fail\"><td>core/020-regress" "$work/cmp.dom"'

[ "$failed" = 0 ] || { echo "# chromium logs kept in: $work.kept"; cp -r "$work" "$work.kept"; }
exit $failed
