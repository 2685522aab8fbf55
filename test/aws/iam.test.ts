// docs/iam.md against the code. Two views of what the code sends: statically, every
// `new XxxCommand(` anywhere under src/ (so code added later, e.g. the copier, is covered), and
// dynamically, the commands each AwsFacts method really sends against mocked clients. Each
// command's policy must allow what its methods send, and no policy may allow what the code never
// sends, except what AWS checks on the caller's behalf during a copy.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { KMSClient } from "@aws-sdk/client-kms";
import { NeptuneClient } from "@aws-sdk/client-neptune";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { beforeAll, describe, expect, it } from "vitest";
import { createAwsFacts } from "../../src/aws/live.js";
import type { AwsFacts } from "../../src/aws/types.js";

const ROOT = resolve(__dirname, "../..");
/** Checked by AWS during CopyDBClusterSnapshot (tags on create; the KMS grant for the copy), never sent by the tool. */
const ON_BEHALF = new Set(["rds:AddTagsToResource", "kms:CreateGrant"]);
/** IAM service prefix of each SDK client package the code may use (Neptune's actions are RDS's). */
const PREFIX: Record<string, string> = {
  "client-neptune": "rds",
  "client-rds": "rds",
  "client-kms": "kms",
  "client-resource-groups-tagging-api": "tag",
  "client-sts": "sts",
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.[cm]?ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** `service:Action` → the files under src/ that construct its command. */
function actionsInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const path of sources(join(ROOT, "src"))) {
    const text = readFileSync(path, "utf8");
    const origin = new Map<string, string>();
    for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"@aws-sdk\/([\w-]+)"/g)) {
      for (const part of m[1]!.split(",").map((p) => p.trim()).filter(Boolean)) {
        const [imported, local = imported] = part.replace(/^type\s+/, "").split(/\s+as\s+/);
        origin.set(local!, `${m[2]}:${imported}`);
      }
    }
    // A command is sent where it is made (`new XxxCommand(`) or by the SDK's paginator for it (`paginateXxx(`).
    for (const m of text.matchAll(/(?:new\s+(\w+)|\b(paginate\w+))\s*\(/g)) {
      const from = origin.get((m[1] ?? m[2])!);
      if (from === undefined) continue;
      const [pkg, name] = from.split(":") as [string, string];
      const imported = name.startsWith("paginate") ? `${name.slice("paginate".length)}Command` : name;
      if (!imported.endsWith("Command")) continue;
      const prefix = PREFIX[pkg];
      if (prefix === undefined) throw new Error(`${relative(ROOT, path)}: ${imported} comes from @aws-sdk/${pkg}, whose IAM prefix this test does not know`);
      const action = `${prefix}:${imported.replace(/Command$/, "")}`;
      found.set(action, [...(found.get(action) ?? []), relative(ROOT, path)]);
    }
  }
  return found;
}

interface Statement {
  Sid: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** Each JSON block of docs/iam.md is one command's policy, named by its first statement's Sid. */
function policies(): Map<string, { actions: Set<string>; statements: Statement[] }> {
  const doc = readFileSync(join(ROOT, "docs/iam.md"), "utf8");
  const byName = new Map<string, { actions: Set<string>; statements: Statement[] }>();
  for (const m of doc.matchAll(/```json\n([\s\S]*?)```/g)) {
    const policy = JSON.parse(m[1]!) as { Version: string; Statement: Statement[] };
    expect(policy.Version).toBe("2012-10-17");
    const name = policy.Statement[0]!.Sid;
    expect(byName.has(name), `two policies named ${name}`).toBe(false);
    for (const s of policy.Statement) {
      expect(s.Sid.startsWith(name), `${s.Sid} in the ${name} policy`).toBe(true);
      expect(s.Effect).toBe("Allow");
    }
    expect(new Set(policy.Statement.map((s) => s.Sid)).size).toBe(policy.Statement.length);
    byName.set(name, { actions: new Set(policy.Statement.flatMap((s) => [s.Action].flat())), statements: policy.Statement });
  }
  return byName;
}

/** The commands the given AwsFacts methods send, as `service:Action`, against mocks that answer everything. */
async function actionsSentBy(scenario: (aws: AwsFacts) => Promise<unknown>, options: { taggingRefused?: boolean } = {}): Promise<Set<string>> {
  const mocks = [
    ["rds", mockClient(NeptuneClient)],
    ["kms", mockClient(KMSClient)],
    ["tag", mockClient(ResourceGroupsTaggingAPIClient)],
    ["sts", mockClient(STSClient)],
  ] as const;
  const snapshot = (id: string, SnapshotType: string) => ({
    DBClusterSnapshotIdentifier: id,
    DBClusterSnapshotArn: `arn:aws:rds:us-east-1:111122223333:cluster-snapshot:${id}`,
    Engine: "neptune",
    SnapshotType,
    KmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  });
  for (const [prefix, mock] of mocks) {
    mock.reset();
    // Every operation answers with everything any of them reads, so that each code path is taken.
    // (`onAnyCommand` needs the mock's own loose typing: the four clients' outputs have no common type.)
    mock.onAnyCommand().resolves({
      DBClusterSnapshots: [snapshot("manual-one", "manual"), snapshot("rds:auto-one", "automated")],
      KeyMetadata: { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab", KeyState: "Enabled" },
      Account: "111122223333",
      TagList: [],
      ResourceTagMappingList: [],
      DBClusterSnapshotAttributesResult: { DBClusterSnapshotAttributes: [] },
    } as never);
    if (prefix === "tag" && options.taggingRefused) {
      mock.onAnyCommand().rejects(Object.assign(new Error("not authorized to perform: tag:GetResources"), { name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } }));
    }
  }
  await scenario(createAwsFacts({}));
  const sent = new Set<string>();
  for (const [prefix, mock] of mocks) {
    for (const call of mock.calls()) sent.add(`${prefix}:${(call.args[0] as object).constructor.name.replace(/Command$/, "")}`);
    mock.restore();
  }
  return sent;
}

describe("docs/iam.md", () => {
  const inSource = actionsInSource();
  const bySid = policies();
  const policy = (name: string) => {
    const found = bySid.get(name);
    if (found === undefined) throw new Error(`docs/iam.md has no policy ${name}`);
    return found.actions;
  };
  const sorted = (set: Iterable<string>) => [...set].sort();
  let lint: Set<string>;
  let audit: Set<string>;
  let exported: Set<string>;

  beforeAll(async () => {
    // lint --live (and copy's lint step): per-request lookups and the caller's account.
    lint = await actionsSentBy(async (aws) => {
      await aws.callerAccount();
      await aws.describeSnapshot("us-east-1", "manual-one");
      await aws.describeSnapshot("us-east-1", "arn:aws:rds:us-east-1:444455556666:cluster-snapshot:shared");
      await aws.describeKey("us-east-1", "alias/neptune");
    });
    // audit --live and export (src/cli/gather.ts): region listings, then each snapshot's key.
    const gather = async (aws: AwsFacts) => {
      const { snapshots } = await aws.listSnapshots("us-east-1");
      for (const s of snapshots) if (typeof s.KmsKeyId === "string") await aws.describeKey("us-east-1", s.KmsKeyId);
    };
    audit = new Set([...(await actionsSentBy(gather)), ...(await actionsSentBy(gather, { taggingRefused: true }))]);
    // export: the same, and each region's aliases (src/cli/gather.ts gatherAliases).
    exported = new Set([...audit, ...(await actionsSentBy((aws) => aws.listAliases("us-east-1")))]);
  });

  it("finds every command the facts code sends in the source scan", () => {
    expect(sorted([...lint, ...exported].filter((a) => !inSource.has(a)))).toEqual([]);
    expect(sorted(audit)).toEqual(["kms:DescribeKey", "rds:DescribeDBClusterSnapshotAttributes", "rds:DescribeDBClusterSnapshots", "rds:ListTagsForResource", "tag:GetResources"]);
  });

  it("gives lint --live exactly what its lookups send", () => {
    expect(sorted(policy("LintLive"))).toEqual(sorted(lint));
  });

  it("gives audit --live and export exactly what a region listing sends, with or without the Tagging API (export: and the aliases)", () => {
    expect(sorted(policy("AuditLive"))).toEqual(sorted(audit));
    expect(sorted(policy("Export"))).toEqual(sorted(exported));
    expect(sorted([...exported].filter((a) => !audit.has(a)))).toEqual(["kms:ListAliases"]);
  });

  it("gives copy --apply what its lint step and the copier send, and what AWS checks on the caller's behalf", () => {
    // Commands no AwsFacts method sends are the copier's (src/aws/copy.ts today, wherever it lives).
    const facts = new Set([...lint, ...exported]);
    const copier = [...inSource.keys()].filter((a) => !facts.has(a));
    expect(copier).toContain("rds:CopyDBClusterSnapshot");
    expect(sorted(policy("CopyApply"))).toEqual(sorted(new Set([...lint, ...copier, ...ON_BEHALF, "kms:DescribeKey"])));
  });

  it("allows every command in the source, somewhere", () => {
    const allowed = new Set([...bySid.values()].flatMap((p) => [...p.actions]));
    expect([...inSource.entries()].filter(([a]) => !allowed.has(a)).map(([a, files]) => `${a} (${files.join(", ")})`)).toEqual([]);
  });

  it("allows nothing the code never sends, except what AWS checks on the caller's behalf", () => {
    const allowed = new Set([...bySid.values()].flatMap((p) => [...p.actions]));
    expect(sorted([...allowed].filter((a) => !inSource.has(a) && !ON_BEHALF.has(a)))).toEqual([]);
    expect(sorted([...allowed].filter((a) => a.includes("*")))).toEqual([]);
  });

  it("lets kms:CreateGrant be used only through RDS", () => {
    const grants = [...bySid.values()].flatMap((p) => p.statements).filter((s) => [s.Action].flat().includes("kms:CreateGrant"));
    expect(grants.length).toBeGreaterThan(0);
    for (const s of grants) {
      expect([s.Action].flat()).toEqual(["kms:CreateGrant"]);
      expect([s.Condition?.StringLike?.["kms:ViaService"]].flat()).toEqual(expect.arrayContaining(["rds.*.amazonaws.com"]));
    }
  });
});
