import rule from "../../../rules/kms-key-unencrypted-source.js";
import type { RuleCases } from "../../support/rule-tester.js";

const request = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const withKey = { ...request, KmsKeyId: "alias/neptune-dr" };
const unencrypted = { sourceSnapshot: { DBClusterSnapshotIdentifier: "prod-2026-11-01", StorageEncrypted: false } };

export default {
  rule,
  valid: [
    { name: "encrypted source with a key", value: withKey, facts: { sourceSnapshot: { StorageEncrypted: true } } },
    { name: "unencrypted source without a key", value: request, facts: unencrypted },
    { name: "no key and no facts", value: request },
    { name: "missing source is source-snapshot's business", value: withKey, facts: { sourceSnapshot: null } },
    { name: "malformed key is kms-key-format's business", value: { ...request, KmsKeyId: "neptune-dr" }, facts: unencrypted },
    { name: "a fact without StorageEncrypted shows no problem", value: withKey, facts: { sourceSnapshot: { Status: "available" } } },
  ],
  invalid: [
    { name: "unencrypted source with an alias", value: withKey, facts: unencrypted, findings: [{ pointer: "/KmsKeyId", messageId: "unencrypted", message: "remove KmsKeyId" }] },
    {
      name: "unencrypted cross-region source with a key ARN",
      value: {
        ...request,
        SourceDBClusterSnapshotIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:prod-2026-11-01",
        KmsKeyId: "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      },
      region: "us-west-2",
      facts: unencrypted,
      findings: [{ pointer: "/KmsKeyId", messageId: "unencrypted" }],
    },
    { name: "unencrypted source with a key id", value: { ...request, KmsKeyId: "mrk-1234abcd12ab34cd56ef1234567890ab" }, facts: unencrypted, findings: [{ pointer: "/KmsKeyId", messageId: "unencrypted" }] },
    { name: "key given, no facts", value: withKey, findings: [{ pointer: "", messageId: "unverified", severity: "warning", message: "--inventory" }] },
  ],
} satisfies RuleCases;
