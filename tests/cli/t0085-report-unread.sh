#!/bin/sh
# report DIR with a meeting whose file does not load: that meeting has no
# page, so the index lists it in its place with no link and says its file
# could not be read (in the initiative's language, whatever the locale);
# the error is said as validate says it, file:line:col, and the exit is 1
# with the rest of the site written.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report-data.sh"

if ! he_locale; then
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	exit 1
fi

# meetings/002.yaml, broken at line 3, column 1, committed
break_meeting() {
	(cd "$1" &&
	 printf "number: 2\ntitle: [broken\n" > meetings/002.yaml &&
	 fixed_git "2026-02-10T10:00:00+02:00" commit -q -am "meeting 002: broken by hand")
}

# every page index.html links to is in the site
links_exist() {
	grep -o 'href="meetings/[^"]*"' "$1/index.html" | sed 's/^href="//; s/"$//' | sort -u > linked &&
	test -s linked &&
	while read -r page; do
		test -f "$1/$page" || { echo "index.html links to $page, which is not there" >&2; return 1; }
	done < linked
}

test_expect_success 'no link to a page not written; the row says why; the error at file:line:col; exit 1' '
	make_report_initiative en i &&
	break_meeting i &&
	test_expect_code 1 convene -C i report "$PWD/site" 2> err &&
	echo "meetings/002.yaml:3:1: error: did not find expected '"','"' or '"']'"' while parsing a flow sequence" > want &&
	head -n 1 err > first &&
	test_cmp want first &&
	test_grep "1 meeting could not be read: the report lists it without its page" err &&
	test_grep "wrote $PWD/site: index.html and 1 meeting page, from commit" err &&
	test ! -e site/meetings/002.html &&
	test -f site/meetings/001.html &&
	! grep -q "meetings/002.html" site/index.html &&
	links_exist site &&
	printf "%s\n" "<tr class=\"unread\"><th scope=\"row\">2</th><td colspan=\"7\">its file could not be read, so it has no page: <code><bdi dir=\"ltr\">meetings/002.yaml</bdi></code></td></tr>" > want &&
	grep "class=\"unread\"" site/index.html > row &&
	test_cmp want row &&
	grep -A1 "class=\"unread\"" site/index.html | sed -n 2p > after &&
	echo "</tbody>" > want &&
	test_cmp want after &&
	grep -B1 "class=\"unread\"" site/index.html | sed -n 1p > before &&
	grep -q "<a href=\"meetings/001.html\">1</a>" before
'

test_expect_success 'in a Hebrew initiative the row is Hebrew; the messages follow the locale, the site does not' '
	make_report_initiative he i &&
	break_meeting i &&
	test_expect_code 1 convene -C i report "$PWD/a" 2> err &&
	test_grep "meetings/002.yaml:3:1: " err &&
	test_grep "1 meeting could not be read" err &&
	test_grep "לא ניתן היה לקרוא את הקובץ שלו, ולכן אין לו דף: <code><bdi dir=\"ltr\">meetings/002.yaml</bdi></code>" a/index.html &&
	links_exist a &&
	test_expect_code 1 env LANG=he_IL.UTF-8 convene -C i report "$PWD/b" 2> err &&
	head -n 1 err > first &&
	grep "^meetings/002.yaml:3:1: " first &&
	test_grep "נכתב $PWD/b: index.html ו־1 דף מפגש, מקומיט" err &&
	test_grep "לא ניתן היה לקרוא 1 מפגש: הדוח מציג אותו בלי הדף שלו" err &&
	diff -r a b
'

test_expect_success 'with the meeting mended the page and its link are back, exit 0' '
	make_report_initiative en i &&
	break_meeting i &&
	test_expect_code 1 convene -C i report "$PWD/site" 2> /dev/null &&
	(cd i && git revert --no-edit HEAD > /dev/null) &&
	convene -C i report "$PWD/site" 2> err &&
	! grep -q "could not be read" err &&
	test -f site/meetings/002.html &&
	grep -q "<a href=\"meetings/002.html\">2</a>" site/index.html &&
	! grep -q "class=\"unread\"" site/index.html &&
	links_exist site
'

test_done
