#!/bin/sh
# make demo: a facilitator starts an initiative in Hebrew, from the ucsd
# template, and walks through what convene does today.  Everything happens
# in build/demo/, with a demo git identity in a HOME of its own, so the
# user's own config is neither needed nor touched.
set -eu
: "${CONVENE:=$(pwd)/convene}"
top=$(pwd)/build/demo
rm -rf "$top"
mkdir -p "$top/home"
export HOME="$top/home" XDG_CONFIG_HOME="$top/home/.config" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "דנה לוי"
git config --global user.email "dana@example.org"
git config --global init.defaultBranch main
cd "$top"
convene() { "$CONVENE" "$@"; }
step() { printf '\n\033[1m$ %s\033[m\n' "$*"; }

step convene init --template ucsd --lang he --name "קריאה מוקדמת בנגב" --site beersheva literacy
convene init --template ucsd --lang he --name "קריאה מוקדמת בנגב" --site beersheva literacy
cd literacy

step 'convene member add "דנה לוי" --id dana --role facilitator --can-host ...'
convene member add "דנה לוי" --id dana --org "עמותת אור" --role facilitator \
	--email dana@example.org --can-host --address "רחוב הרצל 1, באר שבע"
convene member add "יוסי כהן" --org "ספריית העיר"
convene member add "Rina Adler" --role funder --can-host
git config convene.member dana
step convene member list
convene member list

yossi=$(ls members | grep '^m-' | sed 's/.yaml$//')
step "convene interview add $yossi --by dana --answer motivation=... --answer strengths=..."
convene interview add "$yossi" --by dana --date 2026-01-05 \
	--answer motivation="הבת שלי למדה לקרוא מאוחר. אני רוצה שלאף ילד לא יהיה קשה כמו לה." \
	--answer strengths="אני מכיר כל ספרנית בעיר"
convene interview add rina-adler --by dana --date 2026-01-06 \
	--answer motivation="Every child should read by grade 3."
convene member add "Avi Cohen" --id avi --org "ספריית באר שבע" >/dev/null 2>&1
step "convene interview add avi --by dana --ask   (the guide in initiative.yaml, asked in turn; a pipe here)"
printf '%s\n' "כי הספרייה ריקה אחר הצהריים" "" "קול של ספרנים" | convene interview add avi --by dana --date 2026-01-07 --ask
step "convene key new ; convene key publish ; convene readers add dana   (who may read confidential interviews)"
convene key new
convene key publish >/dev/null
convene readers add dana
step "convene interview add rina-adler --by dana --confidential --answer challenges=...   (sealed before it is written)"
convene interview add rina-adler --by dana --date 2026-01-08 --confidential \
	--answer challenges="The board does not trust the city's numbers."
step "grep -c 'BEGIN AGE' interviews/rina-adler-2.yaml   (the file and every commit hold only ciphertext)"
grep -c 'BEGIN AGE' interviews/rina-adler-2.yaml
step convene interview show rina-adler-2
convene interview show rina-adler-2
step "XDG_CONFIG_HOME=/nowhere convene interview show rina-adler-2   (anyone without a reader's key)"
XDG_CONFIG_HOME=/nowhere convene interview show rina-adler-2 2>/dev/null
step convene interview summary
convene interview summary

step convene validate
convene validate

step 'convene set vision "..."   (multi-line Hebrew, committed at once)'
convene set vision "כל ילד בנגב קורא בהנאה עד סוף כיתה ג׳.
כל משפחה שותפה בדרך."
step convene get vision
convene get vision

step convene set meetings/001.yaml:date 2026-02-01
convene set meetings/001.yaml:date 2026-02-01
convene set meetings/001.yaml:start 17:00
convene set meetings/001.yaml:location.host dana

step "convene set meetings/001.yaml:location.host rina   (no such member: refused, nothing changes)"
convene set meetings/001.yaml:location.host rina || echo "(exit $?)"

step "convene notes 1   (a pipe here; at a terminal it prompts item by item)"
printf '%s\n' "ברוכים הבאים, התחלנו בזמן" "/next" "כי הילדים שלנו צריכים אותנו" \
	"/decide נפגשים פעם בחודש, בכל פעם אצל חבר אחר" \
	"/action לשלוח את הסיכום לכולם @$yossi due:2026-02-08" "/attend dana $yossi rina-adler" "/quit" |
	convene notes 1
step convene meeting show 1
convene meeting show 1 | head -12
step convene actions --open
convene actions --open
step convene hosts
convene hosts

step "(a typo made by hand, then validate)"
sed -i 's/role: member/role: memebr/' "members/$yossi.yaml"
convene validate || echo "(exit $?)"
git checkout -q "members/$yossi.yaml"

step convene status
convene status

step convene fmt --check
convene fmt --check && echo "every file is in canonical form"

step convene log
convene log
step "git show --stat HEAD   (an ordinary commit, with the site's trailer)"
git show --stat HEAD | cat
step "sed -n 1,20p meetings/001.yaml"
sed -n 1,20p meetings/001.yaml

# Two sites: beersheva (here) and haifa meet through a hub, a bare
# repository that stands in for a server or a USB stick.
git init -q --bare "$top/hub.git"
step "convene remote add hub ../hub.git && convene sync"
convene remote add hub ../hub.git
convene sync
cd "$top"
step "convene clone ../hub.git haifa --site haifa   (a second site joins)"
convene clone "$top/hub.git" haifa --site haifa
cd "$top/haifa" && git config convene.member rina-adler

step "(offline at both sites, at the same time: notes on the same agenda item, and the vision changed differently)"
cd "$top/literacy"
convene note 2 principles "עיקרון: כל החלטה מתקבלת בהסכמה"
convene set vision "$(printf 'כל ילד בנגב קורא עד כיתה ג.\nכל משפחה שותפה.')"
cd "$top/haifa"
convene note 2 principles "Principle: data is shared with every partner"
convene note 2 principles "עיקרון: נפגשים בכל פעם באתר אחר"
convene set vision "$(printf 'כל ילד בנגב קורא עד כיתה ג.\nכל בית ספר שותף.')"

step "convene sync   (haifa first: a fast push)"
convene sync
cd "$top/literacy"
step "convene sync   (beersheva: a YAML merge; every note stays, the vision becomes a conflict)"
convene sync || echo "(exit $?)"
step "convene meeting show 2   (the notes of both sites)"
convene meeting show 2 | sed -n '/principles/,/^  [^ ]/p' | head -12
step convene conflicts
convene conflicts || true
step "convene resolve vision --value ...   (the group decided at meeting 3)"
convene resolve vision --value "$(printf 'כל ילד בנגב קורא עד כיתה ג.\nכל משפחה וכל בית ספר שותפים.')"
convene sync -q
cd "$top/haifa" && convene sync -q
step "convene status   (at haifa)"
convene status
step "cmp ../literacy/meetings/002.yaml meetings/002.yaml   (the same bytes at both sites)"
cmp "$top/literacy/meetings/002.yaml" meetings/002.yaml && echo "identical"
step "git log --graph --oneline -6"
git log --graph --oneline -6 | cat
step "convene history vision   (the audit: every change, where, by whom; the fork and its resolution)"
convene history vision
first=$(git rev-list --max-parents=0 HEAD)
step "convene diff $first   (what changed since init, in words)"
convene diff "$first"

# What the group receives: the agenda before the next meeting, the minutes
# of the first, the meetings in everyone's calendar.
cd "$top/literacy"
out="$top/out"
mkdir -p "$out"
step "convene set timezone Asia/Jerusalem"
convene set timezone Asia/Jerusalem
step "convene meeting edit 2 --date 2026-03-01 --start 17:30 --host dana   (the next meeting, planned)"
convene meeting edit 2 --date 2026-03-01 --start 17:30 --host dana
convene meeting edit 2 --item principles --minutes 45 --lead dana --purpose decision
step "convene agenda 2   (Markdown, in the initiative's language)"
convene agenda 2
convene agenda 2 --format html -o "$out/agenda-002.html"
step "convene meeting new --template quick-wins --date 2026-05-03 --start 17:30 --host dana   (a later meeting, from the source)"
convene meeting new --template quick-wins --date 2026-05-03 --start 17:30 --host dana
later=$(ls meetings | tail -1 | sed 's/.yaml$//')
step "convene agenda $later --facilitator   (the run sheet: each item's prompt; the host shares their practices)"
convene agenda "$later" --facilitator
convene agenda "$later" --facilitator --format html -o "$out/runsheet-$later.html"
step "convene meeting list   (and the timeline init planned)"
convene meeting list
step "convene minutes 1 --format html -o $out/minutes-001.html"
convene minutes 1 --format html -o "$out/minutes-001.html"
step "convene calendar -o $out/literacy.ics   (every dated meeting, for any calendar program)"
convene calendar -o "$out/literacy.ics"
step "convene report $out/site   (the initiative as a web site: the vision's history, charts, the minutes)"
convene report "$out/site"
printf '\nWhat the group receives is in %s (open site/index.html in a browser):\n' "$out"
ls "$out" | sed 's/^/  /'
printf '\nThe demo initiative is in %s (and %s)\n' "$top/literacy" "$top/haifa"
