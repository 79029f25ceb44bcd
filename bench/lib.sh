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

# bench_sandbox_ready N: start-to-ready (from exec to the command's first
# instruction, the daemons answer by then) and a whole start/teardown, N times.
bench_sandbox_ready() {
    i=0
    while [ $i -lt "$1" ]; do
        t0=$(date +%s.%N)
        "$B/tck/libvirt-tck-sandbox" --no-kvm -- date +%s.%N >"$D/t"
        t2=$(date +%s.%N)
        echo "$(cat "$D/t") - $t0" | bc >>"$D/ready"
        echo "$t2 - $t0" | bc >>"$D/whole"
        i=$((i + 1))
    done
    echo "sandbox start-to-ready: $(median <"$D/ready")"
    echo "sandbox start, run nothing, tear down: $(median <"$D/whole")"
}
