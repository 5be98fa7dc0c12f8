#!/bin/sh
# initiative.yaml's timezone: init takes it from the system, set checks it
# against the tz database, validate points at a wrong one.
. "$(dirname "$0")/lib.sh"

test_expect_success 'init takes the time zone from TZ' '
	TZ=America/New_York convene init --lang en --site haifa --name Literacy lit 2>err &&
	sed -n 3p lit/initiative.yaml > out &&
	echo "timezone: America/New_York" > want &&
	test_cmp want out &&
	test_grep "time zone America/New_York" err &&
	(cd lit && convene validate 2>/dev/null)
'

test_expect_success 'init reads TZ with a colon or as a path into zoneinfo' '
	TZ=:Asia/Jerusalem convene init --lang he --site haifa a 2>/dev/null &&
	TZ=/usr/share/zoneinfo/Europe/London convene init --lang en --site haifa b 2>/dev/null &&
	grep "^timezone:" a/initiative.yaml b/initiative.yaml > out &&
	printf "a/initiative.yaml:timezone: Asia/Jerusalem\nb/initiative.yaml:timezone: Europe/London\n" > want &&
	test_cmp want out
'

test_expect_success 'init says how to change a UTC time zone' '
	TZ=UTC convene init --lang en --site haifa lit 2>err &&
	test_grep "timezone: UTC" lit/initiative.yaml &&
	test_grep "hint: meeting times are in UTC; if the group meets elsewhere: convene set timezone Asia/Jerusalem" err
'

test_expect_success 'set timezone takes a zone the tz database knows and commits' '
	init_lit && cd lit &&
	convene set timezone Asia/Jerusalem 2>../err &&
	test_grep "set timezone" ../err &&
	convene get timezone > ../out &&
	echo Asia/Jerusalem > ../want && test_cmp ../want ../out &&
	git log -1 --format=%s > ../out && echo "set timezone" > ../want && test_cmp ../want ../out &&
	convene validate 2>/dev/null
'

test_expect_success 'set timezone refuses a misspelt zone, naming the close one; nothing changes' '
	init_lit && cd lit &&
	before=$(git rev-parse HEAD) &&
	test_expect_code 2 convene set timezone asia/jerusalem 2>../err &&
	test_grep "error: '"'"'timezone'"'"' is '"'"'asia/jerusalem'"'"', a time zone the tz database does not know; did you mean '"'"'Asia/Jerusalem'"'"'?" ../err &&
	test_expect_code 2 convene set timezone Asia/Jerusalm 2>../err &&
	test_grep "did you mean '"'"'Asia/Jerusalem'"'"'?" ../err &&
	test_expect_code 2 convene set timezone "New York" 2>../err &&
	test_grep "did you mean '"'"'America/New_York'"'"'?" ../err &&
	test_expect_code 2 convene set timezone Mars/Olympus 2>../err &&
	test_grep "write an IANA name like Asia/Jerusalem" ../err &&
	test "$(git rev-parse HEAD)" = "$before" &&
	test -z "$(git status --porcelain)" &&
	test_grep "timezone: UTC" initiative.yaml
'

test_expect_success 'validate points at an unknown zone in the file' '
	init_lit && cd lit &&
	sed "s|^timezone: UTC|timezone: Asia/Jerusalm|" initiative.yaml > x && mv x initiative.yaml &&
	test_expect_code 1 convene validate > ../out 2>/dev/null &&
	echo "initiative.yaml:3:11: error: '"'"'timezone'"'"' is '"'"'Asia/Jerusalm'"'"', a time zone the tz database does not know; did you mean '"'"'Asia/Jerusalem'"'"'?" > ../want &&
	test_cmp ../want ../out
'

test_expect_success 'an initiative from before timezone is still valid' '
	init_lit && cd lit &&
	grep -v "^timezone:" initiative.yaml > x && mv x initiative.yaml &&
	git commit -qam "no time zone" &&
	convene validate 2>../err &&
	! grep -q timezone ../err
'

test_expect_success 'with no tz database the zone is not checked, and validate says so' '
	init_lit && cd lit &&
	mkdir ../nozones &&
	TZDIR=$PWD/../nozones convene set timezone Mars/Olympus 2>/dev/null &&
	TZDIR=$PWD/../nozones convene validate 2>/dev/null > ../out &&
	test_grep "initiative.yaml:3:11: warning: '"'"'timezone'"'"' (Mars/Olympus) is not checked: this system has no tz database (install tzdata)" ../out &&
	test_expect_code 1 convene validate >/dev/null 2>&1
'

test_expect_success 'the tz database is read from TZDIR' '
	init_lit && cd lit &&
	mkdir ../zones &&
	printf "Z Negev/Beersheva 2:00 - IST\n" > ../zones/tzdata.zi &&
	TZDIR=$PWD/../zones convene set timezone Negev/Beersheva 2>/dev/null &&
	TZDIR=$PWD/../zones convene validate 2>/dev/null &&
	test_expect_code 1 convene validate >/dev/null 2>&1
'

test_done
