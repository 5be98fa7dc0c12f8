#!/bin/sh
# sync over HTTPS with a login: the server's certificate is verified (a
# self-signed one is refused, naming the host and the fix, until
# http.sslCAInfo trusts it); the user and token come from git's
# credential helper; progress shows on a terminal only.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

# (libgit2's mbedTLS matches names, not IP addresses: the server is
# "localhost", served on 127.0.0.1)
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
	-addext subjectAltName=DNS:localhost -keyout "$TRASH/key.pem" -out "$TRASH/cert.pem" \
	>/dev/null 2>&1 || { echo "openssl cannot make a certificate" >&2; exit 1; }
cat "$TRASH/cert.pem" "$TRASH/key.pem" > "$TRASH/server.pem"
printf "facilitator:s3cret-token\nreader:read-only\n" > "$TRASH/users"
start_http https "
server.modules += (\"mod_openssl\")
ssl.engine = \"enable\"
ssl.pemfile = \"$TRASH/server.pem\"
auth.backend = \"plain\"
auth.backend.plain.userfile = \"$TRASH/users\"
auth.require = (\"/git\" => (\"method\" => \"basic\", \"realm\" => \"hub\", \"require\" => \"valid-user\"))
\$HTTP[\"querystring\"] =~ \"service=git-receive-pack\" {
  auth.require = (\"/git\" => (\"method\" => \"basic\", \"realm\" => \"hub\", \"require\" => \"user=facilitator\"))
}
\$HTTP[\"url\"] =~ \"/git-receive-pack\$\" {
  auth.require = (\"/git\" => (\"method\" => \"basic\", \"realm\" => \"hub\", \"require\" => \"user=facilitator\"))
}
" "facilitator:s3cret-token@" || exit 1
HTTP_URL=$(echo "$HTTP_URL" | sed "s|//127.0.0.1:|//localhost:|")

trust() {
	git config --global http.sslCAInfo "$TRASH/cert.pem"
}
login() {
	git config --global credential.helper store &&
	echo "https://facilitator:s3cret-token@localhost:${HTTP_URL##*:}" | sed "s|/git$||" > "$HOME/.git-credentials"
}

test_expect_success 'a certificate nobody vouched for is refused: the host and the fix' '
	new_bare tls && init_lit && cd lit &&
	convene remote add hub "$HTTP_URL/tls.git" 2>/dev/null &&
	test_expect_code 3 convene sync 2>../err &&
	test_grep "TLS certificate of $HTTP_URL/tls.git is not trusted" ../err &&
	test_grep "git config http.sslCAInfo" ../err &&
	test_grep "1 commit waits to be pushed to hub" ../err
'

test_expect_success 'no credentials: the login is refused (exit 4), nothing lost' '
	new_bare nologin && init_lit && cd lit && trust &&
	convene remote add hub "$HTTP_URL/nologin.git" 2>/dev/null &&
	test_expect_code 4 convene sync 2>../err &&
	test_grep "refused the login" ../err && test_grep "credential.helper" ../err
'

test_expect_success 'trusted CA and the credential helper: sync and clone work' '
	new_bare hub && trust && login &&
	convene init --template ucsd --lang he --name "קריאה" --site haifa a 2>/dev/null &&
	(cd a && convene remote add hub "$HTTP_URL/hub.git" 2>/dev/null &&
	 convene note 1 opening "מעל HTTPS" 2>/dev/null && convene sync -q) &&
	convene clone -q --site beersheva "$HTTP_URL/hub.git" b &&
	test_grep "מעל HTTPS" b/meetings/001.yaml &&
	(cd b && convene note 1 opening "back" 2>/dev/null && convene sync -q) &&
	(cd a && convene sync -q) && cmp a/meetings/001.yaml b/meetings/001.yaml &&
	GIT_SSL_NO_VERIFY=1 git clone -q "https://facilitator:s3cret-token@localhost:${HTTP_URL##*:}/hub.git" plain &&
	diff -r -x .git plain a
'

test_expect_success 'a token in the URL is never printed: errors, clone, status' '
	new_bare tok && trust && init_lit && cd lit &&
	convene remote add hub "https://facilitator:s3cret-token@localhost:${HTTP_URL##*:}/missing.git" 2>/dev/null &&
	test_expect_code 3 convene sync 2>../err &&
	! grep -q s3cret ../err && test_grep "https://localhost:" ../err &&
	convene status --json > ../st && convene status > ../st2 && ! grep -q s3cret ../st ../st2 &&
	cd .. && test_expect_code 1 convene clone "https://facilitator:s3cret-token@localhost:${HTTP_URL##*:}/tok.git" tok 2>err3 &&
	! grep -q s3cret err3 && test_grep "Cloned https://localhost:" err3
'

test_expect_success 'a login that may read but not write: the push is refused (exit 4), not offline' '
	new_bare ro && trust && login &&
	convene init --template ucsd --lang he --name "קריאה" --site haifa a 2>/dev/null &&
	(cd a && convene remote add hub "$HTTP_URL/ro.git" 2>/dev/null && convene sync -q) &&
	echo "https://reader:read-only@localhost:${HTTP_URL##*:}" | sed "s|/git$||" > "$HOME/.git-credentials" &&
	convene clone -q "$HTTP_URL/ro.git" b 2>/dev/null &&
	(cd b && convene note 1 opening "cannot go up" 2>/dev/null && test_expect_code 4 convene sync 2>../err) &&
	test_grep "refused" err && ! grep -q "cannot reach" err
'

test_expect_success 'progress on a terminal, none in a pipe or with --quiet' '
	new_bare progress && trust && login &&
	convene init --template ucsd --lang he --name "קריאה" --site haifa a 2>/dev/null &&
	(cd a && convene remote add hub "$HTTP_URL/progress.git" 2>/dev/null && convene sync -q) &&
	convene clone -q "$HTTP_URL/progress.git" b 2>/dev/null &&
	(cd a && convene note 1 opening "x" 2>/dev/null && convene sync 2>../err.pipe) &&
	! grep -q "objects:" err.pipe &&
	(cd b && script -qec "convene sync" /dev/null > ../tty.out) &&
	test_grep "receiving objects: 100%" tty.out &&
	(cd a && convene note 1 opening "y" 2>/dev/null) &&
	(cd a && script -qec "convene sync --quiet" /dev/null > ../quiet.out) &&
	! grep -q "objects:" quiet.out
'

test_done
