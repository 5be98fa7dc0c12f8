// For readers.py: reads each YAML file named on the command line with npm
// `yaml` (NODE_PATH names the build's node_modules), in YAML 1.2 (core
// schema) and 1.1 modes, and prints one JSON line per file:
// {"file": F, "1.2": value, "1.1": value} (or "error1.2" / "error1.1").
// !conflict is read as convene's JSON writes it: {"!conflict": {...}}, and
// !secret as {"!secret": "-----BEGIN AGE..."}.
import { createRequire } from "module";
import { readFileSync } from "fs";

const require = createRequire(process.env.NODE_PATH + "/");
const YAML = require("yaml");

// A node as plain data, dates marked (toJSON would make them text).
function nodeJS(n) {
  if (YAML.isScalar(n)) return plain(n.value);
  if (YAML.isSeq(n)) return n.items.map(nodeJS);
  if (YAML.isMap(n)) {
    const o = {};
    for (const p of n.items) o[String(YAML.isScalar(p.key) ? p.key.value : p.key)] = nodeJS(p.value);
    return o;
  }
  return n == null ? null : n;
}

const conflict = {
  tag: "!conflict",
  collection: "map",
  resolve: (map) => ({ "!conflict": nodeJS(map) }),
};

const secret = {
  tag: "!secret",
  resolve: (text) => ({ "!secret": text }),
};

function plain(v) {
  if (v instanceof Date) return { $date: v.toISOString().replace(/T00:00:00\.000Z$/, "") };
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = plain(x);
    return o;
  }
  return v;
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const rec = { file };
  for (const [mode, opts] of [
    ["1.2", { version: "1.2", schema: "core" }],
    ["1.1", { version: "1.1", schema: "yaml-1.1" }],
  ]) {
    try {
      const doc = YAML.parseDocument(text, { ...opts, customTags: [conflict, secret], uniqueKeys: true });
      if (doc.errors.length) throw doc.errors[0];
      rec[mode] = plain(doc.toJS({ maxAliasCount: -1 }));
      if (rec[mode] === undefined) rec[mode] = null;
    } catch (e) {
      rec["error" + mode] = String(e.message).split("\n")[0];
    }
  }
  console.log(JSON.stringify(rec));
}
