/*
 * SVG charts for the report: see chart.h.  The geometry is computed
 * first (chart_line_layout, also what the tests look at), then written;
 * every number is written by chart_number() or fixed(), never through a
 * locale's %f, so the bytes depend on the data alone.
 */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "page.h"

/* ---- numbers ---- */

static double absd(double v)
{
	return v < 0 ? -v : v;
}

static double tenth_power(int d)
{
	double p = 1;

	while (d-- > 0)
		p *= 10;
	return p;
}

/* v * 10^d rounded half away from zero; huge values are clamped. */
static long long scaled(double v, int d)
{
	double r = v * tenth_power(d);

	if (r > 9e18)
		return 9000000000000000000LL;
	if (r < -9e18)
		return -9000000000000000000LL;
	return r < 0 ? -(long long)(-r + 0.5) : (long long)(r + 0.5);
}

static void digits(struct buf *out, unsigned long long v, int group)
{
	char tmp[32];
	int n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (i = n - 1; i >= 0; i--) {
		buf_addc(out, tmp[i]);
		if (group && i && i % 3 == 0)
			buf_addc(out, ',');
	}
}

static void number(struct buf *out, double v, int decimals, int group)
{
	long long a = scaled(v, decimals);
	unsigned long long u, p = (unsigned long long)tenth_power(decimals), frac;
	int i;

	if (a < 0)
		buf_addc(out, '-');
	u = a < 0 ? (unsigned long long)(-(a + 1)) + 1 : (unsigned long long)a;
	digits(out, u / p, group);
	if (decimals <= 0)
		return;
	buf_addc(out, '.');
	frac = u % p;
	for (i = decimals - 1; i >= 0; i--) {
		unsigned long long q = (unsigned long long)tenth_power(i);

		buf_addc(out, (char)('0' + (frac / q) % 10));
	}
}

void chart_number(struct buf *out, double v, int decimals)
{
	number(out, v, decimals, 1);
}

/* A coordinate: one decimal, no separator. */
static void fixed(struct buf *out, double v)
{
	number(out, v, 1, 0);
}

int chart_decimals(double v)
{
	int d;

	if (absd(v) > 1e12)
		return 0;
	for (d = 0; d < 3; d++) {
		double r = v * tenth_power(d);

		if (absd(r - (double)scaled(v, d)) < 1e-6 * (absd(r) > 1 ? absd(r) : 1))
			return d;
	}
	return 3;
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

long chart_day(const char *s, int *ok)
{
	long y = 0;
	unsigned m, d, mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i;

	*ok = 0;
	if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	for (i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
	d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 || y % 400 == 0))))
		return 0;
	*ok = 1;
	return days_from_civil(y, m, d);
}

static const char *const months_en[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};
static const char *const months_he[] = {
	"ינו׳", "פבר׳", "מרץ", "אפר׳", "מאי", "יוני", "יולי", "אוג׳", "ספט׳", "אוק׳", "נוב׳", "דצמ׳"
};

static int is_he(const char *lang)
{
	return lang && !strcmp(lang, "he");
}

/* A tick's label: "3 Mar" or "Mar 2026" (in Hebrew, the same in its words). */
static void date_label(struct buf *out, long day, int monthly, const char *lang)
{
	long y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	if (monthly)
		buf_addf(out, "%s %ld", (is_he(lang) ? months_he : months_en)[m - 1], y);
	else if (is_he(lang))
		buf_addf(out, "%u ב%s", d, months_he[m - 1]);
	else
		buf_addf(out, "%u %s", d, months_en[m - 1]);
}

void chart_date_ticks(struct chart_date_ticks *out, long first, long last)
{
	static const int day_steps[] = { 1, 2, 7, 14 };
	static const int month_steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 600 };
	size_t i;
	long day;

	memset(out, 0, sizeof(*out));
	if (last < first)
		return;
	for (i = 0; i < sizeof(day_steps) / sizeof(*day_steps); i++) {
		int step = day_steps[i], n = 0;

		/* weeks start on a Monday: 1970-01-05 is day 4 */
		for (day = first; day <= last; day++)
			if ((step == 1 || ((day - (step >= 7 ? 4 : 0)) % step + step) % step == 0) &&
			    ++n > 8)
				break;
		if (n > 8)
			continue;
		for (day = first; day <= last; day++)
			if (step == 1 || ((day - (step >= 7 ? 4 : 0)) % step + step) % step == 0)
				out->day[out->n++] = day;
		return;
	}
	out->monthly = 1;
	for (i = 0; i < sizeof(month_steps) / sizeof(*month_steps); i++) {
		int step = month_steps[i], n = 0;
		long y0, y1, mi, m_first, m_last;
		unsigned m, d;

		civil_from_days(first, &y0, &m, &d);
		m_first = y0 * 12 + (long)m - 1 + (d > 1);
		civil_from_days(last, &y1, &m, &d);
		m_last = y1 * 12 + (long)m - 1;
		for (mi = m_first; mi <= m_last; mi++)
			if (mi % step == 0)
				n++;
		if (n > 8 && i + 1 < sizeof(month_steps) / sizeof(*month_steps))
			continue;
		for (mi = m_first; mi <= m_last && out->n < CHART_MAX_DATE_TICKS; mi++)
			if (mi % step == 0)
				out->day[out->n++] = days_from_civil(mi / 12, (unsigned)(mi % 12) + 1, 1);
		return;
	}
}

/* ---- the value axis ---- */

/* The largest whole k with k * step <= v (or >= v when up). */
static long long steps(double v, double step, int up)
{
	long long k = (long long)(v / step);
	double slack = step * 1e-9;

	if (!up && (double)k * step > v + slack)
		k--;
	if (!up && (double)(k + 1) * step <= v + slack)
		k++;
	if (up && (double)k * step < v - slack)
		k++;
	if (up && (double)(k - 1) * step >= v - slack)
		k--;
	return k;
}

void chart_value_ticks(struct chart_ticks *out, double min, double max)
{
	double raw, mag = 1, norm, step;
	long long k0, k1;
	int d;

	if (max < min) {
		double t = min;

		min = max;
		max = t;
	}
	if (max == min) {
		/* a non-zero span: a tenth of the value around it, or 1 */
		double span = absd(min) / 10;

		if (span == 0)
			span = 1;
		min -= span;
		max += span;
	}
	raw = (max - min) / 5;
	while (mag * 10 <= raw)
		mag *= 10;
	while (mag > raw)
		mag /= 10;
	norm = raw / mag;
	step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
	k0 = steps(min, step, 0);
	k1 = steps(max, step, 1);
	if (k1 <= k0)
		k1 = k0 + 1;
	out->step = step;
	out->lo = (double)k0 * step;
	out->hi = (double)k1 * step;
	out->n = (int)(k1 - k0 + 1);
	for (d = 0; d < 6 && step * tenth_power(d) < 1 - 1e-9; d++)
		;
	out->decimals = d;
}

/* ---- the line chart ---- */

double chart_x(const struct chart_layout *l, long day)
{
	if (l->day1 == l->day0)
		return (l->left + l->right) / 2;
	return l->left + (l->right - l->left) * (double)(day - l->day0) / (double)(l->day1 - l->day0);
}

double chart_y(const struct chart_layout *l, double v)
{
	return l->bottom - (l->bottom - l->top) * (v - l->y.lo) / (l->y.hi - l->y.lo);
}

/* What drawing rounds a coordinate to: one decimal. */
static double drawn(double v)
{
	return (double)scaled(v, 1) / 10;
}

int chart_line_layout(struct chart_layout *out, const struct chart_line *c)
{
	double min = 0, max = 0;
	long first = 0, last = 0, pad;
	size_t i;
	int have = 0, ok;

	memset(out, 0, sizeof(*out));
	out->left = 72;
	out->right = CHART_W - 24;
	out->top = 44;
	out->bottom = CHART_H - 76;
	for (i = 0; i < c->n; i++) {
		long day = chart_day(c->v[i].date, &ok);

		if (!have || c->v[i].value < min)
			min = c->v[i].value;
		if (!have || c->v[i].value > max)
			max = c->v[i].value;
		if (!i || day < first)
			first = day;
		if (!i || day > last)
			last = day;
		have = 1;
	}
	if (c->has_baseline) {
		min = !have || c->baseline < min ? c->baseline : min;
		max = !have || c->baseline > max ? c->baseline : max;
		have = 1;
	}
	if (c->has_target) {
		min = !have || c->target < min ? c->target : min;
		max = !have || c->target > max ? c->target : max;
		have = 1;
	}
	chart_value_ticks(&out->y, min, max);
	/* a margin of a twentieth each side, at least a day; one day alone
	 * gets a fortnight each side */
	pad = last > first ? (last - first) / 20 : 14;
	out->day0 = first - (pad ? pad : 1);
	out->day1 = last + (pad ? pad : 1);
	if (c->n)
		chart_date_ticks(&out->x, out->day0, out->day1);
	out->n = c->n;
	if (c->n) {
		out->px = malloc(c->n * sizeof(*out->px));
		out->py = malloc(c->n * sizeof(*out->py));
		if (!out->px || !out->py) {
			chart_layout_release(out);
			return -1;
		}
	}
	for (i = 0; i < c->n; i++) {
		out->px[i] = drawn(chart_x(out, chart_day(c->v[i].date, &ok)));
		out->py[i] = drawn(chart_y(out, c->v[i].value));
	}
	out->baseline_y = c->has_baseline ? drawn(chart_y(out, c->baseline)) : 0;
	out->target_y = c->has_target ? drawn(chart_y(out, c->target)) : 0;
	return 0;
}

void chart_layout_release(struct chart_layout *l)
{
	free(l->px);
	free(l->py);
	l->px = l->py = NULL;
	l->n = 0;
}

struct words {
	const char *no_data, *baseline, *target, *latest, *down, *up, *keep, *from, *to;
};
static const struct words words_en = {
	"No measurements yet", "Baseline", "Target", "Latest", "Goal: bring it down",
	"Goal: raise it", "Goal: hold it", "from ", "to "
};
static const struct words words_he = {
	"אין מדידות עדיין", "קו בסיס", "יעד", "ערך אחרון", "המטרה: להוריד",
	"המטרה: להעלות", "המטרה: לשמור", "מ־", "ל־"
};

static const struct words *words_of(const char *lang)
{
	return is_he(lang) ? &words_he : &words_en;
}

static void attr_xy(struct buf *out, const char *name, double v)
{
	buf_addf(out, " %s=\"", name);
	fixed(out, v);
	buf_addc(out, '"');
}

/* <text> of plain text at x, y: in Hebrew set right to left, anchored at
 * its start (its right end); "ltr" for numbers. */
static void text_open(struct buf *out, double x, double y, const char *lang, const char *anchor,
		      const char *cls)
{
	buf_adds(out, "<text");
	attr_xy(out, "x", x);
	attr_xy(out, "y", y);
	if (cls)
		buf_addf(out, " class=\"%s\"", cls);
	if (lang)
		buf_addf(out, " direction=\"%s\"", is_he(lang) ? "rtl" : "ltr");
	else
		buf_adds(out, " direction=\"ltr\"");
	buf_addf(out, " text-anchor=\"%s\">", anchor);
}

static void value_text(struct buf *out, double v, const char *unit)
{
	chart_number(out, v, chart_decimals(v));
	if (unit && *unit) {
		buf_addc(out, ' ');
		page_escape(out, unit);
	}
}

/* The goal's direction, in words: "Goal: bring it down (from 120 to 80)". */
static void goal_text(struct buf *out, const struct chart_line *c, const struct words *w)
{
	if (!c->has_target)
		return;
	if (!c->has_baseline) {
		buf_addf(out, "%s ", w->target);
		value_text(out, c->target, c->unit);
		return;
	}
	buf_adds(out, c->target < c->baseline ? w->down : c->target > c->baseline ? w->up : w->keep);
	buf_addf(out, " (%s", w->from);
	chart_number(out, c->baseline, chart_decimals(c->baseline));
	buf_addf(out, " %s", w->to);
	chart_number(out, c->target, chart_decimals(c->target));
	buf_adds(out, ")");
}

/* One line of the summary: the latest value, its date, the goal. */
static void summary(struct buf *out, const struct chart_line *c, const struct words *w)
{
	if (!c->n) {
		buf_adds(out, w->no_data);
	} else {
		const struct chart_point *p = &c->v[c->n - 1];

		buf_addf(out, "%s: ", w->latest);
		value_text(out, p->value, c->unit);
		buf_adds(out, " (");
		page_escape(out, p->date);
		buf_adds(out, ")");
	}
	if (c->has_target) {
		buf_adds(out, " · ");
		goal_text(out, c, w);
	}
}

static void svg_open(struct buf *out, double h, const char *title, const char *lang,
		     const struct buf *desc)
{
	buf_adds(out, "<svg class=\"chart\" viewBox=\"0 0 ");
	buf_addf(out, "%d ", CHART_W);
	fixed(out, h);
	buf_addf(out, "\" role=\"img\" direction=\"%s\" aria-label=\"", is_he(lang) ? "rtl" : "ltr");
	page_escape(out, title);
	if (desc && desc->len) {
		buf_adds(out, ": ");
		buf_adds(out, buf_str(desc));  /* already escaped */
	}
	buf_adds(out, "\">\n<title>");
	page_escape(out, title);
	buf_adds(out, "</title>\n");
	if (desc && desc->len)
		buf_addf(out, "<desc>%s</desc>\n", buf_str(desc));
}

/* The title line at the top, on the reading side. */
static void title_text(struct buf *out, const char *title, const char *lang)
{
	text_open(out, is_he(lang) ? CHART_W - 8 : 8, 20, lang, "start", "ct");
	page_escape(out, title);
	buf_adds(out, "</text>\n");
}

/* A labelled horizontal line (the baseline, the target). */
static void level_line(struct buf *out, const struct chart_layout *l, double y, const char *cls,
		       const char *label, double v, const char *lang)
{
	buf_addf(out, "<line class=\"%s\"", cls);
	attr_xy(out, "x1", l->left);
	attr_xy(out, "y1", y);
	attr_xy(out, "x2", l->right);
	attr_xy(out, "y2", y);
	buf_adds(out, "/>\n");
	text_open(out, l->right - 4, y - 4, lang,
		  is_he(lang) ? "start" : "end", cls);
	buf_addf(out, "%s ", label);
	chart_number(out, v, chart_decimals(v));
	buf_adds(out, "</text>\n");
}

int chart_line_svg(struct buf *out, const struct chart_line *c)
{
	const struct words *w = words_of(c->lang);
	struct chart_layout l;
	struct buf desc = BUF_INIT;
	size_t i;
	int k;

	summary(&desc, c, w);
	if (chart_line_layout(&l, c) < 0) {
		buf_release(&desc);
		out->failed = 1;
		return -1;
	}
	/* no axis to read from nothing: a short chart with the words, and
	 * the goal */
	svg_open(out, c->n ? CHART_H : 80, c->title, c->lang, &desc);
	title_text(out, c->title, c->lang);
	if (!c->n) {
		text_open(out, CHART_W / 2, 56, c->lang, "middle", "nodata");
		buf_adds(out, buf_str(&desc));
		buf_adds(out, "</text>\n</svg>\n");
		goto done;
	}
	/* the value axis: a grid line and a number per tick */
	for (k = 0; k < l.y.n; k++) {
		double v = l.y.lo + k * l.y.step, y = drawn(chart_y(&l, v));

		buf_adds(out, "<line class=\"grid\"");
		attr_xy(out, "x1", l.left);
		attr_xy(out, "y1", y);
		attr_xy(out, "x2", l.right);
		attr_xy(out, "y2", y);
		buf_adds(out, "/>\n");
		text_open(out, l.left - 6, y + 4, NULL, "end", "tick");
		chart_number(out, v, l.y.decimals);
		buf_adds(out, "</text>\n");
	}
	/* the time axis */
	buf_adds(out, "<line class=\"axis\"");
	attr_xy(out, "x1", l.left);
	attr_xy(out, "y1", l.bottom);
	attr_xy(out, "x2", l.right);
	attr_xy(out, "y2", l.bottom);
	buf_adds(out, "/>\n");
	for (k = 0; k < l.x.n; k++) {
		double x = drawn(chart_x(&l, l.x.day[k]));

		buf_adds(out, "<line class=\"axis\"");
		attr_xy(out, "x1", x);
		attr_xy(out, "y1", l.bottom);
		attr_xy(out, "x2", x);
		attr_xy(out, "y2", l.bottom + 5);
		buf_adds(out, "/>\n");
		text_open(out, x, l.bottom + 18, c->lang, "middle", "tick");
		date_label(out, l.x.day[k], l.x.monthly, c->lang);
		buf_adds(out, "</text>\n");
	}
	if (c->has_baseline)
		level_line(out, &l, l.baseline_y, "baseline", w->baseline, c->baseline, c->lang);
	if (c->has_target)
		level_line(out, &l, l.target_y, "target", w->target, c->target, c->lang);
	/* the measurements: a line through them, a ring on each, the latest
	 * filled and its value written beside it */
	if (c->n > 1) {
		buf_adds(out, "<polyline class=\"series\" points=\"");
		for (i = 0; i < c->n; i++) {
			if (i)
				buf_addc(out, ' ');
			fixed(out, l.px[i]);
			buf_addc(out, ',');
			fixed(out, l.py[i]);
		}
		buf_adds(out, "\"/>\n");
	}
	for (i = 0; i < c->n; i++) {
		buf_addf(out, "<circle class=\"%s\"", i + 1 == c->n ? "latest" : "point");
		attr_xy(out, "cx", l.px[i]);
		attr_xy(out, "cy", l.py[i]);
		buf_addf(out, " r=\"%s\"><title>", i + 1 == c->n ? "5.5" : "3.5");
		page_escape(out, c->v[i].date);
		buf_adds(out, ": ");
		value_text(out, c->v[i].value, c->unit);
		buf_adds(out, "</title></circle>\n");
	}
	{
		double x = l.px[c->n - 1], y = l.py[c->n - 1];
		int left_side = x > (l.left + l.right) / 2;

		text_open(out, left_side ? x - 9 : x + 9, y - 9, NULL, left_side ? "end" : "start",
			  "value");
		chart_number(out, c->v[c->n - 1].value, chart_decimals(c->v[c->n - 1].value));
		buf_adds(out, "</text>\n");
	}
	/* the summary under the axis, on the reading side */
	text_open(out, is_he(c->lang) ? CHART_W - 8 : 8, CHART_H - 22, c->lang, "start", "sum");
	buf_adds(out, buf_str(&desc));
	buf_adds(out, "</text>\n</svg>\n");
done:
	chart_layout_release(&l);
	buf_release(&desc);
	return buf_failed(out) ? -1 : 0;
}

/* ---- bar charts ---- */

/* At most max characters of s (UTF-8), then "…". */
static void clipped(struct buf *out, const char *s, size_t max)
{
	size_t chars = 0, i;

	for (i = 0; s && s[i]; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max) {
			buf_adds(out, "…");
			return;
		}
		switch (s[i]) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, s[i]);
		}
	}
}

static double max_of(const struct chart_bar *v, size_t n)
{
	double m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].value > m)
			m = v[i].value;
	return m > 0 ? m : 1;
}

static void rect(struct buf *out, double x, double y, double w, double h, const char *label,
		 double v)
{
	buf_adds(out, "<rect class=\"bar\"");
	attr_xy(out, "x", x);
	attr_xy(out, "y", y);
	attr_xy(out, "width", w);
	attr_xy(out, "height", h);
	buf_adds(out, "><title>");
	page_escape(out, label);
	buf_adds(out, ": ");
	chart_number(out, v, chart_decimals(v));
	buf_adds(out, "</title></rect>\n");
}

int chart_columns_svg(struct buf *out, const char *title, const char *lang,
		      const struct chart_bar *v, size_t n)
{
	double left = 56, right = CHART_W - 16, top = 36, bottom = CHART_H - 40, slot, bw;
	struct chart_ticks t;
	size_t i, every;
	int k;

	chart_value_ticks(&t, 0, max_of(v, n));
	if (t.step < 1) {
		/* bars count people and meetings: whole steps */
		t.step = 1;
		t.lo = 0;
		t.hi = (double)(long long)(max_of(v, n) + 0.999999);
		t.n = (int)t.hi + 1;
		t.decimals = 0;
	}
	svg_open(out, CHART_H, title, lang, NULL);
	title_text(out, title, lang);
	for (k = 0; k < t.n; k++) {
		double val = t.lo + k * t.step, y = drawn(bottom - (bottom - top) * (val - t.lo) / (t.hi - t.lo));

		buf_adds(out, "<line class=\"grid\"");
		attr_xy(out, "x1", left);
		attr_xy(out, "y1", y);
		attr_xy(out, "x2", right);
		attr_xy(out, "y2", y);
		buf_adds(out, "/>\n");
		text_open(out, left - 6, y + 4, NULL, "end", "tick");
		chart_number(out, val, t.decimals);
		buf_adds(out, "</text>\n");
	}
	slot = n ? (right - left) / (double)n : 0;
	bw = slot * 0.7 > 64 ? 64 : slot * 0.7;
	every = n > 20 ? (n + 19) / 20 : 1;   /* at most 20 labels under the bars */
	for (i = 0; i < n; i++) {
		double h = (bottom - top) * (v[i].value - t.lo) / (t.hi - t.lo);
		double x = drawn(left + slot * (double)i + (slot - bw) / 2);

		rect(out, x, drawn(bottom - h), drawn(bw), drawn(h), v[i].label, v[i].value);
		if (bw >= 14) {
			text_open(out, drawn(x + bw / 2), drawn(bottom - h - 4), NULL, "middle", "value");
			chart_number(out, v[i].value, chart_decimals(v[i].value));
			buf_adds(out, "</text>\n");
		}
		if (i % every == 0) {
			text_open(out, drawn(x + bw / 2), bottom + 16, NULL, "middle", "tick");
			clipped(out, v[i].label, 6);
			buf_adds(out, "</text>\n");
		}
	}
	buf_adds(out, "<line class=\"axis\"");
	attr_xy(out, "x1", left);
	attr_xy(out, "y1", bottom);
	attr_xy(out, "x2", right);
	attr_xy(out, "y2", bottom);
	buf_adds(out, "/>\n</svg>\n");
	return buf_failed(out) ? -1 : 0;
}

int chart_rows_svg(struct buf *out, const char *title, const char *lang,
		   const struct chart_bar *v, size_t n)
{
	const double row = 22, top = 36, names = 170, room = 48;
	double h = top + row * (double)(n ? n : 1) + 16, span = CHART_W - names - room - 8;
	double most = max_of(v, n);
	int rtl = is_he(lang);
	size_t i;

	svg_open(out, h, title, lang, NULL);
	title_text(out, title, lang);
	for (i = 0; i < n; i++) {
		double y = top + row * (double)i, len = drawn(span * v[i].value / most);
		double x = rtl ? CHART_W - names - len : names;

		text_open(out, rtl ? CHART_W - 8 : 8, y + 15, lang, "start", "tick");
		clipped(out, v[i].label, 24);
		buf_adds(out, "</text>\n");
		rect(out, drawn(x), y + 3, len, row - 6, v[i].label, v[i].value);
		text_open(out, rtl ? drawn(x - 4) : drawn(x + len + 4), y + 15, NULL,
			  rtl ? "end" : "start", "value");
		chart_number(out, v[i].value, chart_decimals(v[i].value));
		buf_adds(out, "</text>\n");
	}
	buf_adds(out, "</svg>\n");
	return buf_failed(out) ? -1 : 0;
}
