// Live facts for requests checked at the same time: each distinct thing fetched once, and every
// request sees it, even while the fetch is still under way.
import { describe, expect, it } from "vitest";
import type { AwsFacts } from "../../src/aws/types.js";
import { liveFacts } from "../../src/facts/source.js";
import type { Subject } from "../../src/model/types.js";

function slowAws(): AwsFacts & { calls: string[] } {
  const calls: string[] = [];
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 10));
  return {
    calls,
    callerAccount: async () => "111122223333",
    describeSnapshot: async (region, id) => {
      calls.push(`snapshot ${region} ${id}`);
      return later(id === "graph-prod" ? { DBClusterSnapshotIdentifier: "graph-prod", DBClusterSnapshotArn: `arn:aws:rds:${region}:111122223333:cluster-snapshot:graph-prod`, StorageEncrypted: true } : null);
    },
    describeKey: async (region, keyId) => {
      calls.push(`key ${region} ${keyId}`);
      return later({ KeyId: "k", Arn: `arn:aws:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`, KeyState: "Enabled" });
    },
    listSnapshots: async (region) => ({ region, snapshots: [] }),
  };
}

const request = (target: string): Subject => ({
  kind: "request",
  file: "plan.json",
  index: 0,
  pointer: "",
  value: { SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: target, KmsKeyId: "alias/neptune" },
  region: "us-east-1",
  account: "111122223333",
});

describe("liveFacts", () => {
  it("shares one fetch between requests asked for at once", async () => {
    const aws = slowAws();
    const source = liveFacts(aws);
    const all = await Promise.all(["a-copy", "b-copy", "c-copy"].map((t) => source.forRequest(request(t))));
    for (const facts of all) {
      expect(facts.sourceSnapshot?.DBClusterSnapshotIdentifier).toBe("graph-prod");
      expect(facts.key?.KeyState).toBe("Enabled");
    }
    expect(all.map((f) => f.targetSnapshot)).toEqual([null, null, null]);
    expect(aws.calls.filter((c) => c === "snapshot us-east-1 graph-prod")).toHaveLength(1);
    expect(aws.calls.filter((c) => c.startsWith("key "))).toHaveLength(1);
  });
});
