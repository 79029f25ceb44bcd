#!/bin/sh
# layers.sh — the layers point down, and the build proves it.
#
#   util/  <-  capabilities/, assets/  <-  builders/  <-  libtck/  <-  tck/, suites/, prepare/
#
# 1. No #include in a library folder names a file of a folder above it (or
#    of its sibling): each include is resolved the way the compiler does
#    (the file's own folder for "x.h", then the -I list of Makefile.am).
# 2. No folder's convenience library has an undefined symbol that only a
#    higher (or sibling) folder's library defines: an upward call does not
#    link.
# 3. House rules the layers rest on: see the checks at the end.
. "$top_srcdir/tests/lib.sh"

src=$top_srcdir
bld=$top_builddir

# The -I list of Makefile.am, in order (top_builddir holds only config.h).
incdirs="libtck capabilities builders assets util ."

# allowed FOLDER: the folders FOLDER may include from (itself and below).
allowed() {
    case $1 in
    util) echo "util" ;;
    capabilities) echo "util capabilities" ;;
    assets) echo "util assets" ;;
    builders) echo "util capabilities assets builders" ;;
    libtck) echo "util capabilities assets builders libtck" ;;
    esac
}

# owner FILE INCLUDE QUOTE: the top folder of the file INCLUDE resolves to, or nothing.
owner() {
    if [ "$3" = '"' ] && [ -f "$(dirname "$src/$1")/$2" ]; then
        path=$(dirname "$1")/$2
    else
        path=
        for d in $incdirs; do
            if [ -f "$src/$d/$2" ]; then path=$d/$2; break; fi
        done
    fi
    [ -n "$path" ] || return 0
    path=${path#./}
    echo "${path%%/*}"
}

# up_includes DIR...: every include in DIR that points up, as FILE:LINE: TEXT (owner).
up_includes() {
    for d in "$@"; do
        ok_dirs=$(allowed "$d")
        (cd "$src" && find "$d" -name '*.[ch]' | sort) | while read -r f; do
            grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"][^>"]+[>"]' "$src/$f" |
            while IFS= read -r l; do
                inc=$(printf '%s' "$l" | sed -E 's/.*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/')
                q=$(printf '%s' "$l" | sed -E 's/.*include[[:space:]]*([<"]).*/\1/')
                [ "$inc" = config.h ] && continue
                o=$(owner "$f" "$inc" "$q")
                [ -z "$o" ] && continue
                case " $ok_dirs " in
                *" $o "*) ;;
                *) echo "$f:$l  ($d includes $o)" ;;
                esac
            done
        done
    done
}

# The layers' archives, bottom first: FOLDER:ARCHIVE.
libs="util:util/.libs/libtck-util.a capabilities:capabilities/.libs/libtck-caps.a
assets:assets/.libs/libtck-assets.a builders:builders/.libs/libtck-builders.a
libtck:libtck/.libs/libtck-core.a tck:tck/.libs/libtck-harness.a"

defined() { nm -g --defined-only "$bld/$1" 2>/dev/null | awk 'NF == 3 && $2 != "U" { print $3 }' | sort -u; }
undefined() { nm -g -u "$bld/$1" 2>/dev/null | awk '{ print $NF }' | sort -u; }

# up_links: every undefined symbol of a layer that a layer it may not use defines.
up_links() {
    tmp=$(mktemp -d)
    for e in $libs; do defined "${e#*:}" >"$tmp/${e%%:*}"; done
    for e in $libs; do
        d=${e%%:*}
        [ "$d" = tck ] && continue
        ok_dirs=$(allowed "$d")
        undefined "${e#*:}" >"$tmp/u"
        for other in $libs; do
            o=${other%%:*}
            case " $ok_dirs " in *" $o "*) continue ;; esac
            comm -12 "$tmp/u" "$tmp/$o" | sed "s|^|$d calls $o: |"
        done
    done
    rm -rf "$tmp"
}

tap_plan 8

found=$(up_includes util capabilities assets builders libtck)
[ -n "$found" ] && diag "$found"
ok "no include in util/, capabilities/, assets/, builders/, libtck/ points up the layers" test -z "$found"

missing=
for e in $libs; do [ -f "$bld/${e#*:}" ] || missing="$missing ${e#*:}"; done
[ -n "$missing" ] && diag "not built:$missing"
found=$(up_links)
[ -n "$found" ] && diag "$found"
ok "every folder's library is built and calls no symbol of a higher library" \
    test -z "$missing$found"

# The check itself must fail on a bad include: a made-up tree where util/
# includes libtck's header, by both spellings.
fake=$(mktemp -d)
mkdir -p "$fake/util" "$fake/libtck/tck"
: >"$fake/libtck/tck/test.h"
printf '#include <config.h>\n#include <tck/test.h>\n#include "libtck/tck/test.h"\n' >"$fake/util/bad.c"
found=$(src=$fake up_includes util)
rm -rf "$fake"
is "$(lines "$found")" 2 "the include check finds both upward includes in a made-up bad file"

# house_grep EXTENDED-REGEX EXCEPT...: lines of our C sources (library
# folders and programs, not tests) that match, outside the files EXCEPT.
house_grep() {
    re=$1; shift
    (cd "$src" && find util capabilities assets builders libtck tck prepare suites -name '*.[ch]' 2>/dev/null |
        sort | grep -vxF "$(printf '%s\n' "$@")" | xargs grep -nE -- "$re" 2>/dev/null)
}

found=$( (cd "$src" && find util capabilities assets builders libtck tck prepare suites tests -name '*.[ch]' |
    sort | xargs grep -nE '[A-Za-z_]*err[A-Za-z_]*\)?->(domain|code|message)[[:space:]]*=[^=]'))
[ -n "$found" ] && diag "$found"
ok "no code writes a GError's fields (tck_error_retag, tck_error_propagate_prefixed)" test -z "$found"

found=$(house_grep 'xmlXPathNewContext' util/xpath.c)
[ -n "$found" ] && diag "$found"
ok "XPath contexts are made in util/xpath.c only" test -z "$found"

found=$(house_grep '\<(xmlReadMemory|xmlReadFile|xmlReadDoc|xmlCtxtRead[A-Za-z]*|xmlParseMemory|xmlParseFile|xmlParseDoc)\>|XML_PARSE_HUGE|XML_PARSE_NOENT|XML_PARSE_DTDLOAD' util/xpath.c)
[ -n "$found" ] && diag "$found"
ok "XML is parsed in util/xpath.c only, never with HUGE, entity expansion or DTD loading" test -z "$found"

found=$(house_grep '\<(virSetErrorFunc|virConnSetErrorFunc|virConnectOpen|virConnectOpenReadOnly|virConnectOpenAuth)\>' util/virt-util.c)
[ -n "$found" ] && diag "$found"
ok "libvirt connections are opened and its error handler set in util/virt-util.c only" test -z "$found"

found=$(house_grep '\<tck_plan_choose[[:space:]]*\(' libtck/guest-plan.c capabilities/plan.c capabilities/tck/caps.h)
[ -n "$found" ] && diag "$found"
ok "a guest plan is made by tck_plan_for_connection (libtck/guest-plan.c) only" test -z "$found"
