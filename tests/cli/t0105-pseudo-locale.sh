#!/bin/sh
# Every message in the user's locale (issue 18), proved with a
# pseudo-locale: a translation made here from po/convene.pot in which
# every msgstr is its msgid with a marker, "⟦", at the start of each of
# its lines.  Under it, every line convene says (errors, hints, warnings,
# --help, the headings and words of human listings) must carry the
# marker; a line without it is a message that does not go through
# gettext (or that is missing from po/convene.pot), and is printed with
# the command that said it.  Lines of data (ids, file names, values of
# the initiative, quoted commands, commit subjects) are told apart by
# tests/cli/pseudo-check.awk.  --json is the same bytes as without the
# pseudo-locale.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
CHECK="$SRC/tests/cli/pseudo-check.awk"
MARK="⟦"
PS="$TRASH/pseudo/bin/convene"
BAD="$TRASH/bad"
DATA="$TRASH/data"
FX="$TRASH/fx"
# the tests' own identity, whatever reset_home leaves
ID="$FX/identity"

if ! he_locale; then
	echo "ok 1 # SKIP he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	echo "# $TEST_NAME: skipped"
	exit 0
fi

# The binary under test, copied where cmd/i18n.c finds the pseudo
# translation: ../share/locale beside it (the build's locale folder,
# CONVENE_LOCALE_REL from the binary's folder, is not there).
mkdir -p "$TRASH/pseudo/bin" "$TRASH/pseudo/share/locale/he/LC_MESSAGES"
cp "$CONVENE" "$PS"

# Runs the pseudo-localised convene: psl WANT ARGS...  WANT is the exit
# code wanted ("-" for any, "!" for any but 0).  stdout goes to ps.out, stderr to ps.err;
# each line of either that carries words without the marker is added to
# $BAD with the command, as is a wrong exit code or an error said with
# no message.
psl() {
	run "ps.err ps.out" "$@"
}

# psl for a command whose stdout is a document or data (agenda, minutes,
# calendar, get, show; the YAML of interview show and outcome show; a
# recipient): only its stderr is checked.
pse() {
	run ps.err "$@"
}

run() {
	streams=$1 want=$2
	shift 2
	if env LANG=he_IL.UTF-8 LANGUAGE=he "$PS" "$@" < "${PS_IN:-/dev/null}" > ps.out 2> ps.err; then
		got=0
	else
		got=$?
	fi
	label="convene $*"
	if { [ "$want" = "!" ] && [ "$got" = 0 ]; } ||
	   { [ "$want" != - ] && [ "$want" != "!" ] && [ "$got" != "$want" ]; }; then
		echo "  $label: exit $got, want $want" >> "$BAD"
		sed 's/^/      | /' ps.err >> "$BAD"
	fi
	if [ "$got" != 0 ] && [ ! -s ps.err ] && [ ! -s ps.out ]; then
		echo "  $label: exit $got and not a word said" >> "$BAD"
	fi
	# the data as it is now (what the command added: ids, remotes, the
	# subjects of the commits it made) with the fixture's
	# (made again only when the folder, HEAD or the remotes changed)
	key="$PWD $(git rev-parse HEAD 2>/dev/null) $(git remote 2>/dev/null | tr "\n" " ") $(cksum < "$DATA")"
	if [ "$key" != "$(cat "$TRASH/data.key" 2>/dev/null)" ]; then
		{
			cat "$DATA"
			if git rev-parse --git-dir > /dev/null 2>&1; then data_of; fi
		} > "$TRASH/data.now"
		echo "$key" > "$TRASH/data.key"
	fi
	awk -v cmd="$label" -v mark="$MARK" -v data="$TRASH/data.now" -f "$CHECK" $streams >> "$BAD"
}

# psl with stdin from a file: psin FILE WANT ARGS...  (Every other run
# reads /dev/null, not the list a loop reads.)
psin() {
	PS_IN=$1
	shift
	psl "$@"
	PS_IN=
}

# Line N of the last psl's stdout (a table's heading) has the marker.
heading() {
	sed -n "${1}p" ps.out > ps.head &&
	if ! grep -qF "$MARK" ps.head; then
		echo "  $label: its heading, line $1: $(cat ps.head)" >> "$BAD"
	fi
}

# The same stdout and exit code with and without the pseudo-locale.
same() {
	if "$CONVENE" "$@" > en.out 2>/dev/null; then en=0; else en=$?; fi
	if env LANG=he_IL.UTF-8 LANGUAGE=he "$PS" "$@" > he.out 2>/dev/null; then hr=0; else hr=$?; fi
	if [ "$en" != "$hr" ] || [ ! -s en.out ] || ! cmp -s en.out he.out; then
		echo "  convene $*: differs under the pseudo-locale (exit $en, $hr)" >> "$BAD"
		diff en.out he.out | head -n 5 | sed 's/^/      | /' >> "$BAD"
	fi
}

# Fails listing $BAD's lines, if any.
none_bad() {
	if [ -s "$BAD" ]; then
		echo "lines without the pseudo-locale's marker $MARK (not translated):" >&2
		cat "$BAD" >&2
		return 1
	fi
}

# The data of the initiative in ./ , one string a line (on stdout), for
# pseudo-check.awk: every value and key of its YAML, its commit
# subjects, the git identity's name, the site's and remotes' names, the
# templates' item ids.
data_of() {
	{
		git log --format=%s 2>/dev/null
		git config user.name
		git config user.name | tr " " "\n"
		git config convene.site
		git remote 2>/dev/null
		find . -name "*.yaml" ! -path "./.git/*" | sed "s|^\./||" | while read -r f; do
			echo "$f"
			awk "$yaml_strings" "$f"
		done
		# the ids of the templates' agenda items (meeting new --help)
		sed -n "s/^ *-\{0,1\} *id: *//p" "$SRC"/core/templates/*/*/*.yaml "$SRC"/core/templates/*/*.yaml 2>/dev/null
	} | sort -u
}

# The keys and values of a YAML file, one a line, unquoted.
yaml_strings='{
	sub(/^[ -]*/, "")
	if (match($0, /^[A-Za-z0-9_]+:/)) {
		print substr($0, 1, RLENGTH - 1)
		$0 = substr($0, RLENGTH + 1)
		sub(/^ */, "")
	}
	gsub(/^["\047]|["\047]$/, "")
	if ($0 != "") print
}'

# A copy of the fixture initiative in ./lit, its data in $DATA.
fixture() {
	cp -a "$FX/lit" lit && cd lit && data_of > "$DATA"
}

test_expect_success 'the pseudo translation: every msgid of po/convene.pot, marked; msgfmt --check' '
	sed "s/charset=CHARSET/charset=UTF-8/; s/^\"Language: \\\\n\"/\"Language: he\\\\n\"\\
\"Plural-Forms: nplurals=2; plural=(n != 1);\\\\n\"/" "$SRC/po/convene.pot" > pseudo.pot &&
	test_grep "Plural-Forms: nplurals=2" pseudo.pot &&
	msgen -o en.po pseudo.pot &&
	msgfilter --keep-header -i en.po -o pseudo.po sed -e "s/^./$MARK&/" &&
	msgfmt --check --statistics -o "$TRASH/pseudo/share/locale/he/LC_MESSAGES/convene.mo" pseudo.po 2> stats &&
	cat stats &&
	! grep -q "untranslated\|fuzzy" stats &&
	test "$(grep -c "^msgid " pseudo.pot)" -gt 1
'

test_expect_success 'the pseudo-locale reaches the copied binary: help says the marker, English says none' '
	env LANG=he_IL.UTF-8 LANGUAGE=he "$PS" help > out &&
	head -n 1 out > first &&
	grep -q "^$MARK" first &&
	"$CONVENE" help > en &&
	! grep -qF "$MARK" en
'

# The commands and, for each family, its subcommands (as t0006 finds them).
"$CONVENE" help | sed -n "s/^  \([a-z][a-z-]*\) .*/\1/p" > "$TRASH/commands"
: > "$TRASH/forms"
for c in $(cat "$TRASH/commands"); do
	if "$CONVENE" help --options "$c" > /dev/null 2>&1; then
		echo "$c" >> "$TRASH/forms"
	else
		"$CONVENE" "$c" --help | awk '/^$/ { exit } $1 == "usage:" { print $4 } $1 == "convene" { print $3 }' |
			sort -u | sed "s/^/$c /" >> "$TRASH/forms"
	fi
done

# The fixture: an initiative in Hebrew with members (dana a reader with a
# key), interviews (one confidential), notes, a decision, an action, a
# host, a subgroup, a partner, an outcome with a measure, a principle,
# the vision set twice, synced with a hub (a bare repository by path).
test_expect_success 'the fixture initiative' '
	mkdir -p "$FX" && cd "$FX" &&
	init_lit && cd lit &&
	convene member add "דנה לוי" --id dana --can-host > /dev/null 2>&1 &&
	convene member add "יוסי כהן" --id yossi > /dev/null 2>&1 &&
	convene member add "רינה" --id rina > /dev/null 2>&1 &&
	git config convene.member dana &&
	git config convene.identity "$ID" &&
	convene key new > /dev/null 2>&1 && convene key publish > /dev/null 2>&1 &&
	convene key show > "$FX/recipient" &&
	convene readers add dana > /dev/null 2>&1 &&
	convene interview add yossi --date 2026-11-01 --answer motivation=ילדים > /dev/null 2>&1 &&
	convene interview add rina --date 2026-11-02 --confidential --answer motivation=סוד > /dev/null 2>&1 &&
	convene meeting edit 1 --date 2026-12-10 --start 18:00 --host dana > /dev/null 2>&1 &&
	convene attend 1 dana yossi > /dev/null 2>&1 &&
	convene note 1 opening "הערה ראשונה" > /dev/null 2>&1 &&
	convene decide 1 opening "החלטה" > /dev/null 2>&1 &&
	convene action 1 opening "משימה" --owner yossi --due 2026-12-20 > /dev/null 2>&1 &&
	convene subgroup add "גיוס" --id recruiting --lead dana > /dev/null 2>&1 &&
	convene member join yossi recruiting > /dev/null 2>&1 &&
	convene partner add "עיריית באר שבע" --kind municipality --id city > /dev/null 2>&1 &&
	convene principle add "שקיפות" > /dev/null 2>&1 &&
	convene outcome add "קריאה בכיתה א" --id reading > /dev/null 2>&1 &&
	convene outcome indicator reading "אחוז קוראים" --id share --baseline 30 --target 80 > /dev/null 2>&1 &&
	convene outcome measure reading share 40 --date 2026-11-15 > /dev/null 2>&1 &&
	convene set vision "כל ילד קורא." > /dev/null 2>&1 &&
	convene set vision "כל ילד קורא. כל משפחה שותפה." > /dev/null 2>&1 &&
	git init -q --bare "$FX/hub.git" &&
	convene remote add hub "$FX/hub.git" > /dev/null 2>&1 &&
	convene sync -q &&
	convene validate > /dev/null 2>&1 &&
	test -z "$(git status --porcelain)"
'

test_expect_success 'help, help COMMAND, COMMAND --help of every command and subcommand' '
	fixture && : > "$BAD" &&
	test "$(wc -l < "$TRASH/commands")" -gt 30 &&
	psl 0 help && psl 0 --help &&
	while read -r c sub; do
		psl 0 help $c &&
		psl 0 $c --help &&
		if [ -n "$sub" ]; then psl 0 help $c $sub && psl 0 $c $sub --help; fi || return 1
	done < "$TRASH/forms" &&
	none_bad
'

test_expect_success 'a bad option, for every command and subcommand: refused, said in the locale' '
	fixture && : > "$BAD" &&
	psl 2 --no-such-option && psl 2 nosuch && psl 2 -C && psl 2 -C /nonexistent status &&
	while read -r c sub; do
		psl 2 $c $sub --no-such-option || return 1
	done < "$TRASH/forms" &&
	none_bad
'

test_expect_success 'missing arguments, for every command and subcommand' '
	fixture && : > "$BAD" &&
	while read -r c sub; do
		rm -rf ../try && cp -a . ../try &&
		(cd ../try && case " agenda calendar minutes get show archive merge-file " in
			*" $c "*) pse - $c $sub ;;
			*) psl - $c $sub ;;
		esac) || return 1
	done < "$TRASH/forms" &&
	psl 2 meeting && psl 2 member && psl 2 note 1 && psl 2 note && psl 2 set vision &&
	none_bad
'

test_expect_success 'what does not exist: meeting, member, item, field, interview, outcome...' '
	fixture && : > "$BAD" &&
	psl 1 meeting show 42 && psl 2 meeting show 0 && psl 2 meeting show 999999999999 &&
	psl 1 member show nosuch && psl 1 note 1 nosuch "טקסט" && psl 1 note 42 opening "טקסט" &&
	psl 1 attend 1 nosuch && psl 1 decide 1 nosuch "טקסט" && psl 1 action 1 opening "טקסט" --owner nosuch &&
	psl 1 get nosuch && psl 1 get meetings/001.yaml:agenda[nosuch] && psl 2 set visoin "x" &&
	psl - history nosuch && psl 1 interview show nosuch && psl 1 interview add nosuch &&
	psl 1 outcome show nosuch && psl 1 outcome measure reading nosuch 3 &&
	psl 1 member join dana recruting && psl 1 subgroup add "חדשה" --lead nosuch &&
	psl 1 calendar --meeting 42 && psl 1 agenda 42 && psl 1 minutes 42 &&
	psl 1 readers add nosuch && psl 1 remote rm nosuch && psl 1 resolve vision --side 1 &&
	psl 1 show vision --at 1999-01-01 && psl - diff nosuchrev &&
	psl 2 member edit dana --age age1xyz && psl 1 member edit nosuch --age "$(cat "$FX/recipient")" && psl 1 meeting edit 42 --title "x" &&
	psl 1 meeting edit 1 --item nosuch --minutes 5 &&
	psl - interview seal nosuch &&
	none_bad
'

test_expect_success 'a value of the wrong form: dates, times, numbers, kinds, formats' '
	fixture && : > "$BAD" &&
	psl 2 meeting new --date 2026-02-30 && psl 2 meeting new --date tomorrow &&
	psl 2 meeting edit 1 --start 25:00 && psl 2 meeting edit 1 --duration -5 &&
	psl 2 meeting edit 1 --status bogus && psl 2 action 1 opening "x" --due 2026-13-01 &&
	psl 2 agenda 1 --format pdf && psl 2 minutes 1 --format docx &&
	psl 2 outcome measure reading share abc && psl 2 outcome measure reading share nan &&
	psl 2 outcome measure reading share 1e999 &&
	psl 2 partner add "שותף" --kind bogus && psl 2 member add "x" --role wizard &&
	psl 2 note 1 opening "x" --by dana --by yossi && psl 2 note 1 opening "x" --by "Not An Id" &&
	psl 2 log --since yesterday && psl 2 log -n many && psl 1 show vision --at "not a date" &&
	psl 2 minutes approve 2 --at-meeting 1 && psl 2 remote add "" "$FX/hub.git" &&
	psl 2 remote add far "" && psl 2 readers add "Not An Id" &&
	psl 2 set meetings/001.yaml:date 2026-02-30 && psl 2 set meetings/001.yaml:start 25:00 &&
	psl 2 member add "שם" --email "not an email" --joined 2026-02-30 &&
	none_bad
'

test_expect_success 'refused: a hook, a held lock, git busy; not an initiative; no git identity' '
	fixture && : > "$BAD" &&
	printf "#!/bin/sh\\nexit 3\\n" > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit &&
	psl 4 set vision "אחר" && psl 4 note 1 opening "הערה" &&
	rm .git/hooks/pre-commit &&
	{ flock -o .git/convene.lock sleep 30 & } && pid=$! &&
	sleep 0.3 &&
	psl 4 set vision "אחר" &&
	kill $pid &&
	touch .git/index.lock && psl 4 note 1 opening "הערה" && rm .git/index.lock &&
	mkdir ../empty && (cd ../empty && psl 2 status && psl 2 validate && psl 2 note 1 opening x) &&
	(cd ../empty && echo x > file && psl 2 init --name "שם" --lang he --template blank --site s .) &&
	psl 2 init --name "שם" --lang he --template blank --site s . &&
	psl 2 init ../new --name "שם" --lang xx --template blank --site s &&
	psl 2 init ../new --name "שם" --lang he --template nosuch --site s &&
	(HOME=/nonexistent && XDG_CONFIG_HOME=/nonexistent && export HOME XDG_CONFIG_HOME && psl 2 note 1 opening "הערה") &&
	mkdir -p ../report && echo x > ../report/file && psl 2 report ../report &&
	none_bad
'

test_expect_success 'a malformed YAML file and invalid fields: validate, status, commit, fmt' '
	fixture && : > "$BAD" &&
	printf "id: broken\\nname: [unclosed\\n" > members/broken.yaml &&
	psl 1 validate && psl - status && psl 1 commit -m "x" && psl - fmt --check && (EDITOR=true && export EDITOR && psl - edit members/broken.yaml) &&
	rm members/broken.yaml &&
	sed -i "s/^can_host: true/can_host: maybe/; s/^role: member/role: wizard/" members/dana.yaml &&
	sed -i "s/^date: .*/date: 2026-02-30/; s/^start: .*/start: 25:00/" meetings/001.yaml &&
	printf "attendees:\\n- nosuch\\n" >> meetings/002.yaml &&
	printf "bogus_key: 1\\n" >> initiative.yaml &&
	printf "number: 7\\n" > meetings/7.yaml &&
	psl 1 validate && psl - status && psl 1 commit -m "x" && psl - fmt --check &&
	psl - note 2 opening "הערה" && psl - sync &&
	git checkout -q . && git clean -qfd &&
	TOP="$PWD/../top" && export TOP &&
	cat > ../ed <<\EOF &&
#!/bin/sh
# the first time breaks the file; the second keeps what convene put on top
if [ -e "$TOP.once" ]; then grep "^#" "$1" > "$TOP"; else : > "$TOP.once"; printf "name: [x\n" >> "$1"; fi
EOF
	chmod +x ../ed &&
	(EDITOR="$PWD/../ed" && export EDITOR && psl 1 edit members/yossi.yaml) &&
	test -s "$TOP" &&
	awk -v cmd="convene edit: the errors on top of the file" -v mark="$MARK" -v data="$DATA" -f "$CHECK" "$TOP" >> "$BAD" &&
	none_bad
'

test_expect_success 'a conflict: sync records it, conflicts lists it, resolve settles it' '
	fixture && : > "$BAD" &&
	cp -a "$FX/hub.git" ../hub.git && git remote set-url hub "$(cd ../hub.git && pwd)" &&
	convene clone -q --site tlv ../hub.git ../b 2>/dev/null &&
	(cd ../b && convene set vision "חזון מתל אביב" > /dev/null 2>&1 && convene sync -q) &&
	convene set vision "חזון מבאר שבע" > /dev/null 2>&1 &&
	psl 0 sync && data_of > "$DATA" &&
	psl 0 conflicts && psl - status && psl 1 validate && pse - minutes 1 && pse - calendar &&
	psl - history vision && psl - diff HEAD~1 HEAD && pse - get vision &&
	psl 2 resolve vision && psl 2 resolve vision --side 9 && psl 2 resolve vision --side 1 --base &&
	psl 1 resolve nosuch --side 1 &&
	psl 0 resolve vision --side 1 && psl 0 conflicts &&
	printf "vision: base\\n" > ../base.yaml && printf "vision: ours\\n" > ../ours.yaml &&
	printf "vision: theirs\\n" > ../theirs.yaml &&
	pse 1 merge-file ../base.yaml ../ours.yaml ../theirs.yaml && pse 2 merge-file ../base.yaml &&
	pse ! merge-file ../nosuch.yaml ../ours.yaml ../theirs.yaml &&
	none_bad
'

test_expect_success 'remotes: unreachable, unknown; bundles' '
	fixture && : > "$BAD" &&
	psl 0 remote add far git://127.0.0.1:1/none.git && psl 3 sync far &&
	psl 0 remote add gone /nonexistent/hub.git && psl 3 sync gone &&
	psl 0 remote list && psl 2 remote add far /elsewhere &&
	psl - sync nosuchremote &&
	psl 0 set vision "חזון חדש" && psl 3 sync far &&
	: > ../empty.bundle && psl - sync ../empty.bundle && (cd .. && psl - clone empty.bundle c1) &&
	(cd .. && psl - clone /nonexistent/hub.git c2) && (cd .. && psl 3 clone git://127.0.0.1:1/none.git c3) &&
	psl 0 bundle create ../all.bundle && psl - bundle create ../some.bundle --for nowhere &&
	(cd .. && psl 0 clone --site eilat all.bundle c4) &&
	none_bad
'

test_expect_success 'confidential interviews: no identity, another identity, no key' '
	fixture && : > "$BAD" &&
	git config --unset convene.identity &&
	(XDG_CONFIG_HOME=/nonexistent && export XDG_CONFIG_HOME &&
	 pse 0 interview show rina-1 && psl 1 readers add yossi && psl - interview summary &&
	 psl - interview add yossi --id yossi-2 --confidential --answer motivation=x &&
	 pse - key show && psl - key publish && psl 0 interview list) &&
	mkdir -p ../other && git config convene.identity "$(cd ../other && pwd)/identity" &&
	pse 0 key new && psl 1 key new && pse - interview show rina-1 && psl 1 readers add yossi &&
	chmod 644 ../other/identity && pse 1 interview show rina-1 &&
	git config convene.identity "$ID" &&
	psl 1 readers add yossi && psl 1 readers rm dana && psl 1 readers rm yossi &&
	psl 2 member edit dana --age not-a-key &&
	(cd .. && convene init --name "בלי קוראים" --lang he --template blank --site s noreaders > /dev/null 2>&1) &&
	(cd ../noreaders && convene member add "אבי" --id avi > /dev/null 2>&1 &&
	 psl 2 interview add avi --by avi --confidential --answer motivation=x && psl 0 readers list) &&
	none_bad
'

test_expect_success 'what a user does: the messages of edits that work' '
	fixture && : > "$BAD" &&
	psl 0 member add "אבי" --id avi && psl 0 member leave avi --date 2026-12-01 &&
	psl 0 note 1 opening "עוד הערה" && psl 0 decide 1 why-here "עוד החלטה" &&
	psl 0 action 1 opening "עוד משימה" --owner dana --due 2026-12-30 &&
	psl 0 attend 1 rina && psl 0 meeting new --date 2027-01-05 --host dana &&
	psl 0 meeting edit 4 --date 2027-01-06 --start 17:00 && psl 0 meeting edit 4 --status cancelled &&
	psl 0 set vision "חזון" && psl 0 set --no-commit vision "חזון אחר" && psl 0 commit -m "חזון" &&
	psl 0 subgroup add "הורים" --id parents && psl 0 member join dana parents &&
	psl 0 member leave-subgroup dana parents && psl 0 partner add "בית ספר" --kind school --id school &&
	psl 0 principle add "הקשבה" && psl 0 outcome add "כתיבה" --id writing &&
	psl 0 outcome indicator writing "מספר" --id count && psl 0 outcome measure writing count 3 &&
	psl 0 interview add dana --by yossi --answer motivation=סיבה && psl 0 interview seal dana-1 &&
	psl 0 readers list &&
	printf "%s\\n" "תשובה" "" > ../answers && psin ../answers 0 interview add yossi --ask --id yossi-3 &&
	psl 0 minutes approve 1 --at-meeting 2 && psl 0 note 1 opening "אחרי האישור" &&
	psl 0 fmt && psl 0 validate && psl 0 sync && psl 0 sync -q &&
	psl 0 agenda 1 -o ../agenda.md && psl 0 minutes 1 --format html -o ../minutes.html &&
	psl 0 calendar -o ../cal.ics && psl 0 report ../site && psl 0 archive --at HEAD ../all.tar.gz &&
	(cd .. && psl 0 init --name "חדשה" --lang he --template blank --site s fresh && psl 0 clone --site eilat "$FX/hub.git" c5) &&
	none_bad
'

test_expect_success 'more of what a user meets: twice, already, refused, documents' '
	fixture && : > "$BAD" &&
	psl ! member add "דנה" --id dana && psl ! subgroup add "גיוס" --id recruiting &&
	psl ! partner add "עירייה" --kind school --id city && psl 2 principle add "" &&
	psl - attend 1 dana && psl 0 member leave rina && psl - member leave rina &&
	psl 2 meeting new --template nosuch && psl 1 meeting edit 1 --host nosuch &&
	psl ! meeting edit 1 --virtual "not a url" && psl 2 outcome measure reading share 5 --date 2026-02-30 &&
	psl - interview seal rina-1 && psl 0 minutes approve 1 --at-meeting 2 && psl 1 minutes approve 1 --at-meeting 3 &&
	psl ! minutes 1 --at 1999-01-01 && psl - bundle create ../b.bundle --for hub &&
	(EDITOR=true && export EDITOR && psl - edit interviews/rina-1.yaml && psl - set --edit vision) &&
	psl - log --author nobody && psl - log --meeting 3 && psl 2 help nosuch &&
	(cd .. && psl 0 -C lit status && psl 2 clone "$FX/hub.git" lit) &&
	(cd .. && psl 0 init --hooks --name "עם hooks" --lang he --template ucsd --site s hooked) &&
	git config --unset convene.member && psl ! actions --mine && psl - note 1 opening "הערה" &&
	pse 0 calendar --meeting 1 --invite && pse 0 agenda 1 --facilitator && pse 0 minutes 1 --format html &&
	pse 0 show vision --at HEAD~1 && pse 0 get vision &&
	none_bad
'

test_expect_success 'human listings: their headings and words' '
	fixture && : > "$BAD" &&
	printf "vision: שונה\\n" > ../v && sed -i "s/^vision: .*/vision: שינוי ביד/" initiative.yaml &&
	psl 0 diff && git checkout -q initiative.yaml &&
	psl 0 status && psl 0 meeting list && psl 0 meeting show 1 && psl 0 meeting show 2 &&
	psl 0 member list && heading 1 && psl 0 member list --all && heading 1 &&
	psl 0 actions && psl 0 actions --open && psl 0 actions --mine && psl 0 actions --overdue &&
	psl 0 hosts && psl 0 log && psl 0 log -n 2 --meeting 1 && psl 0 history vision &&
	psl 0 history meetings/001.yaml && psl 0 diff HEAD~3 HEAD && psl 0 diff HEAD~12 HEAD &&
	psl 0 conflicts && psl 0 readers list && psl 0 interview list && psl 0 interview summary &&
	pse 0 interview show yossi-1 && pse 0 interview show rina-1 &&
	psl 0 outcome list && pse 0 outcome show reading && psl 0 subgroup list && heading 1 &&
	psl 0 partner list && heading 1 && psl 0 principle list && psl 0 remote list &&
	psl 0 validate && psl 0 fmt --check && pse 0 key show &&
	none_bad
'

test_expect_success 'notes, item by item: its prompts, its commands, its errors' '
	fixture && : > "$BAD" &&
	printf "%s\\n" "הערה מהמפגש" /items /show /next "/go nosuch" "/go opening" /decide "/decide החלטה" \
		"/action משימה @yossi due:2026-12-31" "/action x @nosuch" "/action x due:2026-02-30" \
		"/attend rina" "/attend nosuch" /attend /bogus /help /prev /prev /quit > ../in &&
	psin ../in - notes 1 &&
	printf "x\\n" > ../in2 && psin ../in2 - notes 42 &&
	none_bad
'

test_expect_success '--json: the same bytes with and without the pseudo-locale' '
	fixture && : > "$BAD" &&
	for args in "status --json" "validate --json" "meeting list --json" "meeting show --json 1" \
		"member list --json" "member list --all --json" "actions --json" "hosts --json" \
		"log --json" "history --json vision" "diff --json HEAD~3 HEAD" "conflicts --json" \
		"readers list --json" "interview list --json" "interview summary --json" \
		"interview show --json yossi-1" "outcome list --json" "outcome show --json reading" \
		"subgroup list --json" "partner list --json" "remote list --json" "get --json vision" \
		"help --options note" "help --options meeting new" "member show dana"; do
		same $args || return 1
	done &&
	none_bad
'

test_done
