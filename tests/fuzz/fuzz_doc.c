/*
 * libFuzzer target for the loader and the emitter: whatever the bytes, no
 * crash; whatever loads holds only text convene accepts, and emits to text
 * that loads back to the same tree and emits to the same bytes again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc *a, *b;
	struct buf e1 = BUF_INIT, e2 = BUF_INIT;
	struct err err;
	size_t bad;

	if (doc_load(&a, (const char *)data, size, &err) < 0)
		return 0;
	/* what loads holds no byte convene refuses: doc_load checks the bytes
	 * itself only when a load fails, and relies on libyaml for the rest */
	if (text_check((const char *)data, size, &bad))
		abort();
	if (doc_emit(&e1, a) < 0)
		abort();
	if (doc_load(&b, buf_str(&e1), e1.len, &err) < 0)
		abort();  /* the canonical form must load */
	if (!doc_equal(a->root, b->root))
		abort();
	if (doc_emit(&e2, b) < 0 || e1.len != e2.len || memcmp(buf_str(&e1), buf_str(&e2), e1.len))
		abort();  /* and be stable */
	doc_free(a);
	doc_free(b);
	buf_release(&e1);
	buf_release(&e2);
	return 0;
}
