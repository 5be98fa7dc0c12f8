/*
 * Charts drawn by convene as SVG, for the report (DESIGN §6): a line chart
 * of an indicator's measurements over time (x is time: irregular dates
 * stand apart by their distance), with its baseline and target as
 * labelled lines and its latest value marked; and bar charts (attendance
 * per meeting, who hosted).  Pure: numbers are formatted here, never by
 * the locale's printf, so the same data gives the same bytes.
 *
 * Every text given is plain text, escaped here.  Labels are in lang ("he"
 * or "en"); in Hebrew the texts are set right to left (direction="rtl",
 * anchored at the right), numbers stay left to right.  Lines differ by
 * dash pattern and marker, not by colour alone, so greyscale and print
 * read them.
 *
 * Every function appends to a buffer the caller owns; an allocation
 * failure is left in it (buf_failed) and returned as -1.
 */
#ifndef CONVENE_CHART_H
#define CONVENE_CHART_H

#include <stddef.h>

#include "buf.h"

/* The day number of a date YYYY-MM-DD (days since 1970-01-01); 0 with
 * *ok cleared when s is no date. */
long chart_day(const char *s, int *ok);

/* Appends v with `decimals` fixed decimals and a thousands separator
 * (12,345,678.5): no locale, no printf of a double. */
void chart_number(struct buf *out, double v, int decimals);
/* How many decimals v needs, 0 to 3 ("12.5": 1). */
int chart_decimals(double v);

/* Ticks of a value axis in 1-2-5 steps: lo + k*step for k = 0..n-1,
 * covering [min, max]; a span of 0 is widened around the value. */
struct chart_ticks {
	double lo, hi, step;
	int n, decimals;
};
void chart_value_ticks(struct chart_ticks *out, double min, double max);

/* Ticks of a time axis: at most 8, on round days (a week, the first of a
 * month, of a quarter, of a year). */
#define CHART_MAX_DATE_TICKS 16
struct chart_date_ticks {
	long day[CHART_MAX_DATE_TICKS];
	int n;
	int monthly;   /* labelled by month (and year), else by day */
};
void chart_date_ticks(struct chart_date_ticks *out, long first, long last);

/* One measurement: its date (YYYY-MM-DD) and value. */
struct chart_point {
	const char *date;
	double value;
};

/* A line chart of one indicator. */
struct chart_line {
	const char *title;            /* the indicator's name */
	const char *unit;             /* NULL: none */
	const char *lang;
	const struct chart_point *v;  /* in date order */
	size_t n;
	int has_baseline, has_target;
	double baseline, target;
};

/* Where things go, for the SVG and for tests: the plot area and each
 * point's coordinates (SVG units, one decimal as drawn). */
#define CHART_W 640
#define CHART_H 300
struct chart_layout {
	double left, right, top, bottom;   /* the plot area */
	long day0, day1;                   /* the time span drawn */
	struct chart_ticks y;
	struct chart_date_ticks x;
	double *px, *py;                   /* n of them (malloc'ed; NULL for 0) */
	size_t n;
	double baseline_y, target_y;
};
/* Lays c out; 0 or -1 (no memory).  Release with chart_layout_release(). */
int chart_line_layout(struct chart_layout *out, const struct chart_line *c);
void chart_layout_release(struct chart_layout *l);
/* The x of a day and the y of a value in l. */
double chart_x(const struct chart_layout *l, long day);
double chart_y(const struct chart_layout *l, double v);

/* Appends the chart as an <svg> element (role="img", aria-label, <title>):
 * no measurements yet is said in text, with no line. */
int chart_line_svg(struct buf *out, const struct chart_line *c);

/* A bar chart: one bar per entry, its value written on it. */
struct chart_bar {
	const char *label;   /* plain text */
	double value;
};
/* Vertical bars (attendance per meeting: labels are short, numbers). */
int chart_columns_svg(struct buf *out, const char *title, const char *lang,
		      const struct chart_bar *v, size_t n);
/* Horizontal bars (hosting by site: labels are names), the names at the
 * start of the line: the left, or the right in Hebrew. */
int chart_rows_svg(struct buf *out, const char *title, const char *lang,
		   const struct chart_bar *v, size_t n);

#endif
