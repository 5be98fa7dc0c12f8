/*
 * A confidential value's history, opened for a reader (store/histopen.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/layout.h"
#include "core/sealed.h"
#include "histopen.h"

/* Keeps r, a text put in h's place, in o; -1 when memory ran out. */
static int keep(struct histopen *o, char *r, int real)
{
	char **nv;

	if (!(nv = realloc(o->v, (o->n + 1) * sizeof(*nv))))
		return -1;
	o->v = nv;
	if (!(nv = realloc(o->real, (o->nreal + 1) * sizeof(*nv))))
		return -1;
	o->real = nv;
	o->v[o->n++] = r;
	if (real)
		o->real[o->nreal++] = r;
	return 0;
}

int histopen_applies(const struct path *p)
{
	return layout_kind(p->file) == KIND_INTERVIEW && p->n;
}

int histopen_open(struct histopen *o, struct field_history *h, const struct path *p,
		  const struct age_identity *ids, size_t nids, const char *who, struct err *err)
{
	char pathtext[2600], *r;
	const char *place;
	size_t i;
	int real;

	if (!histopen_applies(p))
		return 0;
	path_format(pathtext, sizeof(pathtext), p);
	place = strchr(pathtext, ':') ? strchr(pathtext, ':') + 1 : pathtext;
	for (i = 0; i < h->capcache; i++) {
		struct field_value *v = h->cache ? h->cache[i] : NULL;

		if (!v || !v->text || !(r = sealed_open_text(p->file, place, v->text, ids, nids, who, &real)))
			continue;
		if (keep(o, r, real) < 0) {
			age_wipe(r, strlen(r));
			free(r);
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		}
		free(v->text);
		v->text = r;
	}
	return 0;
}

int histopen_resealed(const struct histopen *o, const struct field_change *ch)
{
	size_t i;
	int a = 0, z = 0;

	if (ch->kind != FIELD_CHANGED || !ch->before || !ch->after || !ch->before->text ||
	    !ch->after->text || strcmp(ch->before->text, ch->after->text))
		return 0;
	for (i = 0; i < o->nreal; i++) {
		a |= o->real[i] == ch->before->text;
		z |= o->real[i] == ch->after->text;
	}
	return a && z;
}

void histopen_release(struct histopen *o)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		age_wipe(o->v[i], strlen(o->v[i]));
	free(o->v);
	free(o->real);
	memset(o, 0, sizeof(*o));
}
