// Terraform plans written by real Terraform (fixtures/terraform/<case>/plan.json), linted by the
// built CLI: per resource address, the exact rule ids at error severity and the region.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/aws-emulator/index.js";
import { cli, ROOT, workdir } from "../support/cli.js";

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  pointer: string;
  line?: number;
}
interface Result {
  file: string;
  subject: string;
  id: string | null;
  region: string | null;
  address?: string;
  findings: Finding[];
}
interface Report {
  results: Result[];
  summary: { subjects: number; errors: number; warnings: number; notRun: { ruleId: string; subjects: number; reason: string }[] };
}

const fixture = (name: string) => `fixtures/terraform/${name}/plan.json`;

/** The account the copies land in: 111122223333 for hand-set ARNs, moto's 123456789012 for plans made after an apply. */
const ACCOUNT: Record<string, string> = { shared: "123456789012", update: "123456789012", replace: "123456789012", import: "123456789012" };

async function lint(name: string, ...extra: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const out = await cli(["lint", fixture(name), "--account", ACCOUNT[name] ?? "111122223333", "--format", "json", ...extra]);
  expect(out.stderr).not.toMatch(/at .*\.js:\d+/);
  return { code: out.code, report: JSON.parse(out.stdout) as Report, stderr: out.stderr };
}

/** `address (kind)` → region and the sorted rule ids at error severity. */
function byAddress(report: Report): Record<string, { region: string | null; errors: string[] }> {
  const table: Record<string, { region: string | null; errors: string[] }> = {};
  for (const r of report.results) {
    const key = r.subject === "request" ? r.address! : `${r.address!} (snapshot)`;
    expect(table[key], `one result per address and kind: ${key}`).toBeUndefined();
    table[key] = { region: r.region, errors: [...new Set(r.findings.filter((f) => f.severity === "error").map((f) => f.ruleId))].sort() };
  }
  return table;
}

describe("lint of real Terraform plans, per resource address", () => {
  it("regions: count, for_each, modules, aliases, destination_region, variables", async () => {
    const { code, report } = await lint("regions");
    expect(code).toBe(1);
    expect(byAddress(report)).toEqual({
      "aws_rds_cluster_snapshot_copy.counted[0]": { region: "us-west-2", errors: ["kms-key-region"] },
      "aws_rds_cluster_snapshot_copy.counted[1]": { region: "us-west-2", errors: ["kms-key-region"] },
      "aws_rds_cluster_snapshot_copy.destination": { region: "us-east-1", errors: ["kms-key-region"] },
      'aws_rds_cluster_snapshot_copy.each["graph"]': { region: "eu-central-1", errors: [] },
      'aws_rds_cluster_snapshot_copy.each["search"]': { region: "eu-central-1", errors: [] },
      "aws_rds_cluster_snapshot_copy.local": { region: null, errors: [] },
      "aws_rds_cluster_snapshot_copy.variable": { region: "ap-southeast-2", errors: ["kms-key-required"] },
      'module.dr.aws_rds_cluster_snapshot_copy.this["graph"]': { region: "us-west-2", errors: ["kms-key-region"] },
      'module.dr.aws_rds_cluster_snapshot_copy.this["search"]': { region: "us-west-2", errors: ["kms-key-region"] },
      "module.home.aws_rds_cluster_snapshot_copy.this": { region: "eu-north-1", errors: [] },
    });
    const destination = report.results.find((r) => r.address === "aws_rds_cluster_snapshot_copy.destination")!;
    expect(destination.findings.find((f) => f.ruleId === "kms-key-region")!.message).toMatch(
      /^aws_rds_cluster_snapshot_copy\.destination: The KMS key is in us-west-2, but the copy will live in us-east-1/,
    );
    // The region of aws.eu comes from a local: one warning on that copy, saying why, and nothing guessed.
    const local = report.results.find((r) => r.address === "aws_rds_cluster_snapshot_copy.local")!;
    expect(local.findings).toHaveLength(1);
    expect(local.findings[0]).toMatchObject({ severity: "warning", message: expect.stringContaining("local.eu_region, whose value the plan does not record") });
  });

  it("a region Terraform does not state is not taken from AWS_REGION, --region or the config", async () => {
    const out = await cli(["lint", fixture("regions"), "--account", "111122223333", "--region", "us-east-1", "--format", "json"], { env: { AWS_REGION: "eu-west-1" } });
    const local = (JSON.parse(out.stdout) as Report).results.find((r) => r.address === "aws_rds_cluster_snapshot_copy.local")!;
    expect(local.region).toBeNull();
  });

  it("tags: tags_all with default_tags, pointers at tags or default_tags, values known after apply", async () => {
    const { report } = await lint("tags");
    expect(byAddress(report)).toEqual({
      "aws_rds_cluster_snapshot_copy.many": { region: "us-east-1", errors: ["tag-format", "tag-limit", "tag-reserved-prefix"] },
      "aws_rds_cluster_snapshot_copy.unknown": { region: "us-east-1", errors: ["tag-format"] },
    });
    const [many, unknown] = report.results;
    const pointers = (r: Result) => r.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.pointer}`);
    expect(pointers(many!)).toEqual(
      expect.arrayContaining([
        "tag-limit /resource_changes/1/change/after/tags_all",
        "tag-reserved-prefix /resource_changes/1/change/after/tags/aws:owner",
        "tag-format /configuration/provider_config/aws/expressions/default_tags/0/tags/constant_value/CostCenter",
      ]),
    );
    // The key and the tag value known only after apply are neither missing nor malformed.
    expect(unknown!.findings.map((f) => f.ruleId)).not.toContain("kms-key-required");
    expect(unknown!.findings.map((f) => f.ruleId)).not.toContain("request-schema");
    expect(unknown!.findings.map((f) => f.pointer)).toEqual(["/configuration/provider_config/aws/expressions/default_tags/0/tags/constant_value/CostCenter"]);
    const afterApply = report.summary.notRun.filter((n) => n.reason.includes("after terraform apply")).map((n) => n.ruleId);
    // request-schema reads them and finds no string there: not run for this copy, said once.
    expect(afterApply).toEqual(["request-schema"]);
    expect(report.summary.notRun.find((n) => n.ruleId === "request-schema")!.subjects).toBe(1);
  });

  it("shared_accounts: all is public, account ids are shared", async () => {
    const { report } = await lint("shared");
    expect(byAddress(report)).toEqual({
      "aws_rds_cluster_snapshot_copy.accounts": { region: "us-east-1", errors: [] },
      "aws_rds_cluster_snapshot_copy.accounts (snapshot)": { region: "us-east-1", errors: [] },
      "aws_rds_cluster_snapshot_copy.public": { region: "us-east-1", errors: [] },
      "aws_rds_cluster_snapshot_copy.public (snapshot)": { region: "us-east-1", errors: ["snapshot-public"] },
    });
    const withShared = await lint("shared", "--rule", 'snapshot-shared:error:{"accounts":["444455556666"]}');
    expect(byAddress(withShared.report)["aws_rds_cluster_snapshot_copy.accounts (snapshot)"]).toEqual({ region: "us-east-1", errors: ["snapshot-shared"] });
    const share = withShared.report.results.find((r) => r.subject === "snapshot" && r.address === "aws_rds_cluster_snapshot_copy.accounts")!;
    expect(share.findings.map((f) => f.pointer)).toEqual(["/resource_changes/0/change/after/shared_accounts/1"]);
  });

  it("update in place and import with changes: only what changes", async () => {
    const update = await lint("update");
    expect(byAddress(update.report)).toEqual({
      "aws_rds_cluster_snapshot_copy.tagged": { region: "us-east-1", errors: ["tag-format"] },
      "aws_rds_cluster_snapshot_copy.tagged (snapshot)": { region: "us-east-1", errors: ["snapshot-public"] },
    });
    // Nothing else is judged, and no fact is asked for: the copy, its source and its key are not made again.
    expect(update.report.results.flatMap((r) => r.findings.map((f) => f.ruleId))).toEqual(["tag-format", "snapshot-public"]);
    expect(update.report.summary.notRun).toEqual([]);
    // moto's key id and the source it did not read back are not what the import changes.
    const imported = await lint("import");
    expect(byAddress(imported.report)).toEqual({ "aws_rds_cluster_snapshot_copy.imported": { region: "us-east-1", errors: ["tag-reserved-prefix"] } });
    expect(imported.report.results[0]!.findings.map((f) => f.ruleId)).toEqual(["tag-reserved-prefix"]);
  });

  it("replace: delete first is no target-exists conflict, create_before_destroy is", async () => {
    const snapshot = (id: string, extra: Record<string, unknown> = {}) => ({
      DBClusterSnapshotIdentifier: id,
      DBClusterSnapshotArn: `arn:aws:rds:us-east-1:123456789012:cluster-snapshot:${id}`,
      Engine: "neptune",
      Status: "available",
      SnapshotType: "manual",
      StorageEncrypted: true,
      ...extra,
    });
    const dir = workdir({
      "inventory.json": JSON.stringify({
        DBClusterSnapshots: [snapshot("graph-prod-2026-11-30"), snapshot("graph-prod-replaced"), snapshot("graph-prod-cbd")],
      }),
    });
    const out = await cli(["lint", fixture("replace"), "--account", "123456789012", "--inventory", join(dir, "inventory.json"), "--format", "json"]);
    expect(byAddress(JSON.parse(out.stdout) as Report)).toEqual({
      "aws_rds_cluster_snapshot_copy.create_first": { region: "us-east-1", errors: ["target-exists"] },
      "aws_rds_cluster_snapshot_copy.delete_first": { region: "us-east-1", errors: [] },
    });
  });

  it("a Neptune snapshot of an unencrypted cluster the plan creates", async () => {
    const { report } = await lint("neptune-snapshot");
    expect(byAddress(report)).toEqual({
      "aws_neptune_cluster_snapshot.nightly (snapshot)": { region: "us-east-1", errors: ["encryption-required"] },
      "aws_neptune_cluster_snapshot.secure (snapshot)": { region: "us-east-1", errors: [] },
    });
    expect(report.results[0]!.findings.find((f) => f.ruleId === "encryption-required")!.pointer).toBe("/resource_changes/0/change/after/storage_encrypted");
  });

  it("delete, forget, -destroy, -refresh-only and empty plans: plans with nothing to check", async () => {
    for (const name of ["delete-forget", "destroy", "refresh-only", "empty"]) {
      const { code, report } = await lint(name);
      expect(code, name).toBe(0);
      expect(report.results, name).toEqual([]);
      expect(report.summary, name).toMatchObject({ subjects: 0, errors: 0, warnings: 0 });
    }
  });

  it("SARIF names each result by its resource address", async () => {
    const out = await cli(["lint", fixture("regions"), "--account", "111122223333", "--format", "sarif"]);
    const names = JSON.parse(out.stdout).runs[0].results.map((r: { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }) => r.locations[0]!.logicalLocations[0]!.fullyQualifiedName);
    expect(names).toContain('module.dr.aws_rds_cluster_snapshot_copy.this["graph"]');
    expect(names).toContain("aws_rds_cluster_snapshot_copy.counted[1]");
  });

  it("is found while walking a folder, and a plan without our resources is skipped", async () => {
    const plan = JSON.parse(readFileSync(join(ROOT, fixture("shared")), "utf8")) as Record<string, unknown>;
    const dir = workdir({
      "tf/plan.json": JSON.stringify(plan),
      "tf/other.json": JSON.stringify({ format_version: "1.2", resource_changes: [{ address: "aws_s3_bucket.b", type: "aws_s3_bucket", change: { actions: ["create"], after: {} } }] }),
    });
    const out = await cli(["lint", ".", "--format", "json"], { cwd: dir });
    const report = JSON.parse(out.stdout);
    expect(new Set(report.results.map((r: Result) => r.file))).toEqual(new Set(["tf/plan.json"]));
    expect(report.summary).toMatchObject({ files: 1, skipped: 1 });
  });
});

describe("copy of a Terraform plan", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("is refused, and nothing is copied: Terraform makes those copies", async () => {
    const env = { AWS_ACCESS_KEY_ID: "AKIAEMULATOR", AWS_SECRET_ACCESS_KEY: "emulator-secret-key", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: "/nonexistent/c", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/c" };
    const out = await cli(["copy", fixture("shared"), "--apply", "--endpoint-url", emulator.url, "--no-config"], { env });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("fixtures/terraform/shared/plan.json is a Terraform plan: terraform apply makes its copies");
    expect(emulator.calls.filter((c) => c.operation === "CopyDBClusterSnapshot")).toEqual([]);
  });
});
