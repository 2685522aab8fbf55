// The CLI with the real SDK over HTTP against the loopback emulator: audit --live, export, and
// lint --live, and how AWS failures end a run.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/aws-emulator/index.js";
import { cli, workdir } from "../support/cli.js";

const ACCOUNT = "111122223333";
const KEY = "0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
const DYING = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
const AURORA_KEY = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
const keyArn = (id: string, region = "us-east-1") => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;
let emulator: Emulator;

function env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: "AKIAEMULATOR",
    AWS_SECRET_ACCESS_KEY: "emulator-secret-key",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: "/nonexistent/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    AWS_PROFILE: undefined,
    ...extra,
  };
}

async function live(args: string[], extra: Record<string, string | undefined> = {}, cwd?: string) {
  return cli([...args, "--endpoint-url", emulator.url], { env: env(extra), cwd });
}

function seed(e: Emulator) {
  const s = e.state;
  s.addKey("us-east-1", { KeyId: KEY });
  s.addAlias("us-east-1", "alias/neptune-prod", KEY);
  s.addKey("us-east-1", { KeyId: DYING, KeyState: "PendingDeletion" });
  const tags = [{ Key: "Owner", Value: "graph-team" }];
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "graph-prod-keep", StorageEncrypted: true, KmsKeyId: keyArn(KEY) }, { tags, restore: [] });
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "legacy-prod-keep", StorageEncrypted: false }, { tags, restore: [] });
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "search-prod-keep", StorageEncrypted: true, KmsKeyId: keyArn(DYING) }, { tags, restore: [] });
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "identity-prod-keep", StorageEncrypted: true, KmsKeyId: keyArn(KEY) }, { tags, restore: ["all"] });
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "billing-prod-keep", StorageEncrypted: true, KmsKeyId: keyArn(KEY) }, { tags: [{ Key: "aws:owner", Value: "billing" }], restore: [] });
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "rds:graph-prod-2026-11-23-03-05", StorageEncrypted: true, KmsKeyId: keyArn(KEY) });
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "untagged-keep", StorageEncrypted: true, KmsKeyId: keyArn(KEY) }, { restore: [] });
  s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: "aurora-keep", Engine: "aurora-postgresql", StorageEncrypted: true, KmsKeyId: keyArn(AURORA_KEY) });
  s.addSnapshot("us-west-2", { DBClusterSnapshotIdentifier: "west-keep", StorageEncrypted: true, KmsKeyId: keyArn(KEY, "us-west-2") }, { tags, restore: [] });
  s.addKey("us-west-2", { KeyId: KEY });
}

interface Report {
  results: { id: string; file: string; region: string; findings: { ruleId: string; message: string; pointer: string; severity: string }[] }[];
  summary: Record<string, number>;
}

/** Findings by snapshot ARN, pointers made relative to the snapshot, for comparing runs. */
function byArn(report: Report, base: (r: Report["results"][number]) => string): Record<string, string[]> {
  return Object.fromEntries(report.results.map((r) => [r.id, r.findings.map((f) => `${f.ruleId} ${f.pointer.slice(base(r).length)} ${f.message}`).sort()]));
}

beforeAll(async () => {
  emulator = await startEmulator();
  seed(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.faults.clear());

describe("audit --live", () => {
  it("reports each violation once, naming snapshots by ARN in the region of their ARN", async () => {
    const out = await live(["audit", "--live", "--region", "us-east-1", "--region", "us-west-2", "--no-config", "--format", "json"]);
    expect(out.code, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout) as Report;
    const found = Object.fromEntries(report.results.map((r) => [r.id.split(":").at(-1), r.findings.map((f) => `${f.ruleId} ${f.pointer}`)]));
    expect(found).toEqual({
      "graph-prod-keep": [],
      "legacy-prod-keep": ["encryption-required /StorageEncrypted"],
      "search-prod-keep": ["kms-key-usable /KmsKeyId"],
      "identity-prod-keep": ["snapshot-public /DBClusterSnapshotAttributes/0/AttributeValues/0"],
      "billing-prod-keep": ["tag-reserved-prefix /TagList/0/Key"],
      "graph-prod-2026-11-23-03-05": [],
      "untagged-keep": [],
      "west-keep": [],
    });
    const west = report.results.find((r) => r.id.endsWith(":west-keep"))!;
    expect(west).toMatchObject({ file: "aws:us-west-2", region: "us-west-2" });
    expect(report.summary).toMatchObject({ files: 2, subjects: 8, errors: 4, warnings: 0 });
  });

  it("fetches each distinct thing once: describe pages, one DescribeKey per key, tags by region, attributes for manual snapshots only", async () => {
    const before = emulator.calls.length;
    await live(["audit", "--live", "--region", "us-east-1", "--no-config", "--format", "json"]);
    const calls = emulator.calls.slice(before);
    const count = (op: string) => calls.filter((c) => c.operation === op).length;
    expect(count("DescribeDBClusterSnapshots")).toBe(1);
    expect(count("GetResources")).toBe(1);
    expect(count("DescribeKey")).toBe(2);
    expect(count("DescribeDBClusterSnapshotAttributes")).toBe(6); // the manual Neptune snapshots: not the automated, not Aurora
    expect(count("ListTagsForResource")).toBe(0);
  });

  it("asks nothing about snapshots it does not judge: a refused DescribeKey for an Aurora snapshot's key cannot fail the run", async () => {
    // Every DescribeKey is refused: only the keys of Neptune snapshots may be asked for (and fail the run).
    emulator.faults.add({ operation: "DescribeKey", kind: "accessDenied" });
    const before = emulator.calls.length;
    const dir = workdir({});
    await live(["export", "--region", "us-east-1", "--output", "inventory.json"], {}, dir);
    await live(["audit", "--live", "--region", "us-east-1", "--no-config", "--format", "json"]);
    const asked = emulator.calls.slice(before).filter((c) => c.operation === "DescribeKey").map((c) => String(c.params.KeyId));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((k) => k.includes(AURORA_KEY))).toEqual([]);
  });

  it("gives the same findings from an exported inventory as live", async () => {
    const dir = workdir({});
    const exported = await live(["export", "--region", "us-east-1", "--region", "us-west-2", "--output", "inventory.json"], {}, dir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/Exported 9 snapshots, 3 KMS keys and 1 alias/);
    const inventory = JSON.parse(readFileSync(join(dir, "inventory.json"), "utf8"));
    expect(Object.keys(inventory)).toEqual(["DBClusterSnapshots", "Keys", "Aliases"]);
    expect(inventory.Aliases).toEqual([{ AliasName: "alias/neptune-prod", AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/neptune-prod`, TargetKeyId: KEY }]);
    const offline = JSON.parse((await cli(["audit", "--inventory", "inventory.json", "--no-config", "--format", "json"], { cwd: dir })).stdout) as Report;
    const online = JSON.parse((await live(["audit", "--live", "--region", "us-east-1", "--region", "us-west-2", "--no-config", "--format", "json"])).stdout) as Report;
    const offlineFindings = byArn(offline, (r) => `/DBClusterSnapshots/${inventory.DBClusterSnapshots.findIndex((s: { DBClusterSnapshotArn: string }) => s.DBClusterSnapshotArn === r.id)}`);
    expect(offlineFindings).toEqual(byArn(online, () => ""));
    expect(offline.summary).toMatchObject({ subjects: online.summary.subjects, errors: online.summary.errors, warnings: online.summary.warnings });
  });

  it("survives throttling and server errors", async () => {
    emulator.faults.add({ operation: "DescribeDBClusterSnapshots", kind: "throttle", times: 2 });
    emulator.faults.add({ operation: "DescribeKey", kind: "500", times: 1 });
    emulator.faults.add({ operation: "GetResources", kind: "throttle", times: 1 });
    const out = await live(["audit", "--live", "--region", "us-east-1", "--no-config", "--format", "json"]);
    expect(out.code, out.stderr).toBe(1);
    expect(JSON.parse(out.stdout).summary).toMatchObject({ subjects: 7, errors: 4 });
  });

  it("falls back to ListTagsForResource when the Tagging API is refused", async () => {
    emulator.faults.add({ operation: "GetResources", kind: "accessDenied" });
    const before = emulator.count("ListTagsForResource");
    const out = await live(["audit", "--live", "--region", "us-east-1", "--no-config", "--format", "json"]);
    expect(out.code, out.stderr).toBe(1);
    expect(emulator.count("ListTagsForResource") - before).toBe(7);
    expect(JSON.parse(out.stdout).summary).toMatchObject({ subjects: 7, errors: 4 });
  });
});

describe("failures end the run with exit 2 and one clear line", () => {
  it("names the IAM action that was refused", async () => {
    emulator.faults.add({ operation: "DescribeDBClusterSnapshots", kind: "accessDenied" });
    const out = await live(["audit", "--live", "--region", "us-east-1", "--no-config"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/AWS refused rds:DescribeDBClusterSnapshots in us-east-1 \(AccessDenied\)/);
    expect(out.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(out.stdout).toBe("");
  });

  it("says when credentials are expired", async () => {
    emulator.faults.add({ kind: "expiredToken" });
    const out = await live(["audit", "--live", "--region", "us-east-1", "--no-config"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/credentials are missing, invalid or expired/);
  });

  it("says when there are no credentials at all, and never prints a secret", async () => {
    const out = await live(["audit", "--live", "--region", "us-east-1", "--no-config"], { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/credentials are missing, invalid or expired/);
    const withKeys = await live(["audit", "--live", "--region", "us-east-1", "--no-config", "--format", "json"]);
    expect(withKeys.stdout + withKeys.stderr).not.toContain("emulator-secret-key");
  });

  it("needs a region, and exactly one of --inventory and --live", async () => {
    expect((await live(["audit", "--live", "--no-config"], { AWS_REGION: undefined })).stderr).toMatch(/audit --live needs a region/);
    expect((await live(["audit", "--live", "--inventory", "x.json", "--no-config"])).stderr).toMatch(/exactly one of --inventory FILE and --live/);
  });
});

describe("lint --live", () => {
  it("uses live facts: a missing source, an existing target, a key pending deletion, an unencrypted source given a key", async () => {
    const plan = {
      region: "us-east-1",
      copies: [
        { SourceDBClusterSnapshotIdentifier: "graph-prod-keep", TargetDBClusterSnapshotIdentifier: "graph-prod-copy", KmsKeyId: "alias/neptune-prod" },
        { SourceDBClusterSnapshotIdentifier: "no-such-snapshot", TargetDBClusterSnapshotIdentifier: "no-such-copy" },
        { SourceDBClusterSnapshotIdentifier: "graph-prod-keep", TargetDBClusterSnapshotIdentifier: "Search-Prod-Keep" },
        { SourceDBClusterSnapshotIdentifier: "graph-prod-keep", TargetDBClusterSnapshotIdentifier: "graph-prod-copy-2", KmsKeyId: DYING },
        { SourceDBClusterSnapshotIdentifier: "legacy-prod-keep", TargetDBClusterSnapshotIdentifier: "legacy-copy", KmsKeyId: "alias/neptune-prod" },
        { SourceDBClusterSnapshotIdentifier: "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:west-keep", TargetDBClusterSnapshotIdentifier: "west-copy", SourceRegion: "us-west-2", KmsKeyId: "alias/neptune-prod" },
      ],
    };
    const dir = workdir({ "plan.json": JSON.stringify(plan, null, 2) });
    const out = await live(["lint", "plan.json", "--live", "--no-config", "--format", "json"], {}, dir);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.results.map((r) => r.findings.map((f) => f.ruleId).sort())).toEqual([
      [],
      ["source-snapshot"],
      ["target-exists"],
      ["kms-key-usable"],
      ["encryption-required", "kms-key-unencrypted-source"],
      [],
    ]);
    expect(out.code).toBe(1);

    // The same requests against an exported inventory: its Aliases let alias/neptune-prod be resolved
    // offline, so the findings (and what could be judged) are the same as live.
    const exported = await live(["export", "--region", "us-east-1", "--region", "us-west-2", "--output", "inventory.json"], {}, dir);
    expect(exported.code, exported.stderr).toBe(0);
    const offline = JSON.parse((await cli(["lint", "plan.json", "--inventory", "inventory.json", "--no-config", "--format", "json"], { cwd: dir })).stdout) as Report;
    const strip = (r: Report) => r.results.map((x) => x.findings.map((f) => `${f.ruleId} ${f.pointer} ${f.message}`).sort());
    expect(strip(offline)).toEqual(strip(report));
    // Without the aliases the alias key cannot be verified offline.
    const inventory = JSON.parse(readFileSync(join(dir, "inventory.json"), "utf8"));
    delete inventory.Aliases;
    writeFileSync(join(dir, "old-inventory.json"), JSON.stringify(inventory));
    const old = JSON.parse((await cli(["lint", "plan.json", "--inventory", "old-inventory.json", "--no-config", "--format", "json"], { cwd: dir })).stdout) as Report;
    const notRun = (r: Report) => ((r.summary as unknown as { notRun: { ruleId: string }[] }).notRun ?? []).map((n) => n.ruleId);
    expect(notRun(old)).toContain("kms-key-usable");
    expect(notRun(offline)).not.toContain("kms-key-usable");
  });
});
