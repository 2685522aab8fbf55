#!/usr/bin/env node
// Benchmarks, measured side by side: each comparison alternates its commands in one run and reports
// medians, min–max, the ratio of medians and peak RSS. Writes bench/RESULTS.md.
//
// usage: node bench/run.mjs [--only one-file|10k] [--runs N] [--files N] [--smoke]
//   --only audit: offline audit of a --snapshots N inventory (default 100000) vs JSON.parse of it
//   --smoke: tiny sizes and few runs, no thresholds (npm test runs it so the scripts never rot).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const smoke = args.includes("--smoke");
const only = flag("only", undefined);
const runs = Number(flag("runs", smoke ? 2 : 15));
const files = Number(flag("files", smoke ? 50 : 10000));
const work = resolve(flag("work", join(root, "bench/.work")));
const shared = [process.env.NSP_SHARED, join(root, "../shared"), join(root, "../../shared")].find((p) => p && existsSync(join(p, "bench/gen-workload.mjs")));
if (!shared) {
  console.error("bench: ../shared/bench/gen-workload.mjs not found (set NSP_SHARED)");
  process.exit(2);
}
const bin = join(root, "bin/neptune-snapshot-policy.js");
const time = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Run a command once: wall ms and peak RSS (MB, when /usr/bin/time exists). */
function once(cmd, cwd) {
  const [file, ...rest] = cmd;
  const start = process.hrtime.bigint();
  const result = time
    ? spawnSync(time, ["-f", "%M", file, ...rest], { cwd, encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(file, rest, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${cmd.join(" ")} exited ${result.status}: ${result.stderr}`);
  const rss = time ? Number(result.stderr.trim().split("\n").at(-1)) / 1024 : NaN;
  return { ms, rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Alternate the commands `runs` times after one warm-up each. */
function compare(name, commands, cwd) {
  for (const c of commands) once(c.cmd, cwd);
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => samples[j].push(once(c.cmd, cwd)));
  const rows = commands.map((c, j) => {
    const ms = samples[j].map((s) => s.ms);
    return { label: c.label, median: median(ms), min: Math.min(...ms), max: Math.max(...ms), rss: Math.max(...samples[j].map((s) => s.rss)) };
  });
  return { name, rows };
}

function table(result, goal) {
  const base = result.rows.at(-1);
  const lines = [`### ${result.name}`, "", goal, "", "| command | median ms | min–max ms | peak RSS MB | ratio to last |", "|---|---:|---:|---:|---:|"];
  for (const r of result.rows) {
    lines.push(`| ${r.label} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)}–${r.max.toFixed(0)} | ${Number.isNaN(r.rss) ? "—" : r.rss.toFixed(0)} | ${(r.median / base.median).toFixed(2)}× |`);
  }
  return lines.join("\n") + "\n";
}

const sections = [];
const summary = [];
mkdirSync(work, { recursive: true });
const workload = join(work, `wl-${files}`);
if (!existsSync(join(workload, "requests"))) {
  execFileSync(process.execPath, [join(shared, "bench/gen-workload.mjs"), "--out", workload, "--requests", String(files), "--snapshots", "10"], { stdio: "ignore" });
}

if (!only || only === "one-file") {
  const region = readdirSync(join(workload, "requests"))[0];
  const file = join(workload, "requests", region, readdirSync(join(workload, "requests", region)).find((f) => f.endsWith(".json")));
  const r = compare(
    "Lint one file (the pre-commit case) vs `node -e 0`",
    [
      { label: "`neptune-snapshot-policy lint ONE.json`", cmd: [process.execPath, bin, "lint", file, "--region", region, "--no-config", "--format", "json"] },
      { label: "`node -e 0`", cmd: [process.execPath, "-e", "0"] },
    ],
    root,
  );
  const ratio = r.rows[0].median / r.rows[1].median;
  sections.push(table(r, "Goal: ≤ 2×."));
  summary.push(`| one file vs node -e 0 | ${ratio.toFixed(2)}× | ≤ 2× | ${ratio <= 2 ? "met" : "not met"} |`);
}

if (!only || only === "10k") {
  const r = compare(
    `Lint ${files.toLocaleString("en")} generated request files vs read+parse alone (floor)`,
    [
      { label: `\`lint requests/ --region us-east-1\``, cmd: [process.execPath, bin, "lint", join(workload, "requests"), "--region", "us-east-1", "--no-config", "--format", "json", "--output", join(work, "lint.json")] },
      { label: "floor: `node floor.mjs requests/`", cmd: [process.execPath, join(shared, "bench/peers/floor.mjs"), join(workload, "requests")] },
    ],
    root,
  );
  const ratio = r.rows[0].median / r.rows[1].median;
  sections.push(table(r, "Goal: ≤ 1.5× the floor's wall time. Both read and parse every file; lint also runs every rule and writes a JSON report."));
  summary.push(`| ${files} files vs floor | ${ratio.toFixed(2)}× | ≤ 1.5× | ${ratio <= 1.5 ? "met" : "not met"} |`);
}

if (!only || only === "audit") {
  const snapshots = Number(flag("snapshots", smoke ? 200 : 100000));
  const dir = join(work, `inv-${snapshots}`);
  if (!existsSync(dir)) {
    execFileSync(process.execPath, [join(shared, "bench/gen-workload.mjs"), "--out", dir, "--requests", "1", "--snapshots", String(snapshots)], { stdio: "ignore" });
  }
  const inventory = readdirSync(dir).map((f) => join(dir, f)).find((f) => /inventory.*\.json$/.test(f));
  if (!inventory) throw new Error(`bench: no inventory in ${dir}`);
  const { statSync } = await import("node:fs");
  const mb = statSync(inventory).size / 1048576;
  const r = compare(
    `Audit an inventory of ${snapshots.toLocaleString("en")} snapshots (${mb.toFixed(0)} MB) vs JSON.parse of it (floor)`,
    [
      { label: "`audit --inventory inventory.json`", cmd: [process.execPath, bin, "audit", "--inventory", inventory, "--no-config", "--format", "json", "--output", join(work, "audit.json")] },
      { label: "floor: `node bench/parse-floor.mjs inventory.json`", cmd: [process.execPath, join(root, "bench/parse-floor.mjs"), inventory] },
    ],
    root,
  );
  const ratio = r.rows[0].median / r.rows[1].median;
  const rssRatio = r.rows[0].rss / mb;
  sections.push(table(r, `Goal: ≤ 2× the floor's wall time, and peak RSS ≤ 3× the file size (${mb.toFixed(0)} MB): measured ${rssRatio.toFixed(2)}×.`));
  summary.push(`| audit ${snapshots} snapshots vs JSON.parse | ${ratio.toFixed(2)}× | ≤ 2× | ${ratio <= 2 ? "met" : "not met"} |`);
  summary.push(`| audit ${snapshots} snapshots: peak RSS / file size | ${Number.isNaN(rssRatio) ? "—" : rssRatio.toFixed(2) + "×"} | ≤ 3× | ${rssRatio <= 3 ? "met" : "not met"} |`);
}

const machine = `${process.platform} ${process.arch}, ${(await import("node:os")).cpus().length} cores, Node ${process.version}`;
const text = [
  "# Benchmark results",
  "",
  `Generated by \`npm run bench\`${smoke ? " (smoke run: tiny sizes, not for conclusions)" : ""} on ${machine}; ${runs} alternating runs per command after a warm-up.`,
  "",
  "| comparison | ratio (median) | goal | |",
  "|---|---:|---|---|",
  ...summary,
  "",
  ...sections,
].join("\n");
if (smoke) process.stdout.write(text);
else {
  writeFileSync(join(root, "bench/RESULTS.md"), text);
  process.stdout.write(text);
}
