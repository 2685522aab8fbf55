// The emulator spoken to by the real SDK clients over HTTP: what the SDK's own deserializers accept
// is the contract the emulator must meet.
import { DescribeKeyCommand, KMSClient, NotFoundException } from "@aws-sdk/client-kms";
import {
  CopyDBClusterSnapshotCommand,
  DBClusterSnapshotAlreadyExistsFault,
  DBClusterSnapshotNotFoundFault,
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  KMSKeyNotAccessibleFault,
  ListTagsForResourceCommand,
  NeptuneClient,
} from "@aws-sdk/client-neptune";
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/aws-emulator/index.js";

const credentials = { accessKeyId: "AKIAEMULATOR", secretAccessKey: "emulator-secret" };
let emulator: Emulator;
const config = (region: string) => ({ region, endpoint: emulator.url, credentials, maxAttempts: 3 });
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

beforeAll(async () => {
  emulator = await startEmulator();
  for (let i = 0; i < 250; i++) {
    emulator.state.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: `snap-${String(i).padStart(3, "0")}`, StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}` }, { tags: i % 2 ? [{ Key: "Owner", Value: `team-${i}` }] : undefined, restore: i === 3 ? ["all"] : undefined });
  }
  emulator.state.addSnapshot("us-west-2", { DBClusterSnapshotIdentifier: "west-source", StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-west-2:111122223333:key/${KEY_ID}` });
  emulator.state.addKey("us-east-1", { KeyId: KEY_ID });
  emulator.state.addAlias("us-east-1", "alias/neptune", KEY_ID);
  emulator.state.addKey("us-east-1", { KeyId: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", KeyState: "PendingDeletion" });
});
afterAll(() => emulator.close());

describe("Neptune (query protocol)", () => {
  it("pages DescribeDBClusterSnapshots by Marker", async () => {
    const client = new NeptuneClient(config("us-east-1"));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new DescribeDBClusterSnapshotsCommand({ MaxRecords: 100, Marker: marker }));
      seen.push(...(out.DBClusterSnapshots ?? []).map((s) => s.DBClusterSnapshotIdentifier!));
      marker = out.Marker;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
  });

  it("parses snapshot members with their types", async () => {
    const out = await new NeptuneClient(config("us-east-1")).send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "SNAP-001" }));
    const s = out.DBClusterSnapshots![0]!;
    expect(s.DBClusterSnapshotIdentifier).toBe("snap-001");
    expect(s.StorageEncrypted).toBe(true);
    expect(s.PercentProgress).toBe(100);
    expect(s.SnapshotCreateTime).toBeInstanceOf(Date);
    expect(s.DBClusterSnapshotArn).toBe("arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap-001");
  });

  it("rejects MaxRecords outside 20–100", async () => {
    await expect(new NeptuneClient(config("us-east-1")).send(new DescribeDBClusterSnapshotsCommand({ MaxRecords: 5 }))).rejects.toMatchObject({ name: "InvalidParameterValue" });
  });

  it("answers DBClusterSnapshotNotFoundFault for a named snapshot that does not exist", async () => {
    const error = await new NeptuneClient(config("us-east-1")).send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "nope" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DBClusterSnapshotNotFoundFault);
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(404);
  });

  it("gives share attributes and tags", async () => {
    const client = new NeptuneClient(config("us-east-1"));
    const attrs = await client.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: "snap-003" }));
    expect(attrs.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes).toEqual([{ AttributeName: "restore", AttributeValues: ["all"] }]);
    const tags = await client.send(new ListTagsForResourceCommand({ ResourceName: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap-001" }));
    expect(tags.TagList).toEqual([{ Key: "Owner", Value: "team-1" }]);
  });

  it("copies within a region, progressing to available, and refuses a second copy to the same target", async () => {
    const client = new NeptuneClient(config("us-east-1"));
    const out = await client.send(new CopyDBClusterSnapshotCommand({ SourceDBClusterSnapshotIdentifier: "snap-010", TargetDBClusterSnapshotIdentifier: "snap-010-copy", Tags: [{ Key: "Purpose", Value: "dr" }] }));
    expect(out.DBClusterSnapshot).toMatchObject({ Status: "copying", PercentProgress: 0, SourceDBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap-010" });
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await client.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "snap-010-copy" }));
      statuses.push(`${d.DBClusterSnapshots![0]!.Status}:${d.DBClusterSnapshots![0]!.PercentProgress}`);
    }
    expect(statuses).toEqual(["copying:50", "available:100", "available:100"]);
    await expect(client.send(new CopyDBClusterSnapshotCommand({ SourceDBClusterSnapshotIdentifier: "snap-010", TargetDBClusterSnapshotIdentifier: "SNAP-010-COPY" }))).rejects.toBeInstanceOf(DBClusterSnapshotAlreadyExistsFault);
  });

  it("accepts the SDK's own presigned URL for a cross-region copy, and refuses a copy without one", async () => {
    const source = "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:west-source";
    const client = new NeptuneClient(config("us-east-1"));
    await client.send(new CopyDBClusterSnapshotCommand({ SourceDBClusterSnapshotIdentifier: source, TargetDBClusterSnapshotIdentifier: "west-copy", KmsKeyId: "alias/neptune" }));
    const sent = emulator.calls.filter((c) => c.operation === "CopyDBClusterSnapshot" && c.params.TargetDBClusterSnapshotIdentifier === "west-copy")[0]!;
    const url = new URL(String(sent.params.PreSignedUrl));
    expect(url.hostname).toBe("rds.us-west-2.amazonaws.com");
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/\/us-west-2\/rds\/aws4_request$/);
    expect(url.searchParams.get("DestinationRegion")).toBe("us-east-1");
    const noUrl = await client.send(new CopyDBClusterSnapshotCommand({ SourceDBClusterSnapshotIdentifier: source, TargetDBClusterSnapshotIdentifier: "west-copy-2", KmsKeyId: "alias/neptune", PreSignedUrl: "https://rds.us-east-1.amazonaws.com/?Action=CopyDBClusterSnapshot&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20261125%2Fus-east-1%2Frds%2Faws4_request&X-Amz-Date=20261125T000000Z&X-Amz-Signature=00" })).catch((e: unknown) => e);
    expect(noUrl).toMatchObject({ name: "InvalidParameterValue", message: expect.stringContaining("signed for us-east-1, not the source region us-west-2") });
  });

  it("refuses a key that is not enabled with KMSKeyNotAccessibleFault", async () => {
    const error = await new NeptuneClient(config("us-east-1"))
      .send(new CopyDBClusterSnapshotCommand({ SourceDBClusterSnapshotIdentifier: "snap-011", TargetDBClusterSnapshotIdentifier: "snap-011-copy", KmsKeyId: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KMSKeyNotAccessibleFault);
  });
});

describe("KMS, Tagging and STS (JSON 1.1 and query)", () => {
  it("describes a key by id, ARN, alias name and alias ARN; NotFoundException otherwise", async () => {
    const client = new KMSClient(config("us-east-1"));
    for (const KeyId of [KEY_ID, `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`, "alias/neptune", "arn:aws:kms:us-east-1:111122223333:alias/neptune"]) {
      const out = await client.send(new DescribeKeyCommand({ KeyId }));
      expect(out.KeyMetadata?.KeyId, KeyId).toBe(KEY_ID);
    }
    await expect(client.send(new DescribeKeyCommand({ KeyId: "alias/missing" }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(new KMSClient(config("eu-west-1")).send(new DescribeKeyCommand({ KeyId: `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}` }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it("pages GetResources over tagged snapshots only", async () => {
    const client = new ResourceGroupsTaggingAPIClient(config("us-east-1"));
    let token: string | undefined;
    let count = 0;
    let pages = 0;
    do {
      const out = await client.send(new GetResourcesCommand({ ResourceTypeFilters: ["rds:cluster-snapshot"], ResourcesPerPage: 100, PaginationToken: token }));
      count += out.ResourceTagMappingList?.length ?? 0;
      token = out.PaginationToken || undefined;
      pages++;
    } while (token);
    // 125 seeded with tags, plus any copy an earlier test tagged; never the untagged ones.
    expect(count).toBe([...emulator.state.tags.keys()].filter((arn) => arn.includes(":us-east-1:")).length);
    expect(count).toBeGreaterThanOrEqual(125);
    expect(count).toBeLessThan(250);
    expect(pages).toBe(2);
  });

  it("says who the caller is", async () => {
    const out = await new STSClient(config("us-east-1")).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe("111122223333");
  });
});

describe("faults", () => {
  it("throttles and fails on demand; the SDK retries through both", async () => {
    emulator.faults.add({ operation: "DescribeKey", kind: "throttle", times: 1 });
    emulator.faults.add({ operation: "DescribeKey", kind: "500", times: 1 });
    const before = emulator.count("DescribeKey");
    const out = await new KMSClient(config("us-east-1")).send(new DescribeKeyCommand({ KeyId: KEY_ID }));
    expect(out.KeyMetadata?.KeyState).toBe("Enabled");
    expect(emulator.count("DescribeKey") - before).toBe(3);
  });

  it("denies access with a message naming the action", async () => {
    emulator.faults.add({ operation: "DescribeDBClusterSnapshots", region: "eu-west-1", kind: "accessDenied", times: 1 });
    const error = await new NeptuneClient(config("eu-west-1")).send(new DescribeDBClusterSnapshotsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AccessDenied", message: expect.stringContaining("rds:DescribeDBClusterSnapshots") });
  });
});
