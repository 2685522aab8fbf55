#!/usr/bin/env node
// Offline audit of a (large) inventory vs JSON.parse(readFileSync) of it (bench/parse-floor.mjs):
// wall time and peak RSS (/usr/bin/time -f %M), alternating runs, medians; optionally against a
// second build. The JSON report goes to a file, as in bench/run.mjs --only audit.
// usage: node bench/audit-stream.mjs INVENTORY.json [--runs 5] [--before BIN]
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [file, ...rest] = process.argv.slice(2);
const option = (name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
const runs = Number(option("--runs") ?? 5) || 5;
const before = option("--before");
const report = join(tmpdir(), `audit-stream-${process.pid}.json`);
const audit = (bin) => [bin, "audit", "--inventory", file, "--no-config", "--format", "json", "--output", report];
const commands = [
  ["audit", audit(join(root, "bin/neptune-snapshot-policy.js"))],
  ...(before ? [["before", audit(before)]] : []),
  ["floor", [join(root, "bench/parse-floor.mjs"), file]],
];
function once(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, mb: Number(r.stderr.trim().split("\n").at(-1)) / 1024 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const got = Object.fromEntries(commands.map(([k]) => [k, []]));
for (const [, args] of commands) once(args);
for (let i = 0; i < runs; i++) for (const [k, args] of commands) got[k].push(once(args));
const mb = statSync(file).size / 1048576;
console.log(`${file} (${mb.toFixed(1)} MiB), ${runs} alternating runs`);
const floor = median(got.floor.map((x) => x.ms));
for (const [k] of commands) {
  const ms = median(got[k].map((x) => x.ms));
  const rss = Math.max(...got[k].map((x) => x.mb));
  console.log(`${k}: median ${ms.toFixed(0)} ms (${(ms / floor).toFixed(2)}× floor), peak RSS ${rss.toFixed(0)} MiB (${(rss / mb).toFixed(2)}× file)`);
}
