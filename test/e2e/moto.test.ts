// The real CLI against a second, independent AWS emulator: moto_server (moto 5.x), started on
// 127.0.0.1 with a free port by this file and stopped after it. Where moto differs from AWS, the test
// asserts what moto does and docs/emulator-fidelity.md says why (see "moto" there) — no difference
// is hidden. Without moto_server on the PATH the suite says so loudly and shows as skipped.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateDBClusterCommand, CreateDBClusterSnapshotCommand, DescribeDBClusterSnapshotsCommand, NeptuneClient } from "@aws-sdk/client-neptune";
import { CreateAliasCommand, CreateKeyCommand, DisableKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { cli, workdir } from "../support/cli.js";

const MOTO = spawnSync("sh", ["-c", "command -v moto_server"], { encoding: "utf8" }).stdout.trim();
const ACCOUNT = "123456789012"; // moto's default account
const REGION = "us-east-1";

if (MOTO === "") {
  console.warn("\n\n*** moto_server is NOT on the PATH: the moto end-to-end suite (test/e2e/moto.test.ts) is SKIPPED. Install moto[server] to run it. ***\n\n");
}

let server: ChildProcess | undefined;
let url = "";
let keyArn = "";
let disabledKeyArn = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

async function untilUp(): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      const res = await fetch(`${url}/moto-api/`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("moto_server did not come up within 30 s");
}

const env = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: REGION, AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: "/nonexistent/c", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/c" };
const run = (args: string[], dir: string) => cli([...args, "--endpoint-url", url, "--no-config"], { env, cwd: dir });

async function seed(): Promise<void> {
  const config = { region: REGION, endpoint: url, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
  const neptune = new NeptuneClient(config);
  const kms = new KMSClient(config);
  const key = (await kms.send(new CreateKeyCommand({ Description: "neptune copies" }))).KeyMetadata!;
  keyArn = key.Arn!;
  await kms.send(new CreateAliasCommand({ AliasName: "alias/neptune", TargetKeyId: key.KeyId! }));
  const disabled = (await kms.send(new CreateKeyCommand({ Description: "retired" }))).KeyMetadata!;
  disabledKeyArn = disabled.Arn!;
  await kms.send(new DisableKeyCommand({ KeyId: disabled.KeyId! }));
  const clusters: [string, Record<string, unknown>][] = [
    ["graph-prod", { StorageEncrypted: true, KmsKeyId: keyArn }],
    ["retired-prod", { StorageEncrypted: true, KmsKeyId: disabledKeyArn }],
    ["plain-prod", {}],
  ];
  for (const [id, extra] of clusters) {
    await neptune.send(new CreateDBClusterCommand({ DBClusterIdentifier: id, Engine: "neptune", ...extra }));
    await neptune.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: id, DBClusterSnapshotIdentifier: `${id}-snap` }));
  }
  neptune.destroy();
  kms.destroy();
}

interface Result {
  id: string;
  file?: string;
  outcome?: string;
  findings: { ruleId: string; severity: string; messageId?: string; message: string }[];
}

const suite = MOTO === "" ? describe.skip : describe;

if (MOTO === "") {
  describe("moto end-to-end suite", () => {
    it.skip("SKIPPED LOUDLY: moto_server is not on the PATH (install moto[server])", () => undefined);
  });
}

suite("moto_server end to end", () => {
  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(MOTO, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
    await untilUp();
    await seed();
  }, 60_000);
  afterAll(async () => {
    if (server?.pid !== undefined && server.exitCode === null) {
      const closed = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await closed;
    }
  });

  it("export, then audit --inventory, gives the findings of audit --live", async () => {
    const dir = workdir({});
    const exported = await run(["export", "--region", REGION, "--output", "inv.json"], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const inventory = JSON.parse(readFileSync(join(dir, "inv.json"), "utf8"));
    const ids = (inventory.DBClusterSnapshots as { DBClusterSnapshotIdentifier: string }[]).map((s) => s.DBClusterSnapshotIdentifier).sort();
    // moto, like AWS, takes an automated snapshot when a cluster is created.
    expect(ids.filter((id) => !id.startsWith("rds:"))).toEqual(["graph-prod-snap", "plain-prod-snap", "retired-prod-snap"]);
    expect(ids.filter((id) => id.startsWith("rds:"))).toHaveLength(3);
    // moto: an unencrypted snapshot carries KmsKeyId "default_kms_key_id" (AWS leaves it out).
    const plain = inventory.DBClusterSnapshots.find((s: { DBClusterSnapshotIdentifier: string }) => s.DBClusterSnapshotIdentifier === "plain-prod-snap");
    expect(plain).toMatchObject({ StorageEncrypted: false, KmsKeyId: "default_kms_key_id" });

    const offline = await run(["audit", "--inventory", "inv.json", "--format", "json"], dir);
    const live = await run(["audit", "--live", "--region", REGION, "--format", "json"], dir);
    expect(live.code, live.stderr).toBe(1);
    expect(offline.code).toBe(1);
    const strip = (out: string) => (JSON.parse(out).results as Result[]).map((r) => ({ id: r.id, findings: r.findings.map((f) => [f.ruleId, f.messageId]).sort() }));
    expect(strip(offline.stdout)).toEqual(strip(live.stdout));
    const byId = Object.fromEntries((JSON.parse(live.stdout).results as Result[]).map((r) => [r.id.split(":").pop(), r.findings.map((f) => f.ruleId).sort()]));
    expect(byId["graph-prod-snap"]).toEqual([]);
    // The disabled key of a snapshot is found by DescribeKey and judged.
    expect(byId["retired-prod-snap"]).toEqual(["kms-key-usable"]);
    // moto's fake key id on the unencrypted snapshot is malformed (kms-key-format) besides the real defect.
    expect(byId["plain-prod-snap"]).toEqual(["encryption-required", "kms-key-format"]);
  });

  it("lint --live: sources by id and by ARN are found; a source whose own key is disabled is refused", async () => {
    const requests = [
      { SourceDBClusterSnapshotIdentifier: "graph-prod-snap", TargetDBClusterSnapshotIdentifier: "graph-prod-dr", KmsKeyId: "alias/neptune" },
      { SourceDBClusterSnapshotIdentifier: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:graph-prod-snap`, TargetDBClusterSnapshotIdentifier: "graph-prod-dr2", KmsKeyId: "alias/neptune" },
      { SourceDBClusterSnapshotIdentifier: "retired-prod-snap", TargetDBClusterSnapshotIdentifier: "retired-prod-dr", KmsKeyId: "alias/neptune" },
    ];
    const dir = workdir({ "requests.json": JSON.stringify(requests) });
    const out = await run(["lint", "requests.json", "--live", "--region", REGION, "--format", "json"], dir);
    expect(out.code, out.stderr).toBe(1);
    const results = JSON.parse(out.stdout).results as Result[];
    expect(results[0]!.findings).toEqual([]);
    // moto answers an ARN as DBClusterSnapshotIdentifier only with IncludeShared=true, which the tool
    // always sends with an ARN (AWS needs it for shared snapshots): the ARN source is found.
    expect(results[1]!.findings).toEqual([]);
    // The source's own key is disabled: the copy could not decrypt it.
    expect(results[2]!.findings.map((f) => [f.ruleId, f.pointer])).toEqual([["kms-key-usable", "/2/SourceDBClusterSnapshotIdentifier"]]);
    expect(results[2]!.findings[0]!.message).toMatch(/source snapshot is encrypted with the KMS key .* which is Disabled/);
  });

  it("copy: dry run, --apply --wait, and a rerun", async () => {
    const plan = { region: REGION, copies: [{ SourceDBClusterSnapshotIdentifier: "graph-prod-snap", TargetDBClusterSnapshotIdentifier: "graph-prod-copy", KmsKeyId: "alias/neptune" }] };
    const dir = workdir({ "plan.json": JSON.stringify(plan) });
    const dry = await run(["copy", "plan.json", "--format", "json"], dir);
    expect(dry.code, dry.stderr).toBe(0);
    expect((JSON.parse(dry.stdout).results as Result[]).map((r) => r.outcome)).toEqual(["planned"]);

    const applied = await run(["copy", "plan.json", "--apply", "--wait", "--poll-interval", "0.05", "--timeout", "20", "--format", "json"], dir);
    expect(applied.code, applied.stderr).toBe(0);
    expect((JSON.parse(applied.stdout).results as Result[]).map((r) => r.outcome)).toEqual(["available"]);

    // moto: the copy is available at once and has no SourceDBClusterSnapshotArn, so a rerun cannot
    // tell it from another snapshot of that name: a conflict (AWS: skipped, done before).
    const rerun = await run(["copy", "plan.json", "--apply", "--format", "json"], dir);
    expect(rerun.code).toBe(1);
    expect((JSON.parse(rerun.stdout).results as Result[]).map((r) => r.outcome)).toEqual(["conflict"]);
  });

  it("listings: moto ignores MaxRecords (one page, no Marker); export still lists each snapshot once", async () => {
    const neptune = new NeptuneClient({ region: REGION, endpoint: url, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    for (let i = 0; i < 20; i++) await neptune.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: "graph-prod", DBClusterSnapshotIdentifier: `page-${i}` }));
    const page = await neptune.send(new DescribeDBClusterSnapshotsCommand({ MaxRecords: 20 }));
    neptune.destroy();
    const total = page.DBClusterSnapshots!.length;
    expect(total).toBeGreaterThan(20);
    expect(page.Marker).toBeUndefined();
    const dir = workdir({});
    const exported = await run(["export", "--region", REGION, "--output", "inv.json"], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const ids = (JSON.parse(readFileSync(join(dir, "inv.json"), "utf8")).DBClusterSnapshots as { DBClusterSnapshotIdentifier: string }[]).map((x) => x.DBClusterSnapshotIdentifier);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(total);
  });
});
