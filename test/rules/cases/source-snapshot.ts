import rule from "../../../rules/source-snapshot.js";
import type { Snapshot } from "../../../src/model/types.js";
import type { RuleCases } from "../../support/rule-tester.js";

const target = "prod-2026-11-01-dr";
const id = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: target };
const sourceArn = "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:prod-2026-11-01";
const fromArn = { ...id, SourceDBClusterSnapshotIdentifier: sourceArn, SourceRegion: "us-west-2" };
const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
  DBClusterSnapshotIdentifier: "prod-2026-11-01",
  DBClusterSnapshotArn: sourceArn,
  Engine: "neptune",
  Status: "available",
  SnapshotType: "manual",
  StorageEncrypted: true,
  ...over,
});
const SOURCE = "/SourceDBClusterSnapshotIdentifier";

export default {
  rule,
  valid: [
    { name: "available Neptune snapshot", value: fromArn, region: "us-east-1", facts: { sourceSnapshot: snapshot() } },
    { name: "available Neptune snapshot by plain id", value: id, region: "us-west-2", facts: { sourceSnapshot: snapshot() } },
    { name: "automated snapshot", value: { ...id, SourceDBClusterSnapshotIdentifier: "rds:prod-2026-11-01-03-05" }, region: "us-west-2", facts: { sourceSnapshot: snapshot({ SnapshotType: "automated" }) } },
    { name: "a fact without Status or Engine shows no problem", value: id, region: "us-west-2", facts: { sourceSnapshot: { DBClusterSnapshotIdentifier: "prod-2026-11-01" } } },
    { name: "malformed source is source-identifier's business", value: { ...id, SourceDBClusterSnapshotIdentifier: "prod--1" } },
    { name: "missing source is request-schema's business", value: { TargetDBClusterSnapshotIdentifier: target } },
    { name: "ARN in another partition is source-region's business", value: { ...id, SourceDBClusterSnapshotIdentifier: "arn:aws-cn:rds:cn-north-1:111122223333:cluster-snapshot:prod" }, region: "us-east-1", facts: { sourceSnapshot: null } },
    { name: "ARN region unknown is source-region's business", value: { ...id, SourceDBClusterSnapshotIdentifier: "arn:aws:rds:us-west-9:111122223333:cluster-snapshot:prod" }, region: "us-east-1" },
    { name: "unknown SourceRegion is source-region's business", value: { ...id, SourceRegion: "us-west-9" }, region: "us-east-1", facts: { sourceSnapshot: null } },
    { name: "plain id with another SourceRegion is source-arn-required's business", value: { ...id, SourceRegion: "us-west-2" }, region: "us-east-1", facts: { sourceSnapshot: null } },
    { name: "unverified: off", value: fromArn, region: "us-east-1", options: { unverified: "off" } },
  ],
  invalid: [
    {
      name: "facts show the source missing",
      value: fromArn,
      region: "us-east-1",
      facts: { sourceSnapshot: null },
      findings: [{ pointer: SOURCE, messageId: "missing", message: "does not exist in us-west-2" }],
    },
    {
      name: "plain id missing in the destination region",
      value: id,
      region: "eu-west-1",
      facts: { sourceSnapshot: null },
      findings: [{ pointer: SOURCE, messageId: "missing", message: "\"prod-2026-11-01\" does not exist in eu-west-1" }],
    },
    {
      name: "source still being created",
      value: fromArn,
      region: "us-east-1",
      facts: { sourceSnapshot: snapshot({ Status: "creating" }) },
      findings: [{ pointer: SOURCE, messageId: "notAvailable", message: "is \"creating\", not available" }],
    },
    {
      name: "source being copied",
      value: id,
      region: "us-west-2",
      facts: { sourceSnapshot: snapshot({ Status: "copying" }) },
      findings: [{ pointer: SOURCE, messageId: "notAvailable" }],
    },
    {
      name: "an Aurora snapshot",
      value: fromArn,
      region: "us-east-1",
      facts: { sourceSnapshot: snapshot({ Engine: "aurora-postgresql" }) },
      findings: [{ pointer: SOURCE, messageId: "notNeptune", message: "\"aurora-postgresql\"" }],
    },
    {
      name: "one finding for a snapshot of another engine that is also not available",
      value: fromArn,
      region: "us-east-1",
      facts: { sourceSnapshot: snapshot({ Engine: "docdb", Status: "creating" }) },
      findings: [{ pointer: SOURCE, messageId: "notNeptune" }],
    },
    {
      name: "no facts gathered",
      value: fromArn,
      region: "us-east-1",
      findings: [{ pointer: "", messageId: "unverified", message: "whether the source snapshot exists and is an available Neptune snapshot: no facts: use --inventory FILE or --live" }],
    },
    {
      name: "no facts and no destination region: still only the source facts are missing",
      value: id,
      findings: [{ pointer: "", messageId: "unverified", message: "--inventory" }],
    },
  ],
} satisfies RuleCases;
