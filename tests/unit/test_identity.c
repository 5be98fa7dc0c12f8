/*
 * Unit tests for store/identity.c: where the identity file is, reading it
 * (refused when others may read it), writing a new one 0600.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "core/age.h"
#include "store/identity.h"
#include "store/store.h"
#include "repo.h"
#include "unit.h"

static const char id_s[] =
	"AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

/* A repository whose git config names dir/key as the identity. */
static struct store *open_repo(char *dir)
{
	struct store *s = NULL;
	struct err err;

	if (store_global_init() < 0 || age_init() < 0 ||
	    !unit_repo(dir, "git config convene.identity \"$PWD/key\""))
		return NULL;
	if (store_open(&s, dir, &err) < 0)
		return NULL;
	return s;
}

void test_identity__configured_file(void)
{
	char dir[] = "/tmp/unit-identity-XXXXXX", path[4096], want[200], text[4400];
	struct store *s = open_repo(dir);
	struct age_identity *ids;
	struct err err;
	size_t n;
	int configured;

	check(s);
	snprintf(want, sizeof(want), "%s/key", dir);
	check(identity_path(s, path, sizeof(path), &configured, &err) == 0);
	check_str(path, want);
	check(configured);
	/* missing: says how to make one */
	check(identity_load(s, &ids, &n, path, sizeof(path), &err) == ERR_NOTFOUND);
	check(strstr(err.msg, want) && strstr(err.hint, "convene key new") &&
	      strstr(err.hint, "age-keygen -o FILE"));
	snprintf(text, sizeof(text), "# made by age-keygen\n%s\n", id_s);
	check(unit_write_file(dir, "key", text));
	/* unit_write_file makes it 0644: refused, saying the mode and the fix */
	chmod(want, 0640);
	check(identity_load(s, &ids, &n, path, sizeof(path), &err) == ERR_DATA);
	check(strstr(err.msg, want) && strstr(err.msg, "0640"));
	snprintf(text, sizeof(text), "chmod 600 %s", want);
	check_str(err.hint, text);
	check(!strstr(err.msg, "AGE-SECRET") && !strstr(err.hint, "AGE-SECRET"));
	chmod(want, 0604);
	check(identity_load(s, &ids, &n, path, sizeof(path), &err) == ERR_DATA);
	chmod(want, 0600);
	check(identity_load(s, &ids, &n, path, sizeof(path), &err) == 0);
	check(n == 1);
	age_identities_free(ids, n);
	/* a line that is not a key: FILE:LINE, and nothing of the line */
	check(unit_write_file(dir, "key", "# x\nAGE-SECRET-KEY-1NOTAKEY\n"));
	chmod(want, 0600);
	check(identity_load(s, &ids, &n, path, sizeof(path), &err) == ERR_DATA);
	snprintf(text, sizeof(text), "%s:2: not an age identity", want);
	check_str(err.msg, text);
	store_free(s);
	check(unit_repo_remove(dir));
}

void test_identity__default_place(void)
{
	char dir[] = "/tmp/unit-identity-XXXXXX", path[4096], want[4200];
	char *old_xdg = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	struct store *s = NULL;
	struct err err;
	int configured;

	check(store_global_init() >= 0 && unit_repo(dir, "true"));
	check(store_open(&s, dir, &err) == 0);
	/* no user config either: the global config is looked for in dir */
	git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, dir);
	git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, dir);
	setenv("XDG_CONFIG_HOME", "/somewhere/config", 1);
	check(identity_path(s, path, sizeof(path), &configured, &err) == 0);
	check_str(path, "/somewhere/config/convene/identity");
	check(!configured);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/dana", 1);
	check(identity_path(s, path, sizeof(path), &configured, &err) == 0);
	check_str(path, "/home/dana/.config/convene/identity");
	/* convene.identity with ~ */
	check(store_config_set(s, "convene.identity", "~/keys/me.txt", &err) == 0);
	check(identity_path(s, path, sizeof(path), &configured, &err) == 0);
	check_str(path, "/home/dana/keys/me.txt");
	check(configured);
	snprintf(want, sizeof(want), "%s", dir);
	if (old_xdg)
		setenv("XDG_CONFIG_HOME", old_xdg, 1);
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_xdg);
	free(old_home);
	git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, NULL);
	git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, NULL);
	store_free(s);
	check(unit_repo_remove(want));
}

void test_identity__write(void)
{
	char dir[] = "/tmp/unit-identity-XXXXXX", path[4200], text[512];
	struct age_identity id, other;
	struct age_identity *ids;
	struct err err;
	struct stat st;
	size_t n, line;
	FILE *f;

	check(age_init() == 0 && mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/conf/convene/identity", dir);
	age_keygen(&id);
	check(identity_write(path, &id, 0, &err) == 0);
	check(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	snprintf(text, sizeof(text), "%s/conf/convene", dir);
	check(stat(text, &st) == 0 && (st.st_mode & 0777) == 0700);
	f = fopen(path, "r");
	check(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	check(strstr(text, "# public key: age1"));
	check(age_identities_parse(text, n, &ids, &n, &line) == AGE_OK);
	check(n == 1 && !memcmp(ids[0].sk, id.sk, AGE_KEY_LEN));
	age_identities_free(ids, n);
	/* not overwritten without --force; replaced with it */
	age_keygen(&other);
	check(identity_write(path, &other, 0, &err) == ERR_DATA);
	check(strstr(err.msg, "already exists") && strstr(err.hint, "--force"));
	check(identity_write(path, &other, 1, &err) == 0);
	check(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	snprintf(text, sizeof(text), "rm -r %s", dir);
	check(system(text) == 0);
}

void test_identity__recipients(void)
{
	char dir[] = "/tmp/unit-identity-XXXXXX", want[200], text[600], two[AGE_IDENTITY_STRLEN],
	     rs[AGE_RECIPIENT_STRLEN];
	struct store *s = open_repo(dir);
	struct age_recipient *r;
	struct age_identity id;
	struct err err;
	size_t n;

	check(s);
	snprintf(want, sizeof(want), "%s/key", dir);
	/* none: identity_load()'s error, which says how to make one */
	check(identity_recipients(s, &r, &n, &err) == ERR_NOTFOUND && !r && n == 0);
	check(strstr(err.hint, "convene key new"));
	/* two keys: both public keys, in the file's order */
	check(age_identity_parse(id_s, &id) == AGE_OK);
	check(age_keygen(&id) == AGE_OK);
	age_identity_format(&id, two);
	snprintf(text, sizeof(text), "# two\n%s\n%s\n", id_s, two);
	age_wipe(two, sizeof(two));
	check(unit_write_file(dir, "key", text));
	chmod(want, 0600);
	check(identity_recipients(s, &r, &n, &err) == 0 && n == 2);
	{
		struct age_recipient want_r;
		struct age_identity first;
		char ws[AGE_RECIPIENT_STRLEN];

		check(age_identity_parse(id_s, &first) == AGE_OK);
		age_identity_recipient(&first, &want_r);
		age_recipient_format(&want_r, ws);
		age_recipient_format(&r[0], rs);
		check_str(rs, ws);
		check(!strncmp(rs, "age1", 4));
		age_identity_recipient(&id, &want_r);
		check(!memcmp(&r[1], &want_r, sizeof(want_r)));
	}
	free(r);
	age_wipe(&id, sizeof(id));
	store_free(s);
	check(unit_repo_remove(dir));
}
