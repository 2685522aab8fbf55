import rule from "../../../rules/kms-key-region.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const key = (region: string) => `arn:aws:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const snapshot = (region: string, keyRegion: string) => ({
  DBClusterSnapshotIdentifier: "snap",
  DBClusterSnapshotArn: `arn:aws:rds:${region}:111122223333:cluster-snapshot:snap`,
  StorageEncrypted: true,
  KmsKeyId: key(keyRegion),
});

export default {
  rule,
  valid: [
    { name: "key ARN in the destination region", value: { ...base, KmsKeyId: key("eu-west-1") }, region: "eu-west-1" },
    { name: "alias ARN in the destination region", value: { ...base, KmsKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/neptune" }, region: "eu-west-1" },
    { name: "key id names no region", value: { ...base, KmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } },
    { name: "alias name names no region", value: { ...base, KmsKeyId: "alias/neptune-dr" } },
    { name: "malformed key is kms-key-format's business", value: { ...base, KmsKeyId: "arn:aws:kms:eu-west-1:bad" }, region: "us-east-1" },
    { name: "no key", value: base, region: "us-east-1" },
    { name: "snapshot with a key of its own region", kind: "snapshot", value: snapshot("us-east-2", "us-east-2") },
  ],
  invalid: [
    {
      name: "key ARN in another region",
      value: { ...base, KmsKeyId: key("us-west-2") },
      region: "us-east-1",
      findings: [{ pointer: "/KmsKeyId", messageId: "otherRegion", message: "us-west-2" }],
    },
    {
      name: "alias ARN in another region",
      value: { ...base, KmsKeyId: "arn:aws:kms:eu-central-1:111122223333:alias/neptune" },
      region: "eu-west-1",
      findings: [{ pointer: "/KmsKeyId", messageId: "otherRegion" }],
    },
    {
      name: "no destination region known",
      value: { ...base, KmsKeyId: key("us-west-2") },
      findings: [{ pointer: "", messageId: "unverified", message: "no destination region" }],
    },
    {
      name: "snapshot encrypted with a key of another region",
      kind: "snapshot",
      value: snapshot("us-east-2", "us-west-2"),
      findings: [{ pointer: "/KmsKeyId", messageId: "snapshotOtherRegion" }],
    },
  ],
} satisfies RuleCases;
