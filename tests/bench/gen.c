/*
 * Generates a synthetic initiative for the benchmarks: members, interviews,
 * meetings with agenda items full of notes, outcomes; Hebrew and English.
 * Usage: gen DIR [MEMBERS MEETINGS ITEMS NOTES]  (default 2000 1000 8 10)
 *        gen --merge DIR NOTES ADDED   base, ours and theirs of one meeting
 *        of NOTES notes, each side adding ADDED notes to the same items
 * Deterministic: the same arguments give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long seed = 12345;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((seed >> 33) % n);
}

static const char *const he[] = {
	"הילדים", "קוראים", "בספרייה", "המשפחות", "שותפות", "בנגב", "מורים", "ותיקים",
	"סיפור", "הצלחה", "נתונים", "חדשים", "מפגש", "קהילה", "חזון", "משותף"
};
static const char *const en[] = {
	"children", "read", "library", "families", "partners", "data", "teachers",
	"story", "success", "new", "meeting", "community", "vision", "shared"
};

static void words(FILE *f, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i)
			fputc(' ', f);
		if (rnd(3))
			fputs(he[rnd(sizeof(he) / sizeof(he[0]))], f);
		else
			fputs(en[rnd(sizeof(en) / sizeof(en[0]))], f);
	}
}

static FILE *open_file(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(f = fopen(path, "w"))) {
		perror(path);
		exit(1);
	}
	return f;
}

static void note(FILE *f, unsigned id, int minute, char side)
{
	fprintf(f, "  - id: n%07x\n    by: m-%u\n    site: %s\n"
		"    at: 2026-02-01T%02d:%02d:00+02:00\n    text: ", id, rnd(200),
		side == 'o' ? "haifa" : side == 't' ? "beersheva" : "tel-aviv",
		17 + minute / 60 % 7, minute % 60);
	words(f, 8 + (int)rnd(10));
	fputc('\n', f);
}

/* One meeting as base, and as two sites that each added notes. */
static int merge_files(const char *dir, int notes, int added)
{
	static const char *const names[] = { "base.yaml", "ours.yaml", "theirs.yaml" };
	int items = 8, v, j, k, per = notes / items, add;

	mkdir(dir, 0777);
	for (v = 0; v < 3; v++) {
		FILE *f = open_file(dir, names[v]);

		seed = 4242;
		fprintf(f, "number: 7\ntitle: ");
		words(f, 4);
		fprintf(f, "\nstatus: held\nagenda:\n");
		for (j = 0; j < items; j++) {
			fprintf(f, "- id: item-%d\n  title: ", j);
			words(f, 3);
			fprintf(f, "\n  notes:\n");
			for (k = 0; k < per; k++)
				note(f, (unsigned)(j * 100000 + k), k, 'b');
			/* added / items on each item, the rest on the first ones */
			add = added / items + (j < added % items);
			if (v) {
				unsigned long keep = seed;

				seed = (unsigned long)(v * 7919 + j);
				for (k = 0; k < add; k++)
					note(f, (unsigned)(v * 10000000 + j * 10000 + k), per + k, v == 1 ? 'o' : 't');
				seed = keep;
			}
		}
		fclose(f);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int members = 2000, meetings = 1000, items = 8, notes = 10, i, j, k;
	char path[4096], name[64];
	FILE *f;

	if (argc == 5 && !strcmp(argv[1], "--merge"))
		return merge_files(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (argc < 2) {
		fprintf(stderr, "usage: gen DIR [MEMBERS MEETINGS ITEMS NOTES]\n");
		return 2;
	}
	if (argc > 5) {
		members = atoi(argv[2]);
		meetings = atoi(argv[3]);
		items = atoi(argv[4]);
		notes = atoi(argv[5]);
	}
	mkdir(argv[1], 0777);
	for (i = 0; i < 4; i++) {
		static const char *const d[] = { "members", "interviews", "meetings", "outcomes" };

		snprintf(path, sizeof(path), "%s/%s", argv[1], d[i]);
		mkdir(path, 0777);
	}
	f = open_file(argv[1], "initiative.yaml");
	fprintf(f, "name: קריאה מוקדמת בנגב\nlanguage: he\nvision: |\n  ");
	words(f, 20);
	fprintf(f, "\n  ");
	words(f, 12);
	fprintf(f, "\nprinciples:\n");
	for (i = 0; i < 20; i++) {
		fprintf(f, "- id: p-%d\n  text: ", i);
		words(f, 6);
		fputc('\n', f);
	}
	fprintf(f, "subgroups:\n- id: schools\n  name: בתי ספר\n- id: libraries\n  name: ספריות\n");
	fclose(f);

	for (i = 0; i < members; i++) {
		snprintf(name, sizeof(name), "members/m-%d.yaml", i);
		f = open_file(argv[1], name);
		fprintf(f, "id: m-%d\nname: ", i);
		words(f, 2);
		fprintf(f, "\norganization: ");
		words(f, 3);
		fprintf(f, "\nrole: member\nemail: m%d@example.org\ncan_host: %s\nsubgroups:\n- schools\n"
			"joined: 2026-01-%02d\n", i, rnd(2) ? "true" : "false", 1 + rnd(28));
		fclose(f);
		if (i % 2 == 0) {
			snprintf(name, sizeof(name), "interviews/i-%d.yaml", i);
			f = open_file(argv[1], name);
			fprintf(f, "id: i-%d\nmember: m-%d\ninterviewer: m-%d\ndate: 2026-01-05\n"
				"answers:\n  motivation: |\n    ", i, i, (i + 1) % members);
			words(f, 15);
			fprintf(f, "\n  strengths: ");
			words(f, 8);
			fprintf(f, "\nconfidential: false\n");
			fclose(f);
		}
	}

	for (i = 1; i <= meetings; i++) {
		snprintf(name, sizeof(name), "meetings/%03d.yaml", i);
		f = open_file(argv[1], name);
		fprintf(f, "number: %d\ntitle: ", i);
		words(f, 4);
		fprintf(f, "\nstatus: held\ngoals:\n- ");
		words(f, 5);
		fprintf(f, "\ndate: 2026-%02d-%02d\nstart: \"17:00\"\nduration: 120\nlocation:\n"
			"  host: m-%u\nattendees:\n", 1 + i % 12, 1 + i % 28, rnd((unsigned)members));
		for (j = 0; j < 12; j++)
			fprintf(f, "- m-%d\n", (i * 13 + j) % members);
		fprintf(f, "agenda:\n");
		for (j = 0; j < items; j++) {
			fprintf(f, "- id: item-%d\n  title: ", j);
			words(f, 3);
			fprintf(f, "\n  prompt: |\n    ");
			words(f, 12);
			fprintf(f, "\n  notes:\n");
			for (k = 0; k < notes; k++) {
				fprintf(f, "  - id: n%07x\n    by: m-%u\n    site: beersheva\n"
					"    at: 2026-02-01T17:%02d:00+02:00\n    text: ",
					(unsigned)(i * 100000 + j * 100 + k), rnd((unsigned)members), k % 60);
				words(f, 8 + (int)rnd(10));
				fputc('\n', f);
			}
			fprintf(f, "  actions:\n  - id: a%07d\n    text: ", i * 10 + j);
			words(f, 6);
			fprintf(f, "\n    owner: m-%u\n    due: 2026-03-01\n    status: open\n",
				rnd((unsigned)members));
		}
		fclose(f);
	}

	for (i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "outcomes/o-%d.yaml", i);
		f = open_file(argv[1], name);
		fprintf(f, "id: o-%d\ntitle: ", i);
		words(f, 4);
		fprintf(f, "\nstatus: active\nprinciples:\n- p-%d\nindicators:\n- id: ind\n  name: ", i % 20);
		words(f, 3);
		fprintf(f, "\n  baseline: 40\n  target: 80\n  measurements:\n");
		for (j = 0; j < 12; j++)
			fprintf(f, "  - id: m%d\n    date: 2026-%02d-01\n    value: %d.5\n", j, j + 1,
				40 + j);
		fclose(f);
	}
	return 0;
}
