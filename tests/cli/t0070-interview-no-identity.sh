#!/bin/sh
# Issue 15: with no identity, interview show says so (where it looked,
# how to make one) instead of "not readable with your key"; the wrong key
# still says that.  And the messages of interview, readers and key in
# Hebrew (issue 18), the YAML shown staying English.
. "$(dirname "$0")/lib.sh"

setup() {
	init_lit && cd lit &&
	convene member add Dana --id dana 2>/dev/null &&
	convene member add Rina --id rina 2>/dev/null &&
	git config convene.member dana &&
	convene key new >/dev/null 2>&1 && convene key publish >/dev/null 2>&1 &&
	convene readers add dana 2>/dev/null &&
	convene interview add rina --confidential --answer motivation=hush-word 2>/dev/null
}

test_expect_success 'no identity: the header names it and how to make one, not "your key"' '
	setup &&
	XDG_CONFIG_HOME=/nonexistent convene interview show rina-1 > ../out 2> ../err &&
	head -n 1 ../out > ../first &&
	test_grep "# confidential — not opened: no age identity at '"'"'/nonexistent/convene/identity'"'"'" ../first &&
	test_grep "(convene key new makes one); readable by dana" ../first &&
	! grep -q "not readable with your key" ../out &&
	! grep -q hush-word ../out ../err &&
	test_grep "no age identity at '"'"'/nonexistent/convene/identity'"'"'" ../err &&
	test_grep "convene: hint: make one with '"'"'convene key new'"'"'" ../err
'

test_expect_success 'another key: "not readable with your key", nothing about making one' '
	setup && mkdir -p ../other &&
	XDG_CONFIG_HOME="$(cd ../other && pwd)" convene key new > /dev/null 2>&1 &&
	XDG_CONFIG_HOME="$(cd ../other && pwd)" convene interview show rina-1 > ../out 2> ../err &&
	test_grep "# confidential — not readable with your key; readable by dana" ../out &&
	! grep -q "key new" ../out ../err && ! grep -q hush-word ../out ../err
'

test_expect_success 'the reader: opened' '
	setup && convene interview show rina-1 > ../out &&
	test_grep "# confidential — opened with your key, not for the group; readable by dana" ../out &&
	test_grep "motivation: hush-word" ../out
'

if he_locale; then
	test_expect_success 'in Hebrew: the errors and hints, the YAML the same bytes' '
		setup &&
		XDG_CONFIG_HOME=/nonexistent convene interview show rina-1 > ../en 2> /dev/null &&
		XDG_CONFIG_HOME=/nonexistent LANG=he_IL.UTF-8 convene interview show rina-1 > ../he 2> ../err &&
		test_cmp ../en ../he &&
		test_grep "חסוי ואין לך מפתח לפתוח אותו" ../err &&
		test_grep "צרו אחת עם '"'"'convene key new'"'"'" ../err &&
		test_expect_code 1 env LANG=he_IL.UTF-8 convene readers rm dana 2> ../err &&
		test_grep "convene: error: כך לא יישאר אף קורא/ת מורשה" ../err &&
		test_expect_code 1 env LANG=he_IL.UTF-8 convene readers add rnia 2> ../err &&
		test_grep "convene: error: חבר/ה לא מוכר/ת '"'"'rnia'"'"'; אולי התכוונתם ל־'"'"'rina'"'"'?" ../err &&
		test_expect_code 2 env LANG=he_IL.UTF-8 convene key show extra 2> ../err &&
		test_grep "key show אינה מקבלת ארגומנטים" ../err &&
		LANG=he_IL.UTF-8 convene interview summary > ../out &&
		test_grep "(motivation, תשובה 1)" ../out && test_grep "    (חסוי)" ../out &&
		LANG=he_IL.UTF-8 convene interview list > ../out &&
		test_grep "(חסוי)" ../out &&
		LANG=he_IL.UTF-8 convene help readers > ../out &&
		test_grep "מורשי הקריאה (initiative.yaml: readers)" ../out &&
		LANG=he_IL.UTF-8 convene help interview > ../out &&
		test_grep "השארת השינוי בהכנה" ../out
	'
else
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it"
	exit 1
fi

test_done
