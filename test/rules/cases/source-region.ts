import rule from "../../../rules/source-region.js";
import type { RuleCases } from "../../support/rule-tester.js";

const target = "prod-2026-11-01-dr";
const id = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: target };
const arn = (region: string, partition = "aws") => `arn:${partition}:rds:${region}:111122223333:cluster-snapshot:prod-2026-11-01`;
const fromArn = (region: string, partition = "aws") => ({ SourceDBClusterSnapshotIdentifier: arn(region, partition), TargetDBClusterSnapshotIdentifier: target });
const SOURCE = "/SourceDBClusterSnapshotIdentifier";
const SOURCE_REGION = "/SourceRegion";

export default {
  rule,
  valid: [
    { name: "plain id, no SourceRegion", value: id, region: "us-east-1" },
    { name: "plain id, no SourceRegion, no destination: nothing needs it", value: id },
    { name: "plain id with a SourceRegion of the same partition (another region is source-arn-required's)", value: { ...id, SourceRegion: "us-west-2" }, region: "us-east-1" },
    { name: "SourceRegion equal to the destination", value: { ...id, SourceRegion: "eu-west-1" }, region: "eu-west-1" },
    { name: "ARN and SourceRegion agree", value: { ...fromArn("us-west-2"), SourceRegion: "us-west-2" }, region: "us-east-1" },
    { name: "ARN in the destination region, no SourceRegion", value: fromArn("us-east-1"), region: "us-east-1" },
    { name: "ARN of another region without SourceRegion (source-region-missing's business)", value: fromArn("ap-southeast-2"), region: "us-east-1" },
    { name: "within GovCloud", value: { ...fromArn("us-gov-east-1", "aws-us-gov"), SourceRegion: "us-gov-east-1" }, region: "us-gov-west-1" },
    { name: "within China", value: { ...fromArn("cn-north-1", "aws-cn"), SourceRegion: "cn-north-1" }, region: "cn-northwest-1" },
    { name: "within the European Sovereign Cloud", value: { ...id, SourceRegion: "eusc-de-east-1" }, region: "eusc-de-east-1" },
    { name: "newer aws region", value: { ...fromArn("mx-central-1"), SourceRegion: "mx-central-1" }, region: "ca-west-1" },
    { name: "destination not in the table but shaped like an aws region", value: { ...fromArn("us-west-2"), SourceRegion: "us-west-2" }, region: "us-east-9" },
    { name: "malformed ARN is source-identifier's business", value: { SourceDBClusterSnapshotIdentifier: "arn:aws:rds:nowhere:1:cluster-snapshot:x", TargetDBClusterSnapshotIdentifier: target } },
    { name: "malformed source: a good SourceRegion still passes", value: { SourceDBClusterSnapshotIdentifier: "1--", TargetDBClusterSnapshotIdentifier: target, SourceRegion: "us-west-2" }, region: "us-east-1" },
    { name: "non-string SourceRegion is request-schema's business", value: { ...id, SourceRegion: 42 }, region: "us-east-1" },
    { name: "unverified: off", value: fromArn("us-west-2"), options: { unverified: "off" } },
    { name: "not an object", value: [] },
  ],
  invalid: [
    {
      name: "SourceRegion that is no region",
      value: { ...id, SourceRegion: "us-west-9" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "unknownRegion", message: "\"us-west-9\" is not an AWS region:" }],
    },
    {
      name: "SourceRegion in upper case",
      value: { ...id, SourceRegion: "US-WEST-2" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "unknownRegion", message: "did you mean \"us-west-2\"?" }],
    },
    {
      name: "SourceRegion is an availability zone",
      value: { ...fromArn("us-west-2"), SourceRegion: "us-west-2b" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "unknownRegion", message: "did you mean \"us-west-2\"?" }],
    },
    {
      name: "SourceRegion is a pseudo region",
      value: { ...id, SourceRegion: "aws-global" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "unknownRegion" }],
    },
    { name: "empty SourceRegion", value: { ...id, SourceRegion: "" }, region: "us-east-1", findings: [{ pointer: SOURCE_REGION, messageId: "unknownRegion" }] },
    {
      name: "SourceRegion in China, copy in aws",
      value: { ...id, SourceRegion: "cn-north-1" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "otherPartition", message: "in the aws-cn partition, but the copy runs in us-east-1 (aws)" }],
    },
    {
      name: "SourceRegion in aws, copy in GovCloud",
      value: { ...id, SourceRegion: "us-east-1" },
      region: "us-gov-west-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "otherPartition", message: "aws-us-gov" }],
    },
    {
      name: "SourceRegion in the European Sovereign Cloud, copy in aws",
      value: { ...id, SourceRegion: "eusc-de-east-1" },
      region: "eu-central-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "otherPartition", message: "aws-eusc" }],
    },
    {
      name: "SourceRegion in another partition than a sound ARN",
      value: { ...fromArn("us-west-2"), SourceRegion: "cn-north-1" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "otherPartition" }],
    },
    {
      name: "SourceRegion disagrees with the ARN",
      value: { ...fromArn("us-east-2"), SourceRegion: "us-west-2" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "disagrees", message: "set SourceRegion to us-east-2" }],
    },
    {
      name: "SourceRegion names the destination but the ARN another region",
      value: { ...fromArn("eu-west-1"), SourceRegion: "eu-central-1" },
      region: "eu-central-1",
      findings: [{ pointer: SOURCE_REGION, messageId: "disagrees", message: "eu-west-1" }],
    },
    {
      name: "ARN region not in the table",
      value: fromArn("us-east-9"),
      region: "us-east-1",
      findings: [{ pointer: SOURCE, messageId: "arnUnknownRegion", message: "us-east-9, which is not a region of the aws partition" }],
    },
    {
      name: "ARN region of another partition than the ARN's",
      value: fromArn("cn-north-1"),
      region: "cn-northwest-1",
      findings: [{ pointer: SOURCE, messageId: "arnRegionOfOtherPartition", message: "write the ARN as arn:aws-cn:rds:cn-north-1:" }],
    },
    {
      name: "ARN in China, copy in aws",
      value: fromArn("cn-north-1", "aws-cn"),
      region: "us-east-1",
      findings: [{ pointer: SOURCE, messageId: "arnOtherPartition", message: "aws-cn partition (cn-north-1), but the copy runs in us-east-1 (aws)" }],
    },
    {
      name: "ARN in GovCloud, copy in aws",
      value: fromArn("us-gov-west-1", "aws-us-gov"),
      region: "us-west-2",
      findings: [{ pointer: SOURCE, messageId: "arnOtherPartition" }],
    },
    {
      name: "one defect, one finding: ARN and SourceRegion both in China, copy in aws",
      value: { ...fromArn("cn-north-1", "aws-cn"), SourceRegion: "cn-north-1" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE, messageId: "arnOtherPartition" }],
    },
    {
      name: "one defect, one finding: ARN in China, SourceRegion in aws is not also compared",
      value: { ...fromArn("cn-north-1", "aws-cn"), SourceRegion: "us-west-2" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE, messageId: "arnOtherPartition" }],
    },
    {
      name: "one defect, one finding: unknown ARN region is not also compared with SourceRegion",
      value: { ...fromArn("us-east-9"), SourceRegion: "us-east-1" },
      region: "us-east-1",
      findings: [{ pointer: SOURCE, messageId: "arnUnknownRegion" }],
    },
    {
      name: "two defects: unknown ARN region and unknown SourceRegion",
      value: { ...fromArn("us-east-9"), SourceRegion: "us-east-99" },
      region: "us-east-1",
      findings: [
        { pointer: SOURCE, messageId: "arnUnknownRegion" },
        { pointer: SOURCE_REGION, messageId: "unknownRegion" },
      ],
    },
    {
      name: "no destination: a known SourceRegion cannot be compared with the destination's partition",
      value: { ...id, SourceRegion: "us-west-2" },
      findings: [{ pointer: "", messageId: "unverified", message: "no destination region is known" }],
    },
    {
      name: "no destination: a sound ARN cannot be compared with the destination's partition",
      value: { ...fromArn("cn-north-1", "aws-cn"), SourceRegion: "cn-north-1" },
      findings: [{ pointer: "", messageId: "unverified", message: "partition" }],
    },
    {
      name: "no destination: a SourceRegion that is no region is judged against all partitions, nothing left unverified",
      value: { ...id, SourceRegion: "nowhere-1" },
      findings: [{ pointer: SOURCE_REGION, messageId: "unknownRegion" }],
    },
    {
      name: "no destination: an ARN region unknown everywhere needs no destination",
      value: fromArn("eu-west-7"),
      findings: [{ pointer: SOURCE, messageId: "arnUnknownRegion" }],
    },
    {
      name: "no destination: disagreement is still found, the ARN's partition is unverified",
      value: { ...fromArn("us-east-2"), SourceRegion: "us-west-2" },
      findings: [
        { pointer: SOURCE_REGION, messageId: "disagrees" },
        { pointer: "", messageId: "unverified" },
      ],
    },
  ],
} satisfies RuleCases;
