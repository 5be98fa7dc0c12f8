# convene — see README.md.  `make` builds ./convene.
#
#   make             build ./convene
#   make test        build and run every test (unit, CLI, catalogue, suites)
#   make check       the same under AddressSanitizer and UBSan
#   make stress      the three-site convergence test, ten times longer;
#                    the crash tests with STRESS_KILLS kills each
#   make bench       benchmarks against raw libyaml and the git CLI
#   make demo        an example initiative, start to finish
#   make fuzz        run the libFuzzer targets for a while (FUZZ_SECONDS)
#   make install     PREFIX=/usr/local DESTDIR= (binary, man pages, completion,
#                    hook samples)
#   make deb         the Debian package, into build/ (dpkg-buildpackage)
#   make DEVELOPER=1 warnings are errors

.DEFAULT_GOAL := all
CC ?= cc
PREFIX ?= /usr/local
BUILD ?= build
BIN ?= convene
PKGS = libgit2 yaml-0.1 zlib libical libcmark libsodium
FUZZ_SECONDS ?= 60
STRESS_KILLS ?= 2000

WARN = -Wall -Wextra -Wpedantic -Wstrict-prototypes -Wvla -Wwrite-strings \
       -Wformat-security -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS ?= -O2 -g
ifdef DEVELOPER
WARN += -Werror
endif
ifdef SAN
CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	 -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
# Expanded when a recipe runs, after `deps` has installed what was missing.
# libical's headers are compiled with, its library is not linked: core/ical.c
# opens it with dlopen() (in glibc's libc since 2.34, no -ldl) when the
# calendar needs it, so no other command loads it and ICU.
# libgit2 is opened the same way by store/git2.c, when a command first
# needs it: the executable is linked without it (BIN_LIBS), and exports the
# two functions store/tls.c interposes, for the libraries libgit2 loads.
# The unit tests also call libgit2 themselves, and are linked with it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(filter-out libical,$(PKGS)))
BIN_LIBS = $(shell pkg-config --libs $(filter-out libical libgit2,$(PKGS))) \
	   -Wl,--export-dynamic-symbol=mbedtls_x509_crt_parse_file \
	   -Wl,--export-dynamic-symbol=libssh2_init
GIT2_SONAME = $(shell objdump -p "$$(pkg-config --variable=libdir libgit2)/libgit2.so" 2>/dev/null | \
	sed -n 's/^ *SONAME *//p')
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
	     $(CPPFLAGS) $(CFLAGS) -I. -I$(BUILD)/gen $(PKG_CFLAGS)

CORE_SRC = $(wildcard core/*.c)
STORE_SRC = $(wildcard store/*.c)
HOOKS_SRC = $(wildcard hooks/*.c)
CMD_SRC = $(wildcard cmd/*.c)
TEMPLATES = $(sort $(wildcard core/templates/*/*/*.yaml core/templates/*/*.yaml)) \
	    $(sort $(wildcard hooks/samples/*))
GEN = $(BUILD)/gen/templates.c
LIB_SRC = $(CORE_SRC) $(STORE_SRC) $(HOOKS_SRC)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/templates.o
CMD_OBJ = $(CMD_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_OBJ = $(UNIT_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/tests/unit/main.o \
	   $(BUILD)/obj/tests/unit/repo.o
LIB = $(BUILD)/libconvene.a

# Translations (GNU gettext, cmd/i18n.h): xgettext extracts what the code
# marks with _() and N_() into po/convene.pot (kept in git, rewritten only
# when a message changes: no dates, no line numbers); each po/LANG.po,
# brought up to it, becomes $(BUILD)/locale/LANG/LC_MESSAGES/convene.mo.
# Every message must have its translation: make stops on one untranslated
# or fuzzy, naming it.
LINGUAS = he
MO = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/convene.mo)
locale: $(MO)
# What xgettext reads, one list a line (each grows on its own).  core/
# translates through its hook (core/tr.h): there the formats of err_set,
# err_hint, diags_add and error_at are messages too, by XGETTEXT_KEYWORDS.
# cmd/ marks its messages with _() and N_(), and is read with the same
# keywords: an err_set format written in cmd/ without _() is a message too.
POT_CMD = $(CMD_SRC)
POT_CORE = $(CORE_SRC)
POT_STORE = $(STORE_SRC)
POT_SRC = $(POT_CMD) $(POT_CORE) $(POT_STORE)
XGETTEXT_CMD = $(XGETTEXT_KEYWORDS)
XGETTEXT_KEYWORDS = --keyword=_ --keyword=N_ --keyword=tr --keyword=trn:1,2 --keyword=err_set:5 \
	--keyword=err_hint:2 --keyword=diags_add:6 --keyword=error_at:3 \
	--keyword=store_git_fail:3 \
	--flag=err_set:5:c-format --flag=err_hint:2:c-format \
	--flag=diags_add:6:c-format --flag=error_at:3:c-format
XGETTEXT = xgettext --from-code=UTF-8 --language=C --add-comments=TRANSLATORS: \
	--add-location=file --package-name=convene \
	--msgid-bugs-address=maintainers@users.noreply.r-seed-f0d92695.example
# $(call pot_of,FILE): the messages of the code into FILE
pot_of = $(XGETTEXT) $(XGETTEXT_CMD) -o $(1) $(POT_CMD) \
	$(if $(strip $(POT_CORE) $(POT_STORE)),&& $(XGETTEXT) $(XGETTEXT_KEYWORDS) -j -o $(1) \
	$(POT_CORE) $(POT_STORE))
po/convene.pot: $(POT_SRC) Makefile
	@mkdir -p $(BUILD)/po
	$(call pot_of,$(BUILD)/po/convene.pot)
	@sed '/^"POT-Creation-Date:/d' $(BUILD)/po/convene.pot > $(BUILD)/po/new.pot
	@sed '/^"POT-Creation-Date:/d' $@ > $(BUILD)/po/old.pot 2>/dev/null || :
	@if cmp -s $(BUILD)/po/new.pot $(BUILD)/po/old.pot; then touch $@; \
	else cp $(BUILD)/po/convene.pot $@; fi
$(BUILD)/locale/%/LC_MESSAGES/convene.mo: po/%.po po/convene.pot
	@mkdir -p $(dir $@) $(BUILD)/po
	msgmerge --quiet --no-fuzzy-matching -o $(BUILD)/po/$*.po po/$*.po po/convene.pot
	@msgfmt --check --statistics -o $@.tmp $(BUILD)/po/$*.po 2> $(BUILD)/po/$*.stats
	@if grep -q "untranslated\|fuzzy" $(BUILD)/po/$*.stats; then \
		echo "po/$*.po: $$(cat $(BUILD)/po/$*.stats) (every message needs its translation):" >&2; \
		{ msgattrib --untranslated $(BUILD)/po/$*.po; msgattrib --only-fuzzy $(BUILD)/po/$*.po; } | \
			sed -n '/^msgid ""$$/d; s/^msgid /  /p' >&2; \
		rm -f $@.tmp; exit 1; fi
	@mv $@.tmp $@
# For tests/cli/t0062-locale.sh: the messages of the code into POT_OUT, as
# po/convene.pot has them.
code-pot:
	@$(call pot_of,$(POT_OUT))

# The man pages (scripts/man.sh): from the binary's tables, doc/convene.1
# and doc/commands/*.txt.
MAN_SRC = doc/convene.1 $(wildcard doc/commands/*.txt) scripts/man.sh
man: $(BUILD)/man/convene.1
$(BUILD)/man/convene.1: $(BIN) $(MAN_SRC)
	sh scripts/man.sh ./$(BIN) $(BUILD)/man

.PHONY: man deb locale all deps test-deps test check stress bench demo fuzz install clean FORCE code-pot

all: $(BIN) man locale

deps:
	@sh scripts/deps.sh build

test-deps: deps
	@sh scripts/deps.sh test

$(BUILD)/obj/%.o: %.c | deps $(BUILD)/gen/git2fn.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# store/git2.h's table of libgit2's functions, from store/git2.list
$(BUILD)/gen/git2fn.h: store/git2.list scripts/git2fn.sh
	@mkdir -p $(dir $@)
	sh scripts/git2fn.sh store/git2.list > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/store/git2.o: ALL_CFLAGS += $(if $(GIT2_SONAME),-DSTORE_GIT2_SONAME='"$(GIT2_SONAME)"')

$(BUILD)/obj/gen/templates.o: $(GEN) | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Icore -c $< -o $@

$(BUILD)/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(GEN): $(BUILD)/embed $(TEMPLATES)
	@mkdir -p $(dir $@)
	$(BUILD)/embed core/templates/ $(TEMPLATES) > $@.tmp && mv $@.tmp $@

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# The version --version prints (scripts/version.sh says where it comes
# from); version.h is rewritten only when it changes, so that a commit
# rebuilds main.o alone.
VERSION_FALLBACK = 0.1.0
$(BUILD)/gen/version.h: FORCE
	@mkdir -p $(dir $@)
	@v=$$(CONVENE_VERSION='$(CONVENE_VERSION)' sh scripts/version.sh $(VERSION_FALLBACK)) && \
	printf '#define CONVENE_VERSION "%s"\n' "$$v" > $@.tmp && \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/obj/cmd/main.o: $(BUILD)/gen/version.h

# Where the translations are (cmd/i18n.c): $(BUILD)/locale beside a binary
# run from the tree (as a path from the binary's folder), else
# ../share/locale beside the binary, else the prefix's.
LOCALE_REL = $(shell realpath -m --relative-to=$(dir $(abspath $(BIN))) $(abspath $(BUILD))/locale)
$(BUILD)/obj/cmd/i18n.o: ALL_CFLAGS += -DCONVENE_LOCALE_REL='"$(LOCALE_REL)"' \
	-DCONVENE_LOCALEDIR='"$(PREFIX)/share/locale"'

$(BIN): $(CMD_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) $(LIB) $(BIN_LIBS)

# The unit tests: every `void test_<module>__<case>(void)` is found by grep.
$(BUILD)/gen/unit-list.h: $(UNIT_SRC)
	@mkdir -p $(dir $@)
	sed -n 's/^void \(test_[a-z0-9_]*__[a-z0-9_]*\)(void)$$/T(\1)/p' $(UNIT_SRC) > $@

$(BUILD)/obj/tests/unit/main.o: tests/unit/main.c $(BUILD)/gen/unit-list.h | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/unit: $(UNIT_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB) $(PKG_LIBS)

# A seal/open program over core/age.c, for the interop tests with `age`.
$(BUILD)/agetool: $(BUILD)/obj/tests/unit/agetool.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

$(BUILD)/agebench: $(BUILD)/obj/tests/bench/agebench.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

$(BUILD)/yamlparse: tests/bench/yamlparse.c | deps
	$(CC) -O2 -o $@ $< $(shell pkg-config --cflags --libs yaml-0.1)

$(BUILD)/gen-initiative: tests/bench/gen.c
	$(CC) -O2 -o $@ $<

$(BUILD)/runtime: tests/bench/runtime.c
	$(CC) -O2 -o $@ $<

test: test-deps $(BIN) $(BUILD)/unit $(BUILD)/agetool locale
	@CONVENE=$(abspath $(BIN)) UNIT=$(abspath $(BUILD)/unit) AGETOOL=$(abspath $(BUILD)/agetool) \
		sh tests/run.sh

check:
	LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
		$(MAKE) SAN=1 BUILD=build/san BIN=build/san/convene test

# t0024 (three sites, random steps, then every site the same) ten times
# longer than in `make test`, with a new seed each time unless
# CONVENE_SEED names one; the test prints the seed, to run it again.
# Then t0034 (confidential interviews, three sites, kills) with 1000
# steps, a new seed each time too.  Then the crash tests (notes; sync, clone and bundle create) with
# STRESS_KILLS SIGKILLs at random moments each, instead of ~200.  Then
# the cache of the work tree's files (t0116), 60 rounds instead of 6.
STRESS_STEPS ?= 8000
stress: test-deps $(BIN)
	@CONVENE=$(abspath $(BIN)) CONVENE_CONVERGE_STEPS=$(STRESS_STEPS) \
		CONVENE_SEED=$${CONVENE_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d " ")} \
		sh tests/cli/t0024-converge.sh
	@CONVENE=$(abspath $(BIN)) CONVENE_CONF_STEPS=$$(($(STRESS_STEPS) / 8)) \
		CONVENE_SEED=$${CONVENE_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d " ")} \
		sh tests/cli/t0034-confidential-converge.sh
	@CONVENE=$(abspath $(BIN)) CONVENE_CRASH_KILLS=$(STRESS_KILLS) sh tests/cli/t0014-crash.sh
	@CONVENE=$(abspath $(BIN)) CONVENE_CRASH_KILLS=$(STRESS_KILLS) sh tests/cli/t0023-crash-sync.sh
	@CONVENE=$(abspath $(BIN)) CONVENE_CACHE_ROUNDS=60 \
		CONVENE_SEED=$${CONVENE_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d " ")} \
		sh tests/cli/t0116-filecache-random.sh

bench: $(BIN) $(BUILD)/yamlparse $(BUILD)/gen-initiative $(BUILD)/agebench $(BUILD)/runtime
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/run.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/sync.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/history.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/outputs.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/calendar.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/report.sh
	@BUILD=$(abspath $(BUILD)) sh tests/bench/age.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/confidential.sh

demo: $(BIN)
	@CONVENE=$(abspath $(BIN)) sh scripts/demo.sh

# The corpus kept in tests/fuzz/corpus/ grows only by what adds coverage
# (libFuzzer's -merge=1); the run itself works in build/fuzz/.  Each
# target runs FUZZ_SECONDS.
FUZZ_TARGETS = doc merge age
fuzz: test-deps $(GEN)
	@set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(BUILD)/fuzz/corpus-$$t tests/fuzz/corpus/$$t; \
		clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
			-fsanitize=fuzzer,address,undefined -I. -Icore \
			$$(pkg-config --cflags $(PKGS)) \
			-o $(BUILD)/fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c $(CORE_SRC) $(GEN) \
			$$(pkg-config --libs $(PKGS)); \
		$(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
			-print_final_stats=1 -artifact_prefix=$(BUILD)/fuzz/ \
			$(BUILD)/fuzz/corpus-$$t tests/fuzz/corpus/$$t; \
		$(BUILD)/fuzz/fuzz_$$t -merge=1 tests/fuzz/corpus/$$t $(BUILD)/fuzz/corpus-$$t; \
	done

# DESTDIR and PREFIX as usual; debian/rules gives PREFIX=/usr.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/doc/convene/hooks
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/convene
	install -m 644 $(BUILD)/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 completions/convene $(DESTDIR)$(PREFIX)/share/bash-completion/completions/convene
	install -m 644 hooks/samples/* $(DESTDIR)$(PREFIX)/share/doc/convene/hooks/
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES && \
		install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/convene.mo \
			$(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/convene.mo || exit 1; \
	done

# The Debian package, into $(BUILD)/: built from a copy of the tree under
# $(BUILD)/deb/ (dpkg-buildpackage writes beside the source folder), so
# nothing is left outside $(BUILD)/.  DEB_OPTIONS=nocheck skips the unit
# tests that debian/rules runs.
DEB_VERSION = $(shell dpkg-parsechangelog -S Version 2>/dev/null)
deb:
	@command -v dpkg-buildpackage >/dev/null || { echo "make deb: dpkg-buildpackage is missing (apt-get install dpkg-dev debhelper)" >&2; exit 1; }
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/convene-$(DEB_VERSION)
	tar cf - --exclude=./build --exclude=./.git --exclude=./$(BIN) . | \
		tar xf - -C $(BUILD)/deb/convene-$(DEB_VERSION)
	# the package's build is its own: nothing of this make's variables
	# (make check's SAN=1, BUILD=build/san) reaches it through MAKEFLAGS
	cd $(BUILD)/deb/convene-$(DEB_VERSION) && \
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES -u SAN -u BUILD -u BIN \
		DEB_BUILD_OPTIONS="$(DEB_OPTIONS)" dpkg-buildpackage -us -uc -b -j2 > ../build.log 2>&1 || \
		{ tail -n 40 ../build.log; exit 1; }
	cp $(BUILD)/deb/convene_$(DEB_VERSION)_*.deb $(BUILD)/
	@ls $(BUILD)/convene_$(DEB_VERSION)_*.deb

clean:
	rm -rf build $(BIN)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
