#!/usr/bin/env node
// Per-file read (issue 17): open + fstat + read + strict UTF-8 decode ("strict"), against
// readFileSync(..., "utf8") + a NUL / replacement-character check after a stat of the path ("plain"),
// after open(O_NONBLOCK) + fstat ("fd"), and alone ("bare": the floor, which would block on a FIFO). Alternating rounds over every
// file of a workload; prints the median CPU time per round and the ratio.
// usage: node bench/read-path.mjs DIR [--rounds 7]
import { constants, closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const at = process.argv.indexOf("--rounds");
const rounds = at === -1 ? 7 : Number(process.argv[at + 1]);
const files = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name)); };
walk(dir);
const utf8 = new TextDecoder("utf-8", { fatal: true });
function strict(path) {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) { const n = readSync(fd, bytes, done, size - done, done); if (n === 0) break; done += n; }
    if (bytes.includes(0)) throw new Error("NUL");
    return utf8.decode(bytes.subarray(0, done));
  } finally { closeSync(fd); }
}
function plain(path) {
  const s = statSync(path);
  if (!s.isFile()) throw new Error("not a file");
  const text = readFileSync(path, "utf8");
  if (text.includes("\ufffd") || text.includes("\0")) throw new Error("fallback");
  return text;
}
function fd(path) {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new Error("not a file");
    const text = readFileSync(fd, "utf8");
    if (text.includes("\ufffd") || text.includes("\0")) throw new Error("fallback");
    return text;
  } finally { closeSync(fd); }
}
function bare(path) {
  const text = readFileSync(path, "utf8");
  if (text.includes("\ufffd") || text.includes("\0")) throw new Error("fallback");
  return text;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ways = [["strict", strict], ["plain", plain], ["fd", fd], ["bare", bare]];
const t = Object.fromEntries(ways.map(([n]) => [n, []]));
let chars = 0;
for (let r = 0; r < rounds + 1; r++) {
  for (const [name, fn] of ways) {
    const start = process.cpuUsage();
    for (const f of files) chars += fn(f).length;
    const used = process.cpuUsage(start);
    if (r > 0) t[name].push((used.user + used.system) / 1e3);
  }
}
console.log(`${files.length} files, ${rounds} rounds (median CPU ms: user + system, which the machine's load disturbs less than wall time; ratio to strict): ` + ways.map(([n]) => `${n} ${median(t[n]).toFixed(1)} (${(median(t[n]) / median(t.strict)).toFixed(2)}×)`).join(", "));
