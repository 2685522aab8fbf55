// Reports are written as the run goes (src/cli/finish.ts Reports, the formats' writers), and an
// inventory is read one snapshot at a time (src/facts/inventory-open.ts). What the CLI streams is
// byte for byte what the collected run gives in every format; results reach the report in order and
// before the run ends; an inventory that breaks part-way gives the results so far, the input error
// with its place, and exit 2.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleInfos } from "../../src/cli/finish.js";
import { openReport } from "../../src/cli/output.js";
import { TOOL_NAME, TOOL_VERSION } from "../../src/cli/package-info.js";
import { loadPolicy } from "../../src/cli/policy.js";
import { readInventory } from "../../src/facts/inventory.js";
import { indexFacts } from "../../src/facts/source.js";
import type { SubjectResult } from "../../src/model/types.js";
import { listed, runRequests, runSnapshots } from "../../src/pipeline/index.js";
import { FORMAT_NAMES, WRITERS } from "../../src/report/index.js";
import { jsonWriter } from "../../src/report/json.js";
import { collected, type ReportContext } from "../../src/report/types.js";
import { ROOT, cli, workdir } from "../support/cli.js";

const INVENTORY = "fixtures/inventories/account-111122223333.json";
// The last path does not exist: an input error, which every report states at its end.
const PATHS = ["fixtures/requests", "fixtures/plans", "fixtures/terraform", "fixtures/no-such-file.json"];

/** JUnit's root carries the run's elapsed time: the one byte range two runs may differ in. */
const untimed = (text: string) => text.replace(/(<testsuites [^>]*time=")[0-9.]+"/, '$1"');

async function context(): Promise<{ policy: Awaited<ReturnType<typeof loadPolicy>>; context: ReportContext }> {
  const policy = await loadPolicy(false, [], ROOT);
  return { policy, context: { toolName: TOOL_NAME, version: TOOL_VERSION, rules: ruleInfos(policy.rules), color: false, cwd: ROOT } };
}

describe("reports written as the run goes", () => {
  it.each(FORMAT_NAMES)("lint --format %s is byte for byte the collected run's report", async (format) => {
    const { policy, context: ctx } = await context();
    const run = await runRequests({ cwd: ROOT, paths: PATHS, config: policy.config, rules: policy.rules, cliRules: policy.cliRules });
    expect(run.results.length).toBeGreaterThan(10);
    expect(run.inputErrors.length).toBeGreaterThan(0);
    const out = await cli(["lint", ...PATHS, "--no-config", "--format", format]);
    expect(out.code).toBe(2);
    expect(untimed(out.stdout)).toBe(untimed(collected(WRITERS[format])(run, ctx)));
  });

  it.each(FORMAT_NAMES)("audit --format %s is byte for byte the collected run's report", async (format) => {
    const { policy, context: ctx } = await context();
    const inventory = await readInventory(join(ROOT, INVENTORY));
    const run = runSnapshots({
      config: policy.config,
      rules: policy.rules,
      facts: indexFacts(inventory.index),
      batches: [{ file: INVENTORY, settingsPath: join(ROOT, INVENTORY), snapshots: listed(inventory.snapshots, inventory.locate), pointer: "/DBClusterSnapshots" }],
    });
    const out = await cli(["audit", "--inventory", INVENTORY, "--no-config", "--format", format]);
    expect(out.code).toBe(1);
    expect(untimed(out.stdout)).toBe(untimed(collected(WRITERS[format])(run, ctx)));
  });

  it("hands each result to the sink in the collected run's order, keeping none", async () => {
    const { policy } = await context();
    const options = { cwd: ROOT, paths: PATHS, config: policy.config, rules: policy.rules };
    const whole = await runRequests(options);
    const seen: SubjectResult[] = [];
    const streamed = await runRequests({ ...options, sink: (r) => seen.push(r) });
    expect(seen).toEqual(whole.results);
    expect(streamed.results).toEqual([]);
    expect(streamed.summary).toEqual(whole.summary);
    expect(streamed.inputErrors).toEqual(whole.inputErrors);
  });

  it("writes a result before the run ends, the summary only at the end", () => {
    const written: string[] = [];
    const writer = jsonWriter({ toolName: "t", version: "1", rules: [], color: false, cwd: "/" }, (text) => written.push(text));
    writer.result({ file: "a.json", subject: "request", id: "first", index: 0, region: null, findings: [] });
    expect(written.join("")).toContain('"id":"first"');
    expect(written.join("")).not.toContain("summary");
    writer.end({ summary: { files: 1, skipped: 0, subjects: 1, errors: 0, warnings: 0, notRun: [] }, inputErrors: [] });
    expect(JSON.parse(written.join("")).results[0].id).toBe("first");
  });

  it("leaves the file a failed run was writing as it was, and no temporary file", () => {
    const dir = workdir({ "report.json": "the good report\n" });
    const out = openReport("report.json", dir);
    out.write("x".repeat(1 << 17));
    out.abort();
    expect(readFileSync(join(dir, "report.json"), "utf8")).toBe("the good report\n");
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("leaves no report behind when the run fails at its end (a baseline that cannot be written)", async () => {
    const dir = workdir({ "report.json": "the good report\n" });
    const out = await cli(["lint", join(ROOT, "fixtures/requests"), "--no-config", "--format", "json", "--output", "report.json", "--write-baseline", "no-such-folder/base.json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/cannot write --write-baseline no-such-folder\/base.json/);
    expect(readFileSync(join(dir, "report.json"), "utf8")).toBe("the good report\n");
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });
});

/** The fixture's snapshots, pretty-printed, with the text of snapshot `at` replaced by `broken`. */
function brokenInventory(at: number, broken: string): string {
  const { DBClusterSnapshots: snapshots } = JSON.parse(readFileSync(join(ROOT, INVENTORY), "utf8")) as { DBClusterSnapshots: unknown[] };
  const text = JSON.stringify({ DBClusterSnapshots: [...snapshots.slice(0, at), "BROKEN", ...snapshots.slice(at)] }, null, 2);
  return text.replace('"BROKEN"', broken);
}

describe("an inventory broken part-way", () => {
  it.each([
    ["a syntax error", '{ "DBClusterSnapshotIdentifier": tru }', /^JSON syntax error/],
    ["a repeated key", '{ "DBClusterSnapshotIdentifier": "a",\n    "DBClusterSnapshotIdentifier": "b" }', /^inventory: the key "DBClusterSnapshotIdentifier" is repeated \(at \/DBClusterSnapshots\/5\/DBClusterSnapshotIdentifier\)/],
    ["a snapshot that is not an object", "42", /^inventory: .*\/DBClusterSnapshots\/5/],
  ])("reports the results before it, then %s with its place, and exits 2", async (_name, broken, message) => {
    const dir = workdir({ "inv.json": brokenInventory(5, broken) });
    // The whole reader's error is the reference: same message, same line and column.
    const expected = await readInventory(join(dir, "inv.json")).then(
      () => undefined,
      (error: Error & { line?: number; column?: number }) => ({ message: error.message, line: error.line, column: error.column }),
    );
    expect(expected?.message).toMatch(message);
    const out = await cli(["audit", "--inventory", "inv.json", "--no-config", "--format", "json"], { cwd: dir });
    expect(out.code).toBe(2);
    const report = JSON.parse(out.stdout) as { results: { index: number }[]; summary: { subjects: number }; errors: unknown[] };
    expect(report.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(report.summary.subjects).toBe(5);
    expect(report.errors).toEqual([{ file: "inv.json", ...expected }]);
    expect(out.stderr).toContain(`inv.json:${expected!.line}:${expected!.column}: ${expected!.message}`);
    expect(out.stderr).toContain("1 input error: the run is incomplete (exit 2)");
    expect(out.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("says so in every format, the results so far included", async () => {
    const dir = workdir({ "inv.json": brokenInventory(5, "{ ,}") });
    const formats = FORMAT_NAMES.flatMap((f) => ["--format", f, "--output", `report.${f}`]);
    const out = await cli(["audit", "--inventory", "inv.json", "--no-config", ...formats], { cwd: dir });
    expect(out.code).toBe(2);
    const read = (f: string) => readFileSync(join(dir, `report.${f}`), "utf8");
    expect(read("stylish")).toMatch(/1 input error: the run is incomplete/);
    expect(read("stylish")).toContain("kms-key-usable");
    expect(read("junit")).toMatch(/<error message="JSON syntax error[^"]*" type="input error">/);
    expect(read("junit")).toMatch(/<testsuite name="inv.json" tests="5"/);
    const sarif = JSON.parse(read("sarif"));
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(read("github")).toMatch(/^::error file=inv.json,line=\d+,col=\d+,title=input error::JSON syntax error/m);
  });

  it("refuses a file broken before its first snapshot as before: no report, exit 2", async () => {
    const dir = workdir({ "inv.json": brokenInventory(0, "{ ,}") });
    const out = await cli(["audit", "--inventory", "inv.json", "--no-config", "--format", "json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/^neptune-snapshot-policy: inv\.json:3:\d+: JSON syntax error/);
  });

  it("reads keys that come after the snapshots, and a YAML inventory whole, judging alike", async () => {
    const inventory = JSON.parse(readFileSync(join(ROOT, INVENTORY), "utf8")) as Record<string, unknown>;
    const { DBClusterSnapshots, ...rest } = inventory;
    const dir = workdir({ "keys-first.json": JSON.stringify({ ...rest, DBClusterSnapshots }), "keys-last.json": JSON.stringify({ DBClusterSnapshots, ...rest }) });
    writeFileSync(join(dir, "inv.yaml"), JSON.stringify(inventory)); // JSON is YAML: read whole
    const outs = await Promise.all(["keys-first.json", "keys-last.json", "inv.yaml"].map((f) => cli(["audit", "--inventory", f, "--no-config", "--format", "json"], { cwd: dir })));
    const findings = outs.map((o) => (JSON.parse(o.stdout) as { results: { findings: { ruleId: string }[] }[] }).results.flatMap((r) => r.findings.map((f) => f.ruleId)));
    expect(findings[0]).toContain("kms-key-usable");
    expect(findings[1]).toEqual(findings[0]);
    expect(findings[2]).toEqual(findings[0]);
  });
});
