import rule from "../../../rules/source-arn-required.js";
import type { RuleCases } from "../../support/rule-tester.js";

const target = "prod-2026-11-01-dr";
const id = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: target };
const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const arn = (region: string, account = ACCOUNT, partition = "aws") => `arn:${partition}:rds:${region}:${account}:cluster-snapshot:prod-2026-11-01`;
const snapshot = (snapshotArn: string) => ({ DBClusterSnapshotIdentifier: "prod-2026-11-01", DBClusterSnapshotArn: snapshotArn, Status: "available", Engine: "neptune" });
const SOURCE = "/SourceDBClusterSnapshotIdentifier";

export default {
  rule,
  valid: [
    { name: "plain id, no SourceRegion", value: id, region: "us-east-1", account: ACCOUNT },
    { name: "plain id, no SourceRegion, no destination: in the destination by definition", value: id },
    { name: "plain id, SourceRegion is the destination", value: { ...id, SourceRegion: "us-east-1" }, region: "us-east-1" },
    { name: "ARN in another region", value: { ...id, SourceDBClusterSnapshotIdentifier: arn("us-west-2"), SourceRegion: "us-west-2" }, region: "us-east-1" },
    { name: "ARN of another account", value: { ...id, SourceDBClusterSnapshotIdentifier: arn("us-east-1", OTHER) }, region: "us-east-1", account: ACCOUNT },
    { name: "an unknown SourceRegion is source-region's business", value: { ...id, SourceRegion: "us-west-9" }, region: "us-east-1" },
    { name: "a SourceRegion of another partition is source-region's business", value: { ...id, SourceRegion: "cn-north-1" }, region: "us-east-1" },
    { name: "a malformed source is source-identifier's business", value: { ...id, SourceDBClusterSnapshotIdentifier: "prod--1", SourceRegion: "us-west-2" }, region: "us-east-1" },
    { name: "facts show the source in the destination account", value: id, region: "us-east-1", account: ACCOUNT, facts: { sourceSnapshot: snapshot(arn("us-east-1")) } },
    { name: "facts show the source missing (source-snapshot's business)", value: id, region: "us-east-1", account: ACCOUNT, facts: { sourceSnapshot: null } },
    { name: "facts show another account but no destination account is known", value: id, region: "us-east-1", facts: { sourceSnapshot: snapshot(arn("us-east-1", OTHER)) } },
    { name: "unverified: off", value: { ...id, SourceRegion: "us-west-2" }, options: { unverified: "off" } },
  ],
  invalid: [
    {
      name: "plain id with SourceRegion of another region",
      value: { ...id, SourceRegion: "us-west-2" },
      region: "us-east-1",
      account: ACCOUNT,
      findings: [{ pointer: SOURCE, messageId: "otherRegion", message: `arn:aws:rds:us-west-2:${ACCOUNT}:cluster-snapshot:prod-2026-11-01` }],
    },
    {
      name: "plain id with SourceRegion of another region, account unknown",
      value: { ...id, SourceRegion: "eu-west-1" },
      region: "eu-central-1",
      findings: [{ pointer: SOURCE, messageId: "otherRegion", message: "arn:aws:rds:eu-west-1:ACCOUNT:cluster-snapshot:prod-2026-11-01" }],
    },
    {
      name: "automated snapshot id in another GovCloud region",
      value: { ...id, SourceDBClusterSnapshotIdentifier: "rds:prod-2026-11-01-03-05", SourceRegion: "us-gov-east-1" },
      region: "us-gov-west-1",
      account: ACCOUNT,
      findings: [{ pointer: SOURCE, messageId: "otherRegion", message: `arn:aws-us-gov:rds:us-gov-east-1:${ACCOUNT}:cluster-snapshot:rds:prod-2026-11-01-03-05` }],
    },
    {
      name: "facts show the snapshot in another account",
      value: id,
      region: "us-east-1",
      account: ACCOUNT,
      facts: { sourceSnapshot: snapshot(arn("us-east-1", OTHER)) },
      findings: [{ pointer: SOURCE, messageId: "otherAccount", message: `belongs to account ${OTHER}` }],
    },
    {
      name: "SourceRegion given but no destination region known",
      value: { ...id, SourceRegion: "us-west-2" },
      findings: [{ pointer: "", messageId: "unverified", message: "no destination region is known" }],
    },
  ],
} satisfies RuleCases;
