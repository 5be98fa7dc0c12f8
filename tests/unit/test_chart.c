/* The charts of the report (core/chart.c): the numbers on the axes and
 * where the points go, over the edge cases of DESIGN §6. */
#include <string.h>

#include "core/buf.h"
#include "core/chart.h"
#include "tests/unit/unit.h"

static const char *num(struct buf *b, double v, int d)
{
	buf_reset(b);
	chart_number(b, v, d);
	return buf_str(b);
}

void test_chart__numbers(void)
{
	struct buf b = BUF_INIT;

	check_str(num(&b, 12345678, 0), "12,345,678");
	check_str(num(&b, -1234.5, 1), "-1,234.5");
	check_str(num(&b, 0.05, 2), "0.05");
	check_str(num(&b, 999.999, 2), "1,000.00");
	check_str(num(&b, 0, 0), "0");
	check_str(num(&b, -0.4, 0), "0");
	check(chart_decimals(12.5) == 1);
	check(chart_decimals(7) == 0);
	check(chart_decimals(0.25) == 2);
	buf_release(&b);
}

void test_chart__days(void)
{
	int ok;

	check(chart_day("1970-01-01", &ok) == 0 && ok);
	check(chart_day("2026-03-02", &ok) - chart_day("2026-01-01", &ok) == 60);
	chart_day("2026-02-29", &ok);
	check(!ok);
	chart_day("2024-02-29", &ok);
	check(ok);
	chart_day("soon", &ok);
	check(!ok);
}

void test_chart__nice_ticks(void)
{
	struct chart_ticks t;

	chart_value_ticks(&t, 0, 100);
	check(t.lo == 0 && t.hi == 100 && t.step == 20 && t.n == 6 && t.decimals == 0);
	/* equal values: a span around them, not a division by zero */
	chart_value_ticks(&t, 5, 5);
	check(t.step > 0.19 && t.step < 0.21 && t.n == 7 && t.decimals == 1);
	check(t.lo > 4.39 && t.lo < 4.41 && t.hi > 5.59 && t.hi < 5.61);
	chart_value_ticks(&t, 0, 0);
	check(t.lo == -1 && t.hi == 1 && t.step == 0.5 && t.n == 5);
	/* negative values */
	chart_value_ticks(&t, -5, 3);
	check(t.lo == -6 && t.hi == 4 && t.step == 2 && t.n == 6);
	chart_value_ticks(&t, -30, 20);
	check(t.lo == -30 && t.hi == 20 && t.step == 10 && t.n == 6);
	/* large values */
	chart_value_ticks(&t, 0, 12345678);
	check(t.lo == 0 && t.hi == 15000000 && t.step == 5000000 && t.n == 4);
}

static char *line_svg(struct buf *b, const struct chart_line *c)
{
	buf_reset(b);
	return chart_line_svg(b, c) == 0 ? b->ptr : NULL;
}

void test_chart__irregular_dates(void)
{
	static const struct chart_point v[] = {
		{ "2026-01-01", 10 }, { "2026-01-11", 20 }, { "2026-03-02", 40 }
	};
	struct chart_line c = { "Readers", "children", "en", v, 3, 0, 0, 0, 0 };
	struct chart_layout l;
	struct buf b = BUF_INIT;
	const char *s;

	check(chart_line_layout(&l, &c) == 0);
	/* x is time: 10 days and 50 days apart are not the same step */
	check(l.px[0] == 96.7 && l.px[1] == 179.2 && l.px[2] == 591.3);
	check(l.py[0] == 224 && l.py[1] == 164 && l.py[2] == 44);
	check(l.y.lo == 10 && l.y.hi == 40 && l.y.n == 4);
	/* fortnightly ticks on Mondays */
	check(l.x.n == 5 && !l.x.monthly);
	chart_layout_release(&l);
	check((s = line_svg(&b, &c)));
	check(strstr(s, ">5 Jan</text>") && strstr(s, ">2 Mar</text>"));
	check(strstr(s, "points=\"96.7,224.0 179.2,164.0 591.3,44.0\""));
	check(strstr(s, "<circle class=\"latest\" cx=\"591.3\" cy=\"44.0\""));
	check(strstr(s, "Latest: 40 children (2026-03-02)"));
	check(strstr(s, "role=\"img\"") && strstr(s, "<title>Readers</title>"));
	buf_release(&b);
}

void test_chart__no_points(void)
{
	struct chart_line c = { "Readers", NULL, "en", NULL, 0, 1, 1, 10, 20 };
	struct buf b = BUF_INIT;
	const char *s;

	check((s = line_svg(&b, &c)));
	check(strstr(s, "No measurements yet"));
	check(strstr(s, "viewBox=\"0 0 640 80.0\""));
	check(!strstr(s, "<polyline") && !strstr(s, "<circle") && !strstr(s, "class=\"grid\""));
	check(strstr(s, "<title>Readers</title>"));
	buf_release(&b);
}

void test_chart__one_point_and_equal_values(void)
{
	static const struct chart_point v[] = { { "2026-05-10", 7 } };
	static const struct chart_point same[] = { { "2026-05-10", 7 }, { "2026-06-10", 7 } };
	struct chart_line c = { "One", NULL, "en", v, 1, 0, 0, 0, 0 };
	struct chart_layout l;
	struct buf b = BUF_INIT;
	const char *s;

	check(chart_line_layout(&l, &c) == 0);
	check(l.px[0] == 344 && l.py[0] == 134);
	check(l.y.lo == 6 && l.y.hi == 8 && l.y.n == 5 && l.y.decimals == 1);
	check(l.day1 - l.day0 == 28);
	chart_layout_release(&l);
	check((s = line_svg(&b, &c)));
	check(!strstr(s, "<polyline") && strstr(s, "<circle class=\"latest\" cx=\"344.0\" cy=\"134.0\""));
	check(strstr(s, ">6.5</text>") && strstr(s, ">7.5</text>"));
	c.v = same;
	c.n = 2;
	check(chart_line_layout(&l, &c) == 0);
	check(l.py[0] == 134 && l.py[1] == 134 && l.px[0] < l.px[1]);
	chart_layout_release(&l);
	buf_release(&b);
}

void test_chart__negative_values(void)
{
	static const struct chart_point v[] = { { "2026-01-01", -5 }, { "2026-02-01", 3 } };
	struct chart_line c = { "Balance", NULL, "en", v, 2, 0, 0, 0, 0 };
	struct chart_layout l;
	struct buf b = BUF_INIT;
	const char *s;

	check(chart_line_layout(&l, &c) == 0);
	check(l.py[0] == 206 && l.py[1] == 62);
	chart_layout_release(&l);
	check((s = line_svg(&b, &c)));
	check(strstr(s, ">-6</text>") && strstr(s, ">0</text>") && strstr(s, ">4</text>"));
	buf_release(&b);
}

void test_chart__large_values(void)
{
	static const struct chart_point v[] = { { "2026-01-01", 1000 }, { "2027-01-01", 12345678 } };
	struct chart_line c = { "Budget", "NIS", "en", v, 2, 0, 0, 0, 0 };
	struct buf b = BUF_INIT;
	const char *s;

	check((s = line_svg(&b, &c)));
	check(strstr(s, ">15,000,000</text>") && strstr(s, ">5,000,000</text>"));
	check(strstr(s, ">12,345,678</text>"));
	check(strstr(s, "Latest: 12,345,678 NIS (2027-01-01)"));
	/* a year and more: ticks by month */
	check(strstr(s, ">Jan 2027</text>"));
	buf_release(&b);
}

void test_chart__target_below_baseline(void)
{
	static const struct chart_point v[] = { { "2026-01-01", 110 }, { "2026-06-01", 100 } };
	struct chart_line c = { "Dropouts", "%", "en", v, 2, 1, 1, 120, 80 };
	struct chart_layout l;
	struct buf b = BUF_INIT;
	const char *s;

	check(chart_line_layout(&l, &c) == 0);
	check(l.baseline_y == 44 && l.target_y == 224);
	check(l.y.lo == 80 && l.y.hi == 120);
	chart_layout_release(&l);
	check((s = line_svg(&b, &c)));
	check(strstr(s, "Goal: bring it down (from 120 to 80)"));
	check(strstr(s, "<line class=\"baseline\"") && strstr(s, ">Baseline 120</text>"));
	check(strstr(s, "<line class=\"target\"") && strstr(s, ">Target 80</text>"));
	c.target = 150;
	check((s = line_svg(&b, &c)));
	check(strstr(s, "Goal: raise it (from 120 to 150)"));
	buf_release(&b);
}

void test_chart__hebrew_and_escaping(void)
{
	static const struct chart_point v[] = { { "2026-01-01", 3 }, { "2026-03-01", 5 } };
	struct chart_line c = { "<img src=x onerror=alert(1)>", "ילדים", "he", v, 2, 1, 1, 2, 9 };
	struct buf b = BUF_INIT;
	const char *s;

	check((s = line_svg(&b, &c)));
	check(!strstr(s, "<img"));
	check(strstr(s, "<title>&lt;img src=x onerror=alert(1)&gt;</title>"));
	/* the title on the right, set right to left; numbers left to right */
	check(strstr(s, "<text x=\"632.0\" y=\"20.0\" class=\"ct\" direction=\"rtl\" text-anchor=\"start\">"));
	check(strstr(s, "direction=\"ltr\" text-anchor=\"end\">5</text>"));
	check(strstr(s, "ערך אחרון: 5 ילדים (2026-03-01)"));
	check(strstr(s, "המטרה: להעלות"));
	check(strstr(s, ">יעד 9</text>"));
	buf_release(&b);
}

void test_chart__bars(void)
{
	static const struct chart_bar cols[] = { { "1", 3 }, { "2", 5 }, { "3", 4 } };
	static const struct chart_bar rows[] = { { "דנה <b>", 2 } };
	struct buf b = BUF_INIT;

	check(chart_columns_svg(&b, "Attendance", "en", cols, 3) == 0);
	check(strstr(b.ptr, "<rect class=\"bar\" x=\"118.7\" y=\"125.6\" width=\"64.0\" height=\"134.4\">"));
	check(strstr(b.ptr, ">5</text>") && strstr(b.ptr, "<title>Attendance</title>"));
	buf_reset(&b);
	check(chart_rows_svg(&b, "Hosts", "he", rows, 1) == 0);
	check(strstr(b.ptr, "<rect class=\"bar\" x=\"56.0\" y=\"39.0\" width=\"414.0\" height=\"16.0\">"));
	check(strstr(b.ptr, "<text x=\"632.0\" y=\"51.0\" class=\"tick\" direction=\"rtl\" text-anchor=\"start\">דנה &lt;b&gt;</text>"));
	check(!strstr(b.ptr, "<b>"));
	buf_reset(&b);
	/* no bars at all: still a chart with its title */
	check(chart_columns_svg(&b, "Attendance", "en", NULL, 0) == 0);
	check(strstr(b.ptr, "<title>Attendance</title>") && !strstr(b.ptr, "<rect"));
	buf_release(&b);
}
