import rule from "../../../rules/source-region-missing.js";
import type { RuleCases } from "../../support/rule-tester.js";

const target = "prod-2026-11-01-dr";
const id = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: target };
const arn = (region: string, partition = "aws", account = "111122223333") => `arn:${partition}:rds:${region}:${account}:cluster-snapshot:prod-2026-11-01`;
const fromArn = (region: string, partition = "aws") => ({ SourceDBClusterSnapshotIdentifier: arn(region, partition), TargetDBClusterSnapshotIdentifier: target });
const SOURCE = "/SourceDBClusterSnapshotIdentifier";

export default {
  rule,
  valid: [
    { name: "cross-region ARN with SourceRegion", value: { ...fromArn("us-west-2"), SourceRegion: "us-west-2" }, region: "us-east-1" },
    { name: "ARN in the destination region", value: fromArn("us-east-1"), region: "us-east-1" },
    { name: "plain id in the destination region", value: id, region: "us-east-1" },
    { name: "plain id and no destination: nothing needs it", value: id },
    { name: "a wrong SourceRegion is source-region's business", value: { ...fromArn("us-west-2"), SourceRegion: "us-east-2" }, region: "us-east-1" },
    { name: "a non-string SourceRegion is request-schema's business", value: { ...fromArn("us-west-2"), SourceRegion: null }, region: "us-east-1" },
    { name: "ARN in another partition is source-region's business", value: fromArn("cn-north-1", "aws-cn"), region: "us-east-1" },
    { name: "ARN region unknown in its partition is source-region's business", value: fromArn("us-west-9"), region: "us-east-1" },
    { name: "ARN region of another partition than the ARN's is source-region's business", value: fromArn("cn-north-1"), region: "us-east-1" },
    { name: "malformed ARN is source-identifier's business", value: { ...id, SourceDBClusterSnapshotIdentifier: "arn:aws:rds:us-west-2:1:cluster-snapshot:x" }, region: "us-east-1" },
    { name: "a shared snapshot in the destination region", value: { ...id, SourceDBClusterSnapshotIdentifier: arn("eu-west-1", "aws", "444455556666") }, region: "eu-west-1", account: "111122223333" },
    { name: "unverified: off", value: fromArn("us-west-2"), options: { unverified: "off" } },
  ],
  invalid: [
    {
      name: "cross-region ARN without SourceRegion",
      value: fromArn("us-west-2"),
      region: "us-east-1",
      findings: [{ pointer: SOURCE, messageId: "missing", message: "add \"SourceRegion\": \"us-west-2\"", severity: "error" }],
    },
    {
      name: "cross-region within GovCloud",
      value: fromArn("us-gov-east-1", "aws-us-gov"),
      region: "us-gov-west-1",
      findings: [{ pointer: SOURCE, messageId: "missing", message: "in us-gov-east-1 but the copy runs in us-gov-west-1" }],
    },
    {
      name: "cross-region within China",
      value: fromArn("cn-northwest-1", "aws-cn"),
      region: "cn-north-1",
      findings: [{ pointer: SOURCE, messageId: "missing" }],
    },
    {
      name: "ARN of an automated snapshot in another region",
      value: { ...id, SourceDBClusterSnapshotIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:rds:prod-2026-11-01-03-05" },
      region: "eu-central-1",
      findings: [{ pointer: SOURCE, messageId: "missing", message: "eu-west-1" }],
    },
    {
      name: "destination not in the table but aws-shaped",
      value: fromArn("us-west-2"),
      region: "us-east-9",
      findings: [{ pointer: SOURCE, messageId: "missing" }],
    },
    {
      name: "no destination region: cannot tell whether the ARN is in another region",
      value: fromArn("us-west-2"),
      findings: [{ pointer: "", messageId: "unverified", message: "no destination region is known" }],
    },
  ],
} satisfies RuleCases;
