// Terraform plans (terraform show -json): snapshot copies and Neptune snapshots, findings in the plan.
import { describe, expect, it } from "vitest";
import { cli, workdir } from "../support/cli.js";

const PLAN = "fixtures/terraform/dr-copy.plan.json";
const OFFLINE = ["source-snapshot", "target-exists", "kms-key-usable", "kms-key-unencrypted-source"].flatMap((id) => ["--rule", `${id}:off`]);

interface Result {
  subject: string;
  id: string | null;
  region: string | null;
  findings: { ruleId: string; severity: string; message: string; pointer: string; line?: number }[];
}

describe("lint of a Terraform plan", () => {
  it("checks every planned snapshot copy and Neptune snapshot, pointing into the plan", async () => {
    const out = await cli(["lint", PLAN, "--account", "111122223333", "--format", "json", ...OFFLINE]);
    expect(out.code, out.stderr).toBe(1);
    const results = JSON.parse(out.stdout).results as Result[];
    expect(results.map((r) => [r.subject, r.id, r.region])).toEqual([
      ["request", "graph-prod-2026-11-22-dr", "us-west-2"], // the resource's own region argument
      ["request", "search-prod-2026-11-22-eu", "eu-west-1"], // its provider configuration (aws.eu)
      ["request", "graph-prod-nightly-copy", "us-east-1"], // the default provider
      ["snapshot", "graph-prod-nightly", "us-east-1"],
    ]);
    const found = results.map((r) => r.findings.map((f) => `${f.ruleId} ${f.pointer}`));
    expect(found).toEqual([
      [],
      ["copy-tags-ignored /resource_changes/1/change/after/copy_tags", "kms-key-region /resource_changes/1/change/after/kms_key_id", "tag-reserved-prefix /resource_changes/1/change/after/tags/aws:owner"],
      [],
      ["encryption-required /resource_changes/4/change/after"],
    ]);
    const keyRegion = results[1]!.findings.find((f) => f.ruleId === "kms-key-region")!;
    expect(keyRegion.message).toMatch(/^aws_rds_cluster_snapshot_copy\.search_eu: The KMS key is in eu-central-1, but the copy will live in eu-west-1/);
    expect(keyRegion.line).toBe(70);
    // A source known only after apply is not missing: the schema check of it is not run, and the run says so once.
    const { notRun } = JSON.parse(out.stdout).summary;
    expect(notRun).toContainEqual({ ruleId: "request-schema", subjects: 1, reason: "the value is known only after terraform apply" });
    // The snapshot of an unencrypted cluster the plan knows of.
    expect(results[3]!.findings[0]!.message).toMatch(/^aws_neptune_cluster_snapshot\.nightly: The snapshot is not encrypted/);
  });

  it("is found while walking a folder, and a plan without our resources is skipped", async () => {
    const dir = workdir({
      "tf/plan.json": JSON.stringify({ format_version: "1.2", resource_changes: [{ address: "aws_rds_cluster_snapshot_copy.a", type: "aws_rds_cluster_snapshot_copy", name: "a", change: { actions: ["create"], after: { source_db_cluster_snapshot_identifier: "graph-prod", target_db_cluster_snapshot_identifier: "graph--copy" }, after_unknown: {} } }] }),
      "tf/other.json": JSON.stringify({ format_version: "1.2", resource_changes: [{ address: "aws_s3_bucket.b", type: "aws_s3_bucket", change: { actions: ["create"], after: {} } }] }),
    });
    const out = await cli(["lint", ".", "--region", "us-east-1", "--format", "json", ...OFFLINE, "--rule", "encryption-required:off"], { cwd: dir });
    const report = JSON.parse(out.stdout);
    expect(report.results.map((r: Result & { file: string }) => [r.file, r.findings.map((f) => f.ruleId)])).toEqual([["tf/plan.json", ["target-identifier"]]]);
    expect(report.summary).toMatchObject({ files: 1, skipped: 1 });
  });
});
