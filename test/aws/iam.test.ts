// docs/iam.md against the code: every SDK command the code sends is allowed by the policy of the
// commands that send it, and the policies allow nothing the code never sends.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
/** Actions AWS checks on the caller's behalf during a copy, never sent as commands by the code. */
const ON_BEHALF = new Set(["rds:AddTagsToResource", "kms:CreateGrant"]);
const SERVICE_PREFIX: Record<string, string> = { "client-neptune": "rds", "client-kms": "kms", "client-resource-groups-tagging-api": "tag", "client-sts": "sts" };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** `rds:DescribeDBClusterSnapshots` for every `new DescribeDBClusterSnapshotsCommand(` in src/. */
function actionsSent(): Set<string> {
  const actions = new Set<string>();
  for (const path of files(join(ROOT, "src"))) {
    const text = readFileSync(path, "utf8");
    const imports = new Map<string, string>();
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@aws-sdk\/([\w-]+)"/g)) {
      for (const name of m[1]!.split(",").map((n) => n.trim()).filter(Boolean)) imports.set(name, m[2]!);
    }
    for (const m of text.matchAll(/new (\w+)Command\(/g)) {
      const client = imports.get(`${m[1]}Command`);
      const prefix = client && SERVICE_PREFIX[client];
      if (prefix === undefined) throw new Error(`${path}: ${m[1]}Command from an unknown client`);
      actions.add(`${prefix}:${m[1]}`);
    }
  }
  return actions;
}

function policies(): Map<string, Set<string>> {
  const doc = readFileSync(join(ROOT, "docs/iam.md"), "utf8");
  const bySid = new Map<string, Set<string>>();
  for (const m of doc.matchAll(/```json\n([\s\S]*?)```/g)) {
    const policy = JSON.parse(m[1]!) as { Statement: { Sid: string; Action: string | string[] }[] };
    for (const s of policy.Statement) bySid.set(s.Sid, new Set([s.Action].flat()));
  }
  return bySid;
}

describe("docs/iam.md", () => {
  const sent = actionsSent();
  const bySid = policies();

  it("finds the commands the code sends", () => {
    expect([...sent].sort()).toEqual(
      expect.arrayContaining(["kms:DescribeKey", "rds:DescribeDBClusterSnapshotAttributes", "rds:DescribeDBClusterSnapshots", "rds:ListTagsForResource", "sts:GetCallerIdentity", "tag:GetResources"]),
    );
  });

  it("allows every command the code sends, somewhere", () => {
    const allowed = new Set([...bySid.values()].flatMap((s) => [...s]));
    expect([...sent].filter((a) => !allowed.has(a))).toEqual([]);
  });

  it("allows nothing the code never sends", () => {
    const allowed = new Set([...bySid.values()].flatMap((s) => [...s]));
    expect([...allowed].filter((a) => !sent.has(a) && !ON_BEHALF.has(a))).toEqual([]);
  });

  it("gives lint --live exactly what its lookups send", () => {
    expect([...bySid.get("LintLive")!].sort()).toEqual(["kms:DescribeKey", "rds:DescribeDBClusterSnapshots", "rds:ListTagsForResource", "sts:GetCallerIdentity"]);
  });

  it("gives copy --apply what lint --live needs, the copy, and what AWS checks on the caller's behalf", () => {
    expect([...bySid.get("CopyApply")!].sort()).toEqual([...bySid.get("LintLive")!, "rds:CopyDBClusterSnapshot", ...ON_BEHALF].sort());
    expect(sent.has("rds:CopyDBClusterSnapshot")).toBe(true);
  });

  it("gives audit --live and export exactly what a region listing sends", () => {
    expect([...bySid.get("AuditLive")!].sort()).toEqual(["kms:DescribeKey", "rds:DescribeDBClusterSnapshotAttributes", "rds:DescribeDBClusterSnapshots", "rds:ListTagsForResource", "tag:GetResources"]);
  });
});
