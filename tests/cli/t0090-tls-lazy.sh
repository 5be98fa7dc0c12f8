#!/bin/sh
# The system's CA certificates are read by a connection that needs them,
# not by every command: libgit2's start (Debian's build, mbedTLS) would
# parse the whole bundle, and has no option to skip it (store/tls.c).
# Seen in the system calls: a command with no network never opens the
# bundle; a sync over HTTPS with no http.sslCAInfo opens it before it
# connects, and still refuses a certificate nobody vouched for.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

command -v strace >/dev/null || { echo "strace missing: make test-deps installs it"; exit 1; }
bundle=/etc/ssl/certs/ca-certificates.crt
[ -f "$bundle" ] || { echo "no $bundle: ca-certificates is a dependency of libgit2" >&2; exit 1; }

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
	-addext subjectAltName=DNS:localhost -keyout "$TRASH/key.pem" -out "$TRASH/cert.pem" \
	>/dev/null 2>&1 || { echo "openssl cannot make a certificate" >&2; exit 1; }
cat "$TRASH/cert.pem" "$TRASH/key.pem" > "$TRASH/server.pem"
start_http https "
server.modules += (\"mod_openssl\")
ssl.engine = \"enable\"
ssl.pemfile = \"$TRASH/server.pem\"
" "" || exit 1
HTTP_URL=$(echo "$HTTP_URL" | sed "s|//127.0.0.1:|//localhost:|")

# (under make check, strace runs convene with leak detection off)
traced() {  # runs "$@" under strace, its exit code kept
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=open,openat,openat2 -o ../trace "$@"
}
opened() {  # the files the last traced command opened, one a line
	sed -n "s/^[0-9]* *open[a-z0-9]*([^\"]*\"\([^\"]*\)\".*/\1/p" ../trace
}

test_expect_success 'a command with no network never reads the CA bundle' '
	init_lit && cd lit &&
	traced convene minutes 1 >/dev/null 2>&1 && opened >../opened &&
	test_grep "meetings/001.yaml" ../opened &&
	! grep -x "$bundle" ../opened &&
	traced convene validate >/dev/null 2>&1 && opened >../opened &&
	! grep -x "$bundle" ../opened
'

test_expect_success 'a sync over HTTPS reads it, and still refuses a certificate nobody vouched for' '
	new_bare tls && init_lit && cd lit &&
	convene remote add hub "$HTTP_URL/tls.git" 2>/dev/null &&
	test_expect_code 3 traced convene sync 2>../err && opened >../opened &&
	grep -x "$bundle" ../opened &&
	test_grep "TLS certificate of $HTTP_URL/tls.git is not trusted" ../err &&
	test_grep "git config http.sslCAInfo" ../err
'

test_expect_success 'with http.sslCAInfo, only that file is trusted: sync works' '
	new_bare hub && init_lit && cd lit &&
	git config http.sslCAInfo "$TRASH/cert.pem" &&
	convene remote add hub "$HTTP_URL/hub.git" 2>/dev/null &&
	convene note 1 opening "over HTTPS" 2>/dev/null &&
	traced convene sync -q && opened >../opened &&
	grep -x "$TRASH/cert.pem" ../opened &&
	! grep -x "$bundle" ../opened &&
	git --git-dir="$SRV/hub.git" show main:meetings/001.yaml >../pushed &&
	test_grep "over HTTPS" ../pushed
'

test_done
