/*
 * The baseline for `make bench`: a bare libyaml event parse of each file
 * named on the command line (read whole, as convene reads them), nothing
 * else.  Prints the number of events so the work cannot be skipped.
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

int main(int argc, char **argv)
{
	unsigned long events = 0;
	char *data = NULL;
	size_t cap = 0;
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		yaml_parser_t p;
		yaml_event_t ev;
		size_t len = 0, n;

		if (!f) {
			perror(argv[i]);
			return 1;
		}
		for (;;) {
			if (len + 65536 > cap) {
				cap = (len + 65536) * 2;
				data = realloc(data, cap);
				if (!data)
					return 1;
			}
			n = fread(data + len, 1, 65536, f);
			if (!n)
				break;
			len += n;
		}
		fclose(f);
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, (unsigned char *)data, len);
		for (;;) {
			if (!yaml_parser_parse(&p, &ev)) {
				fprintf(stderr, "%s: parse error\n", argv[i]);
				return 1;
			}
			events++;
			if (ev.type == YAML_STREAM_END_EVENT) {
				yaml_event_delete(&ev);
				break;
			}
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&p);
	}
	free(data);
	printf("%lu events\n", events);
	return 0;
}
