# For t0105 (the pseudo-locale): prints each line of the output read
# that carries words of the interface without the pseudo-translation's
# marker, as "  CMD: LINE" (CMD is the -v cmd=... given).
#
#   awk -v cmd="convene note 1" -v mark="⟦" -v data=FILE -f pseudo-check.awk OUT...
#
# A line with the marker came through gettext, but what stands before
# its first marker is checked as a line without it is (after the
# structure: "convene: error: ", "FILE:LINE:COL: error: ", a name in a
# column), so that an English piece before a message is found too.  A
# line without the marker is fine only when it holds nothing but data:
# what remains once these are taken out must have no word of two letters
# or more.
#   - every exact string of the file `data` (one a line: the values of the
#     initiative's YAML, its commit subjects, the git identity's name)
#     where it stands whole (not inside a longer word), and every word of
#     the file `data` that is a whole token;
#   - quoted spans ('...', "...", `...`), as messages quote data;
#   - a quoted command: "convene" and up to two command words after it;
#   - options (-x, --long[=VALUE]), paths and file names (a '/' or a '.'
#     between letters), URLs, commit ids (7 hex digits or more), @site,
#     a key (Ctrl-D);
#   - on a line of a usage or of an option (its first word "convene",
#     "[", "|", "..." or an option), the metavariables (words in
#     capitals: DATE, HH:MM, QUESTION=TEXT, DATE|REV) and the values
#     it offers (planned|held|cancelled);
#   (the subjects of the commits a command made are in `data` too: t0105
#   adds them; a subject is the history's, not the interface's).
# Blank lines are not checked.
BEGIN {
	n = 0
	if (data != "") {
		while ((getline s < data) > 0) {
			if (length(s) < 2)
				continue
			str[++n] = s
			if (s ~ /^[A-Za-z0-9_-]+$/)
				word[s] = 1
		}
		close(data)
	}
	# longest first, so that a string holding another goes whole
	for (i = 2; i <= n; i++) {
		s = str[i]
		for (j = i - 1; j >= 1 && length(str[j]) < length(s); j--)
			str[j + 1] = str[j]
		str[j + 1] = s
	}
}

# Takes out each string of `data` where it stands whole: not inside a
# longer word, a path, a file name or a usage's he|en, Q=TEXT.
function strip_exact(line,    i, p, q, s, out, rest, before, after) {
	for (i = 1; i <= n; i++) {
		s = str[i]
		out = ""
		rest = line
		while ((p = index(rest, s)) > 0) {
			before = p > 1 ? substr(rest, p - 1, 1) : (out == "" ? " " : substr(out, length(out), 1))
			after = substr(rest, p + length(s), 1)
			if (before !~ /[A-Za-z0-9_\/~|=-]/ && after !~ /[A-Za-z0-9_\/~|=-]/ &&
			    !(before == "." && substr(s, 1, 1) ~ /[A-Za-z0-9]/) &&
			    !(after == "." && substr(rest, p + length(s) + 1, 1) ~ /[A-Za-z0-9]/)) {
				out = out substr(rest, 1, p - 1) " "
			} else {
				out = out substr(rest, 1, p)
				q = p + 1
				rest = substr(rest, q)
				continue
			}
			rest = substr(rest, p + length(s))
		}
		line = out rest
	}
	return line
}

/^[[:space:]]*$/ { next }
{
	line = $0
	# a line with the marker: what comes before the first marked message
	# is the structure ("convene: error: ", file:line:col, an option, a
	# column of data) and must hold no words either: "unknown thing ⟦..."
	# is a sentence made of an English piece and a message
	if ((p = index(line, mark)) > 0) {
		line = substr(line, 1, p - 1)
		sub(/^[[:space:]]*convene: (error|hint|warning|note): /, "", line)
		# a name in a column (help's list of commands, templates)
		sub(/^[[:space:]]*[a-z][a-z0-9-]*[[:space:]]+$/, "", line)
		sub(/^[^[:space:]]*:[0-9]+:[0-9]+: (error|warning|hint): /, "", line)
		sub(/^[[:space:]]*convene: /, "", line)
	}
	usage = (line ~ /^[[:space:]]*(convene|\[|\||\.\.\.|-)/)
	while (match(line, /(^|[^A-Za-z0-9_-])convene/)) {
		rest = substr(line, RSTART + RLENGTH)
		sub(/^ +[a-z][a-z-]*/, "", rest)
		sub(/^ +[a-z][a-z-]*/, "", rest)
		line = substr(line, 1, RSTART) " " rest
	}
	line = strip_exact(line)
	gsub(/[^[:space:]]*\/[^[:space:]]*/, " ", line)
	gsub(/[^[:space:]]*[A-Za-z0-9]\.[A-Za-z0-9][^[:space:]]*/, " ", line)
	gsub(/'[^']*'/, " ", line)
	gsub(/"[^"]*"/, " ", line)
	gsub(/`[^`]*`/, " ", line)
	m = split(line, tok, /[[:space:]]+/)
	left = ""
	for (i = 1; i <= m; i++) {
		t = tok[i]
		if (t ~ /^[[(]*--?[A-Za-z]/)
			continue
		if (t ~ /[A-Za-z0-9_]\/[A-Za-z0-9_.]/ || t ~ /^\.?\/|\/$/ || t ~ /[A-Za-z0-9]\.[A-Za-z0-9]/)
			continue
		if (t ~ /^\[?[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+\]?[,:;)]*$/ || t ~ /^@/)
			continue
		w = t
		gsub(/^[^A-Za-z0-9_-]+|[^A-Za-z0-9_-]+$/, "", w)
		if (w in word)
			continue
		if (w ~ /^Ctrl-[A-Z]$/)
			continue
		if (usage && w ~ /^[A-Z][A-Z0-9_:|=.-]*$/)
			continue
		if (usage && w ~ /^[a-z][a-z0-9-]*(\|[a-z][a-z0-9-]*)+$/)
			continue
		left = left " " t
	}
	if (left ~ /[A-Za-z][A-Za-z]/)
		printf "  %s: %s\n", cmd, $0
}
