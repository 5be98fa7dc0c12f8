# The random steps of t0024-converge.sh: one line per step, fields
# separated by tabs, the lines of a multi-line text by \037, a tab in a
# text written \036.  Seeded, so
# a seed names a run:  awk -v seed=S -v steps=N -f converge-gen.awk
# (-v exclude=CHARS drops the words holding any of CHARS, -v skip=OP,OP
# those kinds of step, to tell one defect from another; the test itself
# uses every word and every step.)
#
# Lines (S, T: sites a b c; M: a meeting 1-3; ITEM: its agenda item;
# PICK: a number the test turns into one of what the site has; every
# TEXT of a note, decision, action, principle or measurement holds its
# own token T<step>x, so it can be found exactly once at the end):
#   note S M ITEM TEXT          decide S M ITEM TEXT
#   action S M ITEM OWNERPICK DUE TEXT    (OWNERPICK -1: no --owner)
#   attend S M PICK COUNT       principle S TEXT
#   vision S TEXT               vline S PICK TEXT   (one line of it changed)
#   madd S ID ROLE NAME         medit S PICK FIELD VALUE
#   measure S PICK VALUE DATE TEXT
#   hscalar S KEY VALUE         (initiative.yaml, by hand)
#   htitle S M VALUE            hsteps S M VALUE    (next_steps, by hand)
#   hnote S M ITEM ID AT TEXT   (a note added to the file by hand)
#   hflow S M                   (attendees rewritten by hand as [a, b])
#   (a hand edit's name ends in "+" when no convene commit follows: the
#   next command that commits, or the next sync, takes it)
#   sync S                      bundle S T
#   swap S T                    (bundles both ways, made before either is taken)
#   rebundle S PICK             (a bundle S took before, taken again)
BEGIN {
	srand(seed)
	nw = split("#| #|#3|see item #3|x #y|a # b|:|key: value|a:b|: |- |- item|'|\"|" \
		"it's|say \"hi\"|'single'|\\|back\\slash|\\n|C:\\dir|שלום|חזון|קריאה|" \
		"כל ילד קורא|🎉|👩‍🏫| lead|trail |  two  |yes|no|null|~|007|1e3|true|" \
		"&a|*b|!c|%d|@e|`f`|[g]|{h: i}|{|}|>|?|,|---|...|<b>|&amp;|é|plain|" \
		"words|here|notes|Every child|today|a\036b|\036|line\342\200\250sep|nel\302\205|" \
		"\357\273\277bom|nb\302\240sp|\342\200\217rlm", all, "|")
	# (no \r: typed text takes LF line ends, README; t0003 tests that)
	# "|" itself is a word too
	all[++nw] = "|"
	n = 0
	for (i = 1; i <= nw; i++) {
		keep = 1
		for (j = 1; j <= length(exclude); j++)
			if (index(all[i], substr(exclude, j, 1)))
				keep = 0
		if (keep)
			word[++n] = all[i]
	}
	nw = n
	items[1] = "opening why-here landscape framework vision-to-mission next-steps"
	items[2] = "opening principles common-agenda next-steps"
	items[3] = "opening review-agenda success-stories levers next-steps"
	nroles = split("facilitator backbone member funder partner observer", roles, " ")
	nsites = split("a b c", sites, " ")
	# op weights, out of their sum
	nops = split("note 18 decide 6 action 6 attend 6 principle 2 vision 3 vline 3 " \
		"madd 3 medit 4 measure 4 hscalar 3 htitle 2 hsteps 2 hnote 3 hflow 2 " \
		"sync 22 bundle 6 swap 3 rebundle 1", w, " ")
	total = 0
	for (i = 1; i < nops; i += 2) {
		op[++k] = w[i]
		if (index("," skip ",", "," w[i] ",") == 0)
			total += w[i + 1]
		upto[k] = total
	}
	for (s = 1; s <= steps; s++) {
		r = rand() * total
		for (i = 1; upto[i] <= r; i++)
			;
		# a hand edit is left for the next command to commit, now and then
		emit(s, op[i] (op[i] ~ /^h/ && rand() < 0.3 ? "+" : ""))
	}
}

function pick(n) { return int(rand() * n) + 1 }
function site() { return sites[pick(nsites)] }

# 0-4 words with the step's token among them, joined by spaces; now
# and then 12-20, a line longer than an emitter likes
function text(s,    n, at, i, t) {
	n = rand() < 0.05 ? 11 + pick(9) : pick(5) - 1
	at = pick(n + 1)
	t = ""
	for (i = 1; i <= n + 1; i++) {
		if (i > 1)
			t = t " "
		t = t (i == at ? "T" s "x" : word[pick(nw)])
	}
	return t
}

# a line of 1-3 words, no token; sometimes one word alone (yes, null...)
function line(    n, i, t) {
	if (rand() < 0.15)
		return word[pick(nw)]
	n = pick(3)
	t = word[pick(nw)]
	for (i = 2; i <= n; i++)
		t = t " " word[pick(nw)]
	return t
}

# 1-4 lines, an empty one now and then
function lines(    n, i, t) {
	n = pick(4)
	t = line()
	for (i = 2; i <= n; i++)
		t = t "\037" (rand() < 0.1 ? "" : line())
	return t
}

function date() { return sprintf("2026-%02d-%02d", pick(12), pick(28)) }

function meeting_item(    m, its, n) {
	m = pick(3)
	n = split(items[m], its, " ")
	return m "\t" its[pick(n)]
}

function emit(s, o0,    o, a, b, f, v, keys) {
	a = site()
	o = o0
	sub(/\+$/, "", o)
	if (o == "note" || o == "decide")
		print o0 "\t" a "\t" meeting_item() "\t" text(s)
	else if (o == "action")
		print o0 "\t" a "\t" meeting_item() "\t" (rand() < 0.3 ? -1 : pick(1000)) "\t" \
			(rand() < 0.3 ? "-" : date()) "\t" text(s)
	else if (o == "attend")
		print o0 "\t" a "\t" pick(3) "\t" pick(1000) "\t" pick(3)
	else if (o == "principle")
		print o0 "\t" a "\t" text(s)
	else if (o == "vision")
		print o0 "\t" a "\t" (rand() < 0.3 ? line() : lines())
	else if (o == "vline")
		print o0 "\t" a "\t" pick(1000) "\t" line()
	else if (o == "madd")	# guestN: the same id added at two sites at once
		print o0 "\t" a "\t" (rand() < 0.3 ? "guest" pick(3) : "m" s "-" a) "\t" \
			roles[pick(nroles)] "\t" line()
	else if (o == "medit") {
		f = pick(4)
		if (f == 1)
			print o0 "\t" a "\t" pick(1000) "\torganization\t" line()
		else if (f == 2)
			print o0 "\t" a "\t" pick(1000) "\tphone\t" \
				(rand() < 0.5 ? "007" : sprintf("+972-5%d-%07d", pick(9), pick(9999999)))
		else if (f == 3)
			print o0 "\t" a "\t" pick(1000) "\trole\t" roles[pick(nroles)]
		else
			print o0 "\t" a "\t" pick(1000) "\taddress\t" lines()
	} else if (o == "measure") {
		v = rand() < 0.5 ? pick(200) - 50 : sprintf("%.2f", rand() * 100)
		print o0 "\t" a "\t" pick(1000) "\t" v "\t" date() "\t" text(s)
	} else if (o == "hscalar") {
		split("mission problem elevator_pitch landscape", keys, " ")
		print o0 "\t" a "\t" keys[pick(4)] "\t" (rand() < 0.5 ? line() : lines())
	} else if (o == "htitle")
		print o0 "\t" a "\t" pick(3) "\t" line()
	else if (o == "hflow")
		print o0 "\t" a "\t" pick(3)
	else if (o == "hsteps")
		print o0 "\t" a "\t" pick(3) "\t" lines()
	else if (o == "hnote")
		print o0 "\t" a "\t" meeting_item() "\t" sprintf("h%07d", s) "\t" \
			sprintf("%sT%02d:%02d:%02d+02:00", date(), pick(24) - 1, pick(60) - 1, pick(60) - 1) \
			"\t" text(s)
	else if (o == "sync")
		print o0 "\t" a
	else if (o == "rebundle")
		print o0 "\t" a "\t" pick(1000)
	else if (o == "bundle" || o == "swap") {
		do b = site(); while (b == a)
		print o0 "\t" a "\t" b
	}
}
