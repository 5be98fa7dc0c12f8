#!/bin/sh
# Three sites converge (issue 11): a (haifa), b (beersheva) and c (tlv),
# clones of one bare hub, take seeded random steps — notes, decisions,
# actions, attendance, the vision, members, measurements, principles,
# hand edits (committed with `convene commit`, or left for the next
# command), syncs with the hub, bundles carried from one site to another
# (both ways at once, too; an old one again) — with text drawn from a
# word list that YAML finds hard (#, " #", ":", "- ", quotes, backslash,
# Hebrew, emoji, tabs, U+2028, leading and trailing spaces, yes, null,
# 007).  Every command must exit 0: a sync that records a conflict goes
# on and exits 0 (DESIGN §4, `convene help sync`), and never falls back
# to a line merge.  Then every site syncs until quiet, site a settles
# every conflict with side 1 and the settlement reaches everyone, and the
# sites must hold the same bytes, valid, fsck-clean, with every
# acknowledged item (its command exited 0) there exactly once, and two
# merges of the same two commits must have made the same tree.
#
#   CONVENE_SEED=N              the run (default fixed); printed on failure
#   CONVENE_CONVERGE_STEPS=N    random steps (default 800, `make stress` 8000)
#   CONVENE_CONVERGE_EXCLUDE=C  drop the words holding any character of C
#                               (to tell one defect from another)
#   CONVENE_CONVERGE_SKIP=OPS   leave out these kinds of step (attend,hnote)
#   CONVENE_CONVERGE_KEEP=DIR   keep the sites, the steps and the record there
. "$(dirname "$0")/lib.sh"
TESTS=$(cd "$(dirname "$0")" && pwd)
SEED=${CONVENE_SEED:-11}
STEPS=${CONVENE_CONVERGE_STEPS:-800}
RERUN="CONVENE_SEED=$SEED CONVENE_CONVERGE_STEPS=$STEPS${CONVENE_CONVERGE_EXCLUDE:+ CONVENE_CONVERGE_EXCLUDE='$CONVENE_CONVERGE_EXCLUDE'}${CONVENE_CONVERGE_SKIP:+ CONVENE_CONVERGE_SKIP=$CONVENE_CONVERGE_SKIP} sh tests/cli/t0024-converge.sh"
echo "# seed $SEED, $STEPS steps: $RERUN"
W="$TRASH/w"
mkdir -p "$W/bundles"
: > "$W/bundles/a" && : > "$W/bundles/b" && : > "$W/bundles/c"
TAB=$(printf '\t')

name_of() { case $1 in a) echo haifa ;; b) echo beersheva ;; c) echo tlv ;; esac; }

# run SITE COMMAND...: in that site, no input; $W/out, $W/err, $rc
run() {
	rsite=$1
	shift
	(cd "$W/$rsite" && "$@") < /dev/null > "$W/out" 2> "$W/err"
	rc=$?
	return $rc
}

# fail WHAT: the command of this step failed; the whole story in
# $W/failures, its shape (digits and ids blurred) in $W/kinds
fail() {
	nfail=$((nfail + 1))
	{
		echo "step $step ($rsite, $op): $1: exit $rc"
		sed 's/^/    /' "$W/err" "$W/out" | head -20
	} >> "$W/failures"
	# the errors (and warnings) it gave, but those that an earlier one
	# caused (an unsettled conflict, a merge left half done) only when alone
	grep 'error\|warning' "$W/err" | sed 's/^[^ ]*yaml:[0-9:]* //; s/[0-9a-f]\{7,\}/H/g; s/[0-9][0-9]*/N/g' |
		sort -u > "$W/errs"
	grep -v "unresolved conflict in\|merge (or rebase\|nothing was committed\|editor .* failed" \
		"$W/errs" > "$W/errs.new" || :
	mv "$W/errs.new" "$W/errs"
	test -s "$W/errs" || grep -v '^\[' "$W/err" | head -1 > "$W/errs"
	printf '%s exit %s: %s\n' "$op" "$rc" "$(tr '\n' '|' < "$W/errs")" >> "$W/kinds"
}

# ack KIND A B TEXT: a line of the record of what was acknowledged
ack() {
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(printf '%s' "$4" | jq -Rs .)" >> "$W/acked"
}

# The lines of a generated text: \037 between them; \036 is a tab.
lines() { printf '%s' "$1" | tr '\037' '\n'; }
HT=$(printf '\036')
tabs() { printf '%s' "$1" | tr '\036' '\t'; }

# members SITE: the member ids there, sorted
members() { ls "$W/$1/members" 2>/dev/null | sed -n 's/\.yaml$//p' | LC_ALL=C sort; }

# nth PICK: line PICK mod N + 1 of standard input (N lines)
nth() { awk -v p="$1" '{ l[NR] = $0 } END { if (NR) print l[p % NR + 1] }'; }

# A hand edit of FILE at SITE (EDIT, KEY, ... in the environment), then
# `convene commit`; a refused commit puts the file back as it was (with
# what an earlier edit left for later), so that nothing
# unacknowledged stays behind to be committed by a later sync.  With
# $later = 1, no commit: the file is left changed, for the next command
# that commits (a CLI edit of the same file, a sync: README) to take.
hand_edit() {
	hfile=$2
	if ! awk -f "$TESTS/converge-edit.awk" < "$W/$1/$hfile" > "$W/edited"; then
		echo "step $step: no place for the hand edit in $hfile" >> "$W/skipped"
		return 1
	fi
	cp "$W/$1/$hfile" "$W/before"
	cat "$W/edited" > "$W/$1/$hfile"
	if [ "$later" = 1 ]; then
		return 0
	elif run "$1" convene commit -m "by hand: $op"; then
		return 0
	fi
	fail "convene commit (after a hand edit of $hfile)"
	cat "$W/before" > "$W/$1/$hfile"
	return 1
}

# The editor of `member edit`: sets $FIELD to $VALUE the first time; when
# convene opens the file again (it had errors) it gives up.
cat > "$W/editor" <<-EOF
	#!/bin/sh
	test -e "$W/editor.once" && exit 1
	: > "$W/editor.once"
	EDIT=scalar KEY="\$FIELD" awk -f "$TESTS/converge-edit.awk" < "\$1" > "\$1.new" &&
	cat "\$1.new" > "\$1" && rm -f "\$1.new"
EOF
chmod +x "$W/editor"

setup() {
	git init -q --bare "$W/hub.git" &&
	convene init --template ucsd --lang he --name "קריאה מוקדמת בנגב" --site haifa "$W/a" 2>/dev/null &&
	(cd "$W/a" &&
	 convene remote add hub "$W/hub.git" &&
	 convene member add "דנה לוי" --id dana --role facilitator &&
	 convene member add "Avi Cohen" --id avi --org "ספריית באר שבע" &&
	 convene member add "Yael Mizrahi" --id yael --org "עמותת אור" &&
	 convene outcome add "Grade 3 reading" --id reading &&
	 convene outcome indicator reading "Children reading at grade level" --id grade3 \
		--unit % --baseline 40 --target 80 &&
	 convene outcome add "Families reading at home" --id families &&
	 convene outcome indicator families "Families reading weekly" --id weekly --unit % &&
	 git config convene.member dana &&
	 convene sync -q) > /dev/null 2>&1 &&
	convene clone -q --site beersheva "$W/hub.git" "$W/b" 2>/dev/null &&
	convene clone -q --site tlv "$W/hub.git" "$W/c" 2>/dev/null &&
	git -C "$W/b" config convene.member avi &&
	git -C "$W/c" config convene.member yael &&
	: > "$W/acked" && : > "$W/failures" && : > "$W/kinds" && : > "$W/skipped" &&
	ack member dana - "דנה לוי" && ack member avi - "Avi Cohen" &&
	ack member yael - "Yael Mizrahi"
}

# bundle_for S T FILE: S writes FILE for T; 0 when written, 1 when not
# (rightly: T has it all; or a failure, recorded).  --for once a bundle
# came the other way: before that, S knows nothing of what T has (exit
# 2, rightly) and sends everything.
bundle_for() {
	if [ -e "$W/bundled.$2.$1" ]; then
		run "$1" convene bundle create "$3" --for "$(name_of "$2")"
	else
		run "$1" convene bundle create "$3"
	fi && return 0
	if [ $rc = 1 ] && grep -q "nothing to bundle" "$W/err" &&
	   git -C "$W/$2" cat-file -e "$(git -C "$W/$1" rev-parse HEAD)^{commit}" 2>/dev/null; then
		return 1
	fi
	fail "convene bundle create $(basename "$3") (for $2)"
	return 1
}

# sync_step SITE [FILE]: a sync that must exit 0 and merge every file as
# YAML: each file here was written or checked by convene, so a line merge
# or a file kept whole (DESIGN §4: for a side that does not parse) means
# that convene wrote, or let through, what it cannot read
sync_step() {
	run "$1" convene sync -q ${2:+"$2"} || return 1
	if grep -q "cannot be merged as YAML\|conflict markers\|cannot hold both versions" "$W/err"; then
		fail "convene sync ${2:+$(basename "$2")}: a line merge of a file convene wrote"
	fi
	return 0
}

# take_bundle T S FILE: T syncs FILE, which S wrote
take_bundle() {
	if sync_step "$1" "$3"; then
		: > "$W/bundled.$2.$1"
		echo "$3" >> "$W/bundles/$1"
	else
		fail "convene sync $(basename "$3") (from $2)"
	fi
}

# One step of the generator's, as read into $op $s $f1 ... $f5.
do_step() {
	case $op in
	note|decide)
		t=$f3
		if run "$s" convene "$op" -- "$f1" "$f2" "$t"; then ack "$op" "$f1" "$f2" "$t"
		else fail "convene $op $f1 $f2"; fi ;;
	action)
		t=$f5
		set --
		[ "$f3" = -1 ] || set -- --owner "$(members "$s" | nth "$f3")"
		[ "$f4" = - ] || set -- "$@" --due "$f4"
		if run "$s" convene action "$@" -- "$f1" "$f2" "$t"; then ack action "$f1" "$f2" "$t"
		else fail "convene action $* $f1 $f2"; fi ;;
	attend)
		who=$(members "$s" | awk -v p="$f2" -v n="$f3" '{ l[NR] = $0 }
			END { for (i = 0; i < n && i < NR; i++) print l[(p + i) % NR + 1] }')
		# shellcheck disable=SC2086
		if run "$s" convene attend "$f1" $who; then
			for m in $who; do ack attend "$f1" "$m" -; done
		else fail "convene attend $f1 $(echo $who)"; fi ;;
	principle)
		if run "$s" convene principle add -- "$f1"; then ack principle - - "$f1"
		else fail "convene principle add"; fi ;;
	vision)
		run "$s" convene set vision -- "$(lines "$f1")" || fail "convene set vision" ;;
	vline)
		# one line of the vision as it is here changed: diff3 merges these
		old=$(cd "$W/$s" && convene get --json vision 2>/dev/null |
			jq -j 'if type == "string" then . else "" end') || old=
		new=$(printf '%s\n' "$old" | L=$f2 awk -v p="$f1" '{ l[NR] = $0 }
			END { for (i = 1; i <= NR; i++) print (i == p % NR + 1 ? ENVIRON["L"] : l[i]) }')
		run "$s" convene set vision -- "$new" || fail "convene set vision (one line)" ;;
	madd)
		if [ -e "$W/$s/members/$f1.yaml" ]; then
			# a guest already here: adding it again is rightly refused
			echo "step $step: $f1 is at $s already" >> "$W/skipped"
		elif run "$s" convene member add --id "$f1" --role "$f2" -- "$f3"; then ack member "$f1" - "$f3"
		else fail "convene member add --id $f1"; fi ;;
	medit)
		m=$(members "$s" | nth "$f1")
		rm -f "$W/editor.once"
		if ! FIELD=$f2 VALUE=$f3 EDITOR="$W/editor" run "$s" convene member edit "$m"; then
			fail "convene member edit $m ($f2)"
		fi ;;
	measure)
		set -- reading grade3
		[ $((f1 % 2)) = 0 ] && set -- families weekly
		if run "$s" convene outcome measure --date "$f3" --note "$f4" -- "$1" "$2" "$f2"; then
			ack measure "$1/$2" "$f3 $(echo "$f2" | jq .)" "$f4"
		else fail "convene outcome measure $1 $2 $f2"; fi ;;
	hscalar)
		EDIT=scalar KEY=$f1 VALUE=$f2 hand_edit "$s" initiative.yaml || : ;;
	htitle)
		EDIT=scalar KEY=title VALUE=$f2 hand_edit "$s" "meetings/00$f1.yaml" || : ;;
	hsteps)
		EDIT=scalar KEY=next_steps VALUE=$f2 hand_edit "$s" "meetings/00$f1.yaml" || : ;;
	hflow)
		EDIT=flow KEY=attendees hand_edit "$s" "meetings/00$f1.yaml" || : ;;
	hnote)
		if EDIT=note ITEM=$f2 ID=$f3 SITE=$(name_of "$s") AT=$f4 VALUE=$f5 \
			hand_edit "$s" "meetings/00$f1.yaml"; then
			ack note "$f1" "$f2" "$f5"
		fi ;;
	sync)
		sync_step "$s" || fail "convene sync" ;;
	bundle)
		bundle_for "$s" "$f1" "$W/bundles/$step.bundle" &&
		take_bundle "$f1" "$s" "$W/bundles/$step.bundle" ;;
	swap)
		# each makes a bundle for the other before either takes one: both
		# merge the same two commits (same_merges checks the trees agree)
		made_s=0 made_f1=0
		bundle_for "$s" "$f1" "$W/bundles/$step.bundle" || made_s=1
		bundle_for "$f1" "$s" "$W/bundles/$step-back.bundle" || made_f1=1
		[ $made_s = 0 ] && take_bundle "$f1" "$s" "$W/bundles/$step.bundle"
		[ $made_f1 = 0 ] && take_bundle "$s" "$f1" "$W/bundles/$step-back.bundle" ;;
	rebundle)
		# an old bundle again (the stick still holds it): nothing new
		file=$(nth "$f1" < "$W/bundles/$s")
		if [ -z "$file" ]; then
			echo "step $step: no bundle came to $s yet" >> "$W/skipped"
		elif ! sync_step "$s" "$file"; then
			fail "convene sync $(basename "$file") (taken again)"
		fi ;;
	*)
		echo "t0024: unknown step '$op'" >&2
		return 1 ;;
	esac
	return 0
}

random_steps() {
	awk -v seed="$SEED" -v steps="$STEPS" -v exclude="${CONVENE_CONVERGE_EXCLUDE:-}" \
		-v skip="${CONVENE_CONVERGE_SKIP:-}" \
		-f "$TESTS/converge-gen.awk" > "$W/steps" || return 1
	nfail=0
	step=0
	started=$(date +%s)
	while IFS=$TAB read -r op s f1 f2 f3 f4 f5; do
		step=$((step + 1))
		later=0
		case $op in *+) later=1 op=${op%+} ;; esac
		case $f1$f2$f3$f4$f5 in
		*"$HT"*)
			f1=$(tabs "$f1") f2=$(tabs "$f2") f3=$(tabs "$f3")
			f4=$(tabs "$f4") f5=$(tabs "$f5") ;;
		esac
		do_step || return 1
	done < "$W/steps"
	echo "# $step steps in $(($(date +%s) - started)) s" >&3
	[ "$nfail" = 0 ] && return 0
	echo "$nfail of $step steps failed (seed $SEED); by kind:"
	sort "$W/kinds" | uniq -c | sort -rn
	echo "the first ones:"
	awk '/^step / { n++ } n <= 8' "$W/failures"
	echo "rerun: $RERUN"
	return 1
}

# sync_all: every site once, a b c; each sync must exit 0 (all are
# tried, so that what follows sees as much convergence as there is)
sync_all() {
	synced=0
	for site in a b c; do
		(cd "$W/$site" && convene sync -q) < /dev/null || {
			echo "sync at $site exited $?"
			synced=1
		}
	done
	return $synced
}

# Twice round: after that every site is at the hub's commit.
sync_quiet() {
	sync_all || :
	sync_all || return 1
	hub=$(git -C "$W/hub.git" rev-parse main) || return 1
	for site in a b c; do
		test "$(git -C "$W/$site" rev-parse HEAD)" = "$hub" ||
		{ echo "$site is not at the hub's commit $hub"; return 1; }
	done
}

# Site a settles every conflict with side 1, round after round (a value
# may hold another conflict), syncs, and the others take it.
settle_conflicts() {
	round=0
	while (cd "$W/a" && convene conflicts --json) > "$W/conflicts.json" &&
	      test "$(jq length "$W/conflicts.json")" != 0; do
		round=$((round + 1))
		test $round -le 50 || { echo "still conflicts after 50 rounds"; return 1; }
		jq -r '.[].field' "$W/conflicts.json" > "$W/fields"
		settled=0
		while IFS= read -r f; do
			if (cd "$W/a" && convene resolve "$f" --side 1) < /dev/null > /dev/null 2> "$W/err"; then
				settled=$((settled + 1))
			else
				echo "convene resolve '$f' --side 1 exited $?:"
				cat "$W/err"
			fi
		done < "$W/fields"
		test $settled -gt 0 || { echo "round $round settled nothing"; return 1; }
	done
	synced=0
	sync_all || synced=1
	echo "[]" > "$W/none"
	for site in a b c; do
		(cd "$W/$site" && convene conflicts --json) > "$W/left" &&
		test_cmp "$W/none" "$W/left" || { echo "at $site"; return 1; }
	done
	return $synced
}

same_bytes() {
	for site in b c; do diff -r -x .git "$W/a" "$W/$site" || return 1; done
	t=$(git -C "$W/hub.git" rev-parse "main^{tree}") || return 1
	for site in a b c; do
		test "$(git -C "$W/$site" rev-parse "HEAD^{tree}")" = "$t" ||
		{ echo "$site: its HEAD tree is not the hub's $t"; return 1; }
	done
}

validate_all() {
	for site in a b c; do
		(cd "$W/$site" && convene validate) || { echo "at $site"; return 1; }
	done
}

fsck_all() {
	for r in a b c hub.git; do
		git -C "$W/$r" fsck --strict --no-dangling --no-progress > "$W/fsck" 2>&1 ||
		{ echo "at $r:"; cat "$W/fsck"; return 1; }
		! grep -v "^notice" "$W/fsck" || { echo "at $r"; return 1; }
	done
}

# The texts in the tree at site a, one line each as the record has them
# (kind, meeting or outcome, item or date and value, JSON text).
tree_items() {
	for f in "$W"/a/meetings/*.yaml; do
		m=$(basename "$f" .yaml | sed 's/^0*//')
		(cd "$W/a" && convene get --json "meetings/$(basename "$f")") |
		jq -r --arg m "$m" '.agenda[]? | .id as $i |
			((.notes // [])[] | ["note", $m, $i, (.text | tojson)]),
			((.decisions // [])[] | ["decide", $m, $i, (.text | tojson)]),
			((.actions // [])[] | ["action", $m, $i, (.text | tojson)]) | join("\t")' || return 1
	done
	(cd "$W/a" && convene get --json initiative.yaml) |
	jq -r '(.principles // [])[] | ["principle", "-", "-", (.text | tojson)] | join("\t")' || return 1
	for f in "$W"/a/outcomes/*.yaml; do
		(cd "$W/a" && convene get --json "outcomes/$(basename "$f")") |
		jq -r '.id as $o | (.indicators // [])[] | .id as $n | (.measurements // [])[] |
			["measure", "\($o)/\($n)", "\(.date) \(.value)", (.note | tojson)] | join("\t")' || return 1
	done
}

# Each acknowledged text once where it was put, nothing else; and no
# token anywhere twice (in another file, a field, a leftover side).
items_once() {
	grep -v '^attend\|^member' "$W/acked" | LC_ALL=C sort > "$W/want"
	tree_items > "$W/got.raw" || return 1
	LC_ALL=C sort "$W/got.raw" > "$W/got"
	test_cmp "$W/want" "$W/got" || return 1
	git -C "$W/a" grep -h -o -E 'T[0-9]+x' | LC_ALL=C sort | uniq -d > "$W/twice"
	test_cmp /dev/null "$W/twice"
}

# Every member added is there, with the name it was given (a guest added
# at two sites at once: one of them); every attendance recorded is
# there, once, and no other.
members_attendance() {
	grep '^member' "$W/acked" | cut -f2 | LC_ALL=C sort -u > "$W/want"
	members a > "$W/got"
	test_cmp "$W/want" "$W/got" || return 1
	grep '^member' "$W/acked" | cut -f2,4 > "$W/names"
	for m in $(members a); do
		n=$(cd "$W/a" && convene get --json "members/$m.yaml:name" | jq -c .) || return 1
		grep -qxF "$m$TAB$n" "$W/names" || { echo "$m is named $n, never given"; return 1; }
	done
	grep '^attend' "$W/acked" | cut -f2,3 | LC_ALL=C sort -u > "$W/want"
	for m in 1 2 3; do
		(cd "$W/a" && convene get --json "meetings/00$m.yaml:attendees") |
		jq -r --arg m $m '.[]? | [$m, .] | join("\t")' || return 1
	done | LC_ALL=C sort > "$W/got"
	test_cmp "$W/want" "$W/got"
}

# DESIGN §4: merging A into B and B into A gives the same bytes.  Two
# merge commits of the same two parents (a swap of bundles makes them)
# must hold the same tree.
same_merges() {
	git -C "$W/a" rev-list --merges --parents HEAD |
	awk 'NF == 3 { print ($2 < $3 ? $2 "-" $3 : $3 "-" $2), $1 }' | LC_ALL=C sort > "$W/merges"
	pairs=$(cut -d' ' -f1 "$W/merges" | uniq -d | wc -l)
	echo "# $pairs pairs of sites merged the same two commits" >&3
	cut -d' ' -f1 "$W/merges" | uniq -d | while read -r pair; do
		grep "^$pair " "$W/merges" | cut -d' ' -f2 | while read -r m; do
			echo "$(git -C "$W/a" rev-parse "$m^{tree}") $m"
		done > "$W/trees"
		[ "$(cut -d' ' -f1 "$W/trees" | sort -u | wc -l)" = 1 ] || {
			echo "merges of $pair differ:"
			cat "$W/trees"
			git -C "$W/a" diff $(cut -d' ' -f2 "$W/trees" | head -2)
			exit 1
		}
	done
}

no_merge_state() {
	for site in a b c; do
		git -C "$W/$site" status --porcelain > "$W/status" &&
		test_cmp /dev/null "$W/status" &&
		test ! -e "$W/$site/.git/MERGE_HEAD" || { echo "at $site"; return 1; }
	done
}

# fd 3: the step count and the time reach the test's output
exec 3>&1

test_expect_success 'three sites from one hub' 'setup'
test_expect_success "$STEPS random steps: every command exits 0 (seed $SEED)" 'random_steps'
test_expect_success 'every site syncs until quiet: twice round, all at the hub' 'sync_quiet'
test_expect_success 'every conflict settled at a with side 1, and that reaches everyone' 'settle_conflicts'
test_expect_success 'every site holds the same bytes: work trees and HEAD trees' 'same_bytes'
test_expect_success 'convene validate exits 0 at every site' 'validate_all'
test_expect_success 'git fsck --strict is clean at every site and at the hub' 'fsck_all'
test_expect_success 'every acknowledged note, decision, action, principle and measurement is there exactly once' 'items_once'
test_expect_success 'every acknowledged member and attendance is there, no attendee twice' 'members_attendance'
test_expect_success 'whoever merged the same two commits, the tree is the same' 'same_merges'
test_expect_success 'no site has merge state or changes left over' 'no_merge_state'

if [ -n "${CONVENE_CONVERGE_KEEP:-}" ]; then
	rm -rf "$CONVENE_CONVERGE_KEEP" && cp -a "$W" "$CONVENE_CONVERGE_KEEP" &&
	echo "# kept in $CONVENE_CONVERGE_KEEP"
fi
[ "$test_failed" = 0 ] || echo "# $TEST_NAME failed: rerun with $RERUN"
test_done
