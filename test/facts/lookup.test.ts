// Finding a subject's facts in an index, as SPEC §2 says: by ARN, or by identifier (without case)
// in the destination region and account; complete regions answer "absent".
import { describe, expect, it } from "vitest";
import { FactIndex } from "../../src/facts/index.js";
import { requestFacts, snapshotFacts } from "../../src/facts/lookup.js";
import type { Subject } from "../../src/model/types.js";

const KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
const snapshot = (region: string, id: string, account = "111122223333") => ({
  DBClusterSnapshotIdentifier: id,
  DBClusterSnapshotArn: `arn:aws:rds:${region}:${account}:cluster-snapshot:${id}`,
  StorageEncrypted: true,
});
const request = (value: Record<string, unknown>, region?: string, account?: string): Subject => ({ kind: "request", file: "f.json", index: 0, pointer: "", value, region, account });

function index(): FactIndex {
  const i = new FactIndex();
  i.addSnapshot(snapshot("us-east-1", "graph-prod"));
  i.addSnapshot(snapshot("us-east-1", "shared-prod", "444455556666"));
  i.markRegionComplete("us-east-1");
  i.addKey({ KeyId: KEY, Arn: `arn:aws:kms:us-east-1:111122223333:key/${KEY}`, KeyState: "Enabled", Aliases: ["alias/neptune"] });
  return i;
}

describe("requestFacts", () => {
  it("finds the source by identifier without case, in the destination region and account", () => {
    const facts = requestFacts(index(), request({ SourceDBClusterSnapshotIdentifier: "Graph-Prod", TargetDBClusterSnapshotIdentifier: "copy" }, "us-east-1", "111122223333"));
    expect(facts.sourceSnapshot?.DBClusterSnapshotIdentifier).toBe("graph-prod");
    expect(facts.targetSnapshot).toBeNull();
  });
  it("does not take another account's snapshot for a plain identifier", () => {
    const facts = requestFacts(index(), request({ SourceDBClusterSnapshotIdentifier: "shared-prod", TargetDBClusterSnapshotIdentifier: "copy" }, "us-east-1", "111122223333"));
    expect(facts.sourceSnapshot).toBeNull();
  });
  it("finds a shared source by ARN", () => {
    const arn = "arn:aws:rds:us-east-1:444455556666:cluster-snapshot:shared-prod";
    const facts = requestFacts(index(), request({ SourceDBClusterSnapshotIdentifier: arn, TargetDBClusterSnapshotIdentifier: "copy" }, "us-east-1", "111122223333"));
    expect(facts.sourceSnapshot?.DBClusterSnapshotArn).toBe(arn);
  });
  it("leaves facts unknown for a region the index knows nothing of", () => {
    const facts = requestFacts(index(), request({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "copy", KmsKeyId: "alias/other" }, "eu-west-1"));
    expect(facts).toEqual({});
  });
  it("leaves facts unknown when no destination region is known", () => {
    expect(requestFacts(index(), request({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "copy" }))).toEqual({});
  });
  it("finds the key by id, ARN, alias name and alias ARN, only in its own region", () => {
    const i = index();
    for (const KmsKeyId of [KEY, `arn:aws:kms:us-east-1:111122223333:key/${KEY}`, "alias/neptune", "arn:aws:kms:us-east-1:111122223333:alias/neptune"]) {
      expect(requestFacts(i, request({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "c", KmsKeyId }, "us-east-1")).key?.KeyId, KmsKeyId).toBe(KEY);
    }
    expect(requestFacts(i, request({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "c", KmsKeyId: "alias/neptune" }, "us-west-2")).key).toBeUndefined();
  });
  it("says a key is absent only when a lookup said so", () => {
    const i = index();
    i.markKeyAbsent("us-east-1", "alias/gone");
    expect(requestFacts(i, request({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "c", KmsKeyId: "alias/gone" }, "us-east-1")).key).toBeNull();
    expect(requestFacts(i, request({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "c", KmsKeyId: "alias/unknown" }, "us-east-1")).key).toBeUndefined();
  });
  it("knows absences recorded by live lookups in a region it does not hold completely", () => {
    const i = new FactIndex();
    i.markAbsent({ region: "eu-west-1" }, "Graph-Prod");
    const facts = requestFacts(i, request({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "copy" }, "eu-west-1", "111122223333"));
    expect(facts.sourceSnapshot).toBeNull();
    expect(facts.targetSnapshot).toBeUndefined();
  });
});

describe("snapshotFacts", () => {
  it("finds the snapshot's key by its ARN", () => {
    const value = { ...snapshot("us-east-1", "graph-prod"), KmsKeyId: `arn:aws:kms:us-east-1:111122223333:key/${KEY}` };
    const subject: Subject = { kind: "snapshot", file: "inv.json", index: 0, pointer: "", value, region: "us-east-1", account: "111122223333" };
    expect(snapshotFacts(index(), subject).key?.KeyState).toBe("Enabled");
  });
});
