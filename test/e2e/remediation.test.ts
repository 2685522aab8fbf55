// audit --plan-remediation: copy plans that fix KMS keys and tags, which lint then passes.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, workdir } from "../support/cli.js";

const INVENTORY = resolve(__dirname, "../../fixtures/inventories/account-111122223333.json");
const KEY = "arn:aws:kms:us-east-1:111122223333:key/0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
const CONFIG = `remediation:\n  kmsKeys: { us-east-1: "${KEY}" }\n  tags: { Owner: platform-team, Remediated: "2026-11" }\n`;

describe("audit --plan-remediation", () => {
  it("plans copies that fix keys and tags, lists what copying cannot fix, and lint passes the plans", async () => {
    const dir = workdir({ "snapshot-policy.yml": CONFIG });
    const out = await cli(["audit", "--inventory", INVENTORY, "--plan-remediation", "fixes", "--format", "json"], { cwd: dir });
    expect(out.code, out.stderr).toBe(1);
    expect(readdirSync(join(dir, "fixes"))).toEqual(["111122223333-us-east-1.json"]);
    const plan = JSON.parse(readFileSync(join(dir, "fixes/111122223333-us-east-1.json"), "utf8"));
    expect(plan.region).toBe("us-east-1");
    const byTarget = Object.fromEntries(plan.copies.map((c: { TargetDBClusterSnapshotIdentifier: string }) => [c.TargetDBClusterSnapshotIdentifier, c]));
    expect(Object.keys(byTarget).sort()).toEqual(["billing-prod-2026-11-20-keep-remediated", "catalog-prod-2026-11-20-keep-remediated", "events-prod-2026-11-20-keep-remediated", "orders-prod-2026-11-20-keep-remediated", "recs-prod-2026-11-20-keep-remediated"]);
    expect(byTarget["recs-prod-2026-11-20-keep-remediated"]).toMatchObject({ SourceDBClusterSnapshotIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:recs-prod-2026-11-20-keep", KmsKeyId: KEY, CopyTags: false });
    expect(byTarget["billing-prod-2026-11-20-keep-remediated"].Tags).toEqual([{ Key: "Owner", Value: "platform-team" }, { Key: "Remediated", Value: "2026-11" }]);
    expect(byTarget["events-prod-2026-11-20-keep-remediated"].Tags).toHaveLength(50);
    expect(out.stderr).toMatch(/cannot fix arn:aws:rds:us-east-1:111122223333:cluster-snapshot:legacy-prod-2026-11-20-keep by copying: it is not encrypted/);
    expect(out.stderr).toMatch(/cannot fix .*search-prod-2026-11-20-keep by copying: .*enable the key or cancel its deletion/);

    const lint = await cli(["lint", "fixes", "--inventory", INVENTORY, "--format", "json"], { cwd: dir });
    const report = JSON.parse(lint.stdout);
    const errors = report.results.flatMap((r: { findings: { severity: string; ruleId: string }[] }) => r.findings.filter((f) => f.severity === "error"));
    expect(errors).toEqual([]);
    expect(lint.code, lint.stdout).toBe(0);
  });

  it("says so when a region has no remediation key", async () => {
    const dir = workdir({ "snapshot-policy.yml": "remediation: { tags: { Owner: platform-team } }\n" });
    const out = await cli(["audit", "--inventory", INVENTORY, "--plan-remediation", "fixes"], { cwd: dir });
    expect(out.stderr).toMatch(/recs-prod-2026-11-20-keep by copying: its KMS key breaks the policy and the config names no remediation.kmsKeys key for us-east-1/);
  });
});
