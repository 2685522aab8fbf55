import rule from "../../../rules/kms-key-format.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const withKey = (KmsKeyId: unknown) => ({ ...base, KmsKeyId });
const snapshot = (KmsKeyId: string) => ({
  DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap",
  StorageEncrypted: true,
  KmsKeyId,
});

export default {
  rule,
  valid: [
    { name: "key id (UUID)", value: withKey("1234abcd-12ab-34cd-56ef-1234567890ab") },
    { name: "key id in capitals", value: withKey("1234ABCD-12AB-34CD-56EF-1234567890AB") },
    { name: "multi-Region key id", value: withKey("mrk-1234abcd12ab34cd56ef1234567890ab") },
    { name: "key ARN", value: withKey("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab") },
    { name: "multi-Region key ARN in GovCloud", value: withKey("arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab") },
    { name: "alias name", value: withKey("alias/neptune/dr_keys-2026") },
    { name: "AWS managed alias name", value: withKey("alias/aws/rds") },
    { name: "alias ARN", value: withKey("arn:aws:kms:eu-west-1:111122223333:alias/neptune-dr") },
    { name: "no key", value: base },
    { name: "non-string key is request-schema's business", value: withKey(42) },
    { name: "snapshot key ARN", kind: "snapshot", value: snapshot("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab") },
  ],
  invalid: [
    { name: "empty", value: withKey(""), findings: [{ pointer: "/KmsKeyId", messageId: "empty" }] },
    { name: "bare alias without alias/", value: withKey("neptune-dr"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed", message: '"neptune-dr"' }] },
    { name: "truncated UUID", value: withKey("1234abcd-12ab-34cd-56ef-1234567890a"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
    { name: "mrk id too short", value: withKey("mrk-1234abcd"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
    { name: "alias with a space", value: withKey("alias/neptune dr"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
    { name: "bare alias/ prefix", value: withKey("alias/"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
    { name: "ARN of another service", value: withKey("arn:aws:iam::111122223333:role/neptune"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
    { name: "key ARN without region", value: withKey("arn:aws:kms::111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
    { name: "key ARN with a bad account", value: withKey("arn:aws:kms:us-east-1:1111:key/1234abcd-12ab-34cd-56ef-1234567890ab"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
    { name: "alias name too long", value: withKey(`alias/${"a".repeat(251)}`), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
    { name: "snapshot with a malformed key", kind: "snapshot", value: snapshot("key/1234"), findings: [{ pointer: "/KmsKeyId", messageId: "malformed" }] },
  ],
} satisfies RuleCases;
