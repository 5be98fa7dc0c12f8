#!/bin/sh
# Runs the same commands with two convene binaries on copies of the same
# initiatives and reports every difference in stdout, stderr, exit code
# or what the command left behind (commits, work tree, config, the hub).
# A refactor that must not change a byte is checked by it:
#
#   sh tests/compare-outputs.sh /tmp/convene-base ./convene
#
# The initiatives are built once, with the first binary; each command
# then runs on a fresh copy, at the same path, so that paths in messages
# and hashes of commits it makes are the same for both.  Not part of
# `make test`: it needs two binaries.
set -u
OLD=$(realpath "${1:?usage: compare-outputs.sh OLD NEW}")
NEW=$(realpath "${2:?usage: compare-outputs.sh OLD NEW}")
SRC=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/compare-outputs.XXXXXX") || exit 1
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
# Both run as $W/bin/convene: init writes its own path into the merge
# driver and the hooks.
mkdir -p "$W/old" "$W/new" "$W/bin" "$W/home"
cp "$OLD" "$W/old/convene"
cp "$NEW" "$W/new/convene"
HOME="$W/home"
XDG_CONFIG_HOME="$HOME/.config"
GIT_CONFIG_NOSYSTEM=1
NO_COLOR=1
LANG=C.UTF-8
unset VISUAL EDITOR LC_ALL LC_MESSAGES GIT_DIR GIT_WORK_TREE
export HOME XDG_CONFIG_HOME GIT_CONFIG_NOSYSTEM NO_COLOR LANG
printf "[user]\n\tname = Dana Levi\n\temail = dana@example.org\n[init]\n\tdefaultBranch = main\n" > "$HOME/.gitconfig"
BASEPATH=$PATH
# Ids of notes and members come from getrandom(2): the same stream for
# both binaries, or every commit that adds one would differ.
# Each process takes the next seed from $CONVENE_RAND (a counter file),
# set to the same number before each command runs with either binary.
cat > "$W/rand.c" <<'EOF2'
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
static unsigned long long state;
static int seeded;
ssize_t getrandom(void *buf, size_t len, unsigned flags)
{
	unsigned char *p = buf;
	size_t i;

	(void)flags;
	if (!seeded) {
		const char *f = getenv("CONVENE_RAND");
		unsigned long long n = 0;
		FILE *fp;

		if (f && (fp = fopen(f, "r+"))) {
			if (fscanf(fp, "%llu", &n) != 1)
				n = 0;
			rewind(fp);
			fprintf(fp, "%llu\n", n + 1);
			fclose(fp);
		}
		state = 0x9e3779b97f4a7c15ULL * (n + 1);
		seeded = 1;
	}
	for (i = 0; i < len; i++) {
		state = state * 6364136223846793005ULL + 1442695040888963407ULL;
		p[i] = (unsigned char)(state >> 56);
	}
	return (ssize_t)len;
}
EOF2
cc -shared -fPIC -o "$W/rand.so" "$W/rand.c" || exit 1
LD_PRELOAD="$W/rand.so"
CONVENE_RAND="$W/rand"
echo 1 > "$CONVENE_RAND"
export CONVENE_RAND
export LD_PRELOAD
PARTS=${PARTS:-reads subj writes usage}
R="$W/run"     # where every command runs
S="$W/snap"    # the initiatives as built
mkdir -p "$R"
restore() {
	rm -rf "$R" && cp -a "$S" "$R" || exit 1
}

# ---- build, with OLD ----
cp "$W/old/convene" "$W/bin/convene"
PATH="$W/bin:$BASEPATH"
at() { CONVENE_NOW=$1; GIT_AUTHOR_DATE=$1; GIT_COMMITTER_DATE=$1; export CONVENE_NOW GIT_AUTHOR_DATE GIT_COMMITTER_DATE; }
die() { echo "compare-outputs: build failed: $*" >&2; exit 1; }
q() { "$@" 2>>"$W/build.log" || die "$*"; }

cd "$R" || exit 1
at 2026-01-05T10:00:00+02:00
q convene init --template ucsd --lang he --name "קריאה מוקדמת בנגב" --site beersheva he
cd he
q convene set --yaml subgroups "[{id: literacy, name: קרוא וכתוב}, {id: data, name: Data}]"
q convene member add "Dana Levi" --id dana --org "Reading Net" --role facilitator --email dana@example.org --phone 050-1234567 --can-host --address "רחוב הרצל 1, באר שבע" --subgroup literacy
q convene member add "Yossi" --id yossi --role member --can-host --subgroup literacy --subgroup data
q convene member add "אבי כהן" --role funder
AVI=$(ls members | grep '^m-' | sed 's/\.yaml$//')
q convene member add "Rina" --id rina --joined 2025-12-01
q convene principle add "כל ילד, כל יום" --id p-every
q convene principle add "Data before opinion" --id p-data
git config convene.member dana
# dana reads the confidential interviews, with the report tests' test-only key
mkdir -p "$XDG_CONFIG_HOME/convene"
cp "$SRC/tests/cli/report-data/identity" "$XDG_CONFIG_HOME/convene/identity"
chmod 600 "$XDG_CONFIG_HOME/convene/identity"
q convene key publish
q convene readers add dana
at 2026-01-10T18:00:00+02:00
q convene interview add yossi --date 2026-01-10 --answer motivation="ילדים שקוראים" --answer strengths="networks" --notes "good talk"
q convene interview add dana --by yossi --date 2026-01-11 --confidential --answer motivation="a secret"
q convene interview add "$AVI" --planned
# written by hand, then sealed
printf 'id: rina-1\nmember: rina\ninterviewer: dana\ndate: 2026-01-12\nstatus: done\nanswers:\n  motivation: "hidden later"\n  strengths: also hidden\n' > interviews/rina-1.yaml
q convene commit -m "interview with rina, by hand"
q convene interview seal rina-1
at 2026-01-15T19:00:00+02:00
q convene member leave rina --date 2026-01-15
q convene set vision "כל ילד קורא עד כיתה ג"
q convene attend 1 dana yossi "$AVI"
q convene note 1 opening "פתחנו בסבב היכרות"
q convene note 1 opening "second note" --by yossi
q convene decide 1 opening "נפגשים כל שבועיים"
q convene action 1 next-steps "send the summary" --owner yossi --due 2026-01-20
q convene action 1 next-steps "book the hall" --owner dana --due 2026-03-01
q convene action 1 next-steps "call the school" --owner dana --due 2026-01-18
q convene action 2 next-steps "no owner, no date"
id=$(convene get --json "meetings/001.yaml:agenda[next-steps].actions" | sed 's/},{/}\n{/g' | sed -n '/call the school/s/^.*"id":"\([0-9a-f]*\)".*/\1/p')
[ -n "$id" ] || die "no action id"
q convene set "meetings/001.yaml:agenda[next-steps].actions[$id].status" done
q convene set meetings/001.yaml:status held
q convene set meetings/001.yaml:date 2026-01-15
at 2026-01-25T09:00:00+02:00
q convene set vision "Every child reads by grade 3"
q convene outcome add "Grade 3 reading" --id grade3 --description "קריאה ברמה" --population "כיתות ג בבאר שבע" --principle p-every --principle p-data
q convene outcome indicator grade3 "Reading at level" --id level --unit % --baseline 40 --target 80
q convene outcome indicator grade3 "Books read" --id books
q convene outcome measure grade3 level 45 --date 2026-01-01 --note "first count"
q convene outcome measure grade3 level 52.5 --date 2026-01-25
q convene outcome add "Parents reading" --id parents
q convene meeting new --date 2026-02-10 --start 17:00 --duration 90 --host dana --title "מפגש ארבע"
q convene meeting new --date 2026-02-24 --virtual https://meet.example.org/x
q convene note 4 opening "a note in 004"
# meeting 1000, by hand, and a Convene-Meeting trailer on a commit
sed -e 's/^number: .*/number: 1000/' meetings/003.yaml > meetings/1000.yaml
q convene commit -m "meeting 1000 planned"
q convene note 1000 opening "note in a thousand"
q convene action 1000 opening "act in a thousand" --owner yossi --due 2026-01-30
at 2026-01-28T12:00:00+02:00
echo "free text" > README.md && git add README.md &&
git commit -q -m "readme" -m "Convene-Meeting: 2" -m "Convene-Site: beersheva" || die readme
at 2026-02-01T17:05:00+02:00
q convene set meetings/004.yaml:agenda[opening].title "פתיחה חדשה"
q convene fmt
cd ..

# English, the blank template, edited by hand (not canonical) and uncommitted
at 2026-01-06T08:00:00+00:00
q convene init --template blank --lang en --name "Early Reading" --site haifa blank
cd blank
q convene member add "Zoe Adams" --id zoe --can-host
q convene meeting new --date 2026-01-07
printf '# a comment\nid: zoe\nname:   "Zoe Adams"\ncan_host: yes\n' > members/zoe.yaml
cd ..
# commits written by hand whose subjects name a meeting in other spellings
cp -a blank subj && cd subj || exit 1
git checkout -q -- . && for m in "meeting 0002: padded" "meeting 12: short" "meeting 000: zero" \
	"meeting 001: canonical" "meeting 1000: four digits" "meeting 99999999: too big" "meeting 001x: not one"; do
	git commit -q --allow-empty -m "$m" || die "$m"
done
cd ..

# two sites through a bare hub, with a conflict recorded
at 2026-01-06T09:00:00+02:00
q convene init --template ucsd --lang en --name "Early Reading" --site haifa en
git init -q --bare hub.git
cd en
q convene member add "Dana Levi" --id dana --can-host
q convene member add "Yael" --id yael
q convene remote add origin "$R/hub.git"
q convene sync -q
cd ..
q convene clone --site tlv -q "$R/hub.git" en2
at 2026-01-07T09:00:00+02:00
(cd en && q convene set vision "Every child reads by grade 3" && q convene note 1 opening "from haifa" &&
 q convene set members/yael.yaml:organization "City") || exit 1
(cd en2 && q convene set vision "All children read by grade three" && q convene note 1 opening "from tlv" &&
 q convene set members/yael.yaml:role partner) || exit 1
at 2026-01-07T10:00:00+02:00
(cd en && q convene sync -q) || exit 1
(cd en2 && convene sync -q 2>>"$W/build.log"; test $? -le 1) || die "sync en2"
at 2026-01-07T11:00:00+02:00
(cd en && convene sync -q 2>>"$W/build.log"; test $? -le 1) || die "sync en"
(cd en && q convene bundle create "$R/en.bundle") || exit 1
# a site with an unsynced change, and one at tlv with a file holding markers
(cd en && q convene note 2 opening "not pushed yet") || exit 1
cp -a en2 marked
cd marked
printf '<<<<<<< ours\nline a\n=======\nline b\n>>>>>>> theirs\n' > NOTES.txt && git add NOTES.txt &&
git commit -q -m "notes with markers" || die markers
printf 'id: yael\n<<<<<<< HEAD\nname: Yael\n=======\nname: Yael B\n>>>>>>> other\n' > members/yael.yaml
cd ..
# three files for merge-file
printf 'id: x\nname: base\n' > mf-base.yaml
printf 'id: x\nname: ours\n' > mf-ours.yaml
printf 'id: x\nname: theirs\n' > mf-theirs.yaml
printf 'id: x\nname: base\nrole: member\n' > mf-clean.yaml
cd "$W" && mv "$R" "$S" && restore
at 2026-02-01T17:05:00+02:00

# ---- run ----
# The state a command leaves: every repository's refs, commits (hash,
# parents, message), status, work-tree files and config.
state() {
	for d in "$R"/*; do
		echo "== $d"
		if [ -d "$d/.git" ] || [ -f "$d/HEAD" ]; then
			git -C "$d" log --all --format='%H %P%n%B' 2>&1
			git -C "$d" for-each-ref 2>&1
			[ -d "$d/.git" ] && git -C "$d" status --porcelain 2>&1
			[ -d "$d/.git" ] && cat "$d/.git/config"
		fi
		# git's index and reflogs hold the clock, a lock file the pid
		(cd "$d" 2>/dev/null && find . -path ./.git -prune -o -path "*/.git/index" -prune \
			-o -path "*/.git/logs" -prune -o -name convene.lock -prune -o -type f -print |
			sort | xargs -r sha1sum) 2>&1
		[ -f "$d" ] && sha1sum "$d"
	done
}
state > "$W/snap.state"

n=0 ndiff=0
# Runs a command with WHICH's binary; the state it leaves is "unchanged"
# when it touched nothing (then the copy serves the next command too).
runone() {  # WHICH REPO CMD
	cp "$W/$1/convene" "$W/bin/convene"
	PATH="$W/bin:$BASEPATH"
	echo 100000 > "$CONVENE_RAND"
	# a second back: a file written in the clock tick of the stamp is not
	# -newer than it, and a change missed would leak into the next run
	touch -d "@$(($(date +%s) - 1))" "$W/stamp"
	(cd "$R/$2" && eval "$3") < "$W/stdin" > "$W/$1.out" 2> "$W/$1.err"
	echo $? > "$W/$1.rc"
	PATH=$BASEPATH
	if [ -z "$(find "$R" -newer "$W/stamp" -print -quit)" ]; then
		echo unchanged > "$W/$1.state"
	else
		# touched (a lock taken and given back) but the same as built
		state > "$W/$1.state"
		cmp -s "$W/$1.state" "$W/snap.state" && echo unchanged > "$W/$1.state"
		restore
	fi
}
# compare REPO 'command line', stdin from $STDIN (default: nothing)
compare() {
	n=$((n + 1))
	echo "$n ($1) $2" > "$W/progress"
	printf '%s' "${STDIN:-}" > "$W/stdin"
	runone old "$1" "$2"
	runone new "$1" "$2"
	d=
	for f in rc out err state; do
		cmp -s "$W/old.$f" "$W/new.$f" || d="$d $f"
	done
	if [ -n "$d" ]; then
		ndiff=$((ndiff + 1))
		echo "DIFF ($1) $2:$d"
		for f in $d; do
			diff -u --label "old.$f" --label "new.$f" "$W/old.$f" "$W/new.$f" | sed 's/^/    /' | head -${DIFFLINES:-40}
		done
	elif [ -n "${VERBOSE:-}" ]; then
		echo "same ($1) $2: rc $(cat "$W/old.rc")"
	fi
}

# Every read command, text and JSON, in each initiative.
case $PARTS in *reads*)
for r in he blank en en2 marked; do
	for c in validate "validate --json" status "status --json" conflicts "conflicts --json" \
		"fmt --check" "fmt --check --drop-comments" "meeting list" "meeting list --json" \
		"member list" "member list --all" "member list --json" "member list --all --json" \
		"interview list" "interview list --json" "interview summary" "interview summary --json" \
		"outcome list" "outcome list --json" "principle list" "principle list --json" \
		"remote list" "remote list --json" hosts "hosts --json" actions "actions --json" \
		"actions --open" "actions --mine" "actions --overdue" "actions --open --mine --overdue --json" \
		log "log --json" "log -n 2" "log -n 0" "log -n 1 --json" "log --meeting 1" "log --meeting 2" \
		"log --meeting 1000" "log --meeting 001 --json" "log --author dana" "log --author Levi" \
		"log --author nobody" "log --site beersheva" "log --site tlv" "log --site haifa --json" \
		"log --since 2026-01-15" "log --since 2026-01-25 --json" "log --since 2030-01-01" \
		"log --meeting 1 --author dana --site beersheva --since 2026-01-01 -n 3" \
		diff "diff --json" "diff 2026-01-10" "diff 2026-01-10 2026-01-25" "diff --json 2026-01-01 HEAD" \
		"diff HEAD~3" "diff HEAD~1 HEAD" "diff 2020-01-01" \
		"history vision" "history --json vision" "history --reverse vision" "history --reverse --json vision" \
		"history members/dana.yaml" "history members/yael.yaml" "history members/yael.yaml:role" \
		"history 'outcomes/grade3.yaml:indicators[level].target'" "history --json 'meetings/001.yaml:agenda[opening].notes'" \
		"history meetings/001.yaml:status" "history interviews/rina-1.yaml" "history nope" "history members/ghost.yaml" \
		"show vision --at 2026-01-10" "show vision --at 2026-01-20" "show --json vision --at 2026-01-25" \
		"show vision --at HEAD~2" "show members/dana.yaml --at HEAD" "show --json members/dana.yaml --at HEAD" \
		"show vision --at 2000-01-01" "show vision --at nosuchrev" "show meetings/001.yaml --at 2026-01-15" \
		"get vision" "get --json vision" "get name" "get members/dana.yaml" "get --json members/dana.yaml" \
		"get 'meetings/001.yaml:agenda[opening].notes'" "get --json 'meetings/001.yaml:agenda[next-steps].actions'" \
		"get 'outcomes/grade3.yaml:indicators[level]'" "get members/ghost.yaml:name" "get visoin" \
		"get 'meetings/1000.yaml:agenda[opening].notes'" \
		"meeting show 1" "meeting show 001 --json" "meeting show meetings/002.yaml" "meeting show 4" \
		"meeting show 1000" "meeting show 1000 --json" "meeting show 999" "meeting show 0" "meeting show x" \
		"member show dana" "member show dana --json" "member show rina" "member show rina --json" \
		"member show yael" "member show yael --json" "member show ghost" \
		"interview show yossi-1" "interview show yossi-1 --json" "interview show dana-1" "interview show dana-1 --json" \
		"interview show rina-1" "interview show rina-1 --json" "interview show ghost" \
		"outcome show grade3" "outcome show grade3 --json" "outcome show parents --json" "outcome show ghost" \
		"archive --at HEAD -" "archive --prefix x/ --at 2026-01-15 -" "archive --at HEAD ../a.tar.gz"; do
		compare "$r" "convene $c"
	done
done
# The same with the member unknown, or someone else, for --mine.
compare he 'git config convene.member ghost && convene actions --mine'
compare he 'git config convene.member yossi && convene actions --mine --json'
compare he 'git config --unset convene.member; convene actions --mine'
compare he 'git config convene.member yossi && convene hosts'
compare en 'convene -C ../he status'
compare en 'convene -C ../nowhere status'
compare en 'cd .. && convene status'
compare he 'cd meetings && convene get vision'
;; esac

# Subjects that name a meeting in another spelling than convene's.
case $PARTS in *subj*)
for c in log "log --json" "log --meeting 2" "log --meeting 12" "log --meeting 1" "log --meeting 1000" \
	"log --meeting 0002 --json" "history members/zoe.yaml"; do
	compare subj "convene $c"
done
;; esac

# What writes: the same commits, to the byte.
case $PARTS in *writes*)
for c in "note 1 opening 'new note'" "note 1000 opening 'x'" "note 0001000 opening 'x'" \
	"decide 2 opening 'we decided'" "action 1 opening 'do it' --owner yossi --due 2026-02-03" \
	"action 1000 opening 'x' --owner dana" "attend 2 dana yossi" "attend 2 --no-commit dana" \
	"attend 1 dana" "attend 1000 yossi" "note 1 opening x --no-commit" \
	"member add 'New One' --role partner" "member add 'חדש' --no-commit" "member leave yossi" \
	"member leave rina" "member leave ghost" \
	"interview add yossi --by dana --answer motivation=x" "interview add yossi --by dana --confidential --planned" \
	"outcome add 'Third' --principle p-data" "outcome indicator grade3 New --unit x" \
	"outcome measure grade3 level 60 --note n" "outcome measure grade3 books 3 --date 2026-01-31" \
	"principle add 'A third principle'" "principle add 'x' --id p-data" \
	"meeting new" "meeting new --address 'somewhere'" "meeting new --host yossi --duration 30" \
	"set vision 'new vision'" "set --no-commit vision v" "set --yaml members/dana.yaml:subgroups '[a, b]'" \
	"set --force visoin x" "set vision ''" "fmt" "fmt members/dana.yaml" "fmt --drop-comments" \
	"commit" "commit -m 'hand edits'" "sync" "sync -q" "sync --quiet origin" "sync ../en.bundle" \
	"bundle create ../b1.bundle" "bundle create ../b2.bundle --for tlv" "bundle create ../b3.bundle --for origin" \
	"remote add other /tmp/x" "remote rm origin" "remote rm ghost" "resolve vision --side 1" \
	"resolve vision --side 2 --no-commit" "resolve vision --base" "resolve vision --value 'third way'" \
	"resolve members/yael.yaml:role --side 1" "resolve vision --side 3" "resolve nope --side 1" \
	"EDITOR=true convene edit members/dana.yaml" \
	"merge-file ../mf-base.yaml ../mf-ours.yaml ../mf-theirs.yaml; cat ../mf-ours.yaml" \
	"merge-file -L a -L b -L c ../mf-base.yaml ../mf-ours.yaml ../mf-theirs.yaml members/x.yaml; cat ../mf-ours.yaml" \
	"merge-file ../mf-base.yaml ../mf-clean.yaml ../mf-theirs.yaml; cat ../mf-clean.yaml"; do
	for r in he en en2 marked; do
		compare "$r" "convene $c"
	done
done
compare blank 'convene commit -m "by hand"'
compare blank 'convene fmt'
compare en 'printf "vision: x\n" >> initiative.yaml; convene commit'
compare en 'printf "id: bad\n" > members/bad.yaml; convene commit; convene status'
compare he 'echo "more" > README.md; convene commit -m readme'
compare he 'rm members/yossi.yaml; convene validate; convene commit'
STDIN="piped text" compare he 'convene note 1 opening -'
STDIN="" compare he 'convene note 1 opening -'
STDIN="[x, y]" compare he 'convene set --yaml members/dana.yaml:subgroups -'
STDIN="from stdin" compare he 'convene set vision -'
STDIN=$(printf 'first line\n/next\nsecond item\n/decide we agree\n/action do it @yossi due:2026-03-01\n/attend dana yossi\n/items\n/show\n/go 1\n/prev\n/bogus\n/help\n/q\n') compare he 'convene notes 1'
STDIN=$(printf 'a\n/go nowhere\n') compare he 'convene notes 1000 --by yossi'
STDIN="x" compare he 'convene notes 99'
compare en 'convene clone -q ../hub.git c3 && cd c3 && convene status'
compare en 'convene clone --site x --hooks ../en.bundle c4 && ls c4/.git/hooks'
compare en 'convene init --name x --lang en --template blank --site s ../i1 && ls ../i1'
compare en 'convene init --hooks --lang he ../i2 && cat ../i2/initiative.yaml'
compare en 'convene init --template nope ../i3'
compare en 'convene init ../he'
;; esac

# Usage errors: unknown options, missing values, twice, bad arguments.
case $PARTS in *usage*)
for c in "" "nope" "help nope" "help" "-C" "--bogus" "-x status" \
	"status --bogus" "status -j" "status extra" "validate --bogus" "validate x" \
	"get" "get a b" "get --bogus vision" "get --json" "set" "set vision" "set a b c" "set --edit" \
	"set --bogus vision x" "set --yaml" "commit -m" "commit -m a -m b" "commit --bogus" "commit extra" \
	"commit -m 'x' extra" "log -n" "log -n x" "log -n -1" "log --meeting" "log --meeting 0" \
	"log --meeting x" "log --meeting 100000" "log --author" "log --site a --site b" \
	"log --since" "log --since soon" "log --since 2026-02-30" "log --meeting 1 --meeting 2" \
	"log --author a --author b" "log --since 2026-01-01 --since 2026-01-02" "log -n 1 -n 2" "log extra" \
	"log --bogus" "log --json --json" \
	"meeting" "meeting nope" "meeting list extra" "meeting list --bogus" "meeting show" "meeting show 1 2" \
	"meeting show 100000" "meeting show -1" "meeting show 1.5" "meeting show ''" "meeting edit" \
	"meeting new --date" "meeting new --host" "meeting new --host dana --virtual https://x" \
	"meeting new --virtual https://x --address y" "meeting new --date 2026-03-01 --date 2026-03-02" \
	"meeting new --title a --title b" "meeting new extra" "meeting new --bogus" "meeting new --duration 0" \
	"meeting new --start 7:00" "meeting new --start 17:60" \
	"attend" "attend 1" "attend dana 1" "attend 1 --no-commit" "attend --no-commit 1 dana" \
	"attend 1 dana --no-commit --no-commit" "attend 1 dana --bogus" "attend --bogus 1 dana" \
	"attend 0 dana" "attend x dana" "attend 100000 dana" "attend 1 -- dana" "attend -- 1 dana" \
	"attend 1 dana dana" "attend 1 ''" "attend 1 'Dana Levi'" "attend 999 dana" \
	"note" "note 1" "note 1 opening" "note 1 opening ''" "note 1 nope x" "note 999 opening x" \
	"note 1 opening x extra" "note 1 opening x --by" "note 1 opening x --bogus" "note x opening t" \
	"note -1 opening t" "note 1 opening x --owner dana" "note 1 opening x --by dana --by dana" \
	"decide 1 opening" "decide 1 opening x --owner dana" "decide 1 opening x --due 2026-01-01" \
	"action 1 opening" "action 1 opening x --due" "action 1 opening x --due soon" "action 1 opening x --owner" \
	"action 1 opening x --owner ghost" "action 1 opening x --owner dana --owner dana" \
	"notes" "notes 1 2" "notes x" "notes 1 --by" "notes 1 --bogus" \
	"actions extra" "actions --bogus" "actions --open --open" "hosts extra" "hosts --bogus" \
	"member" "member nope" "member add" "member add a b" "member add x --id" "member add x --id 'Bad Id'" \
	"member add x --id dana" "member add x --can-host --can-host" "member add x --subgroup a --subgroup a" \
	"member add x --bogus" "member add x --role" "member add x --phone" "member list extra" "member list --bogus" \
	"member show" "member show a b" "member show --bogus dana" "member edit" "member edit ghost" \
	"member leave" "member leave a b" "member leave dana --date" "member leave dana --date x --date y" \
	"interview" "interview nope" "interview add" "interview add ghost --by dana" "interview add yossi --by ghost" \
	"interview add yossi --by dana --answer x" "interview add yossi --by dana --answer =x" \
	"interview add yossi --by dana --answer nope=x" "interview add yossi --by dana --id dana-1" \
	"interview add yossi --by dana --id 'Bad Id'" "interview add yossi --by dana --notes a --notes b" \
	"interview add yossi --by dana --bogus" "interview list x" "interview show" "interview summary x" \
	"outcome" "outcome nope" "outcome add" "outcome add x --id grade3" "outcome add x --principle" \
	"outcome add x --principle p-nope" "outcome show" "outcome list x" "outcome indicator" "outcome indicator grade3" \
	"outcome indicator ghost x" "outcome indicator grade3 x --id level" "outcome indicator grade3 x --baseline" \
	"outcome measure" "outcome measure grade3" "outcome measure grade3 level" "outcome measure grade3 ghost 1" \
	"outcome measure ghost level 1" "outcome measure grade3 level 1 --date" "outcome measure grade3 level 1 --bogus" \
	"principle" "principle nope" "principle add" "principle add ''" "principle list x" "principle add x --id" \
	"remote" "remote nope" "remote add" "remote add a" "remote add a b c" "remote add origin /x" \
	"remote list x" "remote rm" "remote rm a b" "remote --bogus" \
	"sync --bogus" "sync -x" "sync a b" "sync nosuchremote" "sync ../nofile.bundle" "sync -q -q" \
	"sync --quiet --bogus" "sync -- --bogus" \
	"bundle" "bundle create" "bundle create --for" "bundle create x --for" "bundle create --bogus" \
	"bundle nope" "bundle create a b" "bundle create ../x.bundle --for ghost" "bundle --bogus" \
	"bundle create ../x.bundle --for a --for b" \
	"merge-file" "merge-file a" "merge-file a b" "merge-file -L" "merge-file -L a" "merge-file -L a -L b a b c" \
	"merge-file -L a -L b -L c -L d ../mf-base.yaml ../mf-ours.yaml ../mf-theirs.yaml" \
	"merge-file -La -Lb -Lc ../mf-base.yaml ../mf-ours.yaml ../mf-theirs.yaml" \
	"merge-file --bogus a b c" "merge-file -x a b c" "merge-file a b c d e" "merge-file nofile b c" \
	"merge-file ../mf-base.yaml ../mf-ours.yaml ../mf-theirs.yaml p --bogus" \
	"conflicts extra" "conflicts --bogus" "resolve" "resolve vision" "resolve vision --side" \
	"resolve vision --side x" "resolve vision --side 0" "resolve vision --side 1 --base" \
	"resolve vision --value" "resolve vision --side 1 --side 2" "resolve vision --yaml --value '[a'" \
	"resolve vision --bogus" "resolve a b --side 1" \
	"history" "history a b" "history --bogus vision" "history --reverse" \
	"show" "show vision" "show vision --at" "show --at HEAD" "show a b --at HEAD" "show vision --at a --at b" \
	"show --bogus vision --at HEAD" \
	"diff a b c" "diff --bogus" "diff nosuchrev" "diff 2026-02-30" \
	"fmt --bogus" "fmt nofile.yaml" "fmt --check nofile.yaml" \
	"archive" "archive --at" "archive --at HEAD" "archive --at HEAD a b" "archive --prefix" \
	"archive --at HEAD --at HEAD~1 -" "archive --bogus" "archive --at nosuchrev -" \
	"edit" "edit a b" "edit --bogus" "edit nofile.yaml" \
	"clone" "clone --bogus x" "clone --site" "clone a b c" "clone /nonexistent" \
	"init --bogus" "init --name" "init a b" "init --lang xx ../i9" \
	"help status" "help member" "help merge-file" "help help" "help --bogus" "help a b" \
	"status --help" "member --help" "member add --help" "member list --help" \
	"sync --help" "sync -h" "bundle --help" "bundle create --help" "attend --help" "merge-file --help" \
	"meeting --help" "meeting new --help" "log --help" "help log" "interview --help" "outcome --help" \
	"remote --help" "resolve --help" "archive --help" "clone --help" "init --help" "set --help" \
	"history --help" "show --help" "diff --help" "fmt --help" "commit --help" "notes --help" \
	"note --help" "decide --help" "action --help" "actions --help" "hosts --help" "conflicts --help" \
	"validate --help" "get --help" "edit --help" "principle --help"; do
	compare he "convene $c"
done
for c in "status" "conflicts" "conflicts --json" "validate" "resolve members/yael.yaml:name --side 1" \
	"commit -m x" "sync" "log -n 1"; do
	compare marked "convene $c"
done
;; esac

# Options the tables added or took away, and what abbreviations they
# now clash with.
case $PARTS in *usage*|*extra*)
for c in "log --m 1" "log --ma 2" "log --max-count 2" "commit --message x" "commit --mess x -m y" \
	"note 1 opening x --o dana" "help member add" "help status extra" "help -- status" \
	"meeting new --no-commit" "attend 1 yossi --no-c" "sync --qu" "bundle create --f x ../b.bundle"; do
	compare he "convene $c"
done
;; esac

echo "compare-outputs: $n commands, $ndiff differ"
[ "$ndiff" = 0 ]
