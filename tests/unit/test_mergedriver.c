/* store/mergedriver.c: git's merge-driver files read whole, %A replaced. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/doc.h"
#include "store/mergedriver.h"
#include "unit.h"

void test_mergedriver__read_and_write(void)
{
	char dir[] = "/tmp/unit-mergedriver-XXXXXX", path[64], other[80];
	struct buf b = BUF_INIT, data = BUF_INIT;
	struct err err;
	FILE *f;

	check(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a", dir);
	buf_adds(&data, "vision: x\n");
	check(mergedriver_write(path, &data, &err) == 0);
	check(mergedriver_read(&b, path, &err) == 0);
	check_str(buf_str(&b), "vision: x\n");
	/* nothing left beside it */
	snprintf(other, sizeof(other), "%s.convene-merge", path);
	check(access(other, F_OK) != 0);
	/* replaced whole, the empty result too */
	buf_reset(&data);
	check(mergedriver_write(path, &data, &err) == 0);
	buf_reset(&b);
	check(mergedriver_read(&b, path, &err) == 0 && b.len == 0);
	/* missing */
	snprintf(other, sizeof(other), "%s/none", dir);
	check(mergedriver_read(&b, other, &err) == ERR_USAGE);
	check(strstr(err.msg, "cannot open") && strstr(err.msg, other));
	/* a folder that is not there: path as it was */
	snprintf(other, sizeof(other), "%s/no/such", dir);
	check(mergedriver_write(other, &data, &err) == ERR_INTERNAL);
	/* too large: refused, never cut */
	check((f = fopen(path, "wb")));
	check(fseek(f, DOC_MAX_BYTES, SEEK_SET) == 0 && fputc('x', f) != EOF);
	check(fclose(f) == 0);
	buf_reset(&b);
	check(mergedriver_read(&b, path, &err) == ERR_DATA);
	check(strstr(err.msg, "larger than 8 MiB") && err.hint[0]);
	buf_release(&b);
	buf_release(&data);
	unlink(path);
	check(rmdir(dir) == 0);
}
