#!/bin/sh
# man-example.sh — the complete example in libtck(3) is real: extracted
# from the page, it compiles against the built libtck (headers and
# pkg-config file), runs under prove, and passes through the harness.
. "$top_srcdir/tests/lib.sh"
tap_plan 4

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; _tap_end' EXIT
# The lines between ".SH EXAMPLE/.nf" and ".fi", with roff's \- turned back into -.
sed -n '/^\.SH EXAMPLE/,/^\.fi/p' "$top_srcdir/man/libtck.3" | sed '1,2d;$d' | sed 's/\\-/-/g' >"$tmp/060-example.c"
ok "the example was found in the page" grep -q 'tck_test_begin' "$tmp/060-example.c"

# The uninstalled pkg-config file points at the install prefix: use the build tree instead.
cflags="-I$top_srcdir/libtck -I$top_srcdir/capabilities -I$top_srcdir/builders -I$top_srcdir/assets -I$top_srcdir/util $(pkg-config --cflags glib-2.0 libvirt libxml-2.0)"
libs="-L$top_builddir/libtck/.libs -Wl,-rpath,$top_builddir/libtck/.libs -ltck $(pkg-config --libs glib-2.0 libvirt libxml-2.0)"
ok "the example compiles and links against libtck" \
    sh -c "cc -std=gnu11 -Wall -Werror $SANITIZER_CFLAGS -o '$tmp/060-example' '$tmp/060-example.c' $cflags $libs 2>'$tmp/cc.log' || { cat '$tmp/cc.log' | sed 's/^/# /'; false; }"
out=$(TCK_URI=test:///default prove --exec '' "$tmp/060-example" 2>&1)
like "$out" '^All tests successful' "prove runs it and it passes on test:///default"
out=$("$TCK" --uri test:///default "$tmp/060-example" 2>&1)
like "$out" '060-example \.+ ok ' "the harness runs it as a test"
