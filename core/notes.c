/* The agenda and the typed lines of `convene notes`: see notes.h. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "err.h"
#include "notes.h"
#include "text.h"

int notes_agenda(struct notes_agenda *out, const struct doc_node *root)
{
	const struct doc_node *agenda = doc_get(root, "agenda"), *a;

	memset(out, 0, sizeof(*out));
	if (agenda && agenda->kind == DOC_SEQ)
		out->listed = agenda->n;
	if (!out->listed)
		return 0;
	if (!(out->v = calloc(out->listed, sizeof(*out->v))))
		return ERR_NOMEM;
	for (a = agenda->head; a; a = a->next) {
		const char *id = dom_text(a, "id"), *title = dom_text(a, "title");
		const char *prompt = dom_text(a, "prompt");
		struct notes_item *it = &out->v[out->n];

		if (!id)
			continue;
		it->id = strdup(id);
		it->title = strdup(title ? title : "");
		it->prompt = prompt ? strdup(prompt) : NULL;
		if (!it->id || !it->title) {
			free(it->id);
			free(it->title);
			free(it->prompt);
			memset(it, 0, sizeof(*it));
			continue;
		}
		out->n++;
	}
	return 0;
}

void notes_agenda_release(struct notes_agenda *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].id);
		free(a->v[i].title);
		free(a->v[i].prompt);
	}
	free(a->v);
	memset(a, 0, sizeof(*a));
}

int notes_find_item(const struct notes_agenda *a, const char *arg)
{
	size_t i;
	char *end;
	long k = strtol(arg, &end, 10);

	if (*arg && !*end && k >= 1 && (size_t)k <= a->n)
		return (int)k - 1;
	for (i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].id, arg))
			return (int)i;
	return -1;
}

static const struct {
	const char *name, *alias;
	enum notes_command cmd;
} commands[] = {
	{ "/quit", "/q", NOTES_QUIT }, { "/next", "/n", NOTES_NEXT },
	{ "/prev", "/p", NOTES_PREV }, { "/go", NULL, NOTES_GO },
	{ "/items", NULL, NOTES_ITEMS }, { "/show", NULL, NOTES_SHOW },
	{ "/decide", "/d", NOTES_DECIDE }, { "/action", "/a", NOTES_ACTION },
	{ "/attend", NULL, NOTES_ATTEND }, { "/help", "/h", NOTES_HELP },
};

enum notes_command notes_command(char *line, char **arg)
{
	char *a = strchr(line, ' ');
	size_t i;

	if (a)
		*a++ = '\0';
	else
		a = line + strlen(line);
	while (*a == ' ')
		a++;
	*arg = a;
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(line, commands[i].name) ||
		    (commands[i].alias && !strcmp(line, commands[i].alias)))
			return commands[i].cmd;
	return NOTES_UNKNOWN;
}

int notes_action(char *text, const char **owner, const char **due)
{
	char *copy = strdup(text), *w, *save = NULL, *at = text;
	const char *o = NULL, *d = NULL;
	size_t n;

	*owner = *due = NULL;
	if (!copy)
		return ERR_NOMEM;
	/* words from a copy, written back into text: the kept words, then
	 * the owner and the date after them, each ended by a NUL.  It fits,
	 * as "@" and "due:" and the spaces dropped make room for the NULs;
	 * and nothing points into what a later word overwrites (pointing
	 * into text itself gave "@dana buy milk" the owner "uy milk") */
	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (w[0] == '@' && text_is_id(w + 1))
			o = w + 1;
		else if (!strncmp(w, "due:", 4))
			d = w + 4;
		else {
			if (at > text)
				*at++ = ' ';
			n = strlen(w);
			memcpy(at, w, n);
			at += n;
		}
	}
	*at++ = '\0';
	if (o) {
		n = strlen(o) + 1;
		memcpy(at, o, n);
		*owner = at;
		at += n;
	}
	if (d) {
		memcpy(at, d, strlen(d) + 1);
		*due = at;
	}
	free(copy);
	return 0;
}

size_t notes_words(char *arg, char **out, size_t max)
{
	char *save = NULL, *w;
	size_t n;

	for (n = 0, w = strtok_r(arg, " ", &save); w && n < max; w = strtok_r(NULL, " ", &save))
		out[n++] = w;
	out[n] = NULL;
	return n;
}
