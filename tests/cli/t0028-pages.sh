#!/bin/sh
# The pages in a real browser: Debian's Chromium, headless, reads the
# Hebrew agenda and minutes from disk (--dump-dom), draws them
# (--screenshot) and prints them (--print-to-pdf, counted by pdfinfo).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/agenda-data.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

# Missing tools are a failure that says what to install, never a skip.
test_expect_success 'chromium and pdfinfo are installed (make test-deps)' '
	command -v chromium &&
	command -v pdfinfo &&
	test -x /usr/bin/python3
'

# Every src= and href= of the pages, one a line.
links='{ while (match($0, /(src|href)="[^"]*"/)) { print substr($0, RSTART, RLENGTH); $0 = substr($0, RSTART + RLENGTH) } }'

browse() {  # browse FLAG FILE: chromium headless on a page from disk,
	# each run with a profile of its own (one left locked stops the next)
	profile=$(mktemp -d "$PWD/profile.XXXXXX") &&
	chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$profile" "$@" 2>/dev/null
}

test_expect_success 'the Hebrew agenda and minutes in the DOM: rtl, every note as text, no script from data' '
	make_initiative he i &&
	convene -C i agenda 2 --format html -o "$PWD/agenda.html" &&
	convene -C i minutes 1 --format html -o "$PWD/minutes.html" &&
	browse --dump-dom "file://$PWD/agenda.html" > agenda.dom &&
	browse --dump-dom "file://$PWD/minutes.html" > minutes.dom &&
	test_grep "<html lang=\"he\" dir=\"rtl\">" agenda.dom &&
	test_grep "<html lang=\"he\" dir=\"rtl\">" minutes.dom &&
	test_grep "&lt;script&gt;alert(1)&lt;/script&gt; — Dana Levi" minutes.dom &&
	test_grep "*bold* [x](javascript:alert(1)) 🎉 — אבי כהן" minutes.dom &&
	test_grep "שלוש סיבות:<br>" minutes.dom &&
	test_grep "1. לא רשימה — אבי כהן" minutes.dom &&
	test_grep "נפגשים פעם בחודש, בימי שלישי." minutes.dom &&
	test_grep "לשלוח סיכום לכל החברים" minutes.dom &&
	test_grep "לשלוח סיכום לכל החברים" agenda.dom &&
	! grep -n "<script" agenda.dom minutes.dom &&
	awk "$links" agenda.dom minutes.dom > links &&
	echo "href=\"https://meet.example.org/literacy?room=2&amp;lang=he\"" > want &&
	test_cmp want links
'

test_expect_success 'a screenshot of the agenda is not blank' '
	make_initiative he i &&
	convene -C i agenda 2 --format html -o "$PWD/agenda.html" &&
	browse --screenshot="$PWD/shot.png" --window-size=900,1200 "file://$PWD/agenda.html" &&
	/usr/bin/python3 "$HERE/pngcheck.py" shot.png > ink &&
	grep "^ink [0-9]" ink &&
	printf "<!DOCTYPE html><html><body></body></html>" > blank.html &&
	browse --screenshot="$PWD/blank.png" --window-size=900,1200 "file://$PWD/blank.html" &&
	/usr/bin/python3 "$HERE/pngcheck.py" blank.png > none &&
	echo blank > want &&
	test_cmp want none
'

test_expect_success 'a typical agenda prints on one A4 page; the minutes print on one or two' '
	make_initiative he i &&
	convene -C i agenda 2 --format html -o "$PWD/agenda.html" &&
	convene -C i minutes 1 --format html -o "$PWD/minutes.html" &&
	browse --no-pdf-header-footer --print-to-pdf="$PWD/agenda.pdf" "file://$PWD/agenda.html" &&
	pdfinfo agenda.pdf > info &&
	grep "^Pages: *1$" info &&
	grep "^Page size:.* (A4)$" info &&
	browse --no-pdf-header-footer --print-to-pdf="$PWD/minutes.pdf" "file://$PWD/minutes.html" &&
	pdfinfo minutes.pdf > info &&
	grep "^Pages: *[12]$" info
'

test_done
