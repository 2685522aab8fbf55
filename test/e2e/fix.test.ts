// lint --fix and --fix-dry-run: each fix before and after, the result lints clean of what was fixed,
// and nothing else in the file changes.
import { cpSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, cli, workdir } from "../support/cli.js";

/** The fact rules only say "unverified" offline: off, so a fixed file lints clean. */
const OFFLINE = ["source-snapshot", "target-exists", "kms-key-usable", "kms-key-unencrypted-source", "encryption-required"].flatMap((id) => ["--rule", `${id}:off`]);
const POLICY = `region: us-east-1
rules: { copy-tags: error }
remediation: { kmsKeys: { us-west-2: "alias/neptune-dr" } }
`;

async function fix(name: string, before: string, extra: string[] = []) {
  const dir = workdir({ "snapshot-policy.yml": POLICY, [name]: before });
  const out = await cli(["lint", name, "--fix", "--format", "json", ...OFFLINE, ...extra], { cwd: dir });
  return { out, after: readFileSync(join(dir, name), "utf8"), report: JSON.parse(out.stdout) };
}

const cases: { name: string; file: string; before: string; after: string; rule: string; extra?: string[] }[] = [
  {
    name: "removes PreSignedUrl between members (JSON)",
    file: "a.json",
    rule: "presigned-url",
    before: '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "PreSignedUrl": "https://x",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy",\n  "CopyTags": true\n}\n',
    after: '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy",\n  "CopyTags": true\n}\n',
  },
  {
    name: "removes a last PreSignedUrl with the comma before it (JSON)",
    file: "a.json",
    rule: "presigned-url",
    before: '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy",\n  "CopyTags": true,\n  "PreSignedUrl": "https://x"\n}\n',
    after: '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy",\n  "CopyTags": true\n}\n',
  },
  {
    name: "removes PreSignedUrl on one line (JSON)",
    file: "a.json",
    rule: "presigned-url",
    before: '{"SourceDBClusterSnapshotIdentifier": "graph-prod", "TargetDBClusterSnapshotIdentifier": "graph-prod-copy", "PreSignedUrl": "https://x", "CopyTags": true}',
    after: '{"SourceDBClusterSnapshotIdentifier": "graph-prod", "TargetDBClusterSnapshotIdentifier": "graph-prod-copy", "CopyTags": true}',
  },
  {
    name: "removes PreSignedUrl with its comment, keeping other comments (YAML)",
    file: "a.yaml",
    rule: "presigned-url",
    before: "# DR copy\nSourceDBClusterSnapshotIdentifier: graph-prod  # the source\nPreSignedUrl: https://x  # made by hand\nTargetDBClusterSnapshotIdentifier: graph-prod-copy\nCopyTags: true\n",
    after: "# DR copy\nSourceDBClusterSnapshotIdentifier: graph-prod  # the source\nTargetDBClusterSnapshotIdentifier: graph-prod-copy\nCopyTags: true\n",
  },
  {
    name: "drops an exact duplicate tag (JSON)",
    file: "a.json",
    rule: "tag-duplicate",
    extra: ["--rule", "copy-tags:off"],
    before: '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy",\n  "Tags": [\n    { "Key": "Owner", "Value": "graph" },\n    { "Key": "Owner", "Value": "graph" }\n  ]\n}\n',
    after: '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy",\n  "Tags": [\n    { "Key": "Owner", "Value": "graph" }\n  ]\n}\n',
  },
  {
    name: "drops an exact duplicate tag (YAML)",
    file: "a.yaml",
    rule: "tag-duplicate",
    extra: ["--rule", "copy-tags:off"],
    before: "SourceDBClusterSnapshotIdentifier: graph-prod\nTargetDBClusterSnapshotIdentifier: graph-prod-copy\nTags:\n  - Key: Owner\n    Value: graph\n  - Key: Owner  # again\n    Value: graph\n  - Key: Purpose\n    Value: dr\n",
    after: "SourceDBClusterSnapshotIdentifier: graph-prod\nTargetDBClusterSnapshotIdentifier: graph-prod-copy\nTags:\n  - Key: Owner\n    Value: graph\n  - Key: Purpose\n    Value: dr\n",
  },
  {
    name: "adds CopyTags with the policy's value (JSON)",
    file: "a.json",
    rule: "copy-tags",
    before: '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy"\n}\n',
    after: '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy",\n  "CopyTags": true\n}\n',
  },
  {
    name: "sets CopyTags to the policy's value (YAML)",
    file: "a.yml",
    rule: "copy-tags",
    before: "SourceDBClusterSnapshotIdentifier: graph-prod\nCopyTags: false   # keep? no\nTargetDBClusterSnapshotIdentifier: graph-prod-copy\n",
    after: "SourceDBClusterSnapshotIdentifier: graph-prod\nCopyTags: true   # keep? no\nTargetDBClusterSnapshotIdentifier: graph-prod-copy\n",
  },
  {
    name: "adds KmsKeyId from remediation.kmsKeys to a cross-region copy (YAML plan)",
    file: "plan.yml",
    rule: "kms-key-required",
    before:
      "region: us-west-2\naccount: \"111122223333\"\ncopies:\n  # from the primary region\n  - SourceDBClusterSnapshotIdentifier: arn:aws:rds:us-east-1:111122223333:cluster-snapshot:graph-prod\n    TargetDBClusterSnapshotIdentifier: graph-prod-dr\n    SourceRegion: us-east-1\n    CopyTags: true\n\n# end\n",
    after:
      "region: us-west-2\naccount: \"111122223333\"\ncopies:\n  # from the primary region\n  - SourceDBClusterSnapshotIdentifier: arn:aws:rds:us-east-1:111122223333:cluster-snapshot:graph-prod\n    TargetDBClusterSnapshotIdentifier: graph-prod-dr\n    SourceRegion: us-east-1\n    CopyTags: true\n    KmsKeyId: alias/neptune-dr\n\n# end\n",
  },
];

describe("lint --fix", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { out, after, report } = await fix(c.file, c.before, c.extra);
      expect(after).toBe(c.after);
      expect(out.stderr).toMatch(/Fixed \d+ problems? in 1 file/);
      expect(report.results.flatMap((r: { findings: { ruleId: string }[] }) => r.findings)).toEqual([]);
      expect(out.code).toBe(0);
    });
  }

  it("leaves what is not safe to fix: two values for one tag key, CopyTags with tags of its own, a key spelled KmsKeyID", async () => {
    const before = '{\n  "SourceDBClusterSnapshotIdentifier": "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:g",\n  "TargetDBClusterSnapshotIdentifier": "g-dr",\n  "KmsKeyID": "alias/x",\n  "Tags": [{ "Key": "Owner", "Value": "a" }, { "Key": "Owner", "Value": "b" }]\n}\n';
    const { after, report } = await fix("a.json", before, ["--region", "us-west-2"]);
    expect(after).toBe(before);
    const ids = report.results[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(["tag-duplicate", "request-schema", "kms-key-required"]));
    // A request with tags of its own is not copy-tags' business (AWS copies no source tags then): nothing to fix there.
    expect(ids).not.toContain("copy-tags");
  });

  it("--fix-dry-run prints a diff and changes no file", async () => {
    const dir = workdir({ "snapshot-policy.yml": POLICY, "a.yaml": cases[3]!.before });
    const out = await cli(["lint", "a.yaml", "--fix-dry-run", ...OFFLINE], { cwd: dir });
    expect(out.stdout).toContain("--- a/a.yaml\n+++ b/a.yaml\n@@ -1,5 +1,4 @@\n # DR copy\n SourceDBClusterSnapshotIdentifier: graph-prod  # the source\n-PreSignedUrl: https://x  # made by hand\n");
    expect(out.stderr).toMatch(/Would fix 1 problem in 1 file/);
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(cases[3]!.before);
  });

  it("on the bundled bad fixtures removes every finding it fixes and changes nothing else", async () => {
    const dir = workdir({});
    cpSync(join(ROOT, "fixtures"), join(dir, "fixtures"), { recursive: true });
    const files = ["fixtures/plans/fixable-dr.yml", ...readdirSync(join(dir, "fixtures/requests/bad")).map((f) => `fixtures/requests/bad/${f}`)];
    const before = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), "utf8")]));
    const args = ["lint", ...files, "--config", "fixtures/policies/snapshot-policy.yml", "--format", "json"];
    type Found = { file: string; ruleId: string; messageId?: string; message: string };
    const findings = (stdout: string): Found[] => (JSON.parse(stdout).results as { file: string; findings: Found[] }[]).flatMap((r) => r.findings.map((f) => ({ ...f, file: r.file })));
    const key = (f: Found) => `${f.file} ${f.ruleId} ${f.message}`;
    const was = findings((await cli(args, { cwd: dir })).stdout);
    const fixed = await cli([...args, "--fix"], { cwd: dir });
    const now = findings(fixed.stdout);
    const nowKeys = new Set(now.map(key));
    const gone = was.filter((f) => !nowKeys.has(key(f)));
    // Every finding a fix claims is gone ...
    expect([...new Set(gone.filter((f) => !f.message.startsWith("Could not verify")).map((f) => `${f.file} ${f.ruleId}`))].sort()).toEqual([
      "fixtures/plans/fixable-dr.yml kms-key-required",
      "fixtures/plans/fixable-dr.yml presigned-url",
      "fixtures/plans/fixable-dr.yml tag-duplicate",
      "fixtures/requests/bad/cli-input-mistakes.json presigned-url",
      "fixtures/requests/bad/identifiers.yml copy-tags",
      // With CopyTags the copy takes the source's tags, so the tag policy now waits for facts about them.
      "fixtures/requests/bad/identifiers.yml tag-policy",
    ]);
    // ... and nothing new appears but the key rules asking for facts about the key now named.
    const wasKeys = new Set(was.map(key));
    expect(now.filter((f) => !wasKeys.has(key(f)) && !f.message.startsWith("Could not verify")).map(key)).toEqual([]);
    expect(fixed.stderr).toMatch(/Fixed 5 problems in 3 files/);
    const after = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), "utf8")]));
    // Byte for byte, the rest of each file is as it was: only the fixed lines differ.
    const drop = (text: string, ...lines: string[]) => text.split("\n").filter((l) => !lines.includes(l)).join("\n");
    expect(after["fixtures/requests/bad/reserved-tags.json"]).toBe(before["fixtures/requests/bad/reserved-tags.json"]);
    expect(after["fixtures/requests/bad/cli-input-mistakes.json"]).toBe(drop(before["fixtures/requests/bad/cli-input-mistakes.json"]!, '  "PreSignedUrl": "https://rds.us-east-1.amazonaws.com/?Action=CopyDBClusterSnapshot&X-Amz-Signature=0",'));
    expect(after["fixtures/requests/bad/identifiers.yml"]).toBe(before["fixtures/requests/bad/identifiers.yml"]!.replace("KmsKeyId: not a key\n", "KmsKeyId: not a key\nCopyTags: true\n"));
    expect(after["fixtures/plans/fixable-dr.yml"]).toBe(
      drop(before["fixtures/plans/fixable-dr.yml"]!, '    PreSignedUrl: "https://rds.us-east-1.amazonaws.com/?Action=CopyDBClusterSnapshot"  # the SDK makes this', "      - Key: Owner   # pasted twice").replace(
        "        Value: dr\n        Value: graph-team\n",
        "        Value: dr\n    KmsKeyId: arn:aws:kms:us-west-2:111122223333:alias/neptune-dr\n",
      ),
    );
  });
});
