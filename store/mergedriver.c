/* The merge driver's files (mergedriver.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/doc.h"
#include "mergedriver.h"

int mergedriver_read(struct buf *out, const char *path, struct err *err)
{
	char chunk[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return err_set(err, ERR_USAGE, 0, 0, "cannot open '%s': %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_add(out, chunk, n);
		if (out->len > DOC_MAX_BYTES)
			break;
	}
	n = ferror(f);
	fclose(f);
	if (n)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot read '%s'", path);
	if (buf_failed(out))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if (out->len > DOC_MAX_BYTES) {
		err_set(err, ERR_DATA, 0, 0, "'%s' is larger than 8 MiB; it was not merged", path);
		err_hint(err, "split the file; git keeps its own version meanwhile");
		return ERR_DATA;
	}
	return 0;
}

int mergedriver_write(const char *path, const struct buf *data, struct err *err)
{
	char tmp[4200];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.convene-merge", path);
	if (!(f = fopen(tmp, "wb")))
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", tmp, strerror(errno));
	if ((data->len && fwrite(data->ptr, 1, data->len, f) != data->len) | (fflush(f) != 0) |
	    (fsync(fileno(f)) != 0)) {
		fclose(f);
		unlink(tmp);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s'", tmp);
	}
	if (fclose(f) != 0 || rename(tmp, path) < 0) {
		unlink(tmp);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot replace '%s': %s", path, strerror(errno));
	}
	return 0;
}
