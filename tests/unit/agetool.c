/*
 * A test program over core/age.c, for the interop tests with the real
 * `age` (t0032):
 *
 *   agetool seal [--binary] RECIPIENT... < plain > file   (armored unless --binary)
 *   agetool open IDENTITYFILE < file > plain
 *
 * Errors go to stderr as age_strerror() says them; exit 1.  Nothing is
 * written to stdout unless the whole file opened.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/age.h"

static int slurp(FILE *f, struct buf *b)
{
	char tmp[65536];
	size_t n;

	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(b, tmp, n);
	age_wipe(tmp, sizeof(tmp));
	return ferror(f) || buf_failed(b) ? -1 : 0;
}

static int fail(const char *what, int rc)
{
	fprintf(stderr, "agetool: %s: %s\n", what, age_strerror(rc));
	return 1;
}

static int seal(int argc, char **argv)
{
	struct buf in = BUF_SECRET_INIT, out = BUF_INIT;
	struct age_recipient *r;
	int i, n = 0, binary = 0, rc;

	if (argc > 0 && !strcmp(argv[0], "--binary")) {
		binary = 1;
		argc--;
		argv++;
	}
	if (!argc || !(r = calloc((size_t)argc, sizeof(*r))))
		return 2;
	for (i = 0; i < argc; i++)
		if ((rc = age_recipient_parse(argv[i], &r[n++])) != AGE_OK)
			return fail(argv[i], rc);
	if (slurp(stdin, &in) < 0)
		return fail("stdin", AGE_NOMEM);
	if ((rc = age_encrypt(r, (size_t)n, in.ptr, in.len, !binary, &out)) != AGE_OK)
		return fail("seal", rc);
	fwrite(out.ptr, 1, out.len, stdout);
	buf_release(&in);
	buf_release(&out);
	free(r);
	return fflush(stdout) ? 1 : 0;
}

static int open_file(const char *idfile)
{
	struct buf keys = BUF_SECRET_INIT, in = BUF_INIT, plain = BUF_SECRET_INIT;
	struct age_identity *ids;
	size_t n, line;
	FILE *f;
	int rc;

	if (!(f = fopen(idfile, "rb"))) {
		perror(idfile);
		return 1;
	}
	if (slurp(f, &keys) < 0)
		return fail(idfile, AGE_NOMEM);
	fclose(f);
	if ((rc = age_identities_parse(keys.ptr, keys.len, &ids, &n, &line)) != AGE_OK) {
		fprintf(stderr, "agetool: %s:%zu: not an age identity\n", idfile, line);
		return 1;
	}
	if (slurp(stdin, &in) < 0)
		return fail("stdin", AGE_NOMEM);
	if ((rc = age_decrypt(ids, n, in.ptr, in.len, &plain)) != AGE_OK)
		return fail("open", rc);
	fwrite(plain.ptr, 1, plain.len, stdout);
	age_identities_free(ids, n);
	buf_release(&keys);
	buf_release(&in);
	buf_release(&plain);
	return fflush(stdout) ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (age_init() < 0)
		return 1;
	if (argc >= 2 && !strcmp(argv[1], "seal"))
		return seal(argc - 2, argv + 2);
	if (argc == 3 && !strcmp(argv[1], "open"))
		return open_file(argv[2]);
	fprintf(stderr, "usage: agetool seal [--binary] RECIPIENT... < plain\n"
			"       agetool open IDENTITYFILE < file\n");
	return 2;
}
