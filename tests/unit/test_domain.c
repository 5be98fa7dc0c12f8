/* core/domain.c: the ids it makes for new members and list items. */
#include <string.h>

#include "core/domain.h"
#include "tests/unit/unit.h"

/* ids taken: those in the NULL-terminated list ctx */
static int in_list(void *ctx, const char *id)
{
	const char *const *v = ctx;

	for (; *v; v++)
		if (!strcmp(*v, id))
			return 1;
	return 0;
}

static int all_taken(void *ctx, const char *id)
{
	return 1;
}

void test_domain__member_id_from_name(void)
{
	const char *none[] = { NULL };
	char id[72];

	check(dom_member_id(id, sizeof(id), "Dana Levi", in_list, none) == 0);
	check_str(id, "dana-levi");
	check(dom_member_id(id, sizeof(id), "  Yossi  (Haifa) ", in_list, none) == 0);
	check_str(id, "yossi-haifa");
}

void test_domain__member_id_hebrew(void)
{
	const char *none[] = { NULL };
	char id[72];
	size_t i;

	/* a name with no ASCII slug gets m- and 4 hex digits */
	check(dom_member_id(id, sizeof(id), "דנה לוי", in_list, none) == 0);
	check(strlen(id) == 6 && !strncmp(id, "m-", 2));
	for (i = 2; i < 6; i++)
		check(strchr("0123456789abcdef", id[i]));
}

void test_domain__member_id_taken(void)
{
	const char *taken[] = { "dana", "dana-2", NULL };
	char id[72];

	check(dom_member_id(id, sizeof(id), "Dana", in_list, taken) == 0);
	check_str(id, "dana-3");
	/* gives up rather than go on for ever */
	check(dom_member_id(id, sizeof(id), "Dana", all_taken, NULL) == -1);
}

void test_domain__random_id(void)
{
	char a[9], b[9];

	check(dom_random_id(a) == 0 && dom_random_id(b) == 0);
	check(strlen(a) == 8 && strspn(a, "0123456789abcdef") == 8);
	check(strcmp(a, b) != 0);
}
