#!/usr/bin/env node
// The read+parse floor for smoke runs on a machine without ../shared: every request file, parsed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
let n = 0;
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".json")) (JSON.parse(readFileSync(p, "utf8")), n++);
    else if (p.endsWith(".yaml") || p.endsWith(".yml")) (parse(readFileSync(p, "utf8")), n++);
  }
}
walk(process.argv[2]);
console.log(`parsed ${n} files`);
