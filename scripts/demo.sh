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

step "(members and an interview, written by hand)"
mkdir -p members interviews
cat > members/dana.yaml <<'YAML'
id: dana
name: דנה לוי
organization: עמותת אור
role: facilitator
email: dana@example.org
can_host: true
address: רחוב הרצל 1, באר שבע
YAML
cat > members/yossi.yaml <<'YAML'
id: yossi
name: יוסי כהן
organization: ספריית העיר
role: member
YAML
cat > interviews/dana-1.yaml <<'YAML'
id: dana-1
member: dana
interviewer: yossi
date: 2026-01-05
answers:
  motivation: |
    הבת שלי למדה לקרוא מאוחר.
    אני רוצה שלאף ילד לא יהיה קשה כמו לה.
YAML
git add members interviews && git commit -q -m "members and a first interview"
ls members interviews

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

step "(a typo made by hand, then validate)"
sed -i 's/role: member/role: memebr/' members/yossi.yaml
convene validate || echo "(exit $?)"
git checkout -q members/yossi.yaml

step convene status
convene status

step convene fmt --check
convene fmt --check && echo "every file is in canonical form"

step git log --oneline
git log --oneline
step "git show --stat HEAD   (an ordinary commit, with the site's trailer)"
git show --stat HEAD | cat
step "sed -n 1,20p meetings/001.yaml"
sed -n 1,20p meetings/001.yaml
printf '\nThe demo initiative is in %s\n' "$top/literacy"
