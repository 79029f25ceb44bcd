# bench/lib.sh — shared by the bench scripts: where the build is ($B), a
# scratch dir ($D, removed at exit), median() over one figure a line, the
# host line, and the sandbox's start-to-ready figures.  Source it.
B=${top_builddir:-$PWD}
D=$(mktemp -d /tmp/tck-bench-XXXXXX)
trap 'rm -rf "$D"' EXIT
chmod 0755 "$D"
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.2f s (min %.2f, max %.2f, n=%d)", m, v[1], v[NR], NR }'; }
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"

# bench_sandbox_ready N [LABEL [SANDBOX-OPTION...]]: start-to-ready (from
# exec to the command's first instruction, the daemons answer by then) and a
# whole start/teardown, N times, of the sandbox started with those options
# (LABEL names it in the figures, default "sandbox").
bench_sandbox_ready() {
    n=$1
    label=${2:-sandbox}
    shift
    [ $# -gt 0 ] && shift
    rm -f "$D/ready" "$D/whole"
    i=0
    while [ $i -lt "$n" ]; do
        t0=$(date +%s.%N)
        "$B/tck/libvirt-tck-sandbox" --no-kvm "$@" -- date +%s.%N >"$D/t"
        t2=$(date +%s.%N)
        echo "$(cat "$D/t") - $t0" | bc >>"$D/ready"
        echo "$t2 - $t0" | bc >>"$D/whole"
        i=$((i + 1))
    done
    echo "$label start-to-ready: $(median <"$D/ready")"
    echo "$label start, run nothing, tear down: $(median <"$D/whole")"
}
