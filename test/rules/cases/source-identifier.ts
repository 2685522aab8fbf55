import rule from "../../../rules/source-identifier.js";
import type { RuleCases } from "../../support/rule-tester.js";

const withSource = (source: unknown) => ({ SourceDBClusterSnapshotIdentifier: source, TargetDBClusterSnapshotIdentifier: "prod-copy" });
const SOURCE = "/SourceDBClusterSnapshotIdentifier";
const arn = (tail: string) => `arn:aws:rds:us-west-2:111122223333:cluster-snapshot:${tail}`;

export default {
  rule,
  valid: [
    { name: "the API reference's example", value: withSource("my-cluster-snapshot1") },
    { name: "upper case (identifiers are not case-sensitive)", value: withSource("Prod-2026-11-01") },
    { name: "63 characters", value: withSource(`s${"x".repeat(62)}`) },
    { name: "automated snapshot", value: withSource("rds:prod-cluster-2026-11-01-03-05") },
    { name: "automated snapshot longer than 63 characters", value: withSource(`rds:${"c".repeat(63)}-2026-11-01-03-05`) },
    { name: "cluster-snapshot ARN", value: withSource(arn("prod-2026-11-01")) },
    { name: "ARN of an automated snapshot", value: withSource(arn("rds:prod-cluster-2026-11-01-03-05")) },
    { name: "ARN in GovCloud", value: withSource("arn:aws-us-gov:rds:us-gov-west-1:111122223333:cluster-snapshot:prod") },
    { name: "ARN in China", value: withSource("arn:aws-cn:rds:cn-northwest-1:111122223333:cluster-snapshot:prod") },
    { name: "ARN with a region-shaped but unknown region (source-region's business)", value: withSource("arn:aws:rds:us-east-9:111122223333:cluster-snapshot:prod") },
    { name: "ARN whose region belongs to another partition (source-region's business)", value: withSource("arn:aws:rds:cn-north-1:111122223333:cluster-snapshot:prod") },
    { name: "missing source is request-schema's business", value: { TargetDBClusterSnapshotIdentifier: "prod-copy" } },
    { name: "non-string source is request-schema's business", value: withSource(["prod"]) },
    { name: "not an object", value: null },
  ],
  invalid: [
    { name: "underscore", value: withSource("prod_2026"), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "other than letters, digits and hyphens" }] },
    { name: "empty", value: withSource(""), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "is empty" }] },
    { name: "64 characters", value: withSource(`s${"x".repeat(63)}`), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "longer than 63 characters" }] },
    { name: "starts with a digit", value: withSource("2026-prod"), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "does not start with a letter" }] },
    { name: "ends with a hyphen", value: withSource("prod-"), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "ends with a hyphen" }] },
    { name: "two consecutive hyphens", value: withSource("prod--2026"), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "two consecutive hyphens" }] },
    { name: "automated prefix with nothing after", value: withSource("rds:"), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "is empty" }] },
    { name: "automated snapshot with a bad body", value: withSource("rds:prod--2026"), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "two consecutive hyphens" }] },
    { name: "automated id over 255 characters", value: withSource(`rds:${"c".repeat(255)}`), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "longer than 255 characters" }] },
    { name: "a colon that is not the rds: prefix", value: withSource("awsbackup:job-1"), findings: [{ pointer: SOURCE, messageId: "invalidId", message: "other than letters" }] },
    { name: "ARN with too few parts", value: withSource("arn:aws:rds:us-west-2:111122223333:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "has 6 colon-separated parts, not 7" }] },
    { name: "ARN prefix in upper case", value: withSource("ARN:aws:rds:us-west-2:111122223333:cluster-snapshot:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "lower case" }] },
    { name: "ARN with a bad partition", value: withSource("arn:amazon:rds:us-west-2:111122223333:cluster-snapshot:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "the partition \"amazon\"" }] },
    { name: "ARN of another service", value: withSource("arn:aws:neptune-db:us-west-2:111122223333:cluster-snapshot:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "not rds" }] },
    { name: "ARN with an availability zone", value: withSource("arn:aws:rds:us-west-2a:111122223333:cluster-snapshot:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "the region \"us-west-2a\"" }] },
    { name: "ARN with an empty region", value: withSource("arn:aws:rds::111122223333:cluster-snapshot:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "the region \"\"" }] },
    { name: "ARN with an 11-digit account", value: withSource("arn:aws:rds:us-west-2:11112222333:cluster-snapshot:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "12-digit" }] },
    { name: "ARN with a hyphenated account", value: withSource("arn:aws:rds:us-west-2:1111-2222-3333:cluster-snapshot:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "12-digit" }] },
    { name: "ARN of a DB instance snapshot", value: withSource("arn:aws:rds:us-west-2:111122223333:snapshot:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "\"snapshot\", not cluster-snapshot" }] },
    { name: "ARN of a cluster", value: withSource("arn:aws:rds:us-west-2:111122223333:cluster:prod"), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "not cluster-snapshot" }] },
    { name: "ARN with an empty id", value: withSource(arn("")), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "the snapshot identifier \"\" is empty" }] },
    { name: "ARN with a bad id", value: withSource(arn("prod--1")), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "two consecutive hyphens" }] },
    { name: "ARN with an extra colon in the id", value: withSource(arn("prod:1")), findings: [{ pointer: SOURCE, messageId: "invalidArn", message: "\"prod:1\"" }] },
    { name: "ARN prefix only", value: withSource("arn:"), findings: [{ pointer: SOURCE, messageId: "invalidArn" }] },
  ],
} satisfies RuleCases;
