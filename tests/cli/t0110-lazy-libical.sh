#!/bin/sh
# libical, and the ICU and libstdc++ it brings, is opened by the calendar
# when it writes iCalendar, not at the start of every command
# (core/ical.c, dlopen).  Seen three ways: the binary has no NEEDED entry
# for it; the dynamic linker's own log (LD_DEBUG, no tracer, so it works
# under ASan too) shows that minutes, status and validate never load it
# and that calendar does; and with the library unopenable for one command
# (/dev/null bound over its file in a mount namespace of that command's
# own: the system is untouched) the others work and calendar says what to
# install.
. "$(dirname "$0")/lib.sh"

command -v readelf > /dev/null || { echo "readelf is missing: apt-get install binutils (gcc's)"; exit 1; }

# Runs "$@" with the dynamic linker's log of the files it loads in
# $TRASH/ld.PID (one file a process).
logged() {
	rm -f "$TRASH"/ld.* &&
	LD_DEBUG=files LD_DEBUG_OUTPUT="$TRASH/ld" "$@"
}
# The libraries the last logged command loaded, one a line.
loaded() {
	sed -n "s/^ *[0-9]*:[[:space:]]*file=\([^ ]*\) .*/\1/p" "$TRASH"/ld.* | sort -u
}

test_expect_success 'the binary does not link libical: no NEEDED entry names it' '
	readelf -d "$CONVENE" > dynamic &&
	test_grep "(NEEDED)" dynamic && test_grep "[libc.so.6]" dynamic &&
	! grep "NEEDED.*libical" dynamic
'

test_expect_success 'minutes, status and validate never load libical or ICU' '
	init_lit && cd lit &&
	for args in "minutes 1" "status" "validate"; do
		logged convene $args > /dev/null &&
		loaded > ../files &&
		test_grep "libyaml-0.so.2" ../files &&
		! grep "^libical\|^libicu" ../files || { echo "convene $args loaded it" >&2; return 1; }
	done
'

test_expect_success 'the calendar loads it, from the file the dynamic linker finds' '
	init_lit && cd lit &&
	convene meeting new --date 2026-03-26 --start 17:00 > /dev/null 2>&1 &&
	logged convene calendar > ../feed.ics 2> /dev/null &&
	test_grep "DTSTART:20260326T170000Z" ../feed.ics &&
	loaded > ../files &&
	grep -x "libical.so.3" ../files && grep "^libicuuc" ../files &&
	sed -n "s/.*calling init: \(.*\/libical\.so\.3\)$/\1/p" "$TRASH"/ld.* > "$TRASH/libical-path" &&
	test -f "$(cat "$TRASH/libical-path")"
'

# Runs "$@" in a mount namespace of its own where the file of libical
# is /dev/null: dlopen() finds it and cannot load it.
ICAL_FILE=$(cat "$TRASH/libical-path" 2> /dev/null)
without_libical() {
	unshare -rm sh -c 'mount --bind /dev/null "$0" && exec "$@"' "$ICAL_FILE" "$@"
}

if [ -z "$ICAL_FILE" ] || ! command -v unshare > /dev/null ||
	! without_libical sh -c 'test ! -s "$0"' "$ICAL_FILE" 2> /dev/null; then
	echo "# skipped: no mount namespace (unshare -rm) to hide libical in, the system's kept as it is"
	test_done
	exit
fi

test_expect_success 'with libical unopenable, minutes and status work as before' '
	init_lit && cd lit &&
	convene minutes 1 > ../want &&
	without_libical convene minutes 1 > ../got &&
	test_cmp ../want ../got &&
	without_libical convene status > /dev/null
'

test_expect_success 'and the calendar says what to install: exit 5, nothing written' '
	init_lit && cd lit &&
	test_expect_code 5 without_libical convene calendar -o ../cal.ics 2> ../err &&
	test ! -e ../cal.ics &&
	tail -n 2 ../err > ../got &&
	printf "%s%s\n%s\n" "convene: error: the calendar needs libical (libical.so.3): " \
		"$ICAL_FILE: file too short" "convene: hint: install it: apt-get install libical3" > ../want &&
	test_cmp ../want ../got
'

test_expect_success 'the same when the time zone is to be checked first (by libical)' '
	init_lit && cd lit &&
	convene set timezone Asia/Jerusalem > /dev/null 2>&1 &&
	convene calendar > /dev/null 2>&1 &&
	test_expect_code 5 without_libical convene calendar 2> ../err &&
	test_grep "convene: error: the calendar needs libical (libical.so.3): $ICAL_FILE: " ../err &&
	test_grep "convene: hint: install it: apt-get install libical3" ../err &&
	! grep "time zone" ../err
'

test_expect_success 'in Hebrew too' '
	he_locale && init_lit && cd lit &&
	test_expect_code 5 without_libical env LANG=he_IL.UTF-8 convene calendar 2> ../err &&
	test_grep "convene: error: לוח השנה זקוק ל־libical (libical.so.3): " ../err &&
	test_grep "convene: hint: התקינו אותה: apt-get install libical3" ../err
'

test_done
