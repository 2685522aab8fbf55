// The live fact gatherer against mocked SDK clients: pages, caching, fallbacks, errors, concurrency.
import { DescribeKeyCommand, KMSClient, NotFoundException } from "@aws-sdk/client-kms";
import {
  DBClusterSnapshotNotFoundFault,
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  ListTagsForResourceCommand,
  NeptuneClient,
} from "@aws-sdk/client-neptune";
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAwsFacts } from "../../src/aws/live.js";
import { AwsError } from "../../src/aws/types.js";

const neptune = mockClient(NeptuneClient);
const kms = mockClient(KMSClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
const sts = mockClient(STSClient);

const ACCOUNT = "111122223333";
const arn = (id: string, region = "us-east-1") => `arn:aws:rds:${region}:${ACCOUNT}:cluster-snapshot:${id}`;
const snapshot = (id: string, over: Record<string, unknown> = {}) => ({
  DBClusterSnapshotIdentifier: id,
  DBClusterSnapshotArn: arn(id),
  Engine: "neptune",
  SnapshotType: "manual",
  Status: "available",
  StorageEncrypted: true,
  SnapshotCreateTime: new Date("2026-11-20T03:05:00Z"),
  ...over,
});
const KEY = { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab", Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, KeyState: "Enabled" as const };

function accessDenied(action: string) {
  return Object.assign(new Error(`User: arn:aws:iam::${ACCOUNT}:user/ci is not authorized to perform: ${action}`), { name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
}

beforeEach(() => {
  neptune.reset();
  kms.reset();
  tagging.reset();
  sts.reset();
});
afterEach(() => {
  neptune.reset();
});

describe("listSnapshots", () => {
  it("follows Marker in pages of 100 and fetches attributes only for manual Neptune snapshots", async () => {
    const all = Array.from({ length: 250 }, (_, i) => snapshot(`s-${i}`, { SnapshotType: i % 5 === 0 ? "automated" : "manual", Engine: i === 7 ? "aurora-postgresql" : "neptune" }));
    neptune.on(DescribeDBClusterSnapshotsCommand).callsFake((input: { Marker?: string; MaxRecords?: number }) => {
      const start = Number(input.Marker ?? 0);
      const next = start + (input.MaxRecords ?? 100);
      return { DBClusterSnapshots: all.slice(start, next), Marker: next < all.length ? String(next) : undefined };
    });
    neptune.on(DescribeDBClusterSnapshotAttributesCommand).callsFake((input: { DBClusterSnapshotIdentifier: string }) => ({
      DBClusterSnapshotAttributesResult: { DBClusterSnapshotIdentifier: input.DBClusterSnapshotIdentifier, DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: [] }] },
    }));
    tagging.on(GetResourcesCommand).callsFake((input: { PaginationToken?: string }) =>
      input.PaginationToken ? { ResourceTagMappingList: [{ ResourceARN: arn("s-1"), Tags: [{ Key: "Owner", Value: "graph" }] }] } : { ResourceTagMappingList: [], PaginationToken: "p2" },
    );
    const aws = createAwsFacts({ concurrency: 4 });
    const { snapshots } = await aws.listSnapshots("us-east-1");

    expect(snapshots).toHaveLength(250);
    const pages = neptune.commandCalls(DescribeDBClusterSnapshotsCommand);
    expect(pages).toHaveLength(3);
    expect(pages.every((c) => c.args[0].input.MaxRecords === 100)).toBe(true);
    expect(tagging.commandCalls(GetResourcesCommand)).toHaveLength(2);
    expect(tagging.commandCalls(GetResourcesCommand)[0]!.args[0].input).toMatchObject({ ResourceTypeFilters: ["rds:cluster-snapshot"], ResourcesPerPage: 100 });
    const manualNeptune = all.filter((s, i) => s.SnapshotType === "manual" && i !== 7).length;
    expect(neptune.commandCalls(DescribeDBClusterSnapshotAttributesCommand)).toHaveLength(manualNeptune);
    expect(neptune.commandCalls(ListTagsForResourceCommand)).toHaveLength(0);
    expect(snapshots[1]!.TagList).toEqual([{ Key: "Owner", Value: "graph" }]);
    expect(snapshots[2]!.TagList).toEqual([]);
    expect(snapshots[0]!.DBClusterSnapshotAttributes).toBeUndefined(); // automated
    expect(snapshots[7]!.TagList).toBeUndefined(); // not Neptune: listed, not detailed
    expect(snapshots[1]!.SnapshotCreateTime).toBe("2026-11-20T03:05:00.000Z");
    expect(snapshots[1]).not.toHaveProperty("$metadata");
  });

  it("falls back to ListTagsForResource when the Tagging API is refused", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [snapshot("a", { SnapshotType: "automated" }), snapshot("b", { SnapshotType: "automated" })] });
    tagging.on(GetResourcesCommand).rejects(accessDenied("tag:GetResources"));
    neptune.on(ListTagsForResourceCommand).resolves({ TagList: [{ Key: "Owner", Value: "x" }] });
    const { snapshots } = await createAwsFacts({}).listSnapshots("us-east-1");
    expect(neptune.commandCalls(ListTagsForResourceCommand).map((c) => c.args[0].input.ResourceName)).toEqual([arn("a"), arn("b")]);
    expect(snapshots.map((s) => s.TagList)).toEqual([[{ Key: "Owner", Value: "x" }], [{ Key: "Owner", Value: "x" }]]);
  });

  it("keeps at most --concurrency calls in flight", async () => {
    const all = Array.from({ length: 40 }, (_, i) => snapshot(`s-${i}`));
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: all });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    let inFlight = 0;
    let most = 0;
    neptune.on(DescribeDBClusterSnapshotAttributesCommand).callsFake(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return { DBClusterSnapshotAttributesResult: { DBClusterSnapshotAttributes: [] } };
    });
    await createAwsFacts({ concurrency: 3 }).listSnapshots("us-east-1");
    expect(most).toBe(3);
  });
});

describe("describeSnapshot and describeKey", () => {
  it("asks once per distinct snapshot, with tags, and answers null for DBClusterSnapshotNotFoundFault", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand, { DBClusterSnapshotIdentifier: "graph" }).resolves({ DBClusterSnapshots: [snapshot("graph")] });
    neptune.on(DescribeDBClusterSnapshotsCommand, { DBClusterSnapshotIdentifier: "gone" }).rejects(new DBClusterSnapshotNotFoundFault({ message: "not found", $metadata: {} }));
    neptune.on(ListTagsForResourceCommand).resolves({ TagList: [{ Key: "Owner", Value: "graph" }] });
    const aws = createAwsFacts({});
    const [a, b] = await Promise.all([aws.describeSnapshot("us-east-1", "graph"), aws.describeSnapshot("us-east-1", "GRAPH")]);
    expect(a).toBe(b);
    expect(a?.TagList).toEqual([{ Key: "Owner", Value: "graph" }]);
    expect(await aws.describeSnapshot("us-east-1", "gone")).toBeNull();
    expect(neptune.commandCalls(DescribeDBClusterSnapshotsCommand)).toHaveLength(2);
  });

  it("names automated snapshots' type and includes shared ones for ARNs, as the API requires", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [] });
    const aws = createAwsFacts({});
    await aws.describeSnapshot("us-east-1", "rds:graph-2026-11-20-03-05");
    await aws.describeSnapshot("us-east-1", "arn:aws:rds:us-east-1:444455556666:cluster-snapshot:shared");
    const inputs = neptune.commandCalls(DescribeDBClusterSnapshotsCommand).map((c) => c.args[0].input);
    expect(inputs[0]).toMatchObject({ SnapshotType: "automated" });
    expect(inputs[1]).toMatchObject({ IncludeShared: true });
  });

  it("describes each key once, sharing the answer between its id and ARN; NotFoundException is null", async () => {
    kms.on(DescribeKeyCommand, { KeyId: "alias/neptune" }).resolves({ KeyMetadata: KEY });
    kms.on(DescribeKeyCommand, { KeyId: "alias/gone" }).rejects(new NotFoundException({ message: "Alias is not found.", $metadata: {} }));
    const aws = createAwsFacts({});
    await Promise.all([aws.describeKey("us-east-1", "alias/neptune"), aws.describeKey("us-east-1", "alias/neptune")]);
    expect(await aws.describeKey("us-east-1", KEY.Arn)).toMatchObject({ KeyState: "Enabled" });
    expect(await aws.describeKey("us-east-1", KEY.KeyId)).toMatchObject({ KeyState: "Enabled" });
    expect(await aws.describeKey("us-east-1", "alias/gone")).toBeNull();
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(2);
  });

  it("takes the caller's account from STS once", async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/ci`, UserId: "AIDA" });
    const aws = createAwsFacts({});
    expect(await Promise.all([aws.callerAccount(), aws.callerAccount()])).toEqual([ACCOUNT, ACCOUNT]);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });
});

describe("errors", () => {
  it("names the IAM action that was refused", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).rejects(accessDenied("rds:DescribeDBClusterSnapshots"));
    tagging.on(GetResourcesCommand).resolves({});
    const error = await createAwsFacts({}).listSnapshots("eu-west-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({ kind: "AccessDenied", action: "rds:DescribeDBClusterSnapshots" });
    expect((error as Error).message).toBe("AWS refused rds:DescribeDBClusterSnapshots in eu-west-1 (AccessDenied): allow that action to the caller (see docs/iam.md).");
  });

  it.each(["ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "CredentialsProviderError"])("says credentials are missing or expired for %s", async (name) => {
    kms.on(DescribeKeyCommand).rejects(Object.assign(new Error("The security token included in the request is expired"), { name, $metadata: { httpStatusCode: 403 } }));
    const error = await createAwsFacts({}).describeKey("us-east-1", "alias/x").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "Credentials" });
    expect((error as Error).message).toMatch(/credentials are missing, invalid or expired .*--profile/);
  });

  it("says when a region's endpoint cannot be reached", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).rejects(Object.assign(new Error("getaddrinfo ENOTFOUND rds.xx-east-9.amazonaws.com"), { name: "Error", code: "ENOTFOUND" }));
    tagging.on(GetResourcesCommand).resolves({});
    const error = await createAwsFacts({}).listSnapshots("xx-east-9").catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Neptune is not available in xx-east-9/);
  });

  it("never puts credentials in messages", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    kms.on(DescribeKeyCommand).rejects(Object.assign(new Error("boom"), { name: "InternalFailure", $metadata: { httpStatusCode: 500 } }));
    const error = await createAwsFacts({}).describeKey("us-east-1", "alias/x").catch((e: unknown) => e);
    expect((error as Error).message).not.toContain(secret);
    expect((error as Error).message).toBe("kms:DescribeKey in us-east-1 failed: InternalFailure: boom (HTTP 500)");
  });
});
