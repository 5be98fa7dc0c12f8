// For t0029-calendar.sh: reads an iCalendar file with Mozilla's ical.js
// (Thunderbird's parser; NODE_PATH names the build's node_modules) and
// prints what a calendar program would take from it:
//   METHOD <method>
//   <UID> <SEQUENCE> <start in UTC, or the day of an all-day event> <STATUS>
// one line per event.  A TZID that no VTIMEZONE of the file defines is an
// error (ical.js would read the time as floating, silently wrong).
import { createRequire } from "module";
import { readFileSync } from "fs";

const require = createRequire(process.env.NODE_PATH + "/");
const ICAL = require("ical.js");

const text = readFileSync(process.argv[2], "utf8");
const cal = new ICAL.Component(ICAL.parse(text));
for (const vtz of cal.getAllSubcomponents("vtimezone"))
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
console.log("METHOD " + cal.getFirstPropertyValue("method"));
for (const ve of cal.getAllSubcomponents("vevent")) {
  const dtstart = ve.getFirstProperty("dtstart");
  const tzid = dtstart.getParameter("tzid");
  if (tzid && !ICAL.TimezoneService.has(tzid)) {
    console.error("ical.mjs: no VTIMEZONE for TZID " + tzid);
    process.exit(1);
  }
  const ev = new ICAL.Event(ve);
  const start = ev.startDate.isDate
    ? ev.startDate.toString()
    : ev.startDate.convertToZone(ICAL.Timezone.utcTimezone).toString();
  console.log([ev.uid, ev.sequence, start, ve.getFirstPropertyValue("status")].join(" "));
}
