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
import { beforeEach, describe, expect, it } from "vitest";
import { loadAws } from "../../src/aws/index.js";
import { createAwsFacts } from "../../src/aws/live.js";
import { AwsError, type ProgressEvent } from "../../src/aws/types.js";

const neptune = mockClient(NeptuneClient);
const kms = mockClient(KMSClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
const sts = mockClient(STSClient);

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const arn = (id: string, region = "us-east-1", account = ACCOUNT) => `arn:aws:rds:${region}:${account}:cluster-snapshot:${id}`;
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
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = { KeyId: KEY_ID, Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`, KeyState: "Enabled" as const, Enabled: true };
const later = <T>(value: T, ms = 5) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** How AWS refuses: `AccessDenied` (403) over the query protocol, `AccessDeniedException` (400) over JSON. */
function accessDenied(action: string, json = false) {
  return Object.assign(new Error(`User: arn:aws:iam::${ACCOUNT}:user/ci is not authorized to perform: ${action}`), {
    name: json ? "AccessDeniedException" : "AccessDenied",
    $metadata: { httpStatusCode: json ? 400 : 403 },
  });
}
const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, ...extra });
const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("should have failed"), (e: unknown) => e as AwsError);

beforeEach(() => {
  neptune.reset();
  kms.reset();
  tagging.reset();
  sts.reset();
});

describe("listSnapshots", () => {
  const all = Array.from({ length: 250 }, (_, i) =>
    snapshot(`s-${i}`, { SnapshotType: i % 5 === 0 ? "automated" : "manual", Engine: i === 7 ? "aurora-postgresql" : i === 8 ? "docdb" : "neptune" }),
  );
  // What each call was sent, copied when it is sent: the SDK's paginators reuse one input object.
  let listingInputs: object[] = [];
  const pagedListing = () => {
    listingInputs = [];
    return neptune.on(DescribeDBClusterSnapshotsCommand).callsFake((input: { Marker?: string; MaxRecords?: number }) => {
      listingInputs.push(JSON.parse(JSON.stringify(input)));
      const start = Number(input.Marker ?? 0);
      const next = start + (input.MaxRecords ?? 100);
      return { DBClusterSnapshots: all.slice(start, next), Marker: next < all.length ? String(next) : undefined, $metadata: {} };
    });
  };
  const attributes = () =>
    neptune.on(DescribeDBClusterSnapshotAttributesCommand).callsFake((input: { DBClusterSnapshotIdentifier: string }) => ({
      DBClusterSnapshotAttributesResult: { DBClusterSnapshotIdentifier: input.DBClusterSnapshotIdentifier, DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: [] }] },
    }));

  it("follows Marker in pages of 100: 250 snapshots are 3 calls", async () => {
    pagedListing();
    attributes();
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    const { region, snapshots } = await createAwsFacts({}).listSnapshots("us-east-1");

    expect(region).toBe("us-east-1");
    expect(snapshots.map((s) => s.DBClusterSnapshotIdentifier)).toEqual(all.map((s) => s.DBClusterSnapshotIdentifier));
    expect(neptune.commandCalls(DescribeDBClusterSnapshotsCommand)).toHaveLength(3);
    expect(listingInputs).toEqual([{ MaxRecords: 100 }, { MaxRecords: 100, Marker: "100" }, { MaxRecords: 100, Marker: "200" }]);
  });

  it("reads the region's tags through GetResources, page by page, and takes a missing ARN as no tags", async () => {
    pagedListing();
    attributes();
    const calls: object[] = [];
    tagging.on(GetResourcesCommand).callsFake((input: { PaginationToken?: string }) => {
      calls.push(JSON.parse(JSON.stringify(input)));
      return input.PaginationToken === "p2"
        ? { ResourceTagMappingList: [{ ResourceARN: arn("s-1"), Tags: [{ Key: "Owner", Value: "graph" }] }], PaginationToken: "" }
        : { ResourceTagMappingList: [{ ResourceARN: arn("s-3"), Tags: [] }], PaginationToken: "p2" };
    });
    const { snapshots } = await createAwsFacts({}).listSnapshots("us-east-1");

    expect(tagging.commandCalls(GetResourcesCommand)).toHaveLength(2);
    expect(calls).toEqual([
      { ResourceTypeFilters: ["rds:cluster-snapshot"], ResourcesPerPage: 100 },
      { ResourceTypeFilters: ["rds:cluster-snapshot"], ResourcesPerPage: 100, PaginationToken: "p2" },
    ]);
    expect(neptune.commandCalls(ListTagsForResourceCommand)).toHaveLength(0);
    expect(snapshots[1]!.TagList).toEqual([{ Key: "Owner", Value: "graph" }]);
    expect(snapshots[2]!.TagList).toEqual([]);
    expect(snapshots[3]!.TagList).toEqual([]);
  });

  it("fetches share attributes only for manual Neptune snapshots, and details for no other engine", async () => {
    pagedListing();
    attributes();
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    const { snapshots } = await createAwsFacts({}).listSnapshots("us-east-1");

    const asked = neptune.commandCalls(DescribeDBClusterSnapshotAttributesCommand).map((c) => c.args[0].input.DBClusterSnapshotIdentifier);
    const manualNeptune = all.filter((s) => s.SnapshotType === "manual" && s.Engine === "neptune").map((s) => s.DBClusterSnapshotIdentifier);
    expect(asked.sort()).toEqual(manualNeptune.sort());
    expect(snapshots[1]!.DBClusterSnapshotAttributes).toEqual([{ AttributeName: "restore", AttributeValues: [] }]);
    expect(snapshots[0]).not.toHaveProperty("DBClusterSnapshotAttributes"); // automated
    expect(snapshots[0]!.TagList).toEqual([]);
    for (const other of [snapshots[7]!, snapshots[8]!]) {
      // Listed as AWS gave them, without details.
      expect(other).not.toHaveProperty("TagList");
      expect(other).not.toHaveProperty("DBClusterSnapshotAttributes");
    }
  });

  it("returns plain JSON as the AWS CLI prints it: ISO dates, no $metadata", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [snapshot("a", { SnapshotType: "automated" })], $metadata: { httpStatusCode: 200 } });
    tagging.on(GetResourcesCommand).resolves({});
    const { snapshots } = await createAwsFacts({}).listSnapshots("us-east-1");
    expect(snapshots[0]).toEqual({ ...snapshot("a", { SnapshotType: "automated" }), SnapshotCreateTime: "2026-11-20T03:05:00.000Z", TagList: [] });
    expect(JSON.parse(JSON.stringify(snapshots))).toEqual(snapshots);
  });

  it("falls back to ListTagsForResource per Neptune snapshot when GetResources is refused", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({
      DBClusterSnapshots: [snapshot("a", { SnapshotType: "automated" }), snapshot("b"), snapshot("c", { Engine: "aurora-mysql" })],
    });
    attributes();
    tagging.on(GetResourcesCommand).rejects(accessDenied("tag:GetResources", true));
    neptune.on(ListTagsForResourceCommand).callsFake((input: { ResourceName: string }) => ({ TagList: [{ Key: "Name", Value: input.ResourceName.split(":").pop() }] }));
    const { snapshots } = await createAwsFacts({}).listSnapshots("us-east-1");

    expect(neptune.commandCalls(ListTagsForResourceCommand).map((c) => c.args[0].input.ResourceName).sort()).toEqual([arn("a"), arn("b")]);
    expect(snapshots.map((s) => s.TagList)).toEqual([[{ Key: "Name", Value: "a" }], [{ Key: "Name", Value: "b" }], undefined]);
  });

  it("names rds:ListTagsForResource when the fallback is refused too", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [snapshot("a", { SnapshotType: "automated" })] });
    tagging.on(GetResourcesCommand).rejects(accessDenied("tag:GetResources", true));
    neptune.on(ListTagsForResourceCommand).rejects(accessDenied("rds:ListTagsForResource"));
    const error = await failure(createAwsFacts({}).listSnapshots("us-east-1"));
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({ kind: "AccessDenied", action: "rds:ListTagsForResource" });
  });

  it("lists a region once, however often and however concurrently it is asked, and answers lookups from it", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).callsFake(() => later({ DBClusterSnapshots: [snapshot("a", { SnapshotType: "automated" })] }));
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [{ ResourceARN: arn("a"), Tags: [{ Key: "Owner", Value: "x" }] }] });
    const aws = createAwsFacts({});
    const [one, two] = await Promise.all([aws.listSnapshots("us-east-1"), aws.listSnapshots("us-east-1")]);
    expect(one).toBe(two);
    expect(await aws.describeSnapshot("us-east-1", "A")).toMatchObject({ DBClusterSnapshotArn: arn("a"), TagList: [{ Key: "Owner", Value: "x" }] });
    expect(await aws.describeSnapshot("us-east-1", arn("a"))).toMatchObject({ DBClusterSnapshotIdentifier: "a" });
    expect(neptune.commandCalls(DescribeDBClusterSnapshotsCommand)).toHaveLength(1);
    expect(neptune.commandCalls(ListTagsForResourceCommand)).toHaveLength(0);
  });

  it("reports progress: snapshots listed per page, then details done", async () => {
    pagedListing();
    attributes();
    tagging.on(GetResourcesCommand).resolves({});
    const events: ProgressEvent[] = [];
    await createAwsFacts({ onProgress: (e) => events.push(e) }).listSnapshots("us-east-1");
    expect(events.filter((e) => e.kind === "snapshots")).toEqual([100, 200, 250].map((listed) => ({ kind: "snapshots", region: "us-east-1", listed })));
    const details = events.filter((e) => e.kind === "details");
    expect(details).toHaveLength(248);
    expect(details.at(-1)).toEqual({ kind: "details", region: "us-east-1", done: 248, total: 248 });
  });
});

describe("concurrency", () => {
  /** Counts calls in flight across every mocked command of each region. */
  function track() {
    const now = new Map<string, number>();
    const most = new Map<string, number>();
    const busy = async <T>(region: string, value: T): Promise<T> => {
      now.set(region, (now.get(region) ?? 0) + 1);
      most.set(region, Math.max(most.get(region) ?? 0, now.get(region)!));
      await later(undefined, 2);
      now.set(region, now.get(region)! - 1);
      return value;
    };
    return { most, busy };
  }
  const regionOf = async (getClient: () => { config: { region: unknown } }) => (await (getClient().config.region as () => Promise<string>)()) as string;

  it("keeps at most --concurrency calls in flight in a region, and uses them all", async () => {
    const { most, busy } = track();
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: Array.from({ length: 40 }, (_, i) => snapshot(`s-${i}`)) });
    tagging.on(GetResourcesCommand).rejects(accessDenied("tag:GetResources", true));
    neptune.on(ListTagsForResourceCommand).callsFake(async (_input, getClient) => busy(await regionOf(getClient), { TagList: [] }));
    neptune.on(DescribeDBClusterSnapshotAttributesCommand).callsFake(async (_input, getClient) => busy(await regionOf(getClient), { DBClusterSnapshotAttributesResult: {} }));
    await createAwsFacts({ concurrency: 3 }).listSnapshots("us-east-1");
    expect(most.get("us-east-1")).toBe(3);
  });

  it("bounds each region separately (AWS throttles per region) and defaults to 8", async () => {
    const { most, busy } = track();
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: Array.from({ length: 30 }, (_, i) => snapshot(`s-${i}`)) });
    tagging.on(GetResourcesCommand).resolves({});
    neptune.on(DescribeDBClusterSnapshotAttributesCommand).callsFake(async (_input, getClient) => busy(await regionOf(getClient), { DBClusterSnapshotAttributesResult: {} }));
    const aws = createAwsFacts({});
    await Promise.all([aws.listSnapshots("us-east-1"), aws.listSnapshots("eu-west-1")]);
    expect(Object.fromEntries(most)).toEqual({ "us-east-1": 8, "eu-west-1": 8 });
  });
});

describe("describeSnapshot", () => {
  it("asks once per distinct snapshot (ids without case), with its tags", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand, { DBClusterSnapshotIdentifier: "graph" }).callsFake(() => later({ DBClusterSnapshots: [snapshot("graph")] }));
    neptune.on(ListTagsForResourceCommand).resolves({ TagList: [{ Key: "Owner", Value: "graph" }] });
    const aws = createAwsFacts({});
    const [a, b] = await Promise.all([aws.describeSnapshot("us-east-1", "graph"), aws.describeSnapshot("us-east-1", "GRAPH")]);
    expect(a).toBe(b);
    expect(a).toMatchObject({ DBClusterSnapshotIdentifier: "graph", SnapshotCreateTime: "2026-11-20T03:05:00.000Z", TagList: [{ Key: "Owner", Value: "graph" }] });
    expect(a).not.toHaveProperty("$metadata");
    expect(neptune.commandCalls(DescribeDBClusterSnapshotsCommand)).toHaveLength(1);
    expect(neptune.commandCalls(ListTagsForResourceCommand)).toHaveLength(1);
    expect(neptune.commandCalls(ListTagsForResourceCommand)[0]!.args[0].input).toEqual({ ResourceName: arn("graph") });
  });

  it("answers null for DBClusterSnapshotNotFoundFault, once", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).rejects(new DBClusterSnapshotNotFoundFault({ message: "DBClusterSnapshot gone not found.", $metadata: {} }));
    const aws = createAwsFacts({});
    expect(await aws.describeSnapshot("us-east-1", "gone")).toBeNull();
    expect(await aws.describeSnapshot("us-east-1", "gone")).toBeNull();
    expect(neptune.commandCalls(DescribeDBClusterSnapshotsCommand)).toHaveLength(1);
  });

  it("names automated snapshots' type and includes shared ones for ARNs, as the API requires", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [] });
    const aws = createAwsFacts({});
    expect(await aws.describeSnapshot("us-east-1", "rds:graph-2026-11-20-03-05")).toBeNull();
    await aws.describeSnapshot("us-east-1", arn("rds:graph-2026-11-20-03-05"));
    await aws.describeSnapshot("us-east-1", arn("shared", "us-east-1", OTHER));
    const inputs = neptune.commandCalls(DescribeDBClusterSnapshotsCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { DBClusterSnapshotIdentifier: "rds:graph-2026-11-20-03-05", SnapshotType: "automated" },
      { DBClusterSnapshotIdentifier: arn("rds:graph-2026-11-20-03-05"), SnapshotType: "automated", IncludeShared: true },
      { DBClusterSnapshotIdentifier: arn("shared", "us-east-1", OTHER), IncludeShared: true },
    ]);
  });

  it("leaves TagList out for another account's shared snapshot whose tags are not the caller's to read", async () => {
    const shared = arn("shared", "us-east-1", OTHER);
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [{ ...snapshot("shared"), DBClusterSnapshotArn: shared }] });
    neptune.on(ListTagsForResourceCommand).rejects(accessDenied("rds:ListTagsForResource"));
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
    const aws = createAwsFacts({});
    await aws.callerAccount();
    const found = await aws.describeSnapshot("us-east-1", shared);
    expect(found).toMatchObject({ DBClusterSnapshotArn: shared });
    expect(found).not.toHaveProperty("TagList");
  });

  it("but says so when the caller may not read its own snapshot's tags", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [snapshot("mine")] });
    neptune.on(ListTagsForResourceCommand).rejects(accessDenied("rds:ListTagsForResource"));
    const error = await failure(createAwsFacts({}).describeSnapshot("us-east-1", "mine"));
    expect(error).toMatchObject({ kind: "AccessDenied", action: "rds:ListTagsForResource" });
  });

  it("does not read tags of another engine's snapshot", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [snapshot("pg", { Engine: "aurora-postgresql" })] });
    expect(await createAwsFacts({}).describeSnapshot("us-east-1", "pg")).toMatchObject({ Engine: "aurora-postgresql" });
    expect(neptune.commandCalls(ListTagsForResourceCommand)).toHaveLength(0);
  });
});

describe("describeKey", () => {
  it("describes a key once even when asked at the same time by alias, ARN and key id", async () => {
    kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => later(input.KeyId === "alias/neptune" || input.KeyId.endsWith(KEY_ID) ? { KeyMetadata: KEY } : Promise.reject(new Error("unexpected"))));
    const aws = createAwsFacts({});
    const answers = await Promise.all([
      aws.describeKey("us-east-1", "alias/neptune"),
      aws.describeKey("us-east-1", KEY.Arn),
      aws.describeKey("us-east-1", KEY_ID),
      aws.describeKey("us-east-1", "alias/neptune"),
    ]);
    expect(answers.map((a) => a?.KeyState)).toEqual(["Enabled", "Enabled", "Enabled", "Enabled"]);
    expect(kms.commandCalls(DescribeKeyCommand).map((c) => c.args[0].input.KeyId)).toEqual(["alias/neptune"]);
    expect(await aws.describeKey("us-east-1", KEY.Arn)).toEqual(KEY);
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(1);
  });

  it("shares one call between a key's ARN and id asked at once", async () => {
    kms.on(DescribeKeyCommand).callsFake(() => later({ KeyMetadata: KEY }));
    const aws = createAwsFacts({});
    await Promise.all([aws.describeKey("us-east-1", KEY.Arn), aws.describeKey("us-east-1", KEY_ID)]);
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(1);
  });

  it("keeps regions apart, and answers null for NotFoundException", async () => {
    kms.on(DescribeKeyCommand, { KeyId: "alias/gone" }).rejects(new NotFoundException({ message: "Alias arn:aws:kms:us-east-1:111122223333:alias/gone is not found.", $metadata: {} }));
    kms.on(DescribeKeyCommand, { KeyId: KEY_ID }).resolves({ KeyMetadata: KEY });
    const aws = createAwsFacts({});
    expect(await aws.describeKey("us-east-1", "alias/gone")).toBeNull();
    expect(await aws.describeKey("us-east-1", "alias/gone")).toBeNull();
    await aws.describeKey("us-east-1", KEY_ID);
    await aws.describeKey("us-west-2", KEY_ID);
    expect(kms.commandCalls(DescribeKeyCommand).map((c) => c.args[0].input.KeyId)).toEqual(["alias/gone", KEY_ID, KEY_ID]);
  });
});

describe("callerAccount", () => {
  it("asks STS once, in the region the SDK's configuration names", async () => {
    const before = process.env.AWS_REGION;
    process.env.AWS_REGION = "eu-west-3";
    try {
      const regions: string[] = [];
      sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
        regions.push(await (getClient().config.region as () => Promise<string>)());
        return later({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/ci`, UserId: "AIDAEXAMPLE" });
      });
      const aws = createAwsFacts({});
      expect(await Promise.all([aws.callerAccount(), aws.callerAccount()])).toEqual([ACCOUNT, ACCOUNT]);
      expect(regions).toEqual(["eu-west-3"]);
    } finally {
      if (before === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = before;
    }
  });

  it("names sts:GetCallerIdentity when refused", async () => {
    sts.on(GetCallerIdentityCommand).rejects(accessDenied("sts:GetCallerIdentity"));
    expect(await failure(createAwsFacts({}).callerAccount())).toMatchObject({ kind: "AccessDenied", action: "sts:GetCallerIdentity" });
  });
});

describe("errors", () => {
  it("names the IAM action that was refused, from the command sent", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).rejects(accessDenied("rds:DescribeDBClusterSnapshots"));
    tagging.on(GetResourcesCommand).resolves({});
    const error = await failure(createAwsFacts({}).listSnapshots("eu-west-1"));
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({ kind: "AccessDenied", action: "rds:DescribeDBClusterSnapshots" });
    expect(error.message).toBe("AWS refused rds:DescribeDBClusterSnapshots in eu-west-1 (AccessDenied): allow that action to the caller (see docs/iam.md).");
  });

  it("names the action even when AWS's message does not (KMS over JSON)", async () => {
    kms.on(DescribeKeyCommand).rejects(Object.assign(new Error("Access denied"), { name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } }));
    const error = await failure(createAwsFacts({}).describeKey("eu-west-1", "alias/neptune"));
    expect(error).toMatchObject({ kind: "AccessDenied", action: "kms:DescribeKey" });
    expect(error.message).toMatch(/^AWS refused kms:DescribeKey in eu-west-1/);
  });

  it.each(["ExpiredToken", "ExpiredTokenException", "RequestExpired", "InvalidClientTokenId", "UnrecognizedClientException"])(
    "says credentials are missing or expired for %s, and how to fix it",
    async (name) => {
      kms.on(DescribeKeyCommand).rejects(sdkError(name, "The security token included in the request is expired", { $metadata: { httpStatusCode: 403 } }));
      const error = await failure(createAwsFacts({}).describeKey("us-east-1", "alias/x"));
      expect(error).toBeInstanceOf(AwsError);
      expect(error).toMatchObject({ kind: "ExpiredToken" });
      expect(error.message).toMatch(/^AWS credentials are missing, invalid or expired .*aws sso login.*--profile/);
    },
  );

  it("says so when no credentials can be found at all", async () => {
    const chainError = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError", tryNextLink: false });
    sts.on(GetCallerIdentityCommand).rejects(chainError);
    const error = await failure(createAwsFacts({}).callerAccount());
    expect(error).toMatchObject({ kind: "NoCredentials" });
    expect(error.message).toBe(
      "AWS credentials are missing, invalid or expired (CredentialsProviderError: Could not load credentials from any providers): sign in again (e.g. `aws sso login`), or choose a profile with --profile.",
    );
  });

  it("says when throttling outlasted the retries", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).rejects(sdkError("Throttling", "Rate exceeded", { $metadata: { httpStatusCode: 400, attempts: 5 } }));
    tagging.on(GetResourcesCommand).resolves({});
    const error = await failure(createAwsFacts({}).listSnapshots("us-east-1"));
    expect(error).toMatchObject({ kind: "Throttled", action: "rds:DescribeDBClusterSnapshots" });
    expect(error.message).toBe("AWS kept throttling rds:DescribeDBClusterSnapshots in us-east-1 after 5 attempts (Throttling): lower --concurrency or try again later.");
  });

  it("says when a region's endpoint cannot be reached", async () => {
    neptune.on(DescribeDBClusterSnapshotsCommand).rejects(Object.assign(new Error("getaddrinfo ENOTFOUND rds.xx-east-9.amazonaws.com"), { code: "ENOTFOUND", $metadata: {} }));
    tagging.on(GetResourcesCommand).resolves({});
    const error = await failure(createAwsFacts({}).listSnapshots("xx-east-9"));
    expect(error).toMatchObject({ kind: "NoNeptune" });
    expect(error.message).toBe("Neptune is not available in xx-east-9 or the endpoint cannot be reached (ENOTFOUND on rds:DescribeDBClusterSnapshots).");
  });

  it("quotes other faults in one line, never with a secret in it", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    kms.on(DescribeKeyCommand).rejects(sdkError("InternalFailure", `boom for AKIAIOSFODNN7EXAMPLE with ${secret}\nsecond line`, { $metadata: { httpStatusCode: 500 } }));
    const error = await failure(createAwsFacts({}).describeKey("us-east-1", "alias/x"));
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect(error.message).toBe("kms:DescribeKey in us-east-1 failed: InternalFailure: boom for [redacted] with [redacted] (HTTP 500)");
  });
});

describe("loadAws", () => {
  it("loads the SDK only when asked", async () => {
    const { readFileSync } = await import("node:fs");
    const index = readFileSync(new URL("../../src/aws/index.ts", import.meta.url), "utf8");
    expect(index).not.toMatch(/^import (?!type)[^;]*from "@aws-sdk/m);
    expect(index).not.toMatch(/^import (?!type)[^;]*from "\.\/live\.js"/m);
    const aws = await loadAws({});
    expect(Object.keys(aws).sort()).toEqual(["callerAccount", "describeKey", "describeSnapshot", "listAliases", "listSnapshots"]);
  });
});

describe("listAliases", () => {
  it("reads every page of ListAliases once per region", async () => {
    const { mockClient } = await import("aws-sdk-client-mock");
    const { KMSClient, ListAliasesCommand } = await import("@aws-sdk/client-kms");
    const kms = mockClient(KMSClient);
    const alias = (n: number) => ({ AliasName: `alias/a-${n}`, AliasArn: `arn:aws:kms:eu-west-1:111122223333:alias/a-${n}`, TargetKeyId: `key-${n}` });
    kms.on(ListAliasesCommand, { Limit: 100 }).resolves({ Aliases: [alias(1), alias(2)], Truncated: true, NextMarker: "m2" });
    kms.on(ListAliasesCommand, { Limit: 100, Marker: "m2" }).resolves({ Aliases: [alias(3)], Truncated: false });
    const aws = createAwsFacts({ maxAttempts: 1 });
    const [first, again] = await Promise.all([aws.listAliases("eu-west-1"), aws.listAliases("eu-west-1")]);
    expect(first.map((a) => a.AliasName)).toEqual(["alias/a-1", "alias/a-2", "alias/a-3"]);
    expect(again).toBe(first);
    expect(kms.commandCalls(ListAliasesCommand)).toHaveLength(2);
    kms.restore();
  });
});
