#!/bin/sh
# Other YAML readers read a confidential interview as convene says it is
# (t0026's readers.py: PyYAML, npm yaml 1.2 and 1.1): each !secret is a
# tagged text, {"!secret": "-----BEGIN AGE..."}, and a !conflict of two
# of them holds both.  Without a constructor for the tag, PyYAML's
# safe_load refuses the file rather than reading something else.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JS=$ROOT/build/js
TESTS=$ROOT/tests/cli

if ! [ -d "$JS/node_modules/yaml" ] || ! /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
	echo "not ok - the readers are missing: make test-deps installs them (npm yaml into build/js, python3-yaml)"
	test_failed=1
	test_done
	exit 1
fi

test_expect_success 'a sealed interview and a conflict of sealed values read alike everywhere' '
	init_lit && cd lit &&
	convene member add Dana --id dana 2>/dev/null && convene member add Rina --id rina 2>/dev/null &&
	git config convene.member dana &&
	convene key new >/dev/null 2>&1 && convene key publish >/dev/null 2>&1 &&
	convene readers add dana 2>/dev/null &&
	convene interview add rina --confidential --answer motivation="שלום: #1" \
		--answer strengths="$(printf "two\nlines")" --notes "true" 2>/dev/null &&
	cp interviews/rina-1.yaml ../base &&
	convene set interviews/rina-1.yaml:answers.motivation ours 2>/dev/null && cp interviews/rina-1.yaml ../ours &&
	cp ../base interviews/rina-1.yaml && git commit -qam back &&
	convene set interviews/rina-1.yaml:answers.motivation theirs 2>/dev/null &&
	cp ../ours ../o && test_expect_code 1 convene merge-file ../base ../o interviews/rina-1.yaml 2>/dev/null &&
	sed "s/rina-1/rina-2/" ../o > interviews/rina-2.yaml && test_grep "!conflict" interviews/rina-2.yaml &&
	{ /usr/bin/python3 "$TESTS/readers.py" "$CONVENE" "$JS" . > ../report ||
		{ cat ../report; exit 1; }; } &&
	test_grep "files, 0 mismatches" ../report &&
	! /usr/bin/python3 -c "import yaml, sys; yaml.safe_load(open(sys.argv[1]))" interviews/rina-1.yaml 2>/dev/null
'

test_done
