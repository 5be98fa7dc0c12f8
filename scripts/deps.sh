#!/bin/sh
# Checks the build and test dependencies; installs the missing ones when run
# as root on Debian, otherwise prints the exact command to run.
# Usage: scripts/deps.sh [build|test]
set -u
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
have_pc libgit2 || need="$need libgit2-dev"
have_pc yaml-0.1 || need="$need libyaml-dev"
have_pc zlib || need="$need zlib1g-dev"
# the calendar (iCalendar) and the HTML pages (Markdown to HTML)
have_pc libical || need="$need libical-dev"
have_pc libcmark || need="$need libcmark-dev"
# confidential interviews: the age format on libsodium
have_pc libsodium || need="$need libsodium-dev"
if [ "${1:-build}" = test ]; then
	command -v git >/dev/null 2>&1 || need="$need git"
	command -v lighttpd >/dev/null 2>&1 || need="$need lighttpd"
	# HTTPS in the sync tests: lighttpd's TLS module, a certificate
	[ -e /usr/lib/lighttpd/mod_openssl.so ] || need="$need lighttpd-mod-openssl"
	command -v openssl >/dev/null 2>&1 || need="$need openssl"
	command -v script >/dev/null 2>&1 || need="$need bsdutils"
	# ssh:// in the sync tests: a real sshd and ssh-agent
	[ -x /usr/sbin/sshd ] || need="$need openssh-server"
	command -v ssh-agent >/dev/null 2>&1 || need="$need openssh-client"
	command -v tmux >/dev/null 2>&1 || need="$need tmux"
	# t0048 reads the order of convene report's system calls
	command -v strace >/dev/null 2>&1 || need="$need strace"
	command -v tar >/dev/null 2>&1 || need="$need tar"
	command -v clang >/dev/null 2>&1 || need="$need clang"
	# t0024 reads convene's --json output
	command -v jq >/dev/null 2>&1 || need="$need jq"
	# independent YAML readers for t0026: PyYAML (Debian's, seen by
	# /usr/bin/python3 only) and npm yaml, installed into build/js
	/usr/bin/python3 -c 'import yaml' 2>/dev/null || need="$need python3-yaml"
	command -v node >/dev/null 2>&1 || need="$need nodejs"
	command -v npm >/dev/null 2>&1 || need="$need npm"
	# the pages judged by a real browser, their PDF by poppler's pdfinfo,
	# Hebrew glyphs for the screenshots
	command -v chromium >/dev/null 2>&1 || need="$need chromium"
	command -v pdfinfo >/dev/null 2>&1 || need="$need poppler-utils"
	[ -d /usr/share/fonts/truetype/noto ] || need="$need fonts-noto-core"
	# the standard age tool reads what convene seals, and the reverse
	command -v age >/dev/null 2>&1 || need="$need age"
	# the Debian package (make deb), its lint, man pages, completion, locales
	command -v dh >/dev/null 2>&1 || need="$need debhelper"
	command -v dpkg-buildpackage >/dev/null 2>&1 || need="$need dpkg-dev"
	command -v lintian >/dev/null 2>&1 || need="$need lintian"
	command -v man >/dev/null 2>&1 || need="$need man-db"
	command -v groff >/dev/null 2>&1 || need="$need groff-base"
	command -v msgfmt >/dev/null 2>&1 || need="$need gettext"
	command -v localedef >/dev/null 2>&1 || need="$need locales"
	[ -f /usr/share/bash-completion/bash_completion ] || need="$need bash-completion"
fi
# test-only JavaScript checkers: into build/js, never the source tree
js_deps() {
	[ "${1:-build}" = test ] || return 0
	[ -d build/js/node_modules/yaml ] && [ -d build/js/node_modules/ical.js ] && return 0
	command -v npm >/dev/null 2>&1 || return 0
	# yaml reads what convene writes (t0026); ical.js, the parser of
	# Thunderbird's calendar, reads its iCalendar feeds
	echo "convene: installing npm yaml@2 ical.js@2 into build/js" >&2
	npm install --prefix build/js --no-audit --no-fund --silent yaml@2 ical.js@2 >&2 || {
		echo "convene: error: 'npm install --prefix build/js yaml@2 ical.js@2' failed" >&2
		exit 1
	}
}
if [ -z "$need" ]; then
	js_deps "${1:-build}"
	exit 0
fi
cmd="apt-get install -y$need"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "convene: installing:$need" >&2
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need >/dev/null 2>&1; then
		apt-get update -q >/dev/null 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need >&2 || {
			echo "convene: error: '$cmd' failed" >&2
			exit 1
		}
	fi
	js_deps "${1:-build}"
	exit 0
fi
echo "convene: error: missing build dependencies:$need" >&2
echo "convene: run as root: apt-get update && $cmd" >&2
exit 1
