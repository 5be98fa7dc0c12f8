# The initiatives of the report's tests (t0040-t0044): the output tests'
# initiative (agenda-data.sh) and then, committed at fixed times by a
# fixed identity, what the report shows beyond the minutes: a member
# whose name is markup, interviews (one confidential), an outcome with
# indicators, the vision changed at a meeting, changed at two sites at
# once (a recorded conflict, a fork) and settled.
# make_report_initiative he|en DIR
#
# The confidential interview is sealed for dana with the test-only identity
# report-data/identity (x-1.LANG.yaml were written by convene interview add
# --confidential: sealing is random, and the goldens need fixed bytes).
# That identity is the user's, so the report runs as a reader: it must
# still show no confidential answer.
. "$(dirname "$0")/agenda-data.sh"
REPORT_DATA="$(cd "$(dirname "$0")" && pwd)/report-data"
REPORT_KEY=age1efhzf5p02szuju6tqt74m37hvq8fce4mpknqfrcq2lxyfc2z6fhq758fz3
mkdir -p "$XDG_CONFIG_HOME/convene" &&
cp "$REPORT_DATA/identity" "$XDG_CONFIG_HOME/convene/identity" &&
chmod 600 "$XDG_CONFIG_HOME/convene/identity"

# git commit at a fixed time, as convene commit does with CONVENE_NOW
fixed_git() {
	when=$1 &&
	shift &&
	GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" git "$@"
}

make_report_initiative() {
	lang=$1 dir=$2
	make_initiative "$lang" "$dir" &&
	if [ "$lang" = he ]; then
		v2='כל ילד בנגב קורא עד כיתה ג׳, וכל הורה שותף.'
		va='כל ילד בנגב קורא בהנאה עד כיתה ג׳, וכל הורה שותף.'
		vb='כל ילד ובת בנגב קוראים עד כיתה ג׳, וכל הורה שותף.'
		q1=tikvot q2=chashashot a1='שכל הילדים יקראו' a2='תקציב'
		problem='ילדים רבים בנגב אינם קוראים ברמת כיתתם.' mission='מחברים בתי ספר, הורים ועמותות סביב הקריאה.'
		pitch='כל ילד קורא: יחד זה אפשרי.' p1='הקשבה לקהילה' p2='<i>שקיפות</i> בנתונים' l1='הכשרת מורים' s1='הורים'
		title='ילדים קוראים' ind1='קוראים ברמת כיתה' ind2='נשירה מתוכניות' unit='%'
	else
		v2='Every child in Ohio reads by grade 3, with every parent on board.'
		va='Every child in Ohio reads with joy by grade 3, with every parent on board.'
		vb='Every child in Ohio reads by grade 3, with every parent and teacher on board.'
		q1=hopes q2=worries a1='That every child reads' a2='Funding'
		problem='Too many children in Ohio do not read at grade level.' mission='We join schools, parents and nonprofits around reading.'
		pitch='Every child reads: together it can be done.' p1='Listen to the community' p2='<i>Open</i> data' l1='Teacher training' s1='Parents'
		title='Children read' ind1='Reading at grade level' ind2='Drop-outs from programmes' unit='%'
	fi &&
	(cd "$dir" &&
	 printf 'id: x\nname: <img src=x onerror=alert(1)>\norganization: <b>Org</b>\nrole: funder\n' > members/x.yaml &&
	 mkdir -p interviews outcomes &&
	 printf "problem: '%s'\nmission: '%s'\nelevator_pitch: '%s'\nprinciples:\n- id: listen\n  text: '%s'\n- id: open-data\n  text: '%s'\nlevers:\n- id: training\n  text: '%s'\nsubgroups:\n- id: parents\n  name: '%s'\n" \
		"$problem" "$mission" "$pitch" "$p1" "$p2" "$l1" "$s1" >> initiative.yaml &&
	 printf 'id: dana-1\nmember: dana\ninterviewer: tal\ndate: 2026-01-20\nstatus: done\nanswers:\n  %s: %s\n  %s: %s\n' \
		"$q1" "$a1" "$q2" "$a2" > interviews/dana-1.yaml &&
	 cp "$REPORT_DATA/x-1.$lang.yaml" interviews/x-1.yaml &&
	 printf 'age: %s\n' "$REPORT_KEY" >> members/dana.yaml &&
	 printf 'readers:\n- dana\n' >> initiative.yaml &&
	 cat > outcomes/reading.yaml <<-YAML &&
	id: reading
	title: $title
	status: active
	indicators:
	- id: grade-level
	  name: $ind1
	  unit: '$unit'
	  baseline: 40
	  target: 80
	  target_date: 2027-06-30
	  measurements:
	  - id: m1
	    date: 2026-01-15
	    value: 40
	  - id: m2
	    date: 2026-02-01
	    value: 44.5
	  - id: m3
	    date: 2026-06-01
	    value: 52
	- id: drop-outs
	  name: $ind2
	  baseline: 1200
	  target: 800
	  measurements:
	  - id: d1
	    date: 2026-02-01
	    value: 1150
	- id: volunteers
	  name: <script>alert(1)</script>
	YAML
	 sed -i 's/^  actions:$/  actions:\n  - id: 7a8b9c0d\n    text: Ask <the> funders\n    owner: x\n    due: 2026-02-08/' meetings/001.yaml &&
	 CONVENE_NOW=2026-02-06T09:00:00+02:00 convene commit -m "interviews, an outcome, a member" > /dev/null 2>&1 &&
	 CONVENE_NOW=2026-02-07T10:00:00+02:00 convene set vision "$v2" > /dev/null 2>&1 &&
	 fixed_git "2026-02-07T10:00:00+02:00" commit -q --amend --date=2026-02-07T10:00:00+02:00 -m "meeting 001: the vision, as the group put it" \
		-m "Convene-Site: beersheva" &&
	 git checkout -q -b haifa &&
	 sed -i "s|^vision: .*|vision: $vb|" initiative.yaml &&
	 fixed_git "2026-02-08T10:00:00+02:00" commit -q -am "vision: and teachers" -m "Convene-Site: haifa" &&
	 git checkout -q - &&
	 sed -i "s|^vision: .*|vision: $va|" initiative.yaml &&
	 fixed_git "2026-02-08T11:00:00+02:00" commit -q -am "vision: with joy" -m "Convene-Site: beersheva" &&
	 base=$(git rev-parse HEAD) &&
	 grep -v '^vision:' initiative.yaml > .git/head.yaml &&
	 { fixed_git "2026-02-09T10:00:00+02:00" merge -q --no-edit haifa > /dev/null 2>&1 || :; } &&
	 cp .git/head.yaml initiative.yaml &&
	 cat >> initiative.yaml <<-YAML &&
	vision: !conflict
	  base: $v2
	  sides:
	  - from: T <t@example.org> haifa 2026-02-08
	    value: $vb
	  - from: T <t@example.org> beersheva 2026-02-08
	    value: $va
	YAML
	 git add initiative.yaml &&
	 fixed_git "2026-02-09T10:00:00+02:00" commit -q -m "sync: merge haifa" -m "Convene-Site: beersheva" &&
	 test "$(git rev-parse HEAD^1)" = "$base" &&
	 CONVENE_NOW=2026-02-10T18:00:00+02:00 convene resolve vision --side 2 > /dev/null 2>&1)
}
