#!/bin/sh
# The report in a real browser: Debian's Chromium, headless, opens the
# Hebrew site from disk, draws index.html and a meeting page at a desktop
# and a phone's size (not blank), reads their DOM (right to left, every
# chart an <svg> with a <title>, the markup name as text, nothing loaded
# from outside) and prints them on A4 (pdfinfo).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report-data.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

test_expect_success 'chromium and pdfinfo are installed (make test-deps)' '
	command -v chromium &&
	command -v pdfinfo &&
	test -x /usr/bin/python3
'

# Every src= and href= of a page, one a line.
links='{ while (match($0, /(src|href)="[^"]*"/)) { print substr($0, RSTART, RLENGTH); $0 = substr($0, RSTART + RLENGTH) } }'

browse() {  # browse FLAG... URL: chromium headless, a profile of its own each run
	profile=$(mktemp -d "$PWD/profile.XXXXXX") &&
	chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$profile" "$@" 2>/dev/null
}

test_expect_success 'the DOM of index.html: rtl, every chart an svg with a title, the markup name as text' '
	make_report_initiative he i &&
	convene -C i report "$PWD/site" &&
	browse --dump-dom "file://$PWD/site/index.html" > index.dom &&
	test_grep "<html lang=\"he\" dir=\"rtl\">" index.dom &&
	test "$(grep -c "<svg" index.dom)" = 5 &&
	awk "/<svg/ { n++; getline; if (\$0 ~ /<title>[^<]/) t++ } END { exit !(n == 5 && t == 5) }" index.dom &&
	test_grep "&lt;img src=x onerror=alert(1)&gt;" index.dom &&
	! grep -n "<img\|<script\|<iframe" index.dom &&
	test_grep "<del>" index.dom &&
	test_grep "<ins>" index.dom
'

test_expect_success 'no element loads anything from outside the site' '
	make_report_initiative he i &&
	convene -C i report "$PWD/site" &&
	browse --dump-dom "file://$PWD/site/index.html" > index.dom &&
	browse --dump-dom "file://$PWD/site/meetings/001.html" > m1.dom &&
	awk "$links" index.dom m1.dom | sort -u > got &&
	! grep -v "^href=\"#[a-z]*\"$\|^href=\"style.css\"$\|^href=\"meetings/00[12].html\"$" got &&
	test_grep "href=\"style.css\"" got &&
	cat index.dom m1.dom | grep -o "<[a-zA-Z][^>]*>" > tags &&
	! grep -n " src=\| srcset=\| poster=\|<link [^>]*href=\"[^s]" tags
'

test_expect_success 'screenshots of index.html and a meeting page, desktop and phone, are not blank' '
	make_report_initiative he i &&
	convene -C i report "$PWD/site" &&
	for size in 1280,800 390,844; do
		for page in index.html meetings/001.html; do
			browse --screenshot="$PWD/shot.png" --window-size=$size "file://$PWD/site/$page" &&
			/usr/bin/python3 "$HERE/pngcheck.py" shot.png > ink &&
			grep "^ink [0-9]" ink || return 1
		done
	done &&
	printf "<!DOCTYPE html><html><body></body></html>" > blank.html &&
	browse --screenshot="$PWD/blank.png" --window-size=390,844 "file://$PWD/blank.html" &&
	/usr/bin/python3 "$HERE/pngcheck.py" blank.png > none &&
	echo blank > want &&
	test_cmp want none
'

test_expect_success 'index.html and a meeting page print on A4' '
	make_report_initiative en i &&
	convene -C i report "$PWD/site" &&
	browse --no-pdf-header-footer --print-to-pdf="$PWD/index.pdf" "file://$PWD/site/index.html" &&
	pdfinfo index.pdf > info &&
	grep "^Page size:.* (A4)$" info &&
	grep "^Pages: *[1-9]" info &&
	browse --no-pdf-header-footer --print-to-pdf="$PWD/m1.pdf" "file://$PWD/site/meetings/001.html" &&
	pdfinfo m1.pdf > info &&
	grep "^Page size:.* (A4)$" info
'

test_done
