import rule from "../../../rules/region-allowed.js";
import type { RuleCases } from "../../support/rule-tester.js";

const arn = (region: string, id = "prod-2026-11-01") => `arn:aws:rds:${region}:111122223333:cluster-snapshot:${id}`;
const plain = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-dr" };
const fromArn = (region: string) => ({ ...plain, SourceDBClusterSnapshotIdentifier: arn(region), SourceRegion: region });
const eu = { destinations: ["eu-*"], sources: ["eu-*"] };
const snapshot = (region: string, over: Record<string, unknown> = {}) => ({
  DBClusterSnapshotIdentifier: "snap",
  DBClusterSnapshotArn: arn(region, "snap"),
  SnapshotType: "manual",
  ...over,
});

export default {
  rule,
  valid: [
    { name: "source and destination in allowed regions", value: fromArn("eu-central-1"), region: "eu-west-1", options: eu },
    { name: "a plain id with a SourceRegion in an allowed region", value: { ...plain, SourceRegion: "eu-west-2" }, region: "eu-west-1", options: eu },
    { name: "a plain id copied within an allowed region", value: plain, region: "eu-north-1", options: eu },
    { name: "globs match without case", value: plain, region: "eu-west-1", options: { destinations: ["EU-*"] } },
    { name: "only sources given: the destination is free", value: fromArn("eu-west-1"), region: "us-east-1", options: { sources: ["eu-*"] } },
    {
      name: "only sources given and the source is an ARN: no destination region needed",
      value: fromArn("eu-west-1"),
      options: { sources: ["eu-*"] },
    },
    { name: "only destinations given: the source is free", value: fromArn("us-east-1"), region: "eu-west-1", options: { destinations: ["eu-*"] } },
    {
      name: "an invalid SourceRegion is source-region's business",
      value: { ...plain, SourceRegion: "us-nowhere-1" },
      region: "eu-west-1",
      options: eu,
    },
    {
      name: "an ARN region unknown in its partition is source-region's business",
      value: { ...plain, SourceDBClusterSnapshotIdentifier: arn("us-nowhere-9") },
      region: "eu-west-1",
      options: eu,
    },
    { name: "a malformed source is source-identifier's business", value: { ...plain, SourceDBClusterSnapshotIdentifier: "arn:aws:rds:bad" }, region: "eu-west-1", options: eu },
    { name: "snapshot in an allowed region", kind: "snapshot", value: snapshot("eu-west-1"), options: eu },
    {
      name: "snapshot copied from an allowed region",
      kind: "snapshot",
      value: snapshot("eu-west-1", { SourceDBClusterSnapshotArn: arn("eu-central-1") }),
      options: eu,
    },
    { name: "unverified: off", value: plain, options: { ...eu, unverified: "off" } },
  ],
  invalid: [
    {
      name: "destination outside the allowed regions",
      value: fromArn("eu-west-1"),
      region: "us-east-1",
      options: eu,
      findings: [{ pointer: "", messageId: "destination", message: 'made in us-east-1, which the policy does not allow: copy to one of "eu-*"' }],
    },
    {
      name: "source ARN outside the allowed regions",
      value: fromArn("us-west-2"),
      region: "eu-west-1",
      options: eu,
      findings: [{ pointer: "/SourceDBClusterSnapshotIdentifier", messageId: "source", message: "us-west-2" }],
    },
    {
      name: "SourceRegion of a plain id outside the allowed regions",
      value: { ...plain, SourceRegion: "ap-south-1" },
      region: "eu-west-1",
      options: { sources: ["eu-*", "us-*"] },
      findings: [{ pointer: "/SourceRegion", messageId: "source", message: '"eu-*", "us-*"' }],
    },
    {
      name: "a plain id copied within a region allowed as neither",
      value: plain,
      region: "us-east-1",
      options: eu,
      findings: [
        { pointer: "", messageId: "destination" },
        { pointer: "/SourceDBClusterSnapshotIdentifier", messageId: "source" },
      ],
    },
    {
      name: "no destination region known",
      value: fromArn("eu-west-1"),
      options: { destinations: ["eu-*"] },
      findings: [{ pointer: "", messageId: "unverified", message: "no destination region is known" }],
    },
    {
      name: "no destination region known for a plain id: one warning for both checks",
      value: plain,
      options: eu,
      findings: [{ pointer: "", messageId: "unverified" }],
    },
    {
      name: "snapshot outside the allowed regions",
      kind: "snapshot",
      value: snapshot("us-east-1"),
      options: eu,
      findings: [{ pointer: "/DBClusterSnapshotArn", messageId: "snapshotRegion", message: "lives in us-east-1" }],
    },
    {
      name: "snapshot copied from a region not allowed as a source",
      kind: "snapshot",
      value: snapshot("eu-west-1", { SourceDBClusterSnapshotArn: arn("us-west-2") }),
      options: eu,
      findings: [{ pointer: "/SourceDBClusterSnapshotArn", messageId: "snapshotSource", message: "copied from us-west-2" }],
    },
    {
      name: "snapshot without an ARN, listed in a region not allowed",
      kind: "snapshot",
      value: { DBClusterSnapshotIdentifier: "snap" },
      region: "ap-southeast-2",
      options: eu,
      findings: [{ pointer: "", messageId: "snapshotRegion" }],
    },
    {
      name: "snapshot whose region is unknown",
      kind: "snapshot",
      value: { DBClusterSnapshotIdentifier: "snap" },
      options: eu,
      findings: [{ pointer: "", messageId: "unverified", message: "the snapshot's region" }],
    },
  ],
} satisfies RuleCases;
