import rule from "../../../rules/kms-key-usable.js";
import type { KeyMetadata } from "../../../src/model/types.js";
import type { RuleCases } from "../../support/rule-tester.js";

const request = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const keyArn = (region: string) => `arn:aws:kms:${region}:111122223333:key/${KEY_ID}`;
const withKey = (KmsKeyId: string) => ({ ...request, KmsKeyId });
const metadata = (over: Partial<KeyMetadata> = {}): KeyMetadata => ({
  KeyId: KEY_ID,
  Arn: keyArn("us-west-2"),
  KeyState: "Enabled",
  Enabled: true,
  KeyManager: "CUSTOMER",
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  ...over,
});
const snapshot = (key: string) => ({
  DBClusterSnapshotArn: "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:snap",
  StorageEncrypted: true,
  KmsKeyId: key,
});

const SOURCE_KEY = `arn:aws:kms:us-west-2:111122223333:key/${KEY_ID}`;
const encryptedSource = { DBClusterSnapshotArn: "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:prod-2026-11-01", StorageEncrypted: true, KmsKeyId: SOURCE_KEY, Status: "available", Engine: "neptune" };

export default {
  rule,
  valid: [
    { name: "enabled customer managed key", value: withKey("alias/neptune-dr"), region: "us-west-2", facts: { key: metadata() } },
    { name: "key ARN of the destination region", value: withKey(keyArn("us-west-2")), region: "us-west-2", facts: { key: metadata() } },
    { name: "AWS managed key allowed by default", value: withKey("alias/aws/rds"), region: "us-west-2", facts: { key: metadata({ KeyManager: "AWS" }) } },
    { name: "no key named", value: request },
    { name: "malformed key is kms-key-format's business", value: withKey("neptune"), facts: { key: null } },
    { name: "ARN in another region is kms-key-region's business", value: withKey(keyArn("eu-west-1")), region: "us-west-2", facts: { key: null } },
    { name: "snapshot key enabled", kind: "snapshot", value: snapshot(keyArn("us-west-2")), facts: { key: metadata() } },
    { name: "facts with only KeyState", value: withKey(KEY_ID), region: "us-west-2", facts: { key: { KeyState: "Enabled" } } },
    { name: "source key enabled, copy keeps it", value: request, region: "us-west-2", facts: { sourceSnapshot: encryptedSource, sourceKey: metadata() } },
    { name: "unencrypted source: no source key to judge", value: request, region: "us-west-2", facts: { sourceSnapshot: { ...encryptedSource, StorageEncrypted: false, KmsKeyId: undefined }, sourceKey: null } },
    { name: "source not found: source-snapshot's business", value: request, region: "us-west-2", facts: { sourceSnapshot: null } },
  ],
  invalid: [
    { name: "key missing", value: withKey("alias/neptune-dr"), region: "us-west-2", facts: { key: null }, findings: [{ pointer: "/KmsKeyId", messageId: "missing", message: "in us-west-2" }] },
    { name: "key pending deletion", value: withKey(KEY_ID), region: "us-west-2", facts: { key: metadata({ KeyState: "PendingDeletion", Enabled: false }) }, findings: [{ pointer: "/KmsKeyId", messageId: "state", message: "PendingDeletion" }] },
    { name: "key disabled", value: withKey(KEY_ID), region: "us-west-2", facts: { key: metadata({ KeyState: "Disabled", Enabled: false }) }, findings: [{ pointer: "/KmsKeyId", messageId: "state" }] },
    { name: "asymmetric key", value: withKey(KEY_ID), region: "us-west-2", facts: { key: metadata({ KeySpec: "RSA_2048" }) }, findings: [{ pointer: "/KmsKeyId", messageId: "notSymmetric", message: "KeySpec RSA_2048" }] },
    { name: "facts place the key in another region", value: withKey("alias/neptune-dr"), region: "us-east-1", facts: { key: metadata() }, findings: [{ pointer: "/KmsKeyId", messageId: "otherRegion", message: "us-west-2" }] },
    { name: "customerManaged: AWS managed alias, no facts needed", value: withKey("alias/aws/rds"), options: { customerManaged: true }, findings: [{ pointer: "/KmsKeyId", messageId: "awsManaged" }] },
    { name: "customerManaged: facts say AWS managed", value: withKey(KEY_ID), region: "us-west-2", options: { customerManaged: true }, facts: { key: metadata({ KeyManager: "AWS" }) }, findings: [{ pointer: "/KmsKeyId", messageId: "awsManaged" }] },
    { name: "snapshot key pending deletion", kind: "snapshot", value: snapshot(keyArn("us-west-2")), facts: { key: metadata({ KeyState: "PendingDeletion" }) }, findings: [{ pointer: "/KmsKeyId", messageId: "snapshotState" }] },
    { name: "no facts", value: withKey("alias/neptune-dr"), region: "us-west-2", findings: [{ pointer: "", messageId: "unverified", severity: "warning", message: "KMS key" }] },
    {
      name: "source key disabled: the copy cannot decrypt the source",
      value: request,
      region: "us-west-2",
      facts: { sourceSnapshot: encryptedSource, sourceKey: metadata({ KeyState: "Disabled", Enabled: false }) },
      findings: [{ pointer: "/SourceDBClusterSnapshotIdentifier", messageId: "sourceKeyState", message: "which is Disabled, not Enabled" }],
    },
    {
      name: "source key pending deletion, copy key fine: one finding, at the source",
      value: withKey("alias/neptune-dr"),
      region: "us-west-2",
      facts: { sourceSnapshot: encryptedSource, sourceKey: metadata({ KeyState: "PendingDeletion", Enabled: false }), key: metadata() },
      findings: [{ pointer: "/SourceDBClusterSnapshotIdentifier", messageId: "sourceKeyState", message: "PendingDeletion" }],
    },
    {
      name: "source key gone",
      value: request,
      region: "us-west-2",
      facts: { sourceSnapshot: encryptedSource, sourceKey: null },
      findings: [{ pointer: "/SourceDBClusterSnapshotIdentifier", messageId: "sourceKeyMissing" }],
    },
    {
      name: "both keys broken: two defects, two findings",
      value: withKey("alias/neptune-dr"),
      region: "us-west-2",
      facts: { sourceSnapshot: encryptedSource, sourceKey: null, key: metadata({ KeyState: "Disabled" }) },
      findings: [
        { pointer: "/SourceDBClusterSnapshotIdentifier", messageId: "sourceKeyMissing" },
        { pointer: "/KmsKeyId", messageId: "state" },
      ],
    },
    {
      name: "source known, its key not gathered",
      value: request,
      region: "us-west-2",
      facts: { sourceSnapshot: encryptedSource },
      findings: [{ pointer: "", messageId: "unverified", message: "source snapshot's own KMS key" }],
    },
  ],
} satisfies RuleCases;
