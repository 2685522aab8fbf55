#!/usr/bin/env node
// Speed never changes a finding: run this build and another (--before BIN) on the bench workloads
// and compare their reports byte for byte with `cmp`: lint of the request workload in json, sarif and
// stylish, lint of the big workload in json, one JSON and one YAML file, the offline audit in json.
//
// usage: node bench/same-output.mjs --before BIN [--files N] [--big-files N] [--snapshots N]
//          [--workloads DIR] [--work DIR] [--only lint|big|one-file|audit] [--smoke]
// Exit code 0 when every report is identical, 1 when one differs.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bin, inventoryWorkload, oneFile, requestWorkload } from "./lib/workloads.mjs";

/** The reports to compare: each a name, a working directory and the arguments after the binary. */
export function outputCases(ctx, { files, bigFiles, snapshots, only }) {
  const cases = [];
  const want = (name) => !only || only.includes(name);
  if (want("lint")) {
    const w = requestWorkload(ctx, files);
    for (const format of ["json", "sarif", "stylish"]) cases.push({ name: `lint ${files} files, ${format}`, cwd: w.dir, args: ["lint", "requests", "--config", w.config, "--format", format, "--no-color"] });
  }
  if (want("big") && bigFiles) {
    const w = requestWorkload(ctx, bigFiles);
    cases.push({ name: `lint ${bigFiles} files, json`, cwd: w.dir, args: ["lint", "requests", "--config", w.config, "--format", "json"] });
  }
  if (want("one-file")) {
    const w = requestWorkload(ctx, files);
    for (const exts of [[".json"], [".yaml", ".yml"]]) {
      const one = oneFile(w, exts);
      cases.push({ name: `lint one ${exts[0].slice(1).toUpperCase()} file, json`, cwd: w.dir, args: ["lint", one.file, "--region", one.region, "--no-config", "--format", "json"] });
    }
  }
  if (want("audit")) {
    const inv = inventoryWorkload(ctx, snapshots);
    cases.push({ name: `audit ${snapshots} snapshots, json`, cwd: ctx.work, args: ["audit", "--inventory", inv.file, "--no-config", "--format", "json"] });
  }
  return cases;
}

/** Run one build on a case, its report written to `out`; exit codes 0 and 1 are reports, others are not. */
function report(build, c, out) {
  const r = spawnSync(process.execPath, [build, ...c.args, "--output", out], { cwd: c.cwd, encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) return `exit ${r.status}: ${r.stderr.trim().split("\n")[0]}`;
  return undefined;
}

/** Up to 60 bytes of a file from `at` (the first differing byte), for the reader, or "EOF". */
function excerpt(file, at) {
  if (at < 0) return "EOF";
  const text = readFileSync(file).subarray(at, at + 60).toString("utf8");
  return text ? JSON.stringify(text).replaceAll("`", "'") : "EOF";
}

/** Both builds on every case, compared with `cmp`: [{ name, same, detail }]. */
export function compareOutputs(ctx, before, cases) {
  const dir = join(ctx.work, "same-output");
  mkdirSync(dir, { recursive: true });
  return cases.map((c, i) => {
    const ours = join(dir, `${i}.after`);
    const theirs = join(dir, `${i}.before`);
    const failed = report(bin, c, ours) ?? report(resolve(before), c, theirs);
    if (failed) return { name: c.name, same: false, detail: failed };
    const cmp = spawnSync("cmp", [ours, theirs], { encoding: "utf8" });
    if (cmp.status === 0) return { name: c.name, same: true, detail: "identical" };
    const at = Number(/byte (\d+)/.exec(cmp.stdout)?.[1] ?? 0) - 1;
    return { name: c.name, same: false, detail: `${(cmp.stdout || cmp.stderr).trim().replace(/^.* differ: /, "differ: ")}; ours: ${excerpt(ours, at)}; before: ${excerpt(theirs, at)}` };
  });
}

/** The verdicts as Markdown. */
export function outputTable(results, before) {
  const lines = [`Reports of this build and \`${before}\`, compared with \`cmp\`.`, "", "| report | same bytes | cmp |", "|---|---|---|"];
  for (const r of results) lines.push(`| ${r.name} | ${r.same ? "yes" : "**NO**"} | ${r.detail.replaceAll("|", "\\|")} |`);
  return lines.join("\n") + "\n";
}

async function main() {
  const { benchContext } = await import("./lib/context.mjs");
  const ctx = benchContext(process.argv.slice(2));
  if (!ctx.sameAs) {
    console.error("same-output: --before BIN is required (the build to compare with)");
    process.exit(2);
  }
  const results = compareOutputs(ctx, ctx.sameAs, outputCases(ctx, { files: ctx.files, bigFiles: ctx.bigFiles, snapshots: ctx.snapshots, only: ctx.only }));
  process.stdout.write(outputTable(results, ctx.sameAs));
  process.exit(results.every((r) => r.same) ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
