// Issue 17's rows (and the emulator benchmarks), each a section of RESULTS.md and lines of its summary.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { alternate, fmt, instructions, load, once, row, timingTable } from "./measure.mjs";
import { ajvInvalid, compareDefects, defectTable, ourDefects, rulesetMapping, schemaRule, spectralDefects, spectralResults } from "./findings.mjs";
import { ajvPeer, bin, inventoryWorkload, oneFile, requestWorkload, root, spectralPeer } from "./workloads.mjs";
import { compareOutputs, outputCases, outputTable } from "../same-output.mjs";

const k = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const ratio = (a, b) => (a && b ? a.median / b.median : NaN);
const x = (r) => `${fmt(r, 2)}×`;
const met = (ok) => (ok ? "met" : "**not met**");

/** Our lint of a request workload, report in json to `out`. */
const lintCmd = (w, out, label) => ({ role: "after", label, cwd: w.dir, cmd: [process.execPath, bin, "lint", "requests", "--config", w.config, "--format", "json", "--output", out] });
const floorCmd = (ctx, w) => ({
  role: "peer",
  label: "floor: `node floor.mjs requests/` (read + `JSON.parse` / `yaml` parse)",
  cwd: root,
  cmd: [process.execPath, ctx.shared ? join(ctx.shared, "bench/peers/floor.mjs") : join(root, "bench/parse-floor-requests.mjs"), w.requests],
});

/** The commands with, after each of ours, the same run by the --before build (its output files suffixed). */
function withBefore(ctx, commands) {
  if (!ctx.before) return commands;
  return commands.flatMap((c) => {
    if (c.role !== "after") return [c];
    const cmd = c.cmd.map((a, i) => (a === bin ? ctx.before : c.cmd[i - 1] === "--output" ? `${a}.before` : a));
    return [c, { ...c, role: "before", label: `before: ${c.label}`, cmd }];
  });
}

/** Run `fn` as a section: the load before and after goes into its summary lines. */
async function section(ctx, fn) {
  const start = load();
  const lines = [];
  await fn((line) => lines.push(line));
  const end = load();
  const one = (l) => l.split(" ")[0];
  for (const l of lines) ctx.summary.push({ ...l, load: `${one(start)} → ${one(end)}` });
  ctx.sections.push(`_Load average (1, 5, 15 min): ${start} before, ${end} after._\n`);
}

/** Ratio of `role`'s median (and CPU) to the peer's, as summary text. */
const vs = (r, role) => (row(r, role) ? `${x(ratio(row(r, role), row(r, "peer")))} (CPU ${x(row(r, role).cpu / row(r, "peer").cpu)})` : undefined);

async function lint10k(ctx) {
  await section(ctx, (add) => {
    const w = requestWorkload(ctx, ctx.files);
    const r = alternate({ name: `1. Lint ${ctx.files.toLocaleString("en")} request files vs read+parse alone (floor)`, commands: withBefore(ctx, [lintCmd(w, join(ctx.work, "lint-10k.json"), "`lint requests/` (recommended policy, a config mapping each region folder to its region)"), floorCmd(ctx, w)]), runs: ctx.runsOf(7) });
    ctx.results.lint10k = r;
    ctx.sections.push(timingTable(r, "Goal: ≤ 1.0× the floor (wall; CPU shown too). Both read and parse every file; lint also runs every rule and writes a JSON report."));
    add({ row: 1, measure: `lint ${k(ctx.files)} files vs floor: wall (CPU)`, before: vs(r, "before"), after: vs(r, "after"), goal: "≤ 1.0×", met: met(ratio(row(r, "after"), row(r, "peer")) <= 1) });
  });
}

/** Peak RSS of lint at the small size: from row 1 when it ran, else measured here (3 runs). */
function smallRss(ctx) {
  if (ctx.results.lint10k) return ctx.results.lint10k;
  const w = requestWorkload(ctx, ctx.files);
  const r = alternate({ name: `Lint ${ctx.files.toLocaleString("en")} files, for the peak RSS`, commands: withBefore(ctx, [lintCmd(w, join(ctx.work, "lint-10k.json"), "`lint requests/`")]), runs: 3, warmup: 0 });
  ctx.sections.push(timingTable(r, "Measured for row 2's RSS ratio (row 1 was not run)."));
  return r;
}

async function lint100k(ctx) {
  await section(ctx, (add) => {
    const small = smallRss(ctx);
    const w = requestWorkload(ctx, ctx.bigFiles);
    const floor = floorCmd(ctx, w);
    once(floor.cmd, floor.cwd); // the file cache, warmed once: at this size a warm-up of each costs minutes
    const r = alternate({ name: `2. Lint ${ctx.bigFiles.toLocaleString("en")} request files vs the floor`, commands: withBefore(ctx, [lintCmd(w, join(ctx.work, "lint-100k.json"), "`lint requests/` (the same config)"), floor]), runs: ctx.bigRuns, warmup: 0, note: `fewer runs than the small rows: each takes seconds; one floor run before them warms the file cache` });
    ctx.sections.push(timingTable(r, `Goal: ≤ 1.0× the floor; peak RSS at ${k(ctx.bigFiles)} ≤ 1.5× the peak RSS at ${k(ctx.files)}.`));
    add({ row: 2, measure: `lint ${k(ctx.bigFiles)} files vs floor: wall (CPU)`, before: vs(r, "before"), after: vs(r, "after"), goal: "≤ 1.0×", met: met(ratio(row(r, "after"), row(r, "peer")) <= 1) });
    const rss = (role) => row(r, role) && row(small, role) && `${fmt(row(r, role).rss)} / ${fmt(row(small, role).rss)} MB = ${x(row(r, role).rss / row(small, role).rss)}`;
    add({ row: 2, measure: `peak RSS, lint ${k(ctx.bigFiles)} / lint ${k(ctx.files)}`, before: rss("before"), after: rss("after"), goal: "≤ 1.5×", met: met(row(r, "after").rss / row(small, "after").rss <= 1.5) });
  });
}

/** Ours, before and Spectral on `n` files, and the defects each found. */
function spectralAt(ctx, spectral, ourIds, n) {
  const w = requestWorkload(ctx, n);
  const out = join(ctx.work, `spectral-${n}.json`);
  const ours = lintCmd(w, join(ctx.work, `lint-spectral-${n}.json`), "`lint requests/` (the same config)");
  const peer = { role: "peer", label: "Spectral 6.16.3 (`../shared/bench/peers/spectral`, its `.spectral.yaml`)", cwd: spectral.dir, cmd: [spectral.bin, "lint", `${w.requests}/**/*.{json,yaml}`, "-r", spectral.ruleset, "-f", "json", "-o", out] };
  const r = alternate({ name: `3. Lint ${n.toLocaleString("en")} files vs Spectral with the equivalent ruleset`, commands: withBefore(ctx, [ours, peer]), runs: ctx.spectralRuns, warmup: 0, note: "no warm-up: Spectral takes 10–25 ms a file, minutes at 10k" });
  const rulesetText = readFileSync(spectral.ruleset, "utf8");
  const peerFound = JSON.parse(readFileSync(out, "utf8"));
  const cmp = compareDefects(ourDefects(JSON.parse(readFileSync(ours.cmd.at(-1), "utf8")), ours.cwd), spectralDefects(peerFound, spectral.dir), rulesetMapping(rulesetText, ourIds));
  ctx.sections.push(timingTable(r, `Goal at 10k: ≥ 100× faster than Spectral, ≤ 1/10 its peak RSS.`));
  ctx.sections.push(`Defects found (a defect: rule, file, JSON pointer), this build vs Spectral, same ${n.toLocaleString("en")} files (Spectral's results count a value twice when it breaks two of a rule's patterns):\n\n${defectTable(cmp, { peerResults: spectralResults(peerFound) })}`);
  if (!cmp.same) console.error(`bench: MISMATCH: this build and Spectral found different defects on ${n} files (see RESULTS)`);
  return { r, cmp, n };
}

const faster = (r, role) => row(r, role) && `${fmt(row(r, "peer").median / row(r, role).median, 1)}× faster`;
const lighter = (r, role) => row(r, role) && `1/${fmt(row(r, "peer").rss / row(r, role).rss, 1)} (${fmt(row(r, role).rss)} vs ${fmt(row(r, "peer").rss)} MB)`;
/** (time at the big size − time at the small size) / extra files. */
const perFile = (s, b, role) => row(s.r, role) && `${fmt((row(b.r, role).median - row(s.r, role).median) / (b.n - s.n), 3)} ms`;

async function spectralRow(ctx) {
  const spectral = spectralPeer(ctx);
  if (!spectral) return void ctx.sections.push("### 3. Spectral\n\nNot run: `../shared/bench/peers/spectral` not found.\n");
  await section(ctx, (add) => {
    const ourIds = JSON.parse(execFileSync(process.execPath, [bin, "rules", "--format", "json"], { encoding: "utf8" })).map((r) => r.id);
    const s = spectralAt(ctx, spectral, ourIds, ctx.spectralFiles);
    const b = spectralAt(ctx, spectral, ourIds, ctx.files);
    for (const { r, n } of [s, b]) {
      add({ row: 3, measure: `Spectral / us, ${k(n)} files: time`, before: faster(r, "before"), after: faster(r, "after"), goal: n === b.n ? "≥ 100× faster" : "—", met: n === b.n ? met(row(r, "peer").median / row(r, "after").median >= 100) : "" });
      add({ row: 3, measure: `Spectral / us, ${k(n)} files: peak RSS`, before: lighter(r, "before"), after: lighter(r, "after"), goal: n === b.n ? "≤ 1/10" : "—", met: n === b.n ? met(row(r, "peer").rss / row(r, "after").rss >= 10) : "" });
    }
    add({ row: 3, measure: `ms per extra file (${k(s.n)} → ${k(b.n)}); Spectral: ${perFile(s, b, "peer")}`, before: perFile(s, b, "before"), after: perFile(s, b, "after"), goal: "≤ 0.13 ms", met: met((row(b.r, "after").median - row(s.r, "after").median) / (b.n - s.n) <= 0.13) });
    add({ row: 3, measure: "same defects per rule as Spectral (this build)", after: `${s.cmp.same ? "identical" : "**MISMATCH**"} at ${k(s.n)}, ${b.cmp.same ? "identical" : "**MISMATCH**"} at ${k(b.n)}`, goal: "identical", met: met(s.cmp.same && b.cmp.same) });
  });
}

async function ajvRow(ctx) {
  if (!ctx.shared) return void ctx.sections.push("### 4. ajv-cli\n\nNot run: needs `../shared` (the workload, and the Spectral ruleset naming the schema rule).\n");
  const ajv = ajvPeer(ctx);
  await section(ctx, (add) => {
    const w = requestWorkload(ctx, ctx.files);
    const ours = lintCmd(w, join(ctx.work, "lint-ajv.json"), "`lint requests/` (all rules, the same config)");
    const peer = { role: "peer", label: "ajv-cli 5: `ajv validate -s schemas/copy-request.schema.json -d 'requests/**/*.{json,yaml,yml}' --errors=line`", cwd: root, cmd: [ajv, "validate", "-s", join(root, "schemas/copy-request.schema.json"), "-d", `${w.requests}/**/*.{json,yaml,yml}`, "--errors=line"] };
    const r = alternate({ name: `4. Lint ${ctx.files.toLocaleString("en")} files vs ajv-cli validating them against the request schema only`, commands: [...withBefore(ctx, [ours]), { ...floorCmd(ctx, w), role: "floor" }, peer], runs: ctx.runsOf(7) });
    const invalid = ajvInvalid(row(r, "peer").last.stderr, root);
    const rule = schemaRule(readFileSync(join(ctx.shared, "bench/peers/spectral/.spectral.yaml"), "utf8"));
    const flagged = new Set([...(ourDefects(JSON.parse(readFileSync(ours.cmd.at(-1), "utf8")), ours.cwd).get(rule) ?? [])].map((p) => p.slice(0, p.lastIndexOf(" "))));
    const only = (a, b) => [...a].filter((f) => !b.has(f));
    const same = only(invalid, flagged).length === 0 && only(flagged, invalid).length === 0;
    ctx.sections.push(timingTable(r, "Goal: lint, with all its rules, ≤ 1.0× ajv-cli (the floor is shown for scale)."));
    ctx.sections.push(`ajv-cli calls **${invalid.size}** files invalid; this build's \`${rule}\` flags ${flagged.size}: ${same ? "the same files" : `**DIFFERENT files**: only ajv-cli ${only(invalid, flagged).slice(0, 10).join(", ")}; only ours ${only(flagged, invalid).slice(0, 10).join(", ")}`}.\n`);
    add({ row: 4, measure: `lint ${k(ctx.files)} (all rules) vs ajv-cli (schema only): wall (CPU)`, before: vs(r, "before"), after: vs(r, "after"), goal: "≤ 1.0×", met: met(ratio(row(r, "after"), row(r, "peer")) <= 1) });
    add({ row: 4, measure: "files invalid per ajv-cli / per our schema rule", after: `${invalid.size} / ${flagged.size}${same ? ", same files" : ", **different files**"}`, goal: "same files (the issue: 272)", met: met(same) });
  });
}

/** One JSON and one YAML file vs `node -e 0`, alternating; then instructions under callgrind. */
async function oneFileRow(ctx) {
  await section(ctx, (add) => {
    const w = requestWorkload(ctx, ctx.files);
    const kinds = [["JSON", [".json"]], ["YAML", [".yaml", ".yml"]]].map(([kind, exts]) => ({ kind, ...oneFile(w, exts) }));
    const cmds = kinds.map(({ kind, file, region }) => ({ role: "after", kind, label: `\`lint ONE.${kind.toLowerCase()}\` (\`--region R --no-config --format json\`)`, cwd: w.dir, cmd: [process.execPath, bin, "lint", file.slice(w.dir.length + 1), "--region", region, "--no-config", "--format", "json"] }));
    const node = { role: "peer", label: "`node -e 0`", cwd: w.dir, cmd: [process.execPath, "-e", "0"] };
    const all = [...withBefore(ctx, cmds), node];
    const r = alternate({ name: "5. Lint one file (the pre-commit case) vs `node -e 0`", commands: all, runs: ctx.runsOf(15) });
    ctx.sections.push(timingTable(r, "Goal: ≤ 1.3× `node -e 0`, wall and instructions."));
    const ins = ctx.callgrind ? all.map((c) => instructions(c.cmd, c.cwd)) : [];
    if (ctx.callgrind) ctx.sections.push(["Instructions (`valgrind --tool=callgrind`, all threads; one run each: the count is repeatable under load):", "", "| command | instructions | ratio to `node -e 0` |", "|---|---:|---:|", ...all.map((c, i) => `| ${c.label} | ${ins[i] === undefined ? "—" : (ins[i] / 1e6).toFixed(1) + " M"} | ${x(ins[i] / ins.at(-1))} |`), ""].join("\n"));
    // NODE_EXTRA_CA_CERTS (set on the shared machines) makes Node 20 parse the extra certificates at every
    // start, ~416 M instructions that `node -e 0` pays too: the ratio is also given without it, as on a
    // developer's machine.
    const { NODE_EXTRA_CA_CERTS: extraCerts, ...plainEnv } = process.env;
    const bare = ctx.callgrind && extraCerts !== undefined ? all.map((c) => instructions(c.cmd, c.cwd, plainEnv)) : [];
    if (bare.length > 0) ctx.sections.push(["The same without `NODE_EXTRA_CA_CERTS` (set on this machine; Node 20 then parses those certificates at every start):", "", "| command | instructions | ratio to `node -e 0` |", "|---|---:|---:|", ...all.map((c, i) => `| ${c.label} | ${bare[i] === undefined ? "—" : (bare[i] / 1e6).toFixed(1) + " M"} | ${x(bare[i] / bare.at(-1))} |`), ""].join("\n"));
    for (const kind of ["JSON", "YAML"]) {
      const at = (role) => r.rows.findIndex((row, i) => row.role === role && all[i].kind === kind);
      const wall = (role) => (at(role) < 0 ? undefined : x(r.rows[at(role)].median / row(r, "peer").median));
      add({ row: 5, measure: `one ${kind} file vs node -e 0: wall`, before: wall("before"), after: wall("after"), goal: "≤ 1.3×", met: met(r.rows[at("after")].median / row(r, "peer").median <= 1.3) });
      if (!ctx.callgrind) continue;
      const instr = (role) => (at(role) < 0 || ins[at(role)] === undefined ? undefined : x(ins[at(role)] / ins.at(-1)));
      add({ row: 5, measure: `one ${kind} file vs node -e 0: instructions`, before: instr("before"), after: instr("after") ?? "— (no valgrind)", goal: "≤ 1.3×", met: ins[at("after")] === undefined ? "" : met(ins[at("after")] / ins.at(-1) <= 1.3) });
      if (bare.length === 0) continue;
      const plain = (role) => (at(role) < 0 || bare[at(role)] === undefined ? undefined : x(bare[at(role)] / bare.at(-1)));
      add({ row: 5, measure: `one ${kind} file vs node -e 0: instructions without NODE_EXTRA_CA_CERTS`, before: plain("before"), after: plain("after"), goal: "≤ 1.3×", met: bare[at("after")] === undefined ? "" : met(bare[at("after")] / bare.at(-1) <= 1.3) });
    }
  });
}

async function auditRow(ctx) {
  await section(ctx, (add) => {
    const inv = inventoryWorkload(ctx, ctx.snapshots);
    const ours = { role: "after", label: "`audit --inventory inventory.json --no-config --format json`", cwd: ctx.work, cmd: [process.execPath, bin, "audit", "--inventory", inv.file, "--no-config", "--format", "json", "--output", join(ctx.work, "audit.json")] };
    const floor = { role: "peer", label: "floor: `node bench/parse-floor.mjs inventory.json` (`JSON.parse(readFileSync)`)", cwd: root, cmd: [process.execPath, join(root, "bench/parse-floor.mjs"), inv.file] };
    const r = alternate({ name: `6. Audit an inventory of ${ctx.snapshots.toLocaleString("en")} snapshots (${fmt(inv.mb)} MB) vs JSON.parse of it`, commands: withBefore(ctx, [ours, floor]), runs: ctx.runsOf(5) });
    ctx.sections.push(timingTable(r, `Goal: ≤ 1.5× the floor's wall time; peak RSS ≤ 1× the file (${fmt(inv.mb)} MB).`));
    add({ row: 6, measure: `audit ${k(ctx.snapshots)} snapshots vs JSON.parse: wall (CPU)`, before: vs(r, "before"), after: vs(r, "after"), goal: "≤ 1.5×", met: met(ratio(row(r, "after"), row(r, "peer")) <= 1.5) });
    const rss = (role) => row(r, role) && `${fmt(row(r, role).rss)} MB = ${x(row(r, role).rss / inv.mb)}`;
    add({ row: 6, measure: `audit ${k(ctx.snapshots)}: peak RSS / file size`, before: rss("before"), after: rss("after"), goal: "≤ 1×", met: met(row(r, "after").rss / inv.mb <= 1) });
  });
}

async function sameOutputRow(ctx) {
  if (!ctx.sameAs) return void ctx.sections.push("### 7. Byte-identical output\n\nNot run: give `--before BIN` (or `--same-as BIN`).\n");
  await section(ctx, (add) => {
    const results = compareOutputs(ctx, ctx.sameAs, outputCases(ctx, { files: ctx.files, bigFiles: ctx.bigFiles, snapshots: ctx.snapshots }));
    ctx.sections.push(`### 7. Byte-identical output\n\n${outputTable(results, ctx.sameAs)}`);
    const differ = results.filter((r) => !r.same);
    if (differ.length) console.error(`bench: OUTPUT DIFFERS from ${ctx.sameAs}: ${differ.map((r) => r.name).join("; ")}`);
    add({ row: 7, measure: `reports byte-identical to \`${ctx.sameAs}\``, after: differ.length ? `**${differ.length} of ${results.length} differ**` : `all ${results.length} identical`, goal: "identical", met: met(differ.length === 0) });
  });
}

/** The emulator benchmarks (not issue 17's rows): their own scripts, output kept as printed. */
const emulatorRow = (name, script, title, extra) => async (ctx) => {
  const out = execFileSync(process.execPath, [join(root, "bench", script), ...extra(ctx)], { encoding: "utf8" });
  ctx.sections.push([`### ${title}`, "", "```", out.trim(), "```", ""].join("\n"));
  ctx.summary.push({ row: "—", measure: `${title}: wall`, after: `${/wall time: ([\d.]+) s/.exec(out)?.[1]} s`, goal: name === "live" ? "≤ 5 s (issue 13)" : "—", load: load().split(" ")[0] });
};

export const ROWS = [
  { name: "lint-10k", run: lint10k },
  { name: "lint-100k", run: lint100k },
  { name: "spectral", run: spectralRow, smoke: false },
  { name: "ajv", run: ajvRow, smoke: false },
  { name: "one-file", run: oneFileRow },
  { name: "audit", run: auditRow },
  { name: "same-output", run: sameOutputRow },
  { name: "live", run: emulatorRow("live", "live.mjs", "audit --live on the loopback emulator", (ctx) => (ctx.smoke ? ["--snapshots", "200"] : [])) },
  { name: "copy-plan", run: emulatorRow("copy-plan", "copy-plan.mjs", "copy dry run with live facts on the loopback emulator", (ctx) => (ctx.smoke ? ["--requests", "30"] : ["--latency", "20"])) },
];
