// The built CLI, run as users run it: exit codes, output, and every kind of bad input.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, chmodSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, cli, workdir } from "../support/cli.js";

const good = {
  SourceDBClusterSnapshotIdentifier: "graph-prod-2026-11-01",
  TargetDBClusterSnapshotIdentifier: "graph-prod-2026-11-01-copy",
  KmsKeyId: "alias/neptune",
};
/** Turn off the fact rules: offline, they can only say "unverified". */
const OFFLINE = ["source-snapshot", "target-exists", "kms-key-usable", "kms-key-unencrypted-source", "encryption-required"].flatMap((id) => ["--rule", `${id}:off`]);

function noStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe("lint on the bundled fixtures", () => {
  it("prints findings for the bad fixtures and exits 1", async () => {
    const out = await cli(["lint", "fixtures"]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("fixtures/requests/bad/reserved-tags.json");
    expect(out.stdout).toContain("tag-reserved-prefix");
    expect(out.stdout).toContain("kms-key-region");
    expect(out.stdout).toContain("duplicate-key");
    expect(out.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?\)/);
  });

  it("gives the JSON report of SPEC §5", async () => {
    const out = await cli(["lint", "fixtures", "--format", "json"]);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.tool).toEqual({ name: "neptune-snapshot-policy", version: expect.any(String) });
    expect(Object.keys(report)).toEqual(["tool", "results", "summary"]);
    const plan = report.results.filter((r: { file: string }) => r.file === "fixtures/plans/bad-eu-residency.yml");
    expect(plan.map((r: { id: string; index: number; region: string; subject: string }) => [r.subject, r.id, r.index, r.region])).toEqual([
      ["request", "identity-prod-2026-11-20-eu", 0, "eu-west-1"],
      ["request", "recs-shared-2026-11-20-eu", 1, "eu-west-1"],
      ["request", "search-prod-2026-11-20-eu", 2, "eu-west-1"],
    ]);
    const keyRegion = plan[0].findings.find((f: { ruleId: string }) => f.ruleId === "kms-key-region");
    expect(keyRegion).toEqual({ ruleId: "kms-key-region", severity: "error", message: expect.stringContaining("eu-central-1"), pointer: "/copies/0/KmsKeyId", line: 9, column: 15 });
    // The policy file, the example inventory, and the four Terraform plans with nothing to check
    // (delete-forget, destroy, refresh-only, empty).
    expect(report.summary.skipped).toBe(6);
    expect(report.summary.subjects).toBe(report.results.length);
    const counted = report.results.flatMap((r: { findings: { severity: string }[] }) => r.findings);
    expect(report.summary.errors).toBe(counted.filter((f: { severity: string }) => f.severity === "error").length);
    expect(report.summary.warnings).toBe(counted.filter((f: { severity: string }) => f.severity === "warning").length);
  });

  it("passes the good fixtures offline with 0 findings, and says once per rule what it could not check", async () => {
    const out = await cli(["lint", "fixtures/requests/good", "fixtures/plans/dr-us-west-2.yml", "--format", "json", "--max-warnings", "0"]);
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout);
    const findings = report.results.flatMap((r: { findings: { message: string }[] }) => r.findings);
    expect(findings).toEqual([]);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    // The fact rules were not run: each is named once, with the number of subjects and how to give facts.
    expect(report.summary.notRun.map((n: { ruleId: string }) => n.ruleId)).toEqual(["kms-key-usable", "kms-key-unencrypted-source", "source-snapshot", "target-exists"]);
    for (const n of report.summary.notRun) expect(n).toEqual({ ruleId: n.ruleId, subjects: report.results.length, reason: "no facts: use --inventory FILE or --live" });
    // With the inventory's facts they run, and the clean requests still pass.
    const inventory = ["--inventory", "fixtures/inventories/account-111122223333.json", "--format", "json"];
    const withFacts = await cli(["lint", "fixtures/requests/good/graph-staging-copy.json", "--region", "us-east-1", ...inventory]);
    const ran = JSON.parse(withFacts.stdout).summary.notRun.map((n: { ruleId: string }) => n.ruleId);
    expect(ran).not.toContain("source-snapshot");
    expect(ran).not.toContain("target-exists");
    // Facts at hand but no region to look the source up in: that is the subject's one warning.
    const unplaced = JSON.parse((await cli(["lint", "fixtures/requests/good/graph-staging-copy.json", ...inventory])).stdout);
    expect(unplaced.results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["destination-unknown"]);
    expect(unplaced.results[0].findings[0].message).toContain("source-snapshot");
  });

  it("reads one document from standard input with `lint -`, named by --stdin-filename", async () => {
    const dir = workdir({ "snapshot-policy.yml": "overrides:\n  - files: [\"dr/**\"]\n    region: us-west-2\n" });
    const request = JSON.stringify({ ...good, KmsKeyId: "arn:aws:kms:us-east-1:111122223333:alias/x" });
    const out = await cli(["lint", "-", "--stdin-filename", "dr/copy.json", "--format", "json"], { cwd: dir, stdin: request });
    expect(out.code, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.results).toHaveLength(1);
    // The override for dr/** applies: the key of us-east-1 is in the wrong region for a copy in us-west-2.
    expect(report.results[0]).toMatchObject({ file: "dr/copy.json", region: "us-west-2" });
    expect(report.results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain("kms-key-region");
    const plain = await cli(["lint", "-", "--region", "us-east-1", "--format", "json"], { cwd: dir, stdin: JSON.stringify(good) });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).results).toMatchObject([{ file: "<stdin>", findings: [] }]);
    const broken = await cli(["lint", "-"], { cwd: dir, stdin: "{ not json" });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/<stdin>:1:\d+: YAML syntax error/);
    expect((await cli(["lint", "-", "a.json"], { cwd: dir })).code).toBe(2);
  });

  it("applies the example policy, its overrides and custom rule", async () => {
    const out = await cli(["lint", "--config", "fixtures/policies/snapshot-policy.yml", "fixtures", "--format", "json"]);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout);
    const ids = new Set(report.results.flatMap((r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId)));
    expect(ids).toContain("tag-policy");
    expect(ids).toContain("dr-purpose-tag");
    const staging = report.results.find((r: { file: string }) => r.file.endsWith("graph-staging-copy.json"));
    expect(staging.region).toBe("us-east-1"); // the config's region
  });
});

describe("lint results", () => {
  it("passes a clean request with exit 0 and lists it with no findings", async () => {
    const dir = workdir({ "copy.json": JSON.stringify(good) });
    const out = await cli(["lint", "copy.json", "--format", "json", "--region", "us-east-1", ...OFFLINE], { cwd: dir });
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.results).toEqual([{ file: "copy.json", subject: "request", id: "graph-prod-2026-11-01-copy", index: 0, region: "us-east-1", findings: [] }]);
    expect(report.summary).toEqual({ files: 1, skipped: 0, subjects: 1, errors: 0, warnings: 0, notRun: [] });
  });

  it("reports duplicate keys in JSON at the later key", async () => {
    const dir = workdir({ "copy.json": `{\n  "SourceDBClusterSnapshotIdentifier": "a",\n  "TargetDBClusterSnapshotIdentifier": "b",\n  "TargetDBClusterSnapshotIdentifier": "c"\n}\n` });
    const out = await cli(["lint", ".", "--format", "json", "--no-config", ...OFFLINE], { cwd: dir });
    const findings = JSON.parse(out.stdout).results[0].findings;
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: "duplicate-key", pointer: "/TargetDBClusterSnapshotIdentifier", line: 4, column: 3 }));
    expect(JSON.parse(out.stdout).results[0].id).toBe("c");
    expect(out.code).toBe(1);
  });

  it("skips JSON and YAML that are not requests while walking, and counts them", async () => {
    const dir = workdir({
      "package.json": '{"name": "x", "version": "1.0.0"}',
      "inventory.json": '{"DBClusterSnapshots": [{"KmsKeyId": "x"}]}',
      "tsconfig.json": "{ // comments are not JSON\n}",
      "ci.yml": "on: push\njobs: {}\n",
      "copies/a.json": JSON.stringify(good),
    });
    const out = await cli(["lint", "--format", "json", "--region", "us-east-1", ...OFFLINE], { cwd: dir });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).summary).toEqual({ files: 1, skipped: 4, subjects: 1, errors: 0, warnings: 0, notRun: [] });
  });

  it("lints a file named on the command line even when it does not look like a request", async () => {
    const dir = workdir({ "other.json": '{"name": "x"}' });
    const out = await cli(["lint", "other.json", "--format", "json"], { cwd: dir });
    expect(out.code).toBe(1);
    const messages = JSON.parse(out.stdout).results[0].findings.map((f: { message: string }) => f.message);
    expect(messages.join("\n")).toContain("unknown member name");
  });

  it("takes the destination region from the plan first, then --region, overrides, config, AWS_REGION", async () => {
    const request = { ...good, KmsKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/neptune" };
    const dir = workdir({
      "snapshot-policy.yml": "region: us-east-2\noverrides:\n  - files: ['eu/**']\n    region: eu-west-1\n",
      "plan.json": JSON.stringify({ region: "ap-southeast-2", copies: [request] }),
      "eu/a.json": JSON.stringify(request),
      "b.json": JSON.stringify(request),
    });
    const regions = async (args: string[], env: Record<string, string> = {}) => {
      const out = await cli(["lint", "--format", "json", ...args, ...OFFLINE], { cwd: dir, env });
      return Object.fromEntries(JSON.parse(out.stdout).results.map((r: { file: string; region: string }) => [r.file, r.region]));
    };
    expect(await regions([])).toEqual({ "b.json": "us-east-2", "eu/a.json": "eu-west-1", "plan.json": "ap-southeast-2" });
    expect(await regions(["--region", "ca-central-1"])).toEqual({ "b.json": "ca-central-1", "eu/a.json": "ca-central-1", "plan.json": "ap-southeast-2" });
    expect(await regions(["--no-config"], { AWS_REGION: "sa-east-1", AWS_DEFAULT_REGION: "us-west-1" })).toEqual({ "b.json": "sa-east-1", "eu/a.json": "sa-east-1", "plan.json": "ap-southeast-2" });
    expect(await regions(["--no-config"], { AWS_DEFAULT_REGION: "us-west-1" })).toEqual({ "b.json": "us-west-1", "eu/a.json": "us-west-1", "plan.json": "ap-southeast-2" });
  });

  it("gives one warning on the subject, not a guess and not one per rule, when no destination region is known", async () => {
    const dir = workdir({ "a.json": JSON.stringify({ ...good, KmsKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/neptune" }) });
    const out = await cli(["lint", "a.json", "--format", "json", "--no-config", ...OFFLINE], { cwd: dir });
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    const findings = report.results[0].findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "destination-unknown", severity: "warning", pointer: "", line: 1, column: 1 });
    // It says what is missing, how to give it, and which rules it kept from judging.
    expect(findings[0].message).toMatch(/No destination region is known/);
    expect(findings[0].message).toContain("--region");
    expect(findings[0].message).toContain("kms-key-region");
    expect(report.summary.warnings).toBe(1);
    // --require-facts: what could not be judged must not pass.
    const strict = await cli(["lint", "a.json", "--format", "json", "--no-config", "--require-facts", ...OFFLINE], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).results[0].findings).toContainEqual(expect.objectContaining({ ruleId: "destination-unknown", severity: "error" }));
  });

  it("honours --rule, --quiet and --max-warnings", async () => {
    const dir = workdir({ "a.json": JSON.stringify({ ...good, CopyTags: true, Tags: [{ Key: "Owner", Value: "x" }] }) });
    const base = ["lint", "a.json", "--region", "us-east-1", ...OFFLINE];
    expect((await cli(base, { cwd: dir })).code).toBe(0); // copy-tags-ignored is a warning
    expect((await cli([...base, "--max-warnings", "0"], { cwd: dir })).code).toBe(1);
    expect((await cli([...base, "--max-warnings", "0", "--quiet"], { cwd: dir })).code).toBe(0);
    expect((await cli([...base, "--rule", "copy-tags-ignored:error"], { cwd: dir })).code).toBe(1);
    const policy = await cli([...base, "--rule", 'tag-policy:error:{"required":["CostCenter"]}', "--format", "json"], { cwd: dir });
    expect(policy.code).toBe(1);
    expect(JSON.parse(policy.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain("tag-policy");
  });

  it("writes --output atomically and prints nothing on stdout", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good) });
    const out = await cli(["lint", "a.json", "--format", "sarif", "--output", "report.sarif", "--region", "us-east-1"], { cwd: dir });
    expect(out.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "report.sarif"), "utf8")).version).toBe("2.1.0");
  });
});

describe("bad input: exit 2, file and place named, no stack trace", () => {
  const cases: [string, Record<string, string | Buffer>, string[], RegExp][] = [
    ["malformed JSON", { "a.json": '{\n  "SourceDBClusterSnapshotIdentifier": "a",\n  "Target": \n}' }, ["a.json"], /a\.json:4:1: JSON syntax error/],
    ["malformed YAML", { "a.yml": "SourceDBClusterSnapshotIdentifier: [a\n" }, ["a.yml"], /a\.yml:\d+:\d+: YAML syntax error/],
    ["binary file", { "a.json": Buffer.from([0x7b, 0x00, 0x01, 0x7d]) }, ["a.json"], /a\.json: is a binary file/],
    ["invalid UTF-8", { "a.json": Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }, ["a.json"], /a\.json: is not valid UTF-8/],
    ["huge file", { "a.json": "[" + " ".repeat(9 * 1024 * 1024) + "]" }, ["a.json"], /a\.json: is too large/],
    ["a scalar document", { "a.yml": "just text\n" }, ["a.yml"], /a\.yml:1:1: is not a request/],
    ["a missing path", {}, ["nope.json"], /nope\.json: does not exist/],
    ["a plan with a bad region", { "p.yml": "region: 5\ncopies: []\n" }, ["p.yml"], /p\.yml:1:9: copy plan: \/region must be a string/],
    ["a plan with an unknown member", { "p.yml": "region: us-east-1\nregoin: x\ncopies: []\n" }, ["p.yml"], /p\.yml:2:1: copy plan: unknown member regoin/],
    ["a walked malformed file that mentions a request member", { "d/a.json": '{"TargetDBClusterSnapshotIdentifier": }' }, ["d"], /d\/a\.json:1:39: JSON syntax error/],
    ["a malformed config", { "snapshot-policy.yml": "rules:\n  tag-format: [loud]\n", "a.json": "{}" }, ["a.json"], /snapshot-policy\.yml:2:\d+: config: /],
    ["an unknown rule in the config", { "snapshot-policy.yml": "rules:\n  tag-formats: error\n", "a.json": "{}" }, ["a.json"], /snapshot-policy\.yml:2:3: config: unknown rule tag-formats \(did you mean tag-format\?\)/],
    ["bad rule options in the config", { "snapshot-policy.yml": "rules:\n  tag-limit: [error, { max: 3 }]\n", "a.json": "{}" }, ["a.json"], /snapshot-policy\.yml:2:\d+: config: rule tag-limit: unknown member max/],
    ["a config with a repeated key", { "snapshot-policy.json": '{"region": "us-east-1", "region": "eu-west-1"}', "a.json": "{}" }, ["a.json"], /snapshot-policy\.json:1:25: config: the key "region" is repeated/],
    ["an invalid custom rule schema", { "snapshot-policy.yml": "customRules:\n  - id: x\n    subjects: [request]\n    message: m\n    schema: { type: 12 }\n", "a.json": "{}" }, ["a.json"], /snapshot-policy\.yml:5:\d+: config: custom rule x: invalid JSON Schema/],
    ["an unknown option", { "a.json": "{}" }, ["a.json", "--colour"], /unknown option --colour \(did you mean --color\?\)/],
    ["a bad --rule", { "a.json": "{}" }, ["a.json", "--rule", "tag-format:loud"], /--rule tag-format:loud: severity must be off, warn or error/],
    ["bad --rule options", { "a.json": "{}" }, ["a.json", "--rule", "tag-limit:error:{nope"], /options are not valid JSON/],
    ["a bad --region", { "a.json": "{}" }, ["a.json", "--region", "mars"], /--region mars is not a known region/],
    ["a bad --format", { "a.json": "{}" }, ["a.json", "--format", "xml"], /Invalid values:[\s\S]*format/],
  ];
  for (const [name, files, args, message] of cases) {
    it(name, async () => {
      const dir = workdir(files);
      const out = await cli(["lint", ...args], { cwd: dir });
      expect(out.code, out.stderr).toBe(2);
      expect(out.stderr).toMatch(message);
      noStackTrace(out.stderr);
    });
  }

  it("an unreadable file", async () => {
    if (process.getuid?.() === 0) return; // root reads everything: nothing to test
    const dir = workdir({ "a.json": "{}" });
    chmodSync(join(dir, "a.json"), 0o000);
    const out = await cli(["lint", "a.json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/a\.json: cannot be read/);
  });

  it("still reports the files it could read (no lost work)", async () => {
    // A truncated request: it names a request member, so the walk cannot skip it as "not a request".
    const dir = workdir({ "a.json": '{"TargetDBClusterSnapshotIdentifier": }', "b.json": JSON.stringify({ ...good, PreSignedUrl: "x" }) });
    const out = await cli(["lint", ".", "--format", "json", "--region", "us-east-1", ...OFFLINE], { cwd: dir });
    expect(out.code).toBe(2);
    const report = JSON.parse(out.stdout);
    expect(report.results.map((r: { file: string }) => r.file)).toEqual(["b.json"]);
    expect(report.errors).toEqual([{ file: "a.json", line: 1, column: 39, message: expect.stringContaining("JSON syntax error") }]);
  });

  it("keeps the previous --output when the run cannot write a new one", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good) });
    const out = await cli(["lint", "a.json", "--output", "missing-dir/report.txt"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/cannot write --output missing-dir\/report\.txt/);
    expect(existsSync(join(dir, "missing-dir"))).toBe(false);
  });
});

describe("rules command", () => {
  it("lists every rule with its default severity and subjects", async () => {
    const out = await cli(["rules"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^id\s+default\s+subjects\s+summary/);
    expect(out.stdout).toMatch(/\nkms-key-region\s+error\s+both\s+/);
    expect(out.stdout).toMatch(/\ntag-policy\s+off\s+both\s+/);
  });
  it("shows one rule's doc page", async () => {
    const out = await cli(["rules", "presigned-url"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^# presigned-url/);
  });
  it("refuses an unknown rule with exit 2", async () => {
    const out = await cli(["rules", "nope"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/unknown rule nope/);
  });
});

describe("SARIF of the bundled fixtures", () => {
  it("passes Microsoft's SARIF Multitool with zero errors", async () => {
    const dir = workdir({});
    const out = await cli(["lint", "fixtures", "--format", "sarif", "--output", join(dir, "fixtures.sarif")]);
    expect(out.code).toBe(1);
    const { execFileSync } = await import("node:child_process");
    const printed = execFileSync(join(ROOT, "node_modules/.bin/sarif-multitool"), ["validate", join(dir, "fixtures.sarif"), "--output", join(dir, "validation.sarif")], { encoding: "utf8" });
    expect(printed).toContain("Analysis completed successfully");
    const problems = JSON.parse(readFileSync(join(dir, "validation.sarif"), "utf8")).runs[0].results ?? [];
    expect(problems.filter((p: { level?: string }) => p.level === "error")).toEqual([]);
  });
});
