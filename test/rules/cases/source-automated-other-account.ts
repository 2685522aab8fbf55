import rule from "../../../rules/source-automated-other-account.js";
import type { RuleCases } from "../../support/rule-tester.js";

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const target = "graph-2026-11-01-dr";
const fromArn = (account: string, id: string, region = "us-east-1", partition = "aws") => ({
  SourceDBClusterSnapshotIdentifier: `arn:${partition}:rds:${region}:${account}:cluster-snapshot:${id}`,
  TargetDBClusterSnapshotIdentifier: target,
  KmsKeyId: "alias/neptune",
});
const SOURCE = "/SourceDBClusterSnapshotIdentifier";
const AUTO = "rds:graph-prod-2026-11-01-03-05";

export default {
  rule,
  valid: [
    { name: "own automated snapshot by ARN", value: fromArn(ACCOUNT, AUTO), region: "us-east-1", account: ACCOUNT },
    { name: "another account's manual snapshot", value: fromArn(OTHER, "graph-prod-manual"), region: "us-east-1", account: ACCOUNT },
    { name: "own automated snapshot by plain id", value: { SourceDBClusterSnapshotIdentifier: AUTO, TargetDBClusterSnapshotIdentifier: target }, region: "us-east-1", account: ACCOUNT },
    { name: "ARN in another partition is source-region's business", value: fromArn(OTHER, AUTO, "cn-north-1", "aws-cn"), region: "us-east-1", account: ACCOUNT },
    { name: "unverified: off", value: fromArn(OTHER, AUTO), region: "us-east-1", options: { unverified: "off" } },
  ],
  invalid: [
    {
      name: "another account's automated snapshot",
      value: fromArn(OTHER, AUTO),
      region: "us-east-1",
      account: ACCOUNT,
      findings: [{ pointer: SOURCE, messageId: "automatedShared", message: `automated snapshot of account ${OTHER}, but the copy runs in account ${ACCOUNT}` }],
    },
    {
      name: "in another region too",
      value: fromArn(OTHER, AUTO, "eu-west-1"),
      region: "us-east-1",
      account: ACCOUNT,
      findings: [{ pointer: SOURCE, messageId: "automatedShared", message: "must copy it to a manual snapshot" }],
    },
    {
      name: "destination account unknown",
      value: fromArn(OTHER, AUTO),
      region: "us-east-1",
      findings: [{ pointer: "", messageId: "unverified", message: "no destination account is known" }],
    },
  ],
} satisfies RuleCases;
