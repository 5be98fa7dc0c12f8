#!/bin/sh
# report: the exact bytes of index.html and a meeting page in Hebrew and
# English (tests/golden/), the meeting pages as the minutes, and what the
# pages must and must not hold: escaped text, no script, nothing from
# outside, confidential answers never, headings in order.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report-data.sh"
GOLDEN=$(cd "$(dirname "$0")/../golden" && pwd)

# Compares an output with its golden file; UPDATE_GOLDEN=1 writes it
# instead (then read the diff before committing it).
golden() {
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		cp "$2" "$GOLDEN/$1"
	fi
	test_cmp "$GOLDEN/$1" "$2"
}

for lang in he en; do
	test_expect_success "$lang: index.html and meetings/001.html are the golden bytes" "
		make_report_initiative $lang i &&
		convene -C i report \"\$PWD/site\" 2>err &&
		test_grep 'wrote ' err &&
		golden report-index.$lang.html site/index.html &&
		golden report-001.$lang.html site/meetings/001.html
	"
done

test_expect_success 'the site: index, a page per meeting, one stylesheet, the marker' '
	make_report_initiative he i &&
	convene -C i report "$PWD/site" &&
	(cd site && find . -type f | sort) > got &&
	printf "./.convene-report\n./index.html\n./meetings/001.html\n./meetings/002.html\n./style.css\n" > want &&
	test_cmp want got &&
	test_grep "<link rel=\"stylesheet\" href=\"style.css\">" site/index.html
'

test_expect_success 'each meeting page is its minutes, byte for byte, at the same commit' '
	make_report_initiative en i &&
	convene -C i report "$PWD/site" &&
	convene -C i minutes 1 --format html --at HEAD > m1.html &&
	convene -C i minutes 2 --format html --at HEAD > m2.html &&
	test_cmp m1.html site/meetings/001.html &&
	test_cmp m2.html site/meetings/002.html
'

test_expect_success 'every text is escaped: a member named as markup is text' '
	make_report_initiative en i &&
	convene -C i report "$PWD/site" &&
	! grep -n "<img" site/index.html &&
	! grep -n "<script" site/index.html site/meetings/*.html &&
	! grep -n "<b>" site/index.html &&
	test_grep "&lt;img src=x onerror=alert(1)&gt;" site/index.html &&
	test_grep "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" site/index.html &&
	test_grep "&lt;b&gt;Org&lt;/b&gt;" site/index.html &&
	test_grep "<tr class=\"overdue\"><td><a href=\"meetings/001.html\">1</a></td><td>Ask &lt;the&gt; funders</td><td>&lt;img src=x onerror=alert(1)&gt;</td><td>2026-02-08 <strong>overdue</strong></td></tr>" site/index.html
'

test_expect_success 'confidential answers are counted and never shown' '
	for lang in he en; do
		make_report_initiative $lang $lang &&
		convene -C $lang report "$PWD/site-$lang" || return 1
	done &&
	! grep -rn "SECRET-DO-NOT-SHOW" site-en &&
	! grep -rn "סוד-חסוי-אסור-להציג" site-he &&
	test_grep "<span class=\"fig\">1</span> confidential interviews" site-en/index.html &&
	test_grep "That every child reads" site-en/index.html
'

test_expect_success 'nothing is loaded: no script, every src and href inside the site or a plain link' '
	make_report_initiative he i &&
	convene -C i report "$PWD/site" &&
	! grep -n "<script\|<iframe\|<img\|<object\|@import\|url(" site/index.html site/style.css &&
	! grep -o "<[a-z][^>]*>" site/index.html | grep " on[a-z]*=" &&
	grep -o "\(src\|href\)=\"[^\"]*\"" site/index.html | sort -u > links &&
	! grep -v "href=\"#[a-z]*\"\|href=\"style.css\"\|href=\"meetings/[0-9]*.html\"" links
'

test_expect_success 'every page: lang, dir, a title, headings in order, table headers with scope' '
	make_report_initiative he i &&
	convene -C i report "$PWD/site" &&
	for f in site/index.html site/meetings/001.html; do
		test_grep "<html lang=\"he\" dir=\"rtl\">" $f &&
		grep -q "<title>[^<][^<]*</title>" $f &&
		grep -o "<h[1-6]" $f | tr -d "<h" > levels &&
		awk "NR == 1 && \$1 != 1 { exit 1 } NR > 1 && \$1 > prev + 1 { exit 1 } { prev = \$1 }" levels || return 1
	done &&
	test "$(grep -c "<h1" site/index.html)" = 1 &&
	! grep -n "<th>" site/index.html &&
	test "$(grep -o "<th scope=\"col\">" site/index.html | wc -l)" -gt 10 &&
	test "$(grep -o "<th scope=\"row\">" site/index.html | wc -l)" -gt 5 &&
	grep -o "<svg[^>]*>" site/index.html > svgs &&
	test "$(wc -l < svgs)" = 5 &&
	test "$(grep -c "role=\"img\" direction=\"rtl\" aria-label=\"[^\"]" svgs)" = 5 &&
	awk "/^<svg/ { n++; getline; if (\$0 ~ /^<title>[^<]/) t++ } END { exit !(n == 5 && t == 5) }" site/index.html
'

test_expect_success 'the vision: every change with its date, meeting, site and a word diff; the fork and its settlement' '
	make_report_initiative en i &&
	convene -C i report "$PWD/site" &&
	test_grep "<bdi dir=\"ltr\">2026-02-07 10:00 +0200</bdi> · meeting 1 · site beersheva · by Dana Levi" site/index.html &&
	test_grep "reads <ins>with joy </ins>by grade 3" site/index.html &&
	test_grep "every parent <ins>and teacher </ins>on board" site/index.html &&
	test_grep "made concurrently, merged later" site/index.html &&
	test_grep "<li class=\"change fork\">" site/index.html &&
	test_grep "Fork: changed at two sites at once" site/index.html &&
	test_grep "<li class=\"change settled\">" site/index.html
'

test_expect_success 'outcomes: a chart per indicator, the latest value, unit and date, the goal in words' '
	make_report_initiative en i &&
	convene -C i report "$PWD/site" &&
	test_grep "aria-label=\"Reading at grade level: Latest: 52 % (2026-06-01) · Goal: raise it (from 40 to 80)\"" site/index.html &&
	test_grep "Goal: bring it down (from 1,200 to 800)" site/index.html &&
	test_grep ">No measurements yet</text>" site/index.html &&
	test_grep "target by 2027-06-30" site/index.html
'

test_expect_success 'the report in Hebrew: labels in Hebrew, charts right to left' '
	make_report_initiative he i &&
	convene -C i report "$PWD/site" &&
	test_grep "<h2 id=\"vision\">איך החזון השתנה</h2>" site/index.html &&
	test_grep "המטרה: להוריד (מ־1,200 ל־800)" site/index.html &&
	test_grep "class=\"ct\" direction=\"rtl\" text-anchor=\"start\">קוראים ברמת כיתה</text>" site/index.html
'

test_done
