/* Unit tests of field paths and meeting numbers (core/path.c). */
#include <string.h>

#include "core/path.h"
#include "tests/unit/unit.h"

void test_path__meeting_number(void)
{
	check(path_meeting_number("2") == 2);
	check(path_meeting_number("002") == 2);
	check(path_meeting_number("00002") == 2);
	check(path_meeting_number("meetings/002.yaml") == 2);
	check(path_meeting_number("meetings/002") == 2);
	check(path_meeting_number("1000") == 1000);
	check(path_meeting_number("99999") == 99999);
	check(path_meeting_number("100000") == 0);
	check(path_meeting_number("999999999999") == 0);
	check(path_meeting_number("99999999999999999999999") == 0);
	check(path_meeting_number("0") == 0);
	check(path_meeting_number("000") == 0);
	check(path_meeting_number("") == 0);
	check(path_meeting_number("-1") == 0);
	check(path_meeting_number("+1") == 0);
	check(path_meeting_number(" 1") == 0);
	check(path_meeting_number("1x") == 0);
	check(path_meeting_number(".yaml") == 0);
	check(path_meeting_number("members/002.yaml") == 0);
}

void test_path__meeting_files(void)
{
	char file[64];

	check(path_meeting_of_file("meetings/001.yaml") == 1);
	check(path_meeting_of_file("meetings/042.yaml") == 42);
	check(path_meeting_of_file("meetings/1000.yaml") == 1000);
	check(path_meeting_of_file("meetings/99999.yaml") == 99999);
	check(path_meeting_of_file("meetings/1.yaml") == 0);
	check(path_meeting_of_file("meetings/0001.yaml") == 0);
	check(path_meeting_of_file("meetings/000.yaml") == 0);
	check(path_meeting_of_file("meetings/100000.yaml") == 0);
	check(path_meeting_of_file("meetings/999999999999.yaml") == 0);
	check(path_meeting_of_file("meetings/second.yaml") == 0);
	check(path_meeting_of_file("meetings/001.yml") == 0);
	check(path_meeting_of_file("members/001.yaml") == 0);
	path_meeting_file(file, sizeof(file), 7);
	check_str(file, "meetings/007.yaml");
	path_meeting_file(file, sizeof(file), 1000);
	check_str(file, "meetings/1000.yaml");
	check(path_meeting_of_file(file) == 1000);
}
