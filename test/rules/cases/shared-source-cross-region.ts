import rule from "../../../rules/shared-source-cross-region.js";
import type { RuleCases } from "../../support/rule-tester.js";

const target = "prod-2026-11-01-dr";
const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const fromArn = (region: string, account: string, partition = "aws") => ({
  SourceDBClusterSnapshotIdentifier: `arn:${partition}:rds:${region}:${account}:cluster-snapshot:prod-2026-11-01`,
  TargetDBClusterSnapshotIdentifier: target,
  SourceRegion: region,
});
const id = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: target };
const SOURCE = "/SourceDBClusterSnapshotIdentifier";

export default {
  rule,
  valid: [
    { name: "shared snapshot copied within its region", value: fromArn("us-east-1", OTHER), region: "us-east-1", account: ACCOUNT },
    { name: "own snapshot copied to another region", value: fromArn("us-west-2", ACCOUNT), region: "us-east-1", account: ACCOUNT },
    { name: "own snapshot in the same region", value: fromArn("us-east-1", ACCOUNT), region: "us-east-1", account: ACCOUNT },
    { name: "plain id: always the caller's account", value: { ...id, SourceRegion: "us-west-2" }, region: "us-east-1", account: ACCOUNT },
    { name: "same region settles it without an account", value: fromArn("eu-west-1", OTHER), region: "eu-west-1" },
    { name: "same account settles it without a region", value: fromArn("eu-west-1", ACCOUNT), account: ACCOUNT },
    { name: "ARN in another partition is source-region's business", value: fromArn("cn-north-1", OTHER, "aws-cn"), region: "us-east-1", account: ACCOUNT },
    { name: "ARN region unknown in its partition is source-region's business", value: fromArn("us-west-9", OTHER), region: "us-east-1", account: ACCOUNT },
    { name: "malformed ARN is source-identifier's business", value: { ...id, SourceDBClusterSnapshotIdentifier: `arn:aws:rds:us-west-2:${OTHER}:cluster-snapshot:a--b` }, region: "us-east-1", account: ACCOUNT },
    { name: "shared within GovCloud, same region", value: fromArn("us-gov-west-1", OTHER, "aws-us-gov"), region: "us-gov-west-1", account: ACCOUNT },
    { name: "unverified: off", value: fromArn("us-west-2", OTHER), options: { unverified: "off" } },
  ],
  invalid: [
    {
      name: "shared snapshot of another region",
      value: fromArn("us-west-2", OTHER),
      region: "us-east-1",
      account: ACCOUNT,
      findings: [{ pointer: SOURCE, messageId: "crossRegion", message: `belongs to account ${OTHER} and lives in us-west-2, but the copy runs in account ${ACCOUNT} in us-east-1` }],
    },
    {
      name: "says how to get there in two copies",
      value: fromArn("eu-west-1", OTHER),
      region: "eu-central-1",
      account: ACCOUNT,
      findings: [{ pointer: SOURCE, messageId: "crossRegion", message: "Copy it in eu-west-1 first, then copy that copy to eu-central-1" }],
    },
    {
      name: "shared across China regions",
      value: fromArn("cn-north-1", OTHER, "aws-cn"),
      region: "cn-northwest-1",
      account: ACCOUNT,
      findings: [{ pointer: SOURCE, messageId: "crossRegion" }],
    },
    {
      name: "another account, no destination region",
      value: fromArn("us-west-2", OTHER),
      account: ACCOUNT,
      findings: [{ pointer: "", messageId: "unverified", message: "no destination region is known" }],
    },
    {
      name: "another region, no destination account",
      value: fromArn("us-west-2", OTHER),
      region: "us-east-1",
      findings: [{ pointer: "", messageId: "unverified", message: "no destination account is known" }],
    },
    {
      name: "neither known: one warning",
      value: fromArn("us-west-2", OTHER),
      findings: [{ pointer: "", messageId: "unverified" }],
    },
  ],
} satisfies RuleCases;
