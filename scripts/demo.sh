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
export HOME="$top/home" GIT_CONFIG_NOSYSTEM=1
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
printf '\nThe demo initiative is in %s\n' "$top/literacy"
