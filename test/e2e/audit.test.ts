// `audit --inventory` on the bundled example inventory and on bad inventories.
import { describe, expect, it } from "vitest";
import { cli, workdir } from "../support/cli.js";

const INVENTORY = "fixtures/inventories/account-111122223333.json";

interface Result {
  file: string;
  subject: string;
  id: string | null;
  index: number;
  region: string | null;
  findings: { ruleId: string; severity: string; pointer: string; line?: number; column?: number }[];
}

describe("audit --inventory", () => {
  it("reports each planted violation once and passes the clean snapshot", async () => {
    const out = await cli(["audit", "--inventory", INVENTORY, "--no-config", "--format", "json"]);
    expect(out.code, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout) as { results: Result[]; summary: Record<string, number> };
    const byId = Object.fromEntries(report.results.map((r) => [r.id!.split(":").at(-1), r.findings.map((f) => `${f.ruleId} ${f.pointer}`)]));
    const at = (i: number, rest: string) => `/DBClusterSnapshots/${i}${rest}`;
    expect(byId).toEqual({
      "graph-prod-2026-11-20-keep": [],
      "legacy-prod-2026-11-20-keep": [`encryption-required ${at(1, "/StorageEncrypted")}`],
      "search-prod-2026-11-20-keep": [`kms-key-usable ${at(2, "/KmsKeyId")}`],
      "recs-prod-2026-11-20-keep": [`kms-key-region ${at(3, "/KmsKeyId")}`],
      "identity-prod-2026-11-20-keep": [`snapshot-public ${at(4, "/DBClusterSnapshotAttributes/0/AttributeValues/0")}`],
      "billing-prod-2026-11-20-keep": [`tag-reserved-prefix ${at(5, "/TagList/1/Key")}`],
      "orders-prod-2026-11-20-keep": [`tag-duplicate ${at(6, "/TagList/1/Key")}`],
      "catalog-prod-2026-11-20-keep": [`tag-format ${at(7, "/TagList/1/Key")}`],
      "events-prod-2026-11-20-keep": [`tag-limit ${at(8, "/TagList")}`],
      "graph-prod-2026-11-23-03-05": [],
    });
    // Snapshots are named by ARN and placed in the region of their ARN; the Aurora snapshot is not audited.
    const legacy = report.results.find((r) => r.id?.endsWith(":legacy-prod-2026-11-20-keep"))!;
    expect(legacy).toMatchObject({ file: INVENTORY, subject: "snapshot", index: 1, region: "us-east-1", id: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:legacy-prod-2026-11-20-keep" });
    expect(legacy.findings[0]).toMatchObject({ severity: "error", line: expect.any(Number), column: expect.any(Number) });
    expect(report.summary).toEqual({ files: 1, skipped: 0, subjects: 10, errors: 8, warnings: 0, notRun: [] });
  });

  it("locates findings at their line and column in the inventory", async () => {
    const out = await cli(["audit", "--inventory", INVENTORY, "--no-config", "--format", "json"]);
    const report = JSON.parse(out.stdout) as { results: Result[] };
    const text = (await import("node:fs")).readFileSync(INVENTORY, "utf8").split("\n");
    for (const r of report.results) {
      for (const f of r.findings) {
        const line = text[f.line! - 1]!;
        const member = f.pointer.split("/").at(-1)!;
        // The position is the value of the member the pointer names (or the array element).
        if (/^\d+$/.test(member)) expect(line.slice(f.column! - 1)).toMatch(/^["{[]/);
        else expect(line.slice(0, f.column! - 1)).toContain(`"${member}"`);
      }
    }
  });

  it("gives the stylish report by default", async () => {
    const out = await cli(["audit", "--inventory", INVENTORY, "--no-config"]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(INVENTORY);
    expect(out.stdout).toContain("kms-key-usable");
  });

  it.each([
    ["missing file", {}, ["--inventory", "nope.json"], /nope\.json: does not exist/],
    ["not an inventory", { "inv.json": '{"Snapshots": []}' }, ["--inventory", "inv.json"], /inv\.json:1:1: inventory: .*DBClusterSnapshots/],
    ["malformed JSON", { "inv.json": '{"DBClusterSnapshots": [}' }, ["--inventory", "inv.json"], /inv\.json:1:\d+: JSON syntax error/],
    ["a repeated key", { "inv.json": '{"DBClusterSnapshots": [], "DBClusterSnapshots": []}' }, ["--inventory", "inv.json"], /inv\.json:1:\d+: inventory: the key "DBClusterSnapshots" is repeated/],
    ["snapshots not objects", { "inv.json": '{"DBClusterSnapshots": [1]}' }, ["--inventory", "inv.json"], /inv\.json:1:\d+: inventory: .*\/DBClusterSnapshots\/0/],
    ["neither --inventory nor --live", {}, [], /exactly one of --inventory FILE and --live/],
  ])("exits 2 for %s", async (_name, files, args, message) => {
    const dir = workdir(files as Record<string, string>);
    const out = await cli(["audit", ...(args as string[])], { cwd: dir });
    expect(out.code, out.stdout).toBe(2);
    expect(out.stderr).toMatch(message as RegExp);
    expect(out.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe("lint --inventory", () => {
  it("uses the inventory as facts: a missing source, an existing target, a key pending deletion", async () => {
    const plan = {
      region: "us-east-1",
      account: "111122223333",
      copies: [
        { SourceDBClusterSnapshotIdentifier: "graph-prod-2026-11-20-keep", TargetDBClusterSnapshotIdentifier: "graph-prod-2026-11-20-copy", KmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f" },
        { SourceDBClusterSnapshotIdentifier: "no-such-snapshot", TargetDBClusterSnapshotIdentifier: "no-such-copy" },
        { SourceDBClusterSnapshotIdentifier: "graph-prod-2026-11-20-keep", TargetDBClusterSnapshotIdentifier: "Search-Prod-2026-11-20-Keep" },
        { SourceDBClusterSnapshotIdentifier: "legacy-prod-2026-11-20-keep", TargetDBClusterSnapshotIdentifier: "legacy-copy", KmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f" },
      ],
    };
    const dir = workdir({ "plan.json": JSON.stringify(plan, null, 2) });
    const out = await cli(["lint", "plan.json", "--no-config", "--format", "json", "--inventory", `${process.cwd()}/${INVENTORY}`], { cwd: dir });
    const report = JSON.parse(out.stdout) as { results: Result[] };
    const ids = report.results.map((r) => r.findings.map((f) => f.ruleId).sort());
    expect(ids).toEqual([[], ["source-snapshot"], ["target-exists"], ["encryption-required", "kms-key-unencrypted-source"]]);
    expect(out.code).toBe(1);
  });
});
