# Hand edits for t0024-converge.sh, done the way a person would in an
# editor, on a file in convene's canonical layout.  Reads the file on
# stdin, writes the edited file on stdout; what to do comes from the
# environment (ENVIRON, so no awk escape processing touches the text):
#   EDIT=scalar KEY=K VALUE=V    sets the top-level key K (replacing its
#                                old value, block or !conflict and all; added
#                                at the end when missing) to V: one line in
#                                double quotes, several (\037 between them)
#                                as a literal block; \036 is a tab
#   EDIT=note ITEM=I ID= SITE= AT= VALUE=
#                                appends a note to agenda item I
#   EDIT=flow KEY=K              rewrites the top-level list K of plain
#                                scalars (attendees) in flow style, [a, b]:
#                                the same data in another layout
# V as a double-quoted scalar: what YAML would read as a line break or
# take for a tab, escaped; the lines of V (\037) joined by \n
function dq(v) {
	gsub(/\\/, "&&", v)	# "&&": the backslash twice, in every awk
	gsub(/"/, "\\\"", v)
	gsub(/\t/, "\\t", v)
	gsub(/\r/, "\\r", v)
	gsub(/\037/, "\\n", v)
	gsub(/\302\205/, "\\N", v)
	gsub(/\342\200\250/, "\\L", v)
	gsub(/\342\200\251/, "\\P", v)
	return "\"" v "\""
}

# K: V at indent ind (a string of spaces): several lines as a literal
# block, unless a line holds what YAML would break it at
function put(ind, k, v,    n, l, i) {
	if (index(v, "\037") == 0 || v ~ /\r|\302\205|\342\200\250|\342\200\251/) {
		print ind k ": " dq(v)
		return
	}
	n = split(v, l, "\037")
	# the indentation indicator, since a line may start with spaces;
	# "-": the text has no final newline, as convene set gives none
	print ind k ": |2-"
	for (i = 1; i <= n; i++)
		print (l[i] == "" ? "" : ind "  " l[i])
}

BEGIN {
	edit = ENVIRON["EDIT"]
	key = ENVIRON["KEY"]
	value = ENVIRON["VALUE"]
	gsub(/\036/, "\t", value)
	item = ENVIRON["ITEM"]
	skipping = 0
	done = 0
	# note: 0 before the item, 1 in it, 2 in its notes list, 3 after
	state = 0
}

function note() {
	print "  - id: " ENVIRON["ID"]
	print "    site: " ENVIRON["SITE"]
	print "    at: " ENVIRON["AT"]
	put("    ", "text", value)
	done = 1
}

edit == "scalar" {
	if (skipping && /^( |$)/)
		next
	skipping = 0
	if (index($0, key ":") == 1 && !done) {
		put("", key, value)
		done = skipping = 1
		next
	}
	print
	next
}

edit == "flow" {
	if (state == 1 && /^- [a-z0-9-]+$/) {
		list = list (list == "" ? "" : ", ") substr($0, 3)
		next
	}
	if (state == 1) {
		print key ": [" list "]"
		state = 2
	}
	if (state == 0 && $0 == key ":") {
		state = 1
		next
	}
	print
	next
}

edit == "note" {
	if (state == 0 && $0 == "- id: " item) {
		state = 1
		print
		next
	}
	if (state == 1 && $0 == "  notes:") {
		state = 2
		print
		next
	}
	if (state == 2 && !/^(  - |    )/) {
		note()
		state = 3
	}
	if (state == 1 && /^[^ ]/) {
		print "  notes:"
		note()
		state = 3
	}
	print
	next
}

END {
	if (edit == "flow" && state == 1)
		print key ": [" list "]"
	if (edit == "flow" && (state == 0 || list == ""))
		exit 1
	if (edit == "scalar" && !done)
		put("", key, value)
	if (edit == "note" && !done) {
		if (state == 1)
			print "  notes:"
		if (state == 1 || state == 2)
			note()
		else
			exit 1
	}
}
