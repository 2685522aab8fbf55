// A realistic run for the formatter tests: two files, errors and warnings, a finding without a
// position, a live snapshot, a custom rule, awkward characters, an input error, and rules not run.
import type { RunResult } from "../../src/model/types.js";
import type { ReportContext } from "../../src/report/types.js";

export const SAMPLE: RunResult = {
  results: [
    {
      file: "copies/dr plan.yml",
      subject: "request",
      id: "graph-prod-2026-11-01-dr",
      index: 0,
      region: "us-west-2",
      findings: [
        { ruleId: "kms-key-region", severity: "error", message: "The KMS key is in us-east-1, but the copy will live in us-west-2.", pointer: "/copies/0/KmsKeyId", line: 4, column: 11, messageId: "otherRegion" },
        { ruleId: "copy-tags-ignored", severity: "warning", message: 'CopyTags & Tags: <ignored> "100%",\nsee docs', pointer: "/copies/0/CopyTags", line: 12, column: 15 },
      ],
    },
    { file: "copies/dr plan.yml", subject: "request", id: null, index: 1, region: "us-west-2", findings: [] },
    {
      file: "copies/b.json",
      subject: "request",
      id: "b-copy",
      index: 0,
      region: null,
      findings: [
        { ruleId: "dr-purpose-tag", severity: "error", message: "DR copies must carry Purpose=dr", pointer: "" },
        { ruleId: "encryption-required", severity: "warning", message: "Could not verify: x.", pointer: "", line: 1, column: 1 },
      ],
    },
    {
      file: "aws:us-east-1",
      subject: "snapshot",
      id: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:legacy",
      index: 3,
      region: "us-east-1",
      findings: [{ ruleId: "encryption-required", severity: "error", message: "The snapshot is not encrypted.", pointer: "/StorageEncrypted" }],
    },
  ],
  summary: {
    files: 3,
    skipped: 1,
    subjects: 4,
    errors: 3,
    warnings: 2,
    notRun: [
      { ruleId: "source-snapshot", subjects: 4, reason: "no facts: use --inventory FILE or --live" },
      { ruleId: "target-exists", subjects: 1, reason: "no facts: use --inventory FILE or --live" },
      { ruleId: "kms-key-usable", subjects: 2, reason: "known only after apply" },
    ],
  },
  inputErrors: [{ file: "copies/broken.json", message: "JSON syntax error: unexpected end of input", line: 3, column: 1 }],
};

/** A subject read from a Terraform plan: named by its resource address. */
export const TERRAFORM_RESULT: RunResult["results"][number] = {
  file: "plan.json",
  subject: "request",
  id: "graph-prod-dr",
  index: 0,
  region: "us-west-2",
  address: 'module.dr.aws_rds_cluster_snapshot_copy.this["graph"]',
  findings: [{ ruleId: "kms-key-region", severity: "error", message: "The KMS key is in us-east-1.", pointer: "/resource_changes/0/change/after/kms_key_id", line: 1, column: 900 }],
};

export const CONTEXT: ReportContext = {
  toolName: "neptune-snapshot-policy",
  version: "0.1.0",
  rules: [
    {
      id: "kms-key-region",
      summary: "The KMS key must live in the destination region",
      recommended: "error",
      helpUri: "https://example.test/docs/rules/kms-key-region.md",
      description: "KMS keys are **regional**: use a key of the destination region.",
      category: "kms",
      references: [{ title: "CopyDBClusterSnapshot", url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html" }],
    },
    { id: "copy-tags-ignored", summary: "CopyTags with Tags", recommended: "warn", helpUri: "https://example.test/docs/rules/copy-tags-ignored.md" },
    { id: "encryption-required", summary: "Encrypt", recommended: "error", helpUri: "https://example.test/docs/rules/encryption-required.md" },
    { id: "snapshot-max-age", summary: "Age", recommended: "off", helpUri: "https://example.test/docs/rules/snapshot-max-age.md" },
    { id: "source-snapshot", summary: "The source must exist", recommended: "error", helpUri: "https://example.test/docs/rules/source-snapshot.md", category: "facts" },
    { id: "target-exists", summary: "The target must not exist", recommended: "error", helpUri: "https://example.test/docs/rules/target-exists.md", category: "facts" },
    { id: "kms-key-usable", summary: "The key must be usable", recommended: "error", helpUri: "https://example.test/docs/rules/kms-key-usable.md", category: "kms" },
  ],
  color: false,
  cwd: "/work/repo with space",
};
