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
#   make install     PREFIX=/usr/local (binary and man page)
#   make DEVELOPER=1 warnings are errors

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
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
	     $(CFLAGS) -I. $(PKG_CFLAGS)

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

.PHONY: all deps test-deps test check stress bench demo fuzz install clean FORCE

all: $(BIN)

deps:
	@sh scripts/deps.sh build

test-deps: deps
	@sh scripts/deps.sh test

$(BUILD)/obj/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

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

$(BIN): $(CMD_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) $(LIB) $(PKG_LIBS)

# The unit tests: every `void test_<module>__<case>(void)` is found by grep.
$(BUILD)/gen/unit-list.h: $(UNIT_SRC)
	@mkdir -p $(dir $@)
	sed -n 's/^void \(test_[a-z0-9_]*__[a-z0-9_]*\)(void)$$/T(\1)/p' $(UNIT_SRC) > $@

$(BUILD)/obj/tests/unit/main.o: tests/unit/main.c $(BUILD)/gen/unit-list.h | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -I$(BUILD)/gen -c $< -o $@

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

test: test-deps $(BIN) $(BUILD)/unit $(BUILD)/agetool
	@CONVENE=$(abspath $(BIN)) UNIT=$(abspath $(BUILD)/unit) AGETOOL=$(abspath $(BUILD)/agetool) \
		sh tests/run.sh

check:
	LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
		$(MAKE) SAN=1 BUILD=build/san BIN=build/san/convene test

# t0024 (three sites, random steps, then every site the same) ten times
# longer than in `make test`, with a new seed each time unless
# CONVENE_SEED names one; the test prints the seed, to run it again.
# Then the crash tests (notes; sync, clone and bundle create) with
# STRESS_KILLS SIGKILLs at random moments each, instead of ~200.
STRESS_STEPS ?= 8000
stress: test-deps $(BIN)
	@CONVENE=$(abspath $(BIN)) CONVENE_CONVERGE_STEPS=$(STRESS_STEPS) \
		CONVENE_SEED=$${CONVENE_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d " ")} \
		sh tests/cli/t0024-converge.sh
	@CONVENE=$(abspath $(BIN)) CONVENE_CRASH_KILLS=$(STRESS_KILLS) sh tests/cli/t0014-crash.sh
	@CONVENE=$(abspath $(BIN)) CONVENE_CRASH_KILLS=$(STRESS_KILLS) sh tests/cli/t0023-crash-sync.sh

bench: $(BIN) $(BUILD)/yamlparse $(BUILD)/gen-initiative $(BUILD)/agebench
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/run.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/sync.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/history.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/outputs.sh
	@CONVENE=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/bench/calendar.sh
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

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/convene
	install -m 644 doc/convene.1 $(DESTDIR)$(PREFIX)/share/man/man1/convene.1

clean:
	rm -rf build $(BIN)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
