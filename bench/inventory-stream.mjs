#!/usr/bin/env node
// The streaming inventory reader (src/facts/inventory-stream.ts: head, then every snapshot JSON.parse'd) against JSON.parse(readFileSync)
// of the same file: wall time and peak RSS, alternating, medians. Needs `npm run build` (it loads
// the reader from a bundle written to bench/.work/).
// usage: node bench/inventory-stream.mjs INVENTORY.json [--runs 5]
import { execFileSync, spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [file, ...rest] = process.argv.slice(2);
const runs = Number(rest[rest.indexOf("--runs") + 1] ?? 5) || 5;
const out = join(root, "bench/.work/inventory-stream.mjs");
execFileSync(join(root, "node_modules/.bin/esbuild"), [join(root, "src/facts/inventory-stream.ts"), "--bundle", "--platform=node", "--format=esm", "--packages=external", `--outfile=${out}`, "--log-level=error"]);
const stream = `import { readInventoryHead, readInventoryStream } from ${JSON.stringify(out)};
if (readInventoryHead(process.argv[1]) === undefined) throw new Error("head");
let n = 0;
for (const s of readInventoryStream(process.argv[1])) if (s.value) n++;
if (n === 0) throw new Error("count");`;
const floor = `JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));`;
function once(kind) {
  const args = kind === "stream" ? ["--input-type=module", "-e", stream, file] : ["-e", floor, file];
  const start = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, mb: Number(r.stderr.trim().split("\n").at(-1)) / 1024 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const got = { stream: [], floor: [] };
once("stream");
once("floor");
for (let i = 0; i < runs; i++) for (const k of ["stream", "floor"]) got[k].push(once(k));
const mb = statSync(file).size / 1048576;
const line = (k) => `${k}: median ${median(got[k].map((x) => x.ms)).toFixed(0)} ms, peak RSS ${Math.max(...got[k].map((x) => x.mb)).toFixed(0)} MB`;
console.log(`${file} (${mb.toFixed(0)} MB), ${runs} alternating runs`);
console.log(line("stream"));
console.log(line("floor"));
console.log(`time stream/floor ${(median(got.stream.map((x) => x.ms)) / median(got.floor.map((x) => x.ms))).toFixed(2)}×; stream peak RSS / file ${(Math.max(...got.stream.map((x) => x.mb)) / mb).toFixed(2)}×`);
