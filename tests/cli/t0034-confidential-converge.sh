#!/bin/sh
# Confidential interviews under a hostile run (issue 15, DESIGN §7, §4):
# three sites cloned from one hub — a (dana) and b (yossi) are readers,
# c (rina) is not; each has its own age key — take seeded random steps:
# confidential interviews added with answers and notes in text YAML finds
# hard, a reader changing one answer, plain interviews added, changed and
# later sealed, readers add/rm of avi (a fourth member with a key and no
# site; the non-reader tries too and must be refused with nothing
# changed), syncs, bundles carried one way or both, the non-reader's
# notes on a meeting and blind writes of confidential answers, two readers
# changing one answer offline (a conflict a reader settles with
# `resolve --side N` and the non-reader cannot), and SIGKILLs of a sync or
# of a readers add/rm (a re-seal of every value) at random moments.  Then
# all sync until they agree, and: the same trees, validate clean, fsck
# clean, every answer reads back as last written (or as the side a
# resolution took), the non-reader's outputs hold no secret word, and no
# object, bundle, work-tree file or temporary file holds one.
#
#   CONVENE_SEED=N             the run (default fixed); printed
#   CONVENE_CONF_STEPS=N       random steps (default 50; make stress 1000)
#   CONVENE_CONF_KEEP=DIR      keep the sites and the record there
. "$(dirname "$0")/lib.sh"
SEED=${CONVENE_SEED:-34}
STEPS=${CONVENE_CONF_STEPS:-50}
RERUN="CONVENE_SEED=$SEED CONVENE_CONF_STEPS=$STEPS sh tests/cli/t0034-confidential-converge.sh"
echo "# seed $SEED, $STEPS steps: $RERUN"
W="$TRASH/w"
mkdir -p "$W/bundles" "$W/tmp"
TMPDIR="$W/tmp"
export TMPDIR
TAB=$(printf '\t')
LS=$(printf '\342\200\250')
# every secret word starts so: one search finds any of them
SECRET="sec-$SEED-"

# run SITE COMMAND...: in that site with its key; $W/out, $W/err, $rc.
# All the non-reader's output is kept, to be searched at the end.
run() {
	rsite=$1
	shift
	(cd "$W/$rsite" && XDG_CONFIG_HOME="$W/k$rsite" "$@") < /dev/null > "$W/out" 2> "$W/err"
	rc=$?
	if [ "$rsite" = c ]; then cat "$W/out" "$W/err" >> "$W/c-all"; fi
	return $rc
}

fail() {
	nfail=$((nfail + 1))
	{
		echo "step $step ($rsite, $op): $1: exit $rc"
		sed 's/^/    /' "$W/err" "$W/out" | head -20
	} >> "$W/failures"
}

# YAML ends a text of several lines with a newline (a plain one too)
NORM='if test("\n") and (endswith("\n") | not) then . + "\n" else . end'
# the oracle: per key (interviews/ID.yaml:answers.Q or :notes) the text
# last written (JSON), and every text ever written there (to check a
# side a resolution takes)
oracle_set() {
	j=$(printf '%s' "$2" | jq -Rs .)
	grep -v -F "$1$TAB" "$W/oracle" > "$W/oracle.new" || :
	printf '%s\t%s\n' "$1" "$j" >> "$W/oracle.new"
	mv "$W/oracle.new" "$W/oracle"
	printf '%s\t%s\n' "$1" "$(printf '%s\n' "$j" | jq -c "$NORM")" >> "$W/seen"
}

# random numbers of this step: r N -> $R, 0..N-1, from the step's line
rn=0
r() {
	rn=$((rn + 1))
	R=$(( (rline * 7919 + rn * 104729 + (rline / 3) * rn) % 1000003 % $1 ))
}

# mktext PREFIX: $T, a text holding a new distinctive word (PREFIX, its
# number, a Hebrew or emoji tail) in a shape YAML finds hard.  No
# subshell: the counters go on.
nword=0
mktext() {
	nword=$((nword + 1))
	r 4
	case $R in
	0) wd=$1$nword-שלום ;;
	1) wd=$1$nword-🌵 ;;
	2) wd=$1$nword-אור✨ ;;
	3) wd=$1$nword-ש😀ם ;;
	esac
	r 9
	case $R in
	0) T=$wd ;;
	1) T="  $wd # hash  " ;;
	2) T="\"$wd\" and 'quote' #tag" ;;
	3) T=$(printf 'first line %s\nשורה שנייה 🙂' "$wd") ;;
	4) T="$wd${LS}after the separator" ;;
	5) T=$(printf -- '- %s: yes\n  indented\nlast .' "$wd") ;;
	6) T="#$wd" ;;
	7) T="null $wd 007 " ;;
	8) T="שלום $wd עולם" ;;
	esac
}

QUESTIONS="motivation strengths hopes"
nth() { awk -v p="$1" '{ l[NR] = $0 } END { if (NR) print l[p % NR + 1] }'; }

# interviews SITE conf|plain: the ids there of that kind
interviews() {
	for f in "$W/$1"/interviews/*.yaml; do
		[ -e "$f" ] || continue
		if grep -q '^confidential: true' "$f"; then k=conf; else k=plain; fi
		[ "$k" = "$2" ] && basename "$f" .yaml
	done
}

setup() {
	git init -q --bare "$W/hub.git" &&
	for k in a b c d; do
		mkdir -p "$W/k$k/convene" && age-keygen -o "$W/k$k/convene/identity" 2>/dev/null || return 1
	done &&
	convene init --template ucsd --lang he --name "ראיונות" --site haifa "$W/a" > /dev/null 2>&1 &&
	(cd "$W/a" && export XDG_CONFIG_HOME="$W/ka" &&
	 convene remote add hub "$W/hub.git" &&
	 convene member add "דנה לוי" --id dana && convene member add "Yossi" --id yossi &&
	 convene member add "רינה" --id rina && convene member add "Avi" --id avi &&
	 convene member edit dana --age "$(age-keygen -y "$W/ka/convene/identity")" &&
	 convene member edit yossi --age "$(age-keygen -y "$W/kb/convene/identity")" &&
	 convene member edit rina --age "$(age-keygen -y "$W/kc/convene/identity")" &&
	 convene member edit avi --age "$(age-keygen -y "$W/kd/convene/identity")" &&
	 git config convene.member dana && convene readers add dana yossi &&
	 convene sync -q) > /dev/null 2>&1 &&
	convene clone -q --site beersheva "$W/hub.git" "$W/b" 2>/dev/null &&
	convene clone -q --site tlv "$W/hub.git" "$W/c" 2>/dev/null &&
	git -C "$W/b" config convene.member yossi &&
	git -C "$W/c" config convene.member rina &&
	: > "$W/oracle" && : > "$W/seen" && : > "$W/failures" && : > "$W/c-all" &&
	: > "$W/resolved" && : > "$W/kills" && : > "$W/refused" &&
	(cd "$W/a" && convene get --json meetings/001.yaml) | jq -r '.agenda[].id' > "$W/items" &&
	test -s "$W/items"
}

# the state of a site that a refused command must leave alone
state() { git -C "$W/$1" rev-parse HEAD && git -C "$W/$1" status --porcelain; }

# resolve_all SITE: a reader settles every conflict, each with a side
# drawn at random; a settled answer's text goes to the oracle
resolve_all() {
	round=0
	while run "$1" convene conflicts --json && cp "$W/out" "$W/conflicts.json" &&
	      test "$(jq length "$W/conflicts.json")" != 0; do
		round=$((round + 1))
		[ $round -le 20 ] || { rc=0; fail "still conflicts after 20 rounds"; return 1; }
		n=$(jq length "$W/conflicts.json")
		i=0
		while [ $i -lt "$n" ]; do
			field=$(jq -r ".[$i].field" "$W/conflicts.json")
			ns=$(jq ".[$i].sides | length" "$W/conflicts.json")
			r "$ns"
			side=$((R + 1))
			if [ "$(jq ".[$i].markers // false" "$W/conflicts.json")" = true ]; then
				rc=0; fail "conflict markers in $field"; return 1
			fi
			case $field in
			interviews/*:answers.*|interviews/*:notes)
				v=$(jq -c ".[$i].sides[$((side - 1))].value" "$W/conflicts.json")
				if ! grep -qxF "$field$TAB$v" "$W/seen"; then
					rc=0; fail "side $side of $field holds $v, never written there"
				fi
				grep -v -F "$field$TAB" "$W/oracle" > "$W/oracle.new" || :
				printf '%s\t%s\n' "$field" "$v" >> "$W/oracle.new"
				mv "$W/oracle.new" "$W/oracle" ;;
			esac
			# the non-reader, having the same conflict, cannot settle it
			if [ "$(jq ".[$i].sides[0].confidential // false" "$W/conflicts.json")" = true ] &&
			   git -C "$W/c" cat-file -e "$(git -C "$W/$1" rev-parse HEAD)" 2>/dev/null &&
			   [ "$(git -C "$W/c" rev-parse HEAD)" = "$(git -C "$W/$1" rev-parse HEAD)" ]; then
				before=$(state c)
				run c convene resolve "$field" --side "$side"
				if [ $rc != 1 ] || [ "$(state c)" != "$before" ]; then
					fail "the non-reader's resolve of $field (want exit 1, nothing changed)"
				fi
				echo "c resolve $field" >> "$W/refused"
			fi
			echo "$step $1 $field --side $side" >> "$W/resolved"
			run "$1" convene resolve "$field" --side "$side" || fail "convene resolve $field --side $side"
			i=$((i + 1))
		done
	done
	return 0
}

# after a sync at SITE: a reader settles; the non-reader tries and fails
after_sync() {
	# at the end only a settles (two settling at once go on for ever)
	if [ "$1" = b ] && [ "${final:-0}" = 1 ]; then return 0; fi
	if [ "$1" != c ]; then resolve_all "$1"; return; fi
	run c convene conflicts --json || { fail "convene conflicts at c"; return; }
	cp "$W/out" "$W/cconf.json"
	n=$(jq '[.[] | select(.sides[0].confidential == true or (.sides[0].confidential | type) == "string")] | length' "$W/cconf.json")
	[ "$n" = 0 ] && return
	field=$(jq -r '[.[] | select(.sides[0].confidential != null)][0].field' "$W/cconf.json")
	before=$(state c)
	run c convene resolve "$field" --side 1
	if [ $rc != 1 ] || [ "$(state c)" != "$before" ]; then
		fail "the non-reader's resolve of $field (want exit 1, nothing changed)"
	fi
	echo "c resolve $field" >> "$W/refused"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
took=200

# killed SITE COMMAND...: started, then SIGKILLed after a random nap up
# to the last sync's time
killed() {
	ksite=$1
	shift
	(cd "$W/$ksite" && XDG_CONFIG_HOME="$W/k$ksite" exec "$@" > /dev/null 2>&1) < /dev/null &
	kpid=$!
	r $((took + 5))
	sleep "$(printf '%d.%03d' $((R / 1000)) $((R % 1000)))"
	kill -9 $kpid 2>/dev/null
	wait $kpid
	krc=$?
	echo "$step $ksite $* exit $krc" >> "$W/kills"
}

do_sync() {
	t0=$(now_ms)
	if run "$1" convene sync -q; then
		took=$(( $(now_ms) - t0 ))
		if grep -q "cannot be merged as YAML\|conflict markers\|cannot hold both versions" "$W/err"; then
			fail "convene sync: a line merge of a file convene wrote"
		fi
		after_sync "$1"
	else
		fail "convene sync"
	fi
}

other() { # other SITE PICK: another site
	case $1 in a) set -- b c "$2" ;; b) set -- a c "$2" ;; c) set -- a b "$2" ;; esac
	if [ $(($3 % 2)) = 0 ]; then echo "$1"; else echo "$2"; fi
}

bundle_to() { # bundle_to S T FILE: S makes FILE, T takes it
	if run "$1" convene bundle create "$3"; then
		if run "$2" convene sync -q "$3"; then after_sync "$2"; else fail "sync of a bundle from $1"; fi
	elif ! grep -q "nothing to bundle" "$W/err"; then
		fail "convene bundle create"
	fi
}

readers_now() { (cd "$W/$1" && XDG_CONFIG_HOME="$W/k$1" convene readers list --json) | jq -r '.[].id' | tr '\n' ' '; }

do_step() {
	r 3
	case $R in 0) s=a ;; 1) s=b ;; 2) s=c ;; esac
	r 100
	case $R in
	[0-9]|1[0-7])  # a confidential interview, answers and notes
		op=cadd
		[ "$s" = c ] && { r 3; [ "$R" = 0 ] || s=a; }
		nint=$((nint + 1))
		id=ci$nint
		set -- --id "$id" --confidential
		r 3
		q=$(echo "$QUESTIONS" | tr ' ' '\n' | head -$((R + 1)))
		: > "$W/pending"
		for qq in $q; do
			mktext "$SECRET"; t=$T
			set -- "$@" --answer "$qq=$t"
			printf '%s\n' "interviews/$id.yaml:answers.$qq" >> "$W/pending"
			printf '%s' "$t" > "$W/pending.$qq"
		done
		r 2
		if [ "$R" = 0 ]; then
			mktext "$SECRET"; t=$T
			set -- "$@" --notes "$t"
			printf '%s\n' "interviews/$id.yaml:notes" >> "$W/pending"
			printf '%s' "$t" > "$W/pending.notes"
		fi
		r 4
		who=$(printf 'rina\navi\nyossi\ndana\n' | nth "$R")
		if run "$s" convene interview add "$who" --by dana "$@"; then
			while IFS= read -r k; do oracle_set "$k" "$(cat "$W/pending.${k##*[.:]}")"; done < "$W/pending"
		else
			fail "convene interview add --confidential"
		fi ;;
	1[8-9]|2[0-9]|3[0-7])  # a reader (now and then the non-reader, blind) changes one value
		op=cset
		[ "$s" = c ] && { r 3; [ "$R" = 0 ] || s=b; }
		r 1000
		id=$(interviews "$s" conf | nth "$R")
		[ -n "$id" ] || return 0
		r 4
		if [ "$R" = 3 ]; then f=notes; else f=answers.$(echo "$QUESTIONS" | tr ' ' '\n' | nth "$R"); fi
		k="interviews/$id.yaml:$f"
		mktext "$SECRET"; t=$T
		r 3
		if [ "$R" = 0 ]; then
			printf '%s' "$t" > "$W/value"
			(cd "$W/$s" && XDG_CONFIG_HOME="$W/k$s" convene set "$k" -) < "$W/value" > "$W/out" 2> "$W/err"
			rc=$?
			[ "$s" = c ] && cat "$W/out" "$W/err" >> "$W/c-all"
			rsite=$s
		else
			run "$s" convene set "$k" -- "$t"
		fi
		if [ $rc = 0 ]; then oracle_set "$k" "$t"
		elif grep -q "conflict" "$W/err"; then :
		else fail "convene set $k"; fi ;;
	3[8-9]|4[0-5])  # a plain interview
		op=padd
		npl=$((npl + 1))
		id=pi$npl
		mktext "pln-$SEED-"; t=$T
		if run "$s" convene interview add rina --by dana --id "$id" --answer "motivation=$t"; then
			oracle_set "interviews/$id.yaml:answers.motivation" "$t"
		else fail "convene interview add (plain)"; fi ;;
	4[6-9]|50)  # a plain interview's answer changed, in plain text
		op=pset
		r 1000
		id=$(interviews "$s" plain | nth "$R")
		[ -n "$id" ] || return 0
		k="interviews/$id.yaml:answers.motivation"
		mktext "pln-$SEED-"; t=$T
		if run "$s" convene set "$k" -- "$t"; then oracle_set "$k" "$t"
		elif grep -q "conflict" "$W/err"; then :
		else fail "convene set $k (plain)"; fi ;;
	5[1-6])  # a plain interview sealed
		op=seal
		r 1000
		id=$(interviews "$s" plain | nth "$R")
		[ -n "$id" ] || return 0
		run "$s" convene interview seal "$id" || fail "convene interview seal $id" ;;
	5[7-9]|6[0-2])  # readers add/rm avi; the non-reader is refused
		op=readers
		case " $(readers_now "$s") " in *" avi "*) sub=rm ;; *) sub=add ;; esac
		if [ "$s" = c ]; then
			before=$(state c)
			run c convene readers "$sub" avi
			if [ $rc = 0 ] || [ "$(state c)" != "$before" ]; then
				fail "the non-reader's readers $sub avi (want refused, nothing changed)"
			fi
			echo "c readers $sub" >> "$W/refused"
		else
			run "$s" convene readers "$sub" avi || fail "convene readers $sub avi"
		fi ;;
	6[3-9]|7[0-9]|80)
		op=sync
		do_sync "$s" ;;
	8[1-5])
		op=bundle
		r 2
		t=$(other "$s" "$R")
		bundle_to "$s" "$t" "$W/bundles/$step.bundle"
		r 2
		[ "$R" = 0 ] && bundle_to "$t" "$s" "$W/bundles/$step-back.bundle" ;;
	8[6-9]|9[0-3])  # the non-reader's plain edits, concurrently
		op=note
		r 100
		item=$(nth "$R" < "$W/items")
		run c convene note 1 "$item" -- "plain note $step by rina" || fail "convene note" ;;
	9[4-7])  # a sync killed at a random moment; the next one finishes it
		op=killsync
		killed "$s" convene sync -q
		do_sync "$s" ;;
	*)  # a re-seal of every value killed at a random moment
		op=killreaders
		[ "$s" = c ] && s=a
		case " $(readers_now "$s") " in *" avi "*) sub=rm ;; *) sub=add ;; esac
		killed "$s" convene readers "$sub" avi
		run "$s" convene status || fail "convene status after a killed readers $sub"
		case " $(readers_now "$s") " in
		*" avi "*) [ $sub = add ] || run "$s" convene readers rm avi || fail "readers rm after the kill" ;;
		*) [ $sub = rm ] || run "$s" convene readers add avi || fail "readers add after the kill" ;;
		esac
		if [ -n "$(git -C "$W/$s" status --porcelain)" ]; then
			rc=0; fail "changes left after a killed readers $sub"
		fi ;;
	esac
	return 0
}

random_steps() {
	awk -v seed="$SEED" -v n="$STEPS" 'BEGIN { srand(seed); for (i = 0; i < n; i++) print int(rand() * 1000000) }' \
		> "$W/steps" || return 1
	nfail=0 step=0 nint=0 npl=0
	started=$(date +%s)
	while read -r rline; do
		step=$((step + 1))
		rn=0
		do_step || return 1
	done < "$W/steps"
	echo "# $step steps in $(($(date +%s) - started)) s; $(wc -l < "$W/kills") kills," \
		"$(wc -l < "$W/resolved") resolutions, $(wc -l < "$W/refused") refusals of the non-reader" >&3
	[ "$nfail" = 0 ] && return 0
	echo "$nfail of $step steps failed (seed $SEED); the first ones:"
	awk '/^step / { n++ } n <= 8' "$W/failures"
	echo "rerun: $RERUN"
	return 1
}

# Round after round every site syncs (a reader settling what comes),
# until all are at the hub's commit with no conflict.
sync_quiet() {
	step=final nfail=0 final=1
	for round in 1 2 3 4 5 6; do
		for site in a b c; do op=sync; do_sync $site || :; done
		hub=$(git -C "$W/hub.git" rev-parse main) || return 1
		same=1
		for site in a b c; do
			[ "$(git -C "$W/$site" rev-parse HEAD)" = "$hub" ] || same=0
		done
		run a convene conflicts --json
		if [ $same = 1 ] && [ "$(cat "$W/out")" = "[]" ]; then break; fi
	done
	[ "$nfail" = 0 ] || { cat "$W/failures"; return 1; }
	[ $same = 1 ] || { echo "the sites do not agree after 6 rounds"; return 1; }
}

# What validate says, before any re-seal: only that some values are
# sealed for an old set (when readers changed while another site sealed)
# — then a reader seals those anew and every site takes it.
reseal_stale() {
	(cd "$W/a" && XDG_CONFIG_HOME="$W/ka" convene validate) > "$W/v" 2>&1 ||
		{ cat "$W/v"; return 1; }
	grep -v "the values are sealed for other recipients than the current readers' keys" "$W/v" |
		grep -v "^checked [0-9]* files" | grep "warning\|error" && return 1
	sed -n 's/^interviews\/\([^.]*\)\.yaml:.*sealed for other recipients.*/\1/p' "$W/v" | sort -u > "$W/stale"
	echo "# $(wc -l < "$W/stale") interviews sealed for an old set of readers, sealed anew" >&3
	while read -r id; do
		(cd "$W/a" && XDG_CONFIG_HOME="$W/ka" convene interview seal "$id") > /dev/null 2>&1 ||
			{ echo "interview seal $id failed"; return 1; }
	done < "$W/stale"
	sync_quiet
}

same_trees() {
	t=$(git -C "$W/hub.git" rev-parse "main^{tree}") || return 1
	for site in a b c; do
		test "$(git -C "$W/$site" rev-parse "HEAD^{tree}")" = "$t" &&
		test -z "$(git -C "$W/$site" status --porcelain)" || { echo "at $site"; return 1; }
	done
}

validate_clean() {
	for site in a b c; do
		(cd "$W/$site" && XDG_CONFIG_HOME="$W/k$site" convene validate) > "$W/v" 2>&1 || { cat "$W/v"; return 1; }
		! grep "warning\|error" "$W/v" || { echo "at $site"; return 1; }
	done
}

fsck_all() {
	for r in a b c hub.git; do
		git -C "$W/$r" fsck --strict --no-dangling --no-progress > "$W/fsck" 2>&1 ||
		{ echo "at $r:"; cat "$W/fsck"; return 1; }
	done
}

# Each key of the oracle read back by both readers as they see it
# (interview show --json: the plain text): the text last written, or the
# side a resolution took.  YAML ends a text of several lines with a
# newline, as for a plain interview.
read_back() {
	test -s "$W/oracle" || { echo "nothing was written"; return 1; }
	for site in a b; do
		while IFS=$TAB read -r k v; do
			id=${k#interviews/}
			id=${id%%.yaml:*}
			f=${k#*.yaml:}
			got=$(cd "$W/$site" && XDG_CONFIG_HOME="$W/k$site" convene interview show "$id" --json |
				jq -c "if \"$f\" == \"notes\" then .notes else .answers[\"${f#answers.}\"] end") || return 1
			want=$(printf '%s\n' "$v" | jq -c "$NORM")
			[ "$got" = "$want" ] || { echo "at $site, $k: read $got, want $want"; nbad=1; }
		done < "$W/oracle"
	done
	[ "${nbad:-0}" = 0 ] && echo "# $(wc -l < "$W/oracle") values read back at a and b" >&3
}

# The non-reader's reading commands over everything.
nonreader_reads() {
	cd "$W/c" || return 1
	export XDG_CONFIG_HOME="$W/kc"
	for id in $(ls interviews | sed 's/\.yaml$//'); do
		convene interview show "$id"; convene interview show "$id" --json
		convene history "interviews/$id.yaml:answers.motivation"
		convene history --json "interviews/$id.yaml:notes"
		convene show --at HEAD~3 "interviews/$id.yaml"
		convene get --json "interviews/$id.yaml"
	done 2>&1
	for c in "interview summary" "interview summary --json" "interview list" "interview list --json" \
		"conflicts" "conflicts --json" "validate" "diff HEAD~20 HEAD" "diff --json HEAD~20 HEAD" \
		"log" "status" "readers list"; do
		# shellcheck disable=SC2086
		convene $c 2>&1 || :
	done
}

no_secret_reads() {
	nonreader_reads > "$W/c-reads" &&
	test -s "$W/c-reads" && test_grep "confidential — readable by" "$W/c-reads" &&
	! grep -F -- "$SECRET" "$W/c-reads" "$W/c-all"
}

no_plaintext() {
	for r in a b c hub.git; do
		git -C "$W/$r" cat-file --batch-all-objects --batch > "$W/objects.$r" || return 1
		! grep -a -F -c -- "$SECRET" "$W/objects.$r" || { echo "in an object at $r"; return 1; }
	done
	test "$(grep -a -F -c "BEGIN AGE" "$W/objects.a")" -gt 0 &&
	! grep -r -a -l -F -- "$SECRET" "$W/a" "$W/b" "$W/c" "$W/hub.git" "$W/bundles" "$W/tmp"
}

# A readers add killed after it rewrote one interview of two, before it
# committed: the next readers command (or any edit) finishes with no
# manual step — it found "changes not committed" and refused, for ever.
DIE="$TRASH/die.so"
cc -shared -fPIC -o "$DIE" "$(dirname "$0")/die.c" -ldl || exit 1
test_expect_success 'a readers add killed halfway through the re-seal: the next one finishes, nothing lost' '
	W="$TRASH/repro" && mkdir -p "$W" && setup && cd "$W/a" && export XDG_CONFIG_HOME="$W/ka" &&
	convene interview add rina --by dana --id one --confidential --answer motivation=sec-one 2>/dev/null &&
	convene interview add rina --by dana --id two --confidential --answer motivation=sec-two 2>/dev/null &&
	head=$(git rev-parse HEAD) &&
	{ DIE_AT=interviews/two.yaml DIE_AFTER=1 LD_PRELOAD=$DIE ASAN_OPTIONS=verify_asan_link_order=0 convene readers add avi >/dev/null 2>&1; test $? = 137; } &&
	test "$(git rev-parse HEAD)" = "$head" &&
	convene readers add avi 2>/dev/null &&
	git status --porcelain > ../st && test_cmp /dev/null ../st &&
	convene readers list --json | jq -r ".[].id" | tr "\n" " " > ../rd && printf "dana yossi avi " > ../want && test_cmp ../want ../rd &&
	convene validate > v 2>&1 && ! grep "warning\|error" v &&
	convene interview show one --json | jq -r .answers.motivation > ../got && echo sec-one > ../want && test_cmp ../want ../got &&
	convene interview show two --json | jq -r .answers.motivation > ../got && echo sec-two > ../want && test_cmp ../want ../got
'

exec 3>&1
test_expect_success 'three sites, four keys; dana and yossi read, rina does not' 'setup'
test_expect_success "$STEPS random steps (seed $SEED): every command does what it should" 'random_steps'
test_expect_success 'every site syncs until all agree, every conflict settled by a reader' 'sync_quiet'
test_expect_success 'validate warns of nothing but values sealed for an old set; sealed anew' 'reseal_stale'
test_expect_success 'every site holds the same tree, nothing left uncommitted' 'same_trees'
test_expect_success 'convene validate is clean at every site' 'validate_clean'
test_expect_success 'git fsck --strict is clean everywhere' 'fsck_all'
test_expect_success 'every value reads back to both readers as last written or as resolved' 'read_back'
test_expect_success 'the non-reader read no secret word in any output' 'no_secret_reads'
test_expect_success 'no object, bundle, work-tree file or temporary file holds a secret word' 'no_plaintext'

if [ -n "${CONVENE_CONF_KEEP:-}" ]; then
	rm -rf "$CONVENE_CONF_KEEP" && cp -a "$W" "$CONVENE_CONF_KEEP" && echo "# kept in $CONVENE_CONF_KEEP"
fi
[ "$test_failed" = 0 ] || echo "# $TEST_NAME failed: rerun with $RERUN"
test_done
