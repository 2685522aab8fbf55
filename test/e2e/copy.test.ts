// `copy` end to end: the real SDK against the loopback emulator, every outcome, and the counts that
// prove no copy is ever started twice.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/aws-emulator/index.js";
import { BIN, cli, workdir } from "../support/cli.js";

const ACCOUNT = "111122223333";
const KEY = "0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
const WEST_KEY = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
let emulator: Emulator;

function env(extra: Record<string, string | undefined> = {}) {
  return { AWS_ACCESS_KEY_ID: "AKIAEMULATOR", AWS_SECRET_ACCESS_KEY: "emulator-secret-key", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: "/nonexistent/c", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/c", ...extra };
}
const FAST = ["--poll-interval", "0.02", "--timeout", "20"];

async function copy(args: string[], dir: string) {
  return cli(["copy", ...args, "--endpoint-url", emulator.url, "--no-config", "--format", "json"], { env: env(), cwd: dir });
}

interface Item {
  id: string;
  outcome: string;
  reason?: string;
  status?: string;
  error?: { code: string; message: string };
  findings: { ruleId: string; severity: string }[];
}

const outcomes = (stdout: string) => Object.fromEntries((JSON.parse(stdout).results as Item[]).map((r) => [r.id, r.outcome]));
const copiesOf = (target: string) => emulator.calls.filter((c) => c.operation === "CopyDBClusterSnapshot" && String(c.params.TargetDBClusterSnapshotIdentifier).toLowerCase() === target.toLowerCase()).length;

const request = (source: string, target: string, extra: Record<string, unknown> = {}) => ({ SourceDBClusterSnapshotIdentifier: source, TargetDBClusterSnapshotIdentifier: target, KmsKeyId: "alias/neptune", Tags: [{ Key: "Owner", Value: "graph-team" }], ...extra });

beforeAll(async () => {
  emulator = await startEmulator();
  const s = emulator.state;
  s.copyStep = 50;
  s.addKey("us-east-1", { KeyId: KEY });
  s.addAlias("us-east-1", "alias/neptune", KEY);
  s.addKey("us-west-2", { KeyId: WEST_KEY });
  for (const id of ["graph-prod", "search-prod", "fraud-prod", "recs-prod", "ident-prod", "quota-prod", "kms-prod", "race-prod", "slow-prod"]) {
    s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: id, StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY}` });
  }
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "other-prod", StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY}` });
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "taken-copy", StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY}`, SourceDBClusterSnapshotArn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster-snapshot:other-prod` });
  s.addSnapshot("us-west-2", { DBClusterSnapshotIdentifier: "west-prod", StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-west-2:${ACCOUNT}:key/${WEST_KEY}` });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.faults.clear());

describe("copy: dry run", () => {
  it("plans one action per request and changes nothing", async () => {
    const plan = { region: "us-east-1", copies: [request("graph-prod", "graph-prod-dr"), request("graph-prod", "bad--target"), request("search-prod", "taken-copy"), request("no-such-snapshot", "nothing-copy")] };
    const dir = workdir({ "plan.json": JSON.stringify(plan) });
    const before = emulator.count("CopyDBClusterSnapshot");
    const out = await copy(["plan.json"], dir);
    expect(out.code, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.applied).toBe(false);
    expect(outcomes(out.stdout)).toEqual({ "graph-prod-dr": "planned", "bad--target": "refused", "taken-copy": "conflict", "nothing-copy": "refused" });
    expect((report.results as Item[]).find((r) => r.id === "nothing-copy")!.findings.map((f) => f.ruleId)).toContain("source-snapshot");
    expect(emulator.count("CopyDBClusterSnapshot")).toBe(before);
    const stylish = await cli(["copy", "plan.json", "--endpoint-url", emulator.url, "--no-config"], { env: env(), cwd: dir });
    expect(stylish.stdout).toMatch(/would copy +plan\.json#0 +graph-prod → graph-prod-dr in us-east-1/);
    expect(stylish.stdout).toMatch(/Dry run \(nothing changed; --apply to copy\): 4 requests: 2 refused, 1 would copy, 1 conflict/);
  });

  it("refuses an inventory as the source of facts, and other formats", async () => {
    const dir = workdir({ "a.json": JSON.stringify(request("graph-prod", "x-copy")) });
    expect((await copy(["a.json", "--inventory", "inv.json"], dir)).stderr).toMatch(/live facts only/);
    expect((await cli(["copy", "a.json", "--format", "sarif", "--endpoint-url", emulator.url], { env: env(), cwd: dir })).stderr).toMatch(/Given: "sarif", Choices: "stylish", "json"/);
  });
});

describe("copy --apply", () => {
  it("starts each copy once, waits until available, and skips it on a rerun", async () => {
    const plan = { region: "us-east-1", copies: [request("graph-prod", "graph-prod-copy-1"), request("search-prod", "search-prod-copy-1", { CopyTags: true, Tags: [] })] };
    const dir = workdir({ "plan.json": JSON.stringify(plan) });
    const out = await copy(["plan.json", "--apply", "--wait", ...FAST], dir);
    expect(out.code, out.stderr).toBe(0);
    expect(outcomes(out.stdout)).toEqual({ "graph-prod-copy-1": "available", "search-prod-copy-1": "available" });
    expect(out.stderr).toMatch(/copy: graph-prod-copy-1 in us-east-1: copying 0%/);
    expect(out.stderr).toMatch(/copy: graph-prod-copy-1 in us-east-1: available 100%/);
    const sent = emulator.calls.find((c) => c.operation === "CopyDBClusterSnapshot" && c.params.TargetDBClusterSnapshotIdentifier === "graph-prod-copy-1")!;
    expect(Object.keys(sent.params).filter((k) => !["Action", "Version"].includes(k)).sort()).toEqual(["KmsKeyId", "SourceDBClusterSnapshotIdentifier", "Tags.Tag.1.Key", "Tags.Tag.1.Value", "TargetDBClusterSnapshotIdentifier"]);
    const rerun = await copy(["plan.json", "--apply", "--wait", ...FAST], dir);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(outcomes(rerun.stdout)).toEqual({ "graph-prod-copy-1": "skipped", "search-prod-copy-1": "skipped" });
    expect(copiesOf("graph-prod-copy-1")).toBe(1);
  });

  it("copies across regions with the SDK's presigned URL and no SourceRegion", async () => {
    const source = `arn:aws:rds:us-west-2:${ACCOUNT}:cluster-snapshot:west-prod`;
    const dir = workdir({ "a.json": JSON.stringify(request(source, "west-prod-copy", { SourceRegion: "us-west-2" })) });
    const out = await copy(["a.json", "--region", "us-east-1", "--apply", "--wait", ...FAST], dir);
    expect(out.code, out.stderr).toBe(0);
    expect(outcomes(out.stdout)).toEqual({ "west-prod-copy": "available" });
    const sent = emulator.calls.find((c) => c.operation === "CopyDBClusterSnapshot" && c.params.TargetDBClusterSnapshotIdentifier === "west-prod-copy")!;
    expect(sent.params.SourceRegion).toBeUndefined();
    expect(String(sent.params.PreSignedUrl)).toMatch(/^https:\/\/rds\.us-west-2\.amazonaws\.com(:\d+)?\/\?.*X-Amz-Credential=[^&]*%2Fus-west-2%2Frds%2Faws4_request/);
  });

  it("reports a copy that fails, faults AWS answers, and a target that appears meanwhile", async () => {
    emulator.state.failCopiesOf("fraud-prod-copy");
    // On the wire the fault's code is "SnapshotQuotaExceeded"; the SDK names it SnapshotQuotaExceededFault.
    emulator.faults.add({ operation: "CopyDBClusterSnapshot", kind: "fault", code: "SnapshotQuotaExceeded", times: 1 });
    const plan = { region: "us-east-1", copies: [request("quota-prod", "quota-prod-copy"), request("fraud-prod", "fraud-prod-copy")] };
    const dir = workdir({ "plan.json": JSON.stringify(plan) });
    const out = await copy(["plan.json", "--apply", "--wait", "--concurrency", "1", ...FAST], dir);
    expect(out.code).toBe(1);
    const items = JSON.parse(out.stdout).results as Item[];
    expect(items[0]).toMatchObject({ id: "quota-prod-copy", outcome: "failed", error: { code: "SnapshotQuotaExceededFault" } });
    expect(items[1]).toMatchObject({ id: "fraud-prod-copy", outcome: "failed", status: "failed", error: { code: "Status:failed" } });

    emulator.faults.add({ operation: "CopyDBClusterSnapshot", kind: "fault", code: "KMSKeyNotAccessibleFault", times: 1 });
    emulator.state.beforeCopy = (caller, target) => {
      if (target === "race-prod-copy") emulator.state.addSnapshot(caller.region, { DBClusterSnapshotIdentifier: "race-prod-copy", StorageEncrypted: true, SourceDBClusterSnapshotArn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster-snapshot:other-prod` });
    };
    const dir2 = workdir({ "plan.json": JSON.stringify({ region: "us-east-1", copies: [request("kms-prod", "kms-prod-copy"), request("race-prod", "race-prod-copy")] }) });
    const out2 = await copy(["plan.json", "--apply", "--concurrency", "1"], dir2);
    emulator.state.beforeCopy = undefined;
    const items2 = JSON.parse(out2.stdout).results as Item[];
    expect(items2[0]).toMatchObject({ outcome: "failed", error: { code: "KMSKeyNotAccessibleFault" } });
    expect(items2[1]).toMatchObject({ outcome: "conflict", error: { code: "DBClusterSnapshotAlreadyExistsFault" } });
    expect(out2.code).toBe(1);
  });

  it("keeps waiting through throttling", async () => {
    emulator.faults.add({ operation: "DescribeDBClusterSnapshots", kind: "throttle", times: 3 });
    const dir = workdir({ "a.json": JSON.stringify(request("recs-prod", "recs-prod-copy")) });
    const out = await copy(["a.json", "--region", "us-east-1", "--apply", "--wait", ...FAST], dir);
    expect(out.code, out.stderr).toBe(0);
    expect(outcomes(out.stdout)).toEqual({ "recs-prod-copy": "available" });
  });

  it("on Ctrl-C stops starting copies, reports those started, exits 1; a rerun finishes the rest", async () => {
    emulator.latencyMs = 150;
    const copies = Array.from({ length: 6 }, (_, i) => request("ident-prod", `ident-prod-copy-${i}`));
    const dir = workdir({ "plan.json": JSON.stringify({ region: "us-east-1", copies }) });
    const child = spawn(process.execPath, [BIN, "copy", "plan.json", "--apply", "--concurrency", "1", "--endpoint-url", emulator.url, "--no-config", "--format", "json"], { cwd: dir, env: { ...process.env, ...env() } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const started = () => emulator.calls.filter((c) => c.operation === "CopyDBClusterSnapshot" && String(c.params.TargetDBClusterSnapshotIdentifier).startsWith("ident-prod-copy-")).length;
    while (started() < 2) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
    emulator.latencyMs = 0;
    expect(code).toBe(1);
    expect(stderr).toMatch(/Interrupted: no new copies will be started; copies already started go on in AWS/);
    const report = JSON.parse(stdout);
    expect(report.interrupted).toBe(true);
    const byOutcome = (o: string) => (report.results as Item[]).filter((r) => r.outcome === o).length;
    expect(byOutcome("started")).toBeGreaterThanOrEqual(2);
    expect(byOutcome("not-started")).toBeGreaterThanOrEqual(1);
    expect(byOutcome("started") + byOutcome("not-started")).toBe(6);
    // A rerun without --wait: the copies started before are in progress (exit 1, not "done"), and no
    // more than 5 are in progress in the region at once.
    const rerun = await copy(["plan.json", "--apply"], dir);
    expect(rerun.code).toBe(1);
    const again = Object.values(outcomes(rerun.stdout));
    const count = (o: string) => again.filter((x) => x === o).length;
    expect(count("in-progress")).toBe(byOutcome("started"));
    expect(count("in-progress") + count("started")).toBe(Math.min(5, 6));
    expect(count("not-started")).toBe(6 - Math.min(5, 6));
    // With --wait, the rest are started as places free up, and everything is followed to the end.
    const last = await copy(["plan.json", "--apply", "--wait", ...FAST], dir);
    expect(last.code, last.stderr).toBe(0);
    const final = Object.values(outcomes(last.stdout));
    expect(final.filter((o) => o === "skipped")).toHaveLength(byOutcome("started"));
    expect(final.filter((o) => o === "available")).toHaveLength(6 - byOutcome("started"));
    for (let i = 0; i < 6; i++) expect(copiesOf(`ident-prod-copy-${i}`)).toBe(1);
  });

  it("a rerun follows a copy still copying under --wait, reports it in progress without, and a failed one as failed", async () => {
    const s = emulator.state;
    const arn = (id: string) => `arn:aws:rds:us-east-1:${ACCOUNT}:cluster-snapshot:${id}`;
    for (const id of ["prog-src", "dead-src"]) s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: id, StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY}` });
    s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "prog-copy", StorageEncrypted: true, Status: "copying", PercentProgress: 0, SourceDBClusterSnapshotArn: arn("prog-src") });
    s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "dead-copy", StorageEncrypted: true, Status: "failed", PercentProgress: 40, SourceDBClusterSnapshotArn: arn("dead-src") });
    s.copyStep = 25;
    const dir = workdir({ "plan.json": JSON.stringify({ region: "us-east-1", copies: [request("prog-src", "prog-copy"), request("dead-src", "dead-copy")] }) });
    const before = emulator.count("CopyDBClusterSnapshot");
    const first = await copy(["plan.json", "--apply"], dir);
    expect(first.code).toBe(1);
    const items = JSON.parse(first.stdout).results as Item[];
    expect(items[0]).toMatchObject({ id: "prog-copy", outcome: "in-progress", status: "copying" });
    expect(items[1]).toMatchObject({ id: "dead-copy", outcome: "failed", error: { code: "Status:failed" } });
    const followed = await copy(["plan.json", "--apply", "--wait", ...FAST], dir);
    expect(outcomes(followed.stdout)).toEqual({ "prog-copy": "available", "dead-copy": "failed" });
    expect(followed.code).toBe(1);
    expect(emulator.count("CopyDBClusterSnapshot")).toBe(before);
    s.copyStep = 50;
  });

  it("keeps at most 5 copies in progress per region and account: --wait starts the rest in turn, without it they are not started", async () => {
    const s = emulator.state;
    const sources = Array.from({ length: 8 }, (_, i) => `lim-${i}`);
    for (const id of sources) s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: id, StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY}` });
    s.copyStep = 34;
    s.peakInProgress.clear();
    const dir = workdir({ "plan.json": JSON.stringify({ region: "us-east-1", copies: sources.map((id) => request(id, `${id}-copy`)) }) });
    const first = await copy(["plan.json", "--apply", "--concurrency", "8"], dir);
    expect(first.code).toBe(1);
    const items = JSON.parse(first.stdout).results as Item[];
    expect(items.filter((i) => i.outcome === "started")).toHaveLength(5);
    const waiting = items.filter((i) => i.outcome === "not-started");
    expect(waiting).toHaveLength(3);
    expect(waiting[0]!.reason).toMatch(/at most 5 copies may be in progress in us-east-1 for account 111122223333/);
    const second = await copy(["plan.json", "--apply", "--wait", "--concurrency", "8", ...FAST], dir);
    expect(second.code, second.stderr).toBe(0);
    expect(Object.values(outcomes(second.stdout)).filter((o) => o === "available" || o === "skipped")).toHaveLength(8);
    expect(s.peakInProgress.get(`us-east-1/${ACCOUNT}`)).toBe(5);
    expect(emulator.calls.filter((c) => c.operation === "CopyDBClusterSnapshot" && String(c.params.TargetDBClusterSnapshotIdentifier).startsWith("lim-")).length).toBe(8);
    s.copyStep = 50;
  });

  it("refuses every request of a run that shares its target with another, before anything starts", async () => {
    const plan = { region: "us-east-1", copies: [request("graph-prod", "twin-copy"), request("search-prod", "Twin-Copy"), request("graph-prod", "single-copy")] };
    const dir = workdir({ "plan.json": JSON.stringify(plan, null, 2) });
    const before = emulator.count("CopyDBClusterSnapshot");
    const out = await copy(["plan.json", "--apply", "--wait", ...FAST], dir);
    expect(out.code).toBe(1);
    const items = JSON.parse(out.stdout).results as (Item & { findings: { ruleId: string; message: string; pointer: string }[] })[];
    expect(items.map((i) => i.outcome)).toEqual(["refused", "refused", "available"]);
    expect(items[0]!.findings).toEqual([expect.objectContaining({ ruleId: "target-exists", severity: "error", pointer: "/copies/0/TargetDBClusterSnapshotIdentifier", line: 6, column: 44, message: expect.stringMatching(/2 requests of this run copy to the target "twin-copy"/) })]);
    expect(emulator.count("CopyDBClusterSnapshot")).toBe(before + 1);
  });

  it("200 requests across 3 regions, --concurrency 8: every outcome reported, no target copied twice", async () => {
    const regions = ["us-east-1", "us-west-2", "eu-west-1"];
    const plans: Record<string, string> = {};
    const expected: Record<string, string> = {};
    regions.forEach((region, r) => {
      const key = `${String(r + 7).padStart(8, "0")}-aaaa-4bbb-8ccc-dddddddddddd`;
      emulator.state.addKey(region, { KeyId: key });
      emulator.state.addAlias(region, "alias/bulk", key);
      const copies = [];
      for (let i = r; i < 200; i += 3) {
        const source = `bulk-${i}`;
        emulator.state.addSnapshot(region, { DBClusterSnapshotIdentifier: source, StorageEncrypted: true, KmsKeyId: `arn:aws:kms:${region}:${ACCOUNT}:key/${key}` });
        const target = `bulk-${i}-copy`;
        if (i % 20 === 0) {
          copies.push({ SourceDBClusterSnapshotIdentifier: source, TargetDBClusterSnapshotIdentifier: `bulk-${i}--copy`, KmsKeyId: "alias/bulk" });
          expected[`bulk-${i}--copy`] = "refused";
          continue;
        }
        if (i % 20 === 1) {
          emulator.state.addSnapshot(region, { DBClusterSnapshotIdentifier: target, StorageEncrypted: true, SourceDBClusterSnapshotArn: `arn:aws:rds:${region}:${ACCOUNT}:cluster-snapshot:${source}` });
          expected[target] = "skipped";
        } else if (i % 20 === 2) {
          emulator.state.addSnapshot(region, { DBClusterSnapshotIdentifier: target, StorageEncrypted: true });
          expected[target] = "conflict";
        } else if (i % 20 === 3) {
          emulator.state.failCopiesOf(target);
          expected[target] = "failed";
        } else expected[target] = "available";
        copies.push({ SourceDBClusterSnapshotIdentifier: source, TargetDBClusterSnapshotIdentifier: target, KmsKeyId: "alias/bulk" });
      }
      plans[`plans/${region}.json`] = JSON.stringify({ region, copies });
    });
    const dir = workdir(plans);
    const before = emulator.calls.length;
    const out = await copy(["plans", "--apply", "--wait", "--concurrency", "8", ...FAST], dir);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.results).toHaveLength(200);
    expect(outcomes(out.stdout)).toEqual(expected);
    const calls = emulator.calls.slice(before).filter((c) => c.operation === "CopyDBClusterSnapshot");
    const perTarget = new Map<string, number>();
    for (const c of calls) perTarget.set(String(c.params.TargetDBClusterSnapshotIdentifier), (perTarget.get(String(c.params.TargetDBClusterSnapshotIdentifier)) ?? 0) + 1);
    expect(Math.max(...perTarget.values())).toBe(1);
    expect(calls.length).toBe(Object.values(expected).filter((o) => o === "available" || o === "failed").length);
    expect(report.summary).toMatchObject({ requests: 200, refused: 10, skipped: 10, conflict: 10, failed: 10, available: 160 });
  });
});
