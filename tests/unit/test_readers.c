/* store/readers.c: the readers of initiative.yaml, their keys, a change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/age.h"
#include "repo.h"
#include "store/readers.h"
#include "unit.h"

static const char key1[] = "age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef";

static struct store *open_repo(char *dir)
{
	struct store *s = NULL;
	struct err err;
	char text[200];

	if (store_global_init() < 0 || age_init() < 0 || !unit_repo(dir, "mkdir members"))
		return NULL;
	snprintf(text, sizeof(text), "id: dana\nname: Dana\nage: %s\n", key1);
	if (!unit_write_file(dir, "members/dana.yaml", text) ||
	    !unit_write_file(dir, "members/yossi.yaml", "id: yossi\nname: Yossi\n") ||
	    !unit_write_file(dir, "members/yael.yaml", "id: yael\nname: Yael\nage: notakey\n") ||
	    !unit_write_file(dir, "initiative.yaml",
			     "name: x\nreaders: [dana, yossi, dana, {a: b}, ghost]\n"))
		return NULL;
	if (store_open(&s, dir, &err) < 0)
		return NULL;
	return s;
}

void test_readers__ids_and_keys(void)
{
	char dir[] = "/tmp/unit-readers-XXXXXX", key[128], near[72], who[100];
	struct store *s = open_repo(dir);
	char **ids;
	size_t n;
	struct err err;

	check(s);
	/* each once, in order, not the map */
	check(readers_ids(&ids, &n, 2, s, &err) == 0);
	check(n == 3);
	check_str(ids[0], "dana");
	check_str(ids[1], "yossi");
	check_str(ids[2], "ghost");
	check(readers_has(ids, n, "yossi") && !readers_has(ids, n, "yael"));
	ids[n++] = strdup("yael");  /* the room asked for */
	check(readers_remove(ids, &n, "yossi") && n == 3);
	check(!readers_remove(ids, &n, "yossi") && n == 3);
	check_str(ids[1], "ghost");
	check_str(ids[2], "yael");
	readers_ids_free(ids, n);
	/* as the messages name them: every string, repeats too */
	readers_of(s, who, sizeof(who));
	check_str(who, "dana, yossi, dana, ghost");
	check(readers_member_key(s, "dana", key, sizeof(key)) == 1);
	check_str(key, key1);
	check(readers_member_key(s, "yossi", key, sizeof(key)) == 0);
	check(readers_member_key(s, "ghost", key, sizeof(key)) == -1);
	readers_nearest_member(s, "yosi", near, sizeof(near));
	check_str(near, "yossi");
	readers_nearest_member(s, "zz", near, sizeof(near));
	check_str(near, "");
	store_free(s);
	check(unit_repo_remove(dir));
}

void test_readers__recipients_and_put(void)
{
	char dir[] = "/tmp/unit-readers-XXXXXX";
	struct store *s = open_repo(dir);
	struct age_recipient *r = NULL;
	struct reseal rs = { 0 };
	char dana[] = "dana", yossi[] = "yossi", yael[] = "yael";
	char *ok[] = { dana }, *nokey[] = { dana, yossi }, *bad[] = { yael };
	struct err err;

	check(s);
	check(readers_recipients(&r, s, ok, 1, &err) == 0 && r);
	free(r);
	check(readers_recipients(&r, s, nokey, 2, &err) == ERR_DATA && !r);
	check_str(err.msg, "reader 'yossi' has no usable age: key in members/yossi.yaml");
	check_str(err.hint, "convene readers rm yossi, or give them a key (convene member edit yossi --age age1...)");
	check(readers_recipients(&r, s, bad, 1, &err) == ERR_DATA && !r);
	check(strstr(err.msg, "'yael'") != NULL);
	/* the new list, in the order given, in canonical YAML */
	check(readers_put(&rs, s, nokey, 2, &err) == 0);
	check(rs.n == 1);
	check_str(rs.v[0].path, "initiative.yaml");
	check(strstr(rs.v[0].bytes, "readers:\n- dana\n- yossi\n") != NULL);
	check(!strstr(rs.v[0].bytes, "ghost"));
	reseal_release(&rs);
	check(unit_write_file(dir, "initiative.yaml", "- a list\n"));
	check(readers_put(&rs, s, nokey, 2, &err) == ERR_DATA && rs.n == 0);
	reseal_release(&rs);
	store_free(s);
	check(unit_repo_remove(dir));
}

void test_readers__change(void)
{
	char dir[] = "/tmp/unit-readers-XXXXXX", script[600], rs_[AGE_RECIPIENT_STRLEN], text[300];
	struct age_identity id;
	struct age_recipient r;
	struct reseal rs = { 0 };
	const char *where;
	char dana[] = "dana", yossi[] = "yossi", *dirty, *ids[] = { dana }, *nobody[] = { yossi };
	struct store *s = NULL;
	struct err err;

	check(store_global_init() == 0 && age_init() == 0 && age_keygen(&id) == 0);
	age_identity_recipient(&id, &r);
	age_recipient_format(&r, rs_);
	snprintf(script, sizeof(script),
		 "mkdir members && printf 'name: x\\n' > initiative.yaml && "
		 "printf 'id: dana\\nname: Dana\\nage: %s\\n' > members/dana.yaml && "
		 "printf 'id: yossi\\nname: Yossi\\n' > members/yossi.yaml && "
		 "git add -A && git commit -qm start", rs_);
	check(unit_repo(dir, script));
	check(store_open(&s, dir, &err) == 0);
	/* a reader with no key: refused, nothing written */
	check(readers_change(&rs, s, nobody, 1, &id, 1, &dirty, &where, &err) == ERR_DATA);
	check(!dirty && rs.n == 0 && strstr(err.msg, "yossi"));
	reseal_release(&rs);
	store_free(s);
	s = NULL;
	/* written, not committed: initiative.yaml lists the readers */
	check(store_open(&s, dir, &err) == 0);
	check(readers_change(&rs, s, ids, 1, &id, 1, &dirty, &where, &err) == 0 && !dirty);
	check(rs.n == 1);
	snprintf(text, sizeof(text), "%s/initiative.yaml", dir);
	{
		FILE *f = fopen(text, "r");
		size_t got = f ? fread(text, 1, sizeof(text) - 1, f) : 0;

		if (f)
			fclose(f);
		text[got] = 0;
	}
	check(strstr(text, "readers:") && strstr(text, "dana"));
	reseal_release(&rs);
	store_free(s);
	s = NULL;
	/* a file changed by hand and not committed: refused, naming it (the
	 * change above, never committed, is put back from its journal) */
	check(unit_write_file(dir, "members/yossi.yaml", "id: yossi\nname: Yossi B\n"));
	check(store_open(&s, dir, &err) == 0);
	{
		int got = readers_change(&rs, s, ids, 1, &id, 1, &dirty, &where, &err);

		if (got != ERR_DATA)
			printf("  got %d: %s\n", got, err.msg);
		check(got == ERR_DATA);
	}
	check(dirty && rs.n == 0);
	check(!strcmp(dirty, "members/yossi.yaml") || !strcmp(dirty, "initiative.yaml"));
	free(dirty);
	reseal_release(&rs);
	store_free(s);
	check(unit_repo_remove(dir));
}
