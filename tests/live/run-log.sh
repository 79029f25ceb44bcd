# run-log.sh — sourced by the live inner scripts: what a libvirt-tck -v
# run log says, for check descriptions that name what went wrong (CI shows
# only the result lines, never the logs), and the one way they record a
# result.
#   check STATUS DESCRIPTION   "ok - ..." or "not ok - ..." into $R
#   run_counts LOG    "PASSED FAILED SKIPPED" from the closing line
#   run_failures LOG  each FAILED or ERROR test with its failing checks
run_counts() {
    sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped.*/\1 \2 \3/p' "$1" | tail -n 1
}
run_failures() {
    awk '/^not ok / {sub(/^not ok [0-9]* - /, ""); bad = bad (bad ? "; " : "") $0; next}
         /^[a-z]+\/[^ ]* \.+ / {if ($3 == "FAILED" || $3 == "ERROR") printf "%s [%s] ", $1, (bad ? bad : $3); bad = ""}' "$1"
}
check() {
    if [ "$1" -eq 0 ]; then echo "ok - $2" >>"$R"; else echo "not ok - $2" >>"$R"; fi
}
