# Real servers on 127.0.0.1 for the sync tests (sourced after lib.sh):
# `git daemon` and `git http-backend` behind lighttpd, each on a free port
# picked at random (another is tried when it is taken), serving the bare
# repositories in $SRV.  The test's EXIT trap stops them.
SRV="$TRASH/srv"
mkdir -p "$SRV"
DAEMON_PID=
HTTP_PID=
trap 'stop_servers; rm -rf "$TRASH"' EXIT

stop_servers() {
	[ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null
	[ -n "$HTTP_PID" ] && kill "$HTTP_PID" 2>/dev/null
	[ -n "$DAEMON_PID" ] && wait "$DAEMON_PID" 2>/dev/null
	[ -n "$HTTP_PID" ] && wait "$HTTP_PID" 2>/dev/null
	DAEMON_PID= HTTP_PID=
}

random_port() {
	echo $(( $(od -An -N2 -tu2 /dev/urandom) % 30000 + 20000 ))
}

# A bare repository to serve, pushable over HTTP too.
new_bare() {
	git init -q --bare "$SRV/$1.git" &&
	git -C "$SRV/$1.git" config http.receivepack true
}

# Waits until url answers while pid lives; fails if pid dies.
wait_ready() {
	i=0
	while [ $i -lt 300 ]; do
		kill -0 "$2" 2>/dev/null || return 1
		git ls-remote "$1" >/dev/null 2>&1 && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

start_daemon() {
	new_bare ready 2>/dev/null
	for try in 1 2 3 4 5 6 7 8 9 10; do
		port=$(random_port)
		git daemon --reuseaddr --listen=127.0.0.1 --port="$port" --base-path="$SRV" \
			--export-all --enable=receive-pack "$SRV" >> "$TRASH/daemon.log" 2>&1 &
		DAEMON_PID=$!
		if wait_ready "git://127.0.0.1:$port/ready.git" "$DAEMON_PID"; then
			DAEMON_URL="git://127.0.0.1:$port"
			return 0
		fi
		kill "$DAEMON_PID" 2>/dev/null
		DAEMON_PID=
	done
	echo "cannot start git daemon: $TRASH/daemon.log" >&2
	return 1
}

# start_http [SCHEME [EXTRA_CONFIG [USERINFO]]]: lighttpd serving $SRV under
# /git; EXTRA_CONFIG is added to its configuration (TLS, a login), USERINFO
# ("user:password@") lets the readiness probe through a login.
start_http() {
	scheme=${1:-http}
	new_bare ready 2>/dev/null
	backend=$(git --exec-path)/git-http-backend
	for try in 1 2 3 4 5 6 7 8 9 10; do
		port=$(random_port)
		cat > "$TRASH/lighttpd.conf" <<-CONF
		server.modules = ("mod_auth", "mod_authn_file", "mod_alias", "mod_setenv", "mod_cgi")
		server.document-root = "$SRV"
		server.bind = "127.0.0.1"
		server.port = $port
		server.errorlog = "$TRASH/lighttpd.log"
		alias.url = ("/git" => "$backend")
		\$HTTP["url"] =~ "^/git" {
		  cgi.assign = ("" => "")
		  setenv.add-environment = ("GIT_PROJECT_ROOT" => "$SRV", "GIT_HTTP_EXPORT_ALL" => "")
		}
		${2:-}
		CONF
		lighttpd -D -f "$TRASH/lighttpd.conf" >> "$TRASH/lighttpd.out" 2>&1 &
		HTTP_PID=$!
		if GIT_SSL_NO_VERIFY=1 wait_ready "$scheme://${3:-}127.0.0.1:$port/git/ready.git" "$HTTP_PID"; then
			HTTP_URL="$scheme://127.0.0.1:$port/git"
			return 0
		fi
		kill "$HTTP_PID" 2>/dev/null
		HTTP_PID=
	done
	echo "cannot start lighttpd: $TRASH/lighttpd.log $TRASH/lighttpd.out" >&2
	return 1
}

# Three sites of one initiative: a (haifa) starts it and pushes it to
# url; b (beersheva) and c (tlv) clone it.
three_sites() {
	convene init --template ucsd --lang he --name "קריאה מוקדמת בנגב" --site haifa a 2>/dev/null &&
	(cd a && convene remote add hub "$1" 2>/dev/null && convene sync -q) &&
	convene clone -q --site beersheva "$1" b 2>/dev/null &&
	convene clone -q --site tlv "$1" c 2>/dev/null
}

# Every site and a plain `git clone` of the remote hold the same files,
# and git fsck finds nothing wrong anywhere.
converged() {
	rm -rf plain && git clone -q "$1" plain &&
	for site in a b c; do
		git -C $site fsck --no-progress --no-dangling 2>&1 | { ! grep -v "^notice\|^Checking"; } &&
		diff -r -x .git plain $site || return 1
	done
	git -C plain fsck --no-progress --no-dangling 2>&1 | { ! grep -v "^notice\|^Checking"; }
}
