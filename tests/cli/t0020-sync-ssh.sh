#!/bin/sh
# sync over ssh://, against a real sshd on 127.0.0.1 (a free port, its own
# host key), the key from ssh-agent; the server's host key is checked
# against known_hosts, as ssh does.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

# Under make check: libgit2's own leak over ssh (tests/lsan.supp) is
# recognised only from a full stack, which Debian's libgit2 (no frame
# pointers) gives only to the slow unwinder.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
export ASAN_OPTIONS

SSHD=/usr/sbin/sshd
[ -x "$SSHD" ] || { echo "no $SSHD: apt-get install -y openssh-server" >&2; exit 1; }
S="$TRASH/ssh"
mkdir -p "$S" && chmod 700 "$S"
ssh-keygen -q -t ed25519 -N "" -C host -f "$S/host_key" &&
ssh-keygen -q -t ed25519 -N "" -C other -f "$S/other_key" &&
ssh-keygen -q -t ed25519 -N "" -C facilitator -f "$S/user_key" &&
cp "$S/user_key.pub" "$S/authorized_keys" && chmod 600 "$S/authorized_keys" || exit 1
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
SSHD_PID= AGENT_PID=
trap 'stop_servers; [ -n "$SSHD_PID" ] && kill $SSHD_PID; [ -n "$AGENT_PID" ] && kill $AGENT_PID; rm -rf "$TRASH"' EXIT
for try in 1 2 3 4 5 6 7 8 9 10; do
	PORT=$(random_port)
	cat > "$S/sshd_config" <<-CONF
	Port $PORT
	ListenAddress 127.0.0.1
	HostKey $S/host_key
	AuthorizedKeysFile $S/authorized_keys
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	UsePAM no
	StrictModes no
	PidFile $S/sshd.pid
	CONF
	"$SSHD" -D -e -f "$S/sshd_config" 2>> "$S/sshd.log" &
	SSHD_PID=$!
	i=0
	while [ $i -lt 100 ] && kill -0 $SSHD_PID 2>/dev/null &&
	      ! ssh-keyscan -p $PORT 127.0.0.1 >/dev/null 2>&1; do
		sleep 0.1; i=$((i + 1))
	done
	kill -0 $SSHD_PID 2>/dev/null && break
	SSHD_PID=
done
[ -n "$SSHD_PID" ] || { echo "cannot start sshd: $S/sshd.log" >&2; exit 1; }
eval "$(ssh-agent -s)" >/dev/null && AGENT_PID=$SSH_AGENT_PID && ssh-add -q "$S/user_key" 2>/dev/null || exit 1
BASE="ssh://$(id -un)@127.0.0.1:$PORT$SRV"
# ssh itself takes known_hosts from the home in /etc/passwd, not $HOME
GIT_SSH_COMMAND="ssh -o BatchMode=yes -o UserKnownHostsFile=$HOME/.ssh/known_hosts"
export GIT_SSH_COMMAND

# known_hosts as ssh -o HashKnownHosts=yes writes it (Debian's default)
known_host() {
	mkdir -p "$HOME/.ssh" &&
	echo "[127.0.0.1]:$PORT $(cut -d" " -f1,2 "$S/$1.pub")" > "$HOME/.ssh/known_hosts" &&
	ssh-keygen -q -H -f "$HOME/.ssh/known_hosts" >/dev/null 2>&1 && rm -f "$HOME/.ssh/known_hosts.old"
}

test_expect_success 'an SSH server that known_hosts does not know is refused, with the fix' '
	new_bare unknown && init_lit && cd lit &&
	convene remote add hub "$BASE/unknown.git" 2>/dev/null &&
	test_expect_code 4 convene sync 2>../err &&
	test_grep "the SSH server [127.0.0.1]:$PORT is not in known_hosts" ../err &&
	test_grep "ssh-keyscan" ../err &&
	test -z "$(git -C "$SRV/unknown.git" rev-list --all)"
'

test_expect_success 'an SSH host key that is not the known one is refused' '
	new_bare other && init_lit && cd lit && known_host other_key &&
	convene remote add hub "$BASE/other.git" 2>/dev/null &&
	test_expect_code 4 convene sync 2>../err &&
	test_grep "is NOT the one known_hosts has" ../err &&
	test -z "$(git -C "$SRV/other.git" rev-list --all)"
'

test_expect_success 'no key in ssh-agent: the login is refused' '
	new_bare nokey && init_lit && cd lit && known_host host_key &&
	convene remote add hub "$BASE/nokey.git" 2>/dev/null &&
	(SSH_AUTH_SOCK=/nonexistent && export SSH_AUTH_SOCK && test_expect_code 4 convene sync 2>../err) &&
	test_grep "refused the login" ../err && test_grep "ssh-add" ../err
'

test_expect_success 'an old key line before the right one is no alarm; a URL without a user takes ours' '
	new_bare nouser && init_lit && cd lit &&
	mkdir -p "$HOME/.ssh" &&
	{ echo "[127.0.0.1]:$PORT $(cut -d" " -f1,2 "$S/other_key.pub")"; echo "[127.0.0.1]:$PORT $(cut -d" " -f1,2 "$S/host_key.pub")"; } > "$HOME/.ssh/known_hosts" &&
	convene remote add hub "ssh://127.0.0.1:$PORT$SRV/nouser.git" 2>/dev/null &&
	convene sync -q &&
	git -C "$SRV/nouser.git" rev-parse main > /dev/null &&
	convene remote add gone "ssh://127.0.0.1:$PORT$SRV/gone.git" 2>/dev/null &&
	test_expect_code 3 convene sync gone 2>../err &&
	! grep -q "NOT the one" ../err
'

test_expect_success 'three sites over ssh://, the key from ssh-agent: notes and a conflict converge' '
	new_bare hub && known_host host_key && url="$BASE/hub.git" &&
	three_sites "$url" &&
	(cd a && convene note 1 opening "דרך ssh מחיפה" 2>/dev/null && convene set vision "A" 2>/dev/null) &&
	(cd b && convene note 1 opening "דרך ssh מבאר שבע" 2>/dev/null && convene set vision "B" 2>/dev/null) &&
	(cd a && convene sync -q) && (cd b && convene sync -q 2>/dev/null) &&
	(cd a && convene sync -q) && (cd c && convene sync -q) &&
	test_grep "דרך ssh מחיפה" c/meetings/001.yaml && test_grep "דרך ssh מבאר שבע" c/meetings/001.yaml &&
	(cd c && convene conflicts) > list && test_grep "vision" list &&
	(cd c && convene resolve vision --side 2 2>/dev/null && convene sync -q) &&
	(cd a && convene sync -q) && (cd b && convene sync -q) &&
	converged "$url"
'

test_done
