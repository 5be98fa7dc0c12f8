/*
 * `convene help --complete WORD`: the field paths (and the files of the
 * initiative) that WORD may grow into, one a line, for bash's completion
 * (completions/convene); store/completion.c reads them from the work
 * tree without libgit2.  Machine-read: never translated.
 */
#include "cmd.h"
#include "store/completion.h"

int help_complete(const char *word)
{
	struct buf b = BUF_INIT;
	int rc;

	completion_of_word(&b, ".", word);
	rc = buf_failed(&b) ? out_of_memory() : put_out(&b);
	buf_release(&b);
	return rc;
}
