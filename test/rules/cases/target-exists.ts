import rule from "../../../rules/target-exists.js";
import type { Snapshot } from "../../../src/model/types.js";
import type { RuleCases } from "../../support/rule-tester.js";

const target = "prod-2026-11-01-dr";
const sourceArn = "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:prod-2026-11-01";
const id = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: target };
const fromArn = { ...id, SourceDBClusterSnapshotIdentifier: sourceArn, SourceRegion: "us-west-2" };
const existing = (over: Partial<Snapshot> = {}): Snapshot => ({
  DBClusterSnapshotIdentifier: target,
  DBClusterSnapshotArn: `arn:aws:rds:us-east-1:111122223333:cluster-snapshot:${target}`,
  Engine: "neptune",
  Status: "available",
  SnapshotType: "manual",
  ...over,
});
const TARGET = "/TargetDBClusterSnapshotIdentifier";

export default {
  rule,
  valid: [
    { name: "facts show no such snapshot", value: fromArn, region: "us-east-1", facts: { targetSnapshot: null } },
    { name: "facts show no such snapshot, plain id", value: id, region: "us-west-2", facts: { targetSnapshot: null, sourceSnapshot: null } },
    { name: "malformed target is target-identifier's business", value: { ...id, TargetDBClusterSnapshotIdentifier: "dr--copy" }, region: "us-east-1" },
    { name: "non-string target is request-schema's business", value: { ...id, TargetDBClusterSnapshotIdentifier: 7 }, region: "us-east-1" },
    { name: "unverified: off", value: fromArn, region: "us-east-1", options: { unverified: "off" } },
    { name: "not an object", value: 12 },
  ],
  invalid: [
    {
      name: "target already exists",
      value: fromArn,
      region: "us-east-1",
      facts: { targetSnapshot: existing() },
      findings: [{ pointer: TARGET, messageId: "exists", message: `"${target}" already exists in us-east-1` }],
    },
    {
      name: "exists under another case (identifiers are not case-sensitive)",
      value: { ...fromArn, TargetDBClusterSnapshotIdentifier: "Prod-2026-11-01-DR" },
      region: "us-east-1",
      facts: { targetSnapshot: existing() },
      findings: [{ pointer: TARGET, messageId: "exists", message: `"${target}"` }],
    },
    {
      name: "exists as a copy of another source",
      value: fromArn,
      region: "us-east-1",
      facts: { targetSnapshot: existing({ SourceDBClusterSnapshotArn: "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:other" }) },
      findings: [{ pointer: TARGET, messageId: "exists", message: "DBClusterSnapshotAlreadyExistsFault" }],
    },
    {
      name: "exists as a copy of this source ARN",
      value: fromArn,
      region: "us-east-1",
      facts: { targetSnapshot: existing({ SourceDBClusterSnapshotArn: sourceArn }) },
      findings: [{ pointer: TARGET, messageId: "alreadyCopied", message: "the copy has been made" }],
    },
    {
      name: "exists as a copy of this plain-id source (its ARN from the facts)",
      value: id,
      region: "us-west-2",
      facts: {
        sourceSnapshot: { DBClusterSnapshotIdentifier: "prod-2026-11-01", DBClusterSnapshotArn: sourceArn },
        targetSnapshot: existing({ SourceDBClusterSnapshotArn: sourceArn.toUpperCase() }),
      },
      findings: [{ pointer: TARGET, messageId: "alreadyCopied" }],
    },
    {
      name: "exists, no destination region known",
      value: id,
      facts: { targetSnapshot: existing({ DBClusterSnapshotIdentifier: undefined }) },
      findings: [{ pointer: TARGET, messageId: "exists", message: `"${target}" already exists: choose another` }],
    },
    {
      name: "no facts about the destination",
      value: fromArn,
      region: "us-east-1",
      findings: [{ pointer: "", messageId: "unverified", message: "whether a snapshot with the target identifier already exists: no facts: use --inventory FILE or --live" }],
    },
  ],
} satisfies RuleCases;
