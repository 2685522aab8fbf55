import rule from "../../../rules/kms-key-required.js";
import type { RuleCases } from "../../support/rule-tester.js";

const target = { TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-dr" };
const arn = (region: string, account = "111122223333") => `arn:aws:rds:${region}:${account}:cluster-snapshot:prod-2026-11-01`;
const from = (region: string, account?: string) => ({ ...target, SourceDBClusterSnapshotIdentifier: arn(region, account) });
const KEY = "arn:aws:kms:us-west-2:111122223333:alias/neptune-dr";
const here = { region: "us-west-2", account: "111122223333" };

export default {
  rule,
  valid: [
    { name: "cross-region copy naming a key", value: { ...from("us-east-1"), KmsKeyId: KEY }, ...here },
    { name: "same region and account by plain id", value: { ...target, SourceDBClusterSnapshotIdentifier: "prod-2026-11-01" }, ...here },
    { name: "same region and account by ARN", value: from("us-west-2"), ...here },
    { name: "plain id with no destination known", value: { ...target, SourceDBClusterSnapshotIdentifier: "prod-2026-11-01" } },
    { name: "facts show the source unencrypted", value: from("us-east-1"), ...here, facts: { sourceSnapshot: { StorageEncrypted: false } } },
    { name: "always, with a key", value: { ...target, SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", KmsKeyId: "alias/neptune-dr" }, options: { always: true } },
    { name: "always, but the source is unencrypted", value: { ...target, SourceDBClusterSnapshotIdentifier: "prod-2026-11-01" }, options: { always: true }, facts: { sourceSnapshot: { StorageEncrypted: false } } },
    { name: "non-string key is request-schema's business", value: { ...from("us-east-1"), KmsKeyId: 7 }, ...here },
    { name: "ARN in another partition is source-region's business", value: { ...target, SourceDBClusterSnapshotIdentifier: "arn:aws-cn:rds:cn-north-1:111122223333:cluster-snapshot:prod" }, ...here },
  ],
  invalid: [
    {
      name: "cross-region copy without a key, fixed with the config's remediation key for the destination",
      value: from("us-east-1"),
      ...here,
      remediation: { kmsKeys: { "us-west-2": "alias/neptune-dr", "us-east-1": "alias/wrong-region" } },
      findings: [{ pointer: "", messageId: "crossRegion" }],
      output: { ...from("us-east-1"), KmsKeyId: "alias/neptune-dr" },
    },
    {
      name: "cross-region copy without a key",
      value: from("us-east-1"),
      ...here,
      findings: [{ pointer: "", messageId: "crossRegion", message: "us-east-1 and the copy in us-west-2" }],
    },
    {
      name: "copy of a snapshot shared from another account",
      value: from("us-west-2", "444455556666"),
      ...here,
      findings: [{ pointer: "", messageId: "crossAccount", message: "444455556666" }],
    },
    {
      name: "cross-region even with no account known",
      value: from("eu-west-1"),
      region: "us-west-2",
      findings: [{ pointer: "", messageId: "crossRegion" }],
    },
    {
      name: "facts show the source encrypted",
      value: from("us-east-1"),
      ...here,
      facts: { sourceSnapshot: { StorageEncrypted: true } },
      findings: [{ pointer: "", messageId: "crossRegion" }],
    },
    {
      name: "always: same-region copy without a key",
      value: { ...target, SourceDBClusterSnapshotIdentifier: "prod-2026-11-01" },
      ...here,
      options: { always: true },
      findings: [{ pointer: "", messageId: "always" }],
    },
    {
      name: "ARN source with no destination region",
      value: from("us-east-1"),
      findings: [{ pointer: "", messageId: "unverified", severity: "warning", message: "no destination region" }],
    },
    {
      name: "ARN source in the destination region, no account known",
      value: from("us-west-2"),
      region: "us-west-2",
      findings: [{ pointer: "", messageId: "unverified", severity: "warning", message: "no destination account" }],
    },
  ],
} satisfies RuleCases;
