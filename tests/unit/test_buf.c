/* Unit tests for core/buf.c: secret buffers leave nothing behind. */
#include <string.h>

#include "core/buf.h"
#include "unit.h"

void test_buf__secret_reset_wipes(void)
{
	struct buf b = BUF_SECRET_INIT;
	size_t i, cap;

	buf_adds(&b, "the words nobody says in the room");
	for (i = 0; i < 20; i++)
		buf_adds(&b, " again");	/* grows: the old blocks are wiped and freed */
	check(!buf_failed(&b));
	check(strstr(buf_str(&b), "nobody says") != NULL);
	cap = b.cap;
	buf_reset(&b);
	for (i = 0; i < cap; i++)
		check(b.ptr[i] == '\0');
	buf_release(&b);
	check(b.ptr == NULL && b.secret);
}

void test_buf__plain_reset_keeps_allocation(void)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "abc");
	buf_reset(&b);
	check(b.ptr && b.cap >= 4 && b.len == 0 && !b.secret);
	buf_release(&b);
}
