// The benchmark scripts, run small (no thresholds: those are for `npm run bench`), so they never rot;
// and the bench's own checks (same defects as Spectral, same files as ajv-cli, same bytes as another
// build), which must catch a difference when there is one.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM bench modules, without type declarations
import { ajvInvalid, compareDefects, defectTable, ourDefects, rulesetMapping, schemaRule, spectralDefects, spectralResults } from "../bench/lib/findings.mjs";

const ROOT = resolve(__dirname, "..");

describe("npm run bench --smoke", () => {
  it("runs every benchmark at tiny sizes and prints the results table", () => {
    const work = mkdtempSync(join(tmpdir(), "nsp-bench-"));
    const out = execFileSync(process.execPath, [join(ROOT, "bench/run.mjs"), "--smoke", "--runs", "1", "--work", work], { encoding: "utf8", timeout: 120_000 });
    expect(out).toContain("# Benchmark results");
    for (const section of ["Lint 30 request files vs read+parse alone", "Lint one file (the pre-commit case)", "audit --live on the loopback emulator", "copy dry run with live facts", "Audit an inventory of 200 snapshots"]) {
      expect(out).toContain(section);
    }
    expect(out).toMatch(/\| 1 \| lint 30 files vs floor: wall \(CPU\) \| — \| [\d.]+× \(CPU [\d.—]+×\) \| ≤ 1\.0× \|/);
    // RSS and CPU come from /usr/bin/time: "—" where it is missing.
    expect(out).toMatch(/\| 2 \| peak RSS, lint 60 \/ lint 30 \| — \| [\d.—]+ \/ [\d.—]+ MB = [\d.—]+× \| ≤ 1\.5× \|/);
    expect(out).toMatch(/\| 5 \| one YAML file vs node -e 0: wall \|/);
    expect(out).toMatch(/DescribeDBClusterSnapshots: \d+/);
  }, 180_000);

  it("refuses a row it does not know", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bench/run.mjs"), "--smoke", "--only", "lint-1k"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown row lint-1k");
  });
});

const RULESET = `rules:
  request-schema: { given: $, then: { function: schema, functionOptions: { schema: {} } } }
  target-identifier: { given: $.TargetDBClusterSnapshotIdentifier, then: { function: pattern } }
  no-such-rule-here: { given: $, then: { function: falsy } }
`;
const ours = (findings: Array<[string, string, string]>) => ({
  results: findings.map(([file, ruleId, pointer]) => ({ file, findings: [{ ruleId, pointer }] })),
});
const spectral = (found: Array<[string, string, string[]]>) => found.map(([source, code, path]) => ({ source: `/w/${source}`, code, path }));

describe("the bench's Spectral comparison", () => {
  const mapping = rulesetMapping(RULESET, ["request-schema", "target-identifier", "tag-format"]);

  it("maps the ruleset's rules to ours by name, and finds its schema rule", () => {
    expect(mapping).toEqual([
      { peer: "request-schema", ours: "request-schema" },
      { peer: "target-identifier", ours: "target-identifier" },
      { peer: "no-such-rule-here", ours: undefined },
    ]);
    expect(schemaRule(RULESET)).toBe("request-schema");
  });

  it("counts a value Spectral reports twice (match and notMatch) as one defect, and escapes pointers", () => {
    const a = ourDefects(ours([["r/a.json", "target-identifier", "/TargetDBClusterSnapshotIdentifier"], ["r/b.json", "request-schema", "/Tags/0/a~1b"]]), "/w");
    const b = spectralDefects(spectral([["r/a.json", "target-identifier", ["TargetDBClusterSnapshotIdentifier"]], ["r/a.json", "target-identifier", ["TargetDBClusterSnapshotIdentifier"]], ["r/b.json", "request-schema", ["Tags", "0", "a/b"]]]), "/");
    const cmp = compareDefects(a, b, mapping.slice(0, 2));
    expect(cmp.same).toBe(true);
    expect(cmp.rows.map((r: { oursPlaces: number; peerPlaces: number }) => [r.oursPlaces, r.peerPlaces])).toEqual([[1, 1], [1, 1]]);
    const raw = spectralResults(spectral([["r/a.json", "target-identifier", ["TargetDBClusterSnapshotIdentifier"]], ["r/a.json", "target-identifier", ["TargetDBClusterSnapshotIdentifier"]]]));
    expect(defectTable(cmp, { peerResults: raw })).toContain("| target-identifier | target-identifier | 1 | 1 | 1 | 1 | yes | 2 |");
  });

  it("reports a mismatch loudly, naming the places only one side found, and our rules it cannot compare", () => {
    const a = ourDefects(ours([["r/a.json", "target-identifier", "/TargetDBClusterSnapshotIdentifier"], ["r/c.json", "tag-format", "/Tags/1/Key"]]), "/w");
    const b = spectralDefects(spectral([["r/b.json", "target-identifier", ["TargetDBClusterSnapshotIdentifier"]]]), "/");
    const cmp = compareDefects(a, b, mapping.slice(0, 2));
    expect(cmp.same).toBe(false);
    const table = defectTable(cmp);
    expect(table).toContain("| target-identifier | target-identifier | 1 | 1 | 1 | 1 | **NO** |");
    expect(table).toContain("**MISMATCH in target-identifier**: 1 places found only by us, 1 only by Spectral.");
    expect(table).toContain("- only ours: `/w/r/a.json /TargetDBClusterSnapshotIdentifier`");
    expect(table).toContain("- only Spectral: `/w/r/b.json /TargetDBClusterSnapshotIdentifier`");
    expect(table).toContain("| (none) | tag-format | 1 | — | 1 | — | not comparable |");
  });

  it("a ruleset rule with no rule of ours is a mismatch, not a silent pass", () => {
    expect(compareDefects(new Map(), new Map(), mapping).same).toBe(false);
    expect(defectTable(compareDefects(new Map(), new Map(), mapping.slice(0, 1)))).toContain("| 0 | 0 | 0 | 0 | yes, vacuously: none in the workload |");
  });

  it("reads the files ajv-cli calls invalid from its stderr", () => {
    const stderr = 'r/a.json invalid\n[{"instancePath":"/CopyTags"}]\n/abs/b.yaml invalid\n[]\n12345 0.50 0.10\n';
    expect([...ajvInvalid(stderr, "/w")]).toEqual(["/w/r/a.json", "/abs/b.yaml"]);
  });
});

describe("bench/same-output.mjs", () => {
  const work = mkdtempSync(join(tmpdir(), "nsp-same-"));
  const run = (before: string) => spawnSync(process.execPath, [join(ROOT, "bench/same-output.mjs"), "--smoke", "--before", before, "--work", work, "--only", "lint,one-file"], { encoding: "utf8", timeout: 120_000 });

  it("finds this build's reports identical to its own", () => {
    const r = run(join(ROOT, "bin/neptune-snapshot-policy.js"));
    expect(r.stdout).toContain("| lint 30 files, sarif | yes | identical |");
    expect(r.stdout).toContain("| lint one YAML file, json | yes | identical |");
    expect(r.status).toBe(0);
  }, 120_000);

  it("says which reports differ from a build that writes other bytes, and exits 1", () => {
    const other = join(work, "other-build.mjs");
    writeFileSync(other, 'import { writeFileSync } from "node:fs";\nconst a = process.argv;\nwriteFileSync(a[a.indexOf("--output") + 1], "{}\\n");\nprocess.exit(1);\n');
    const r = run(other);
    expect(r.stdout).toMatch(/\| lint 30 files, json \| \*\*NO\*\* \| .*differ/);
    expect(r.stdout).toMatch(/\| lint one JSON file, json \| \*\*NO\*\* \|/);
    expect(r.status).toBe(1);
  }, 120_000);
});
