/* Unit tests of the layout and the commit conventions (core/layout.c). */
#include <string.h>

#include "core/buf.h"
#include "core/layout.h"
#include "tests/unit/unit.h"

void test_layout__meeting_number(void)
{
	check(layout_meeting_number("2") == 2);
	check(layout_meeting_number("002") == 2);
	check(layout_meeting_number("00002") == 2);
	check(layout_meeting_number("meetings/002.yaml") == 2);
	check(layout_meeting_number("meetings/002") == 2);
	check(layout_meeting_number("1000") == 1000);
	check(layout_meeting_number("99999") == 99999);
	check(layout_meeting_number("100000") == 0);
	check(layout_meeting_number("999999999999") == 0);
	check(layout_meeting_number("99999999999999999999999") == 0);
	check(layout_meeting_number("0") == 0);
	check(layout_meeting_number("000") == 0);
	check(layout_meeting_number("") == 0);
	check(layout_meeting_number("-1") == 0);
	check(layout_meeting_number("+1") == 0);
	check(layout_meeting_number(" 1") == 0);
	check(layout_meeting_number("1x") == 0);
	check(layout_meeting_number(".yaml") == 0);
	check(layout_meeting_number("members/002.yaml") == 0);
}

void test_layout__meeting_files(void)
{
	char file[64];

	check(layout_meeting_of_file("meetings/001.yaml") == 1);
	check(layout_meeting_of_file("meetings/042.yaml") == 42);
	check(layout_meeting_of_file("meetings/1000.yaml") == 1000);
	check(layout_meeting_of_file("meetings/99999.yaml") == 99999);
	check(layout_meeting_of_file("meetings/1.yaml") == 0);
	check(layout_meeting_of_file("meetings/0001.yaml") == 0);
	check(layout_meeting_of_file("meetings/000.yaml") == 0);
	check(layout_meeting_of_file("meetings/100000.yaml") == 0);
	check(layout_meeting_of_file("meetings/999999999999.yaml") == 0);
	check(layout_meeting_of_file("meetings/second.yaml") == 0);
	check(layout_meeting_of_file("meetings/001.yml") == 0);
	check(layout_meeting_of_file("members/001.yaml") == 0);
	layout_meeting_file(file, sizeof(file), 7);
	check_str(file, "meetings/007.yaml");
	layout_meeting_file(file, sizeof(file), 1000);
	check_str(file, "meetings/1000.yaml");
	check(layout_meeting_of_file(file) == 1000);
}

void test_layout__meeting_round_trip(void)
{
	static const struct { long n; const char *name, *file; } t[] = {
		{ 1, "001", "meetings/001.yaml" },
		{ 42, "042", "meetings/042.yaml" },
		{ 999, "999", "meetings/999.yaml" },
		{ 1000, "1000", "meetings/1000.yaml" },
		{ 99999, "99999", "meetings/99999.yaml" },
	};
	char file[64], name[16], subject[64];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		layout_meeting_file(file, sizeof(file), t[i].n);
		check_str(file, t[i].file);
		check(layout_meeting_of_file(file) == t[i].n);
		check(layout_meeting_number(file) == t[i].n);
		check(layout_kind(file) == KIND_MEETING);
		layout_meeting_name(name, sizeof(name), t[i].n);
		check_str(name, t[i].name);
		check(layout_meeting_number(name) == t[i].n);
		layout_subject(subject, sizeof(subject), t[i].n, "note on %s", "opening");
		check(layout_subject_meeting(subject) == t[i].n);
	}
}

void test_layout__meeting_rejects(void)
{
	check(layout_meeting_number("0") == 0);
	check(layout_meeting_number("100000") == 0);
	check(layout_meeting_number("meetings/01a.yaml") == 0);
	check(layout_meeting_of_file("meetings/000.yaml") == 0);
	check(layout_meeting_of_file("meetings/100000.yaml") == 0);
	check(layout_meeting_of_file("meetings/01a.yaml") == 0);
	check(layout_subject_meeting("meeting 000: x") == 0);
	check(layout_subject_meeting("meeting 100000: x") == 0);
	check(layout_subject_meeting("meeting 01a: x") == 0);
}

void test_layout__subject_write(void)
{
	char msg[64];

	layout_subject(msg, sizeof(msg), 2, "planned%s%s", " for ", "2026-03-01");
	check_str(msg, "meeting 002: planned for 2026-03-01");
	layout_subject(msg, sizeof(msg), 1, "%d attending", 3);
	check_str(msg, "meeting 001: 3 attending");
	/* not "meeting 100:", the number cut to three digits */
	layout_subject(msg, sizeof(msg), 1000, "note on %s", "opening");
	check_str(msg, "meeting 1000: note on opening");
	layout_subject(msg, 19, 1000, "note on %s", "opening");
	check_str(msg, "meeting 1000: note");
	layout_subject(msg, 10, 1000, "note on %s", "opening");
	check_str(msg, "meeting 1");
}

void test_layout__subject_read(void)
{
	check(layout_subject_meeting("meeting 002: note on opening") == 2);
	check(layout_subject_meeting("meeting 1000: far ahead") == 1000);
	check(layout_subject_meeting("meeting 100: far behind") == 100);
	check(layout_subject_meeting("meeting 99999:") == 99999);
	/* only the spelling convene writes, as for the files */
	check(layout_subject_meeting("meeting 2: note") == 0);
	check(layout_subject_meeting("meeting 0002: note") == 0);
	check(layout_subject_meeting("meeting 002 note") == 0);
	check(layout_subject_meeting("meeting 002") == 0);
	check(layout_subject_meeting("Meeting 002: note") == 0);
	check(layout_subject_meeting(" meeting 002: note") == 0);
	check(layout_subject_meeting("meeting : note") == 0);
	check(layout_subject_meeting("vision, as agreed at meeting 2") == 0);
	check(layout_subject_meeting("") == 0);
}

void test_layout__trailers(void)
{
	const char *msg =
		"vision, as agreed at meeting 2\n"
		"\n"
		"The Convene-Site: in a sentence is not a trailer.\n"
		"\n"
		"Signed-off-by: Dana Levi <dana@example.org>\n"
		"Convene-Meeting: 002\n"
		"X-Convene-Site: elsewhere\n"
		"Convene-Sites: many\n"
		"Reviewed-by: Noa <noa@example.org>\n"
		"\n"
		"Convene-Site: haifa\n";
	char site[64], meeting[8];

	layout_trailer(site, sizeof(site), msg, LAYOUT_TRAILER_SITE);
	check_str(site, "haifa");
	layout_trailer(meeting, sizeof(meeting), msg, LAYOUT_TRAILER_MEETING);
	check_str(meeting, "002");
	layout_trailer(site, sizeof(site), msg, "Reviewed-by");
	check_str(site, "Noa <noa@example.org>");
	layout_trailer(site, sizeof(site), "note\n\nConvene-Site: a\nConvene-Site: b\n",
		       LAYOUT_TRAILER_SITE);
	check_str(site, "b");
	layout_trailer(site, sizeof(site), "note\n", LAYOUT_TRAILER_SITE);
	check_str(site, "");
	/* too long for the buffer: said not at all rather than cut */
	layout_trailer(meeting, sizeof(meeting), "x\n\nConvene-Meeting: 0123456789\n",
		       LAYOUT_TRAILER_MEETING);
	check_str(meeting, "");

	layout_commit_read(msg, "vision, as agreed at meeting 2", site, sizeof(site),
			   meeting, sizeof(meeting));
	check_str(site, "haifa");
	check_str(meeting, "002");
	/* the subject says the meeting when no trailer does */
	layout_commit_read("meeting 1000: far ahead\n", "meeting 1000: far ahead", site,
			   sizeof(site), meeting, sizeof(meeting));
	check_str(site, "");
	check_str(meeting, "1000");
	/* and a trailer says it before the subject */
	layout_commit_read("meeting 001: note\n\nConvene-Meeting: 003\n", "meeting 001: note",
			   site, sizeof(site), meeting, sizeof(meeting));
	check_str(meeting, "003");
	layout_commit_read("vision set\n", "vision set", site, sizeof(site), meeting,
			   sizeof(meeting));
	check_str(meeting, "");
}

void test_layout__commit_message(void)
{
	struct buf b = BUF_INIT;
	char site[64], meeting[8];

	layout_commit_message(&b, "meeting 001: note on opening", "haifa");
	check(!buf_failed(&b));
	check_str(buf_str(&b), "meeting 001: note on opening\n\nConvene-Site: haifa\n");
	layout_commit_read(buf_str(&b), "meeting 001: note on opening", site, sizeof(site),
			   meeting, sizeof(meeting));
	check_str(site, "haifa");
	check_str(meeting, "001");
	buf_reset(&b);
	layout_commit_message(&b, "vision set\n", "");
	check_str(buf_str(&b), "vision set\n");
	buf_reset(&b);
	layout_commit_message(&b, "vision\n\nConvene-Meeting: 002\n", "tel-aviv");
	check_str(buf_str(&b), "vision\n\nConvene-Meeting: 002\n\nConvene-Site: tel-aviv\n");
	buf_release(&b);
}

void test_layout__kinds(void)
{
	char dir[32], id[72];
	const struct layout_folder *f;
	size_t n = 0;

	check(layout_kind("initiative.yaml") == KIND_INITIATIVE);
	check(layout_kind("members/dana.yaml") == KIND_MEMBER);
	check(layout_kind("interviews/dana-1.yaml") == KIND_INTERVIEW);
	check(layout_kind("meetings/002.yaml") == KIND_MEETING);
	check(layout_kind("outcomes/reading.yaml") == KIND_OUTCOME);
	/* a misnamed file in a folder is still of its kind, to be told so */
	check(layout_kind("meetings/second.yaml") == KIND_MEETING);
	check(layout_kind("notes/x.yaml") == KIND_NONE);
	check(layout_kind("member/dana.yaml") == KIND_NONE);
	check(layout_kind("membersdana.yaml") == KIND_NONE);
	check(layout_kind("initiative.yml") == KIND_NONE);
	check(layout_kind("README.md") == KIND_NONE);
	check(layout_kind("x/initiative.yaml") == KIND_NONE);

	check(layout_folder_kind("meetings") == KIND_MEETING);
	check(layout_folder_kind("members") == KIND_MEMBER);
	check(layout_folder_kind("meeting") == KIND_NONE);
	check(layout_folder_kind("meetings/") == KIND_NONE);
	check(layout_folder_kind("") == KIND_NONE);
	for (f = layout_folders; f->name; f++, n++) {
		check(layout_folder_kind(f->name) == f->kind);
		snprintf(dir, sizeof(dir), "%s/x.yaml", f->name);
		check(layout_kind(dir) == f->kind);
	}
	check(n == 4);

	check(layout_file("members/dana.yaml", dir, sizeof(dir), id, sizeof(id)));
	check_str(dir, "members");
	check_str(id, "dana");
	check(layout_file("initiative.yaml", dir, sizeof(dir), id, sizeof(id)));
	check_str(dir, "");
	check_str(id, "initiative");
	check(!layout_file("members/Dana.yaml", dir, sizeof(dir), id, sizeof(id)));
	check(!layout_file("notes/x.yaml", dir, sizeof(dir), id, sizeof(id)));
	check(!layout_file("members/dana.yml", dir, sizeof(dir), id, sizeof(id)));
	check(!layout_file("members/.yaml", dir, sizeof(dir), id, sizeof(id)));
	check(!layout_file("../members/dana.yaml", dir, sizeof(dir), id, sizeof(id)));
}

void test_layout__refs(void)
{
	char ref[128];

	layout_ref_site(ref, sizeof(ref), "haifa");
	check_str(ref, "refs/convene/sites/haifa");
	layout_ref_from(ref, sizeof(ref), "tel-aviv");
	check_str(ref, "refs/convene/from/tel-aviv");
	check_str(layout_ref_from_site(ref), "tel-aviv");
	check(!layout_ref_from_site("refs/convene/sites/haifa"));
	check(!layout_ref_from_site("refs/heads/main"));
	check(!layout_ref_from_site("refs/convene/from/"));
	check(!layout_ref_from_site("refs/convene/from/../heads"));
	check(!layout_ref_from_site("refs/convene/from/Haifa"));
}

void test_layout__id_files(void)
{
	char file[64], dir[32], id[32], small[12];
	const struct layout_folder *f;

	layout_member_file(file, sizeof(file), "dana");
	check_str(file, "members/dana.yaml");
	check(layout_kind(file) == KIND_MEMBER);
	layout_interview_file(file, sizeof(file), "dana-2");
	check_str(file, "interviews/dana-2.yaml");
	check(layout_kind(file) == KIND_INTERVIEW);
	layout_outcome_file(file, sizeof(file), "grade-3-reading");
	check_str(file, "outcomes/grade-3-reading.yaml");
	check(layout_kind(file) == KIND_OUTCOME);
	/* every folder's file reads back as its folder and id */
	for (f = layout_folders; f->name; f++) {
		layout_folder_file(file, sizeof(file), f->name, "x-1");
		check(layout_file(file, dir, sizeof(dir), id, sizeof(id)));
		check_str(dir, f->name);
		check_str(id, "x-1");
		check(layout_kind(file) == f->kind);
	}
	/* truncated as snprintf does, never overrun */
	layout_member_file(small, sizeof(small), "dana-levi");
	check_str(small, "members/dan");
}

void test_layout__synced_key(void)
{
	char key[64];

	layout_synced_key(key, sizeof(key), "origin");
	check_str(key, "remote.origin.conveneSynced");
	layout_synced_key(key, sizeof(key), "hub-2");
	check_str(key, "remote.hub-2.conveneSynced");
}
