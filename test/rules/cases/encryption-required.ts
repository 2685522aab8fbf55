import rule from "../../../rules/encryption-required.js";
import type { RuleCases } from "../../support/rule-tester.js";

const request = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const snapshot = (over: Record<string, unknown>) => ({ DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap", ...over });
const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export default {
  rule,
  valid: [
    { name: "facts show the source encrypted", value: request, facts: { sourceSnapshot: { StorageEncrypted: true } } },
    { name: "a key is named (no facts needed)", value: { ...request, KmsKeyId: "alias/neptune-dr" } },
    { name: "missing source is source-snapshot's business", value: request, facts: { sourceSnapshot: null } },
    { name: "malformed source is source-identifier's business", value: { ...request, SourceDBClusterSnapshotIdentifier: "prod--1" } },
    { name: "encrypted snapshot", kind: "snapshot", value: snapshot({ StorageEncrypted: true, KmsKeyId: KEY }) },
    { name: "snapshot with a key but no StorageEncrypted", kind: "snapshot", value: snapshot({ KmsKeyId: KEY }) },
  ],
  invalid: [
    {
      name: "facts show the source unencrypted",
      value: request,
      facts: { sourceSnapshot: { StorageEncrypted: false } },
      findings: [{ pointer: "/SourceDBClusterSnapshotIdentifier", messageId: "copyUnencrypted", message: '"prod-2026-11-01" is not encrypted' }],
    },
    {
      name: "unencrypted source even with a key (the key is another rule's defect)",
      value: { ...request, KmsKeyId: "alias/neptune-dr" },
      facts: { sourceSnapshot: { StorageEncrypted: false } },
      findings: [{ pointer: "/SourceDBClusterSnapshotIdentifier", messageId: "copyUnencrypted" }],
    },
    { name: "no key and no facts", value: request, findings: [{ pointer: "", messageId: "unverified", severity: "warning", message: "names no KmsKeyId" }] },
    { name: "facts without StorageEncrypted, no key", value: request, facts: { sourceSnapshot: { Status: "available" } }, findings: [{ pointer: "", messageId: "unverified", severity: "warning" }] },
    { name: "unencrypted snapshot", kind: "snapshot", value: snapshot({ StorageEncrypted: false }), findings: [{ pointer: "/StorageEncrypted", messageId: "snapshotUnencrypted" }] },
    { name: "snapshot with no encryption information", kind: "snapshot", value: snapshot({}), findings: [{ pointer: "", messageId: "unverified", severity: "warning", message: "no StorageEncrypted" }] },
  ],
} satisfies RuleCases;
