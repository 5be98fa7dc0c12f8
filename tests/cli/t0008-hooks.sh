#!/bin/sh
# Hooks (DESIGN 4a): pre-commit may refuse, post-commit runs after, both
# from .git/hooks or core.hooksPath; init --hooks installs the samples.
. "$(dirname "$0")/lib.sh"

test_expect_success 'a refusing pre-commit leaves work tree, index and history as they were' '
	init_lit && cd lit &&
	printf "#!/bin/sh\\necho no edits today >&2\\nexit 3\\n" > .git/hooks/pre-commit &&
	chmod +x .git/hooks/pre-commit &&
	cp initiative.yaml ../before && git ls-files -s > ../index-before &&
	test_expect_code 4 convene set vision "x" 2>../err &&
	test_grep "no edits today" ../err &&
	test_grep "the pre-commit hook refused the edit (exit 3)" ../err &&
	test_cmp ../before initiative.yaml &&
	git ls-files -s > ../index-after && test_cmp ../index-before ../index-after &&
	test -z "$(git status --porcelain)" &&
	test "$(git rev-list --count HEAD)" = 1 &&
	test ! -e .git/convene-next-index
'

test_expect_success 'pre-commit sees the edit in the work tree and in GIT_INDEX_FILE' '
	init_lit && cd lit &&
	cat > .git/hooks/pre-commit <<-\EOT &&
	#!/bin/sh
	grep -q "^vision: seen$" initiative.yaml || exit 1
	git diff --cached --name-only > ../cached
	pwd > ../where
	EOT
	chmod +x .git/hooks/pre-commit &&
	convene set vision seen 2>/dev/null &&
	echo initiative.yaml > ../want && test_cmp ../want ../cached &&
	pwd > ../want && test_cmp ../want ../where &&
	test "$(git rev-list --count HEAD)" = 2
'

test_expect_success 'post-commit runs after the commit; its exit does not matter' '
	init_lit && cd lit &&
	printf "#!/bin/sh\\ngit log -1 --format=%%s > ../after\\nexit 7\\n" > .git/hooks/post-commit &&
	chmod +x .git/hooks/post-commit &&
	convene set vision x 2>/dev/null &&
	echo "set vision" > ../want && test_cmp ../want ../after
'

test_expect_success 'core.hooksPath is respected; a hook that is not executable is not run' '
	init_lit && cd lit &&
	mkdir ../myhooks &&
	printf "#!/bin/sh\\nexit 1\\n" > ../myhooks/pre-commit && chmod +x ../myhooks/pre-commit &&
	git config core.hooksPath ../myhooks &&
	test_expect_code 4 convene set vision x 2>/dev/null &&
	chmod -x ../myhooks/pre-commit &&
	convene set vision x 2>/dev/null &&
	test "$(git rev-list --count HEAD)" = 2
'

test_expect_success 'hook output goes to stderr, never into a command'"'"'s data' '
	init_lit && cd lit &&
	printf "#!/bin/sh\\necho hook-says-hi\\n" > .git/hooks/pre-commit &&
	chmod +x .git/hooks/pre-commit &&
	convene set vision x > ../out 2> ../err &&
	test ! -s ../out && test_grep hook-says-hi ../err
'

test_expect_success 'init --hooks installs the samples; pre-commit refuses while any file is invalid' '
	convene init --hooks --name X --site s --lang en lit 2>/dev/null && cd lit &&
	test -x .git/hooks/pre-commit && test -x .git/hooks/post-sync &&
	! grep -q @CONVENE@ .git/hooks/pre-commit &&
	convene set vision "fine" 2>/dev/null &&
	mkdir members && printf "id: x\\nname: X\\nrole: boss\\n" > members/x.yaml &&
	test_expect_code 4 convene set vision "still fine" 2>../err &&
	test_grep "members/x.yaml:3:7: error" ../err &&
	test_grep "pre-commit hook refused" ../err &&
	test_grep "vision: fine" initiative.yaml &&
	test "$(git rev-list --count HEAD)" = 2
'

test_expect_success 'hooks from tracked files are never run' '
	init_lit && cd lit &&
	mkdir -p hooks && printf "#!/bin/sh\\ntouch ../ran\\nexit 1\\n" > hooks/pre-commit &&
	chmod +x hooks/pre-commit && git add hooks && git commit -qm "a hook in the tree" &&
	convene set vision x 2>/dev/null &&
	test ! -e ../ran
'

test_expect_success '--no-commit leaves the change staged, runs no hook' '
	init_lit && cd lit &&
	printf "#!/bin/sh\\nexit 1\\n" > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit &&
	convene set --no-commit vision staged 2>../err &&
	test_grep "staged, not committed" ../err &&
	git status --porcelain > ../st && echo "M  initiative.yaml" > ../want && test_cmp ../want ../st &&
	test "$(git rev-list --count HEAD)" = 1
'

test_done
