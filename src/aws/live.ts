// AwsFacts over the real SDK: each distinct thing fetched once (promises are cached, so concurrent
// askers share one call), listings paged at the API maximum, calls bounded by --concurrency.
import { DescribeKeyCommand } from "@aws-sdk/client-kms";
import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-neptune";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { KeyMetadata, Snapshot, Tag } from "../model/types.js";
import { createClients } from "./clients.js";
import { plain } from "./plain.js";
import { toAwsError } from "./errors.js";
import { createLimit } from "./limit.js";
import { AwsError, type AwsFacts, type AwsOptions, type RegionListing } from "./types.js";

/** The API maxima: DescribeDBClusterSnapshots MaxRecords and GetResources ResourcesPerPage. */
const PAGE = 100;


function errorName(error: unknown): string {
  return (error as { name?: string })?.name ?? "";
}

export function createAwsFacts(options: AwsOptions): AwsFacts {
  const clients = createClients(options);
  // AWS throttles each region separately, so each region gets its own bound of --concurrency calls.
  const limits = new Map<string, ReturnType<typeof createLimit>>();
  const limitFor = (region: string) => {
    let limit = limits.get(region);
    if (limit === undefined) {
      limit = createLimit(options.concurrency ?? 8);
      limits.set(region, limit);
    }
    return limit;
  };
  const progress = options.onProgress ?? (() => undefined);
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
    let found = cache.get(key) as Promise<T> | undefined;
    if (found === undefined) {
      found = fetch();
      cache.set(key, found);
    }
    return found;
  };
  /** One call: bounded, and its failure turned into an AwsError naming the IAM action. */
  const call = async <T>(service: string, operation: string, region: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await limitFor(region)(send);
    } catch (error) {
      throw Object.assign(toAwsError(error, service, operation, region), { sdkName: errorName(error) });
    }
  };
  const sdkName = (error: unknown) => (error as { sdkName?: string }).sdkName ?? errorName(error);

  const tagsOf = async (region: string, arn: string): Promise<Tag[] | undefined> => {
    try {
      const out = await call("rds", "ListTagsForResource", region, () => clients.neptune(region).send(new ListTagsForResourceCommand({ ResourceName: arn })));
      return plain<{ TagList?: Tag[] }>(out).TagList ?? [];
    } catch (error) {
      // Tags of a snapshot shared from another account are not the caller's to read.
      if (error instanceof AwsError && error.kind === "AccessDenied") return undefined;
      throw error;
    }
  };

  const describeSnapshot = (region: string, idOrArn: string): Promise<Snapshot | null> =>
    once(`snapshot/${region}/${idOrArn.toLowerCase()}`, async () => {
      const isArn = idOrArn.startsWith("arn:");
      const automated = (isArn ? idOrArn.split(":").slice(6).join(":") : idOrArn).startsWith("rds:");
      let found: Snapshot | undefined;
      try {
        const out = await call("rds", "DescribeDBClusterSnapshots", region, () =>
          clients.neptune(region).send(
            new DescribeDBClusterSnapshotsCommand({
              DBClusterSnapshotIdentifier: idOrArn,
              // The API wants the type named for automated snapshots, and IncludeShared for other accounts' ARNs.
              ...(automated ? { SnapshotType: "automated" } : {}),
              ...(isArn ? { IncludeShared: true } : {}),
            }),
          ),
        );
        found = plain<{ DBClusterSnapshots?: Snapshot[] }>(out).DBClusterSnapshots?.[0];
      } catch (error) {
        if (sdkName(error) === "DBClusterSnapshotNotFoundFault") return null;
        throw error;
      }
      if (found === undefined) return null;
      if (typeof found.DBClusterSnapshotArn === "string") {
        const tags = await tagsOf(region, found.DBClusterSnapshotArn);
        if (tags !== undefined) found.TagList = tags;
      }
      return found;
    });

  const describeKey = (region: string, keyId: string): Promise<KeyMetadata | null> =>
    once(`key/${region}/${keyId}`, async () => {
      try {
        const out = await call("kms", "DescribeKey", region, () => clients.kms(region).send(new DescribeKeyCommand({ KeyId: keyId })));
        const metadata = plain<{ KeyMetadata?: KeyMetadata }>(out).KeyMetadata ?? null;
        // The same key asked for by id or ARN later shares this answer.
        if (metadata) {
          for (const other of [metadata.KeyId, metadata.Arn]) {
            if (typeof other === "string" && !cache.has(`key/${region}/${other}`)) cache.set(`key/${region}/${other}`, Promise.resolve(metadata));
          }
        }
        return metadata;
      } catch (error) {
        if (sdkName(error) === "NotFoundException") return null;
        throw error;
      }
    });

  const regionTags = async (region: string): Promise<Map<string, Tag[]> | undefined> => {
    const tags = new Map<string, Tag[]>();
    let token: string | undefined;
    try {
      do {
        const out = await call("tag", "GetResources", region, () =>
          clients.tagging(region).send(new GetResourcesCommand({ ResourceTypeFilters: ["rds:cluster-snapshot"], ResourcesPerPage: PAGE, PaginationToken: token })),
        );
        for (const mapping of out.ResourceTagMappingList ?? []) {
          if (mapping.ResourceARN) tags.set(mapping.ResourceARN, (mapping.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })));
        }
        token = out.PaginationToken || undefined;
      } while (token);
    } catch (error) {
      // Not permitted to use the Tagging API: fall back to ListTagsForResource per snapshot.
      if (error instanceof AwsError && error.kind === "AccessDenied") return undefined;
      throw error;
    }
    return tags;
  };

  const listSnapshots = async (region: string): Promise<RegionListing> => {
    const snapshots: Snapshot[] = [];
    const tagsPromise = regionTags(region);
    // Awaited below; marked handled now so that a failure while listing does not also leave it unhandled.
    tagsPromise.catch(() => undefined);
    let marker: string | undefined;
    do {
      const out = await call("rds", "DescribeDBClusterSnapshots", region, () =>
        clients.neptune(region).send(new DescribeDBClusterSnapshotsCommand({ MaxRecords: PAGE, Marker: marker })),
      );
      snapshots.push(...(plain<{ DBClusterSnapshots?: Snapshot[] }>(out).DBClusterSnapshots ?? []));
      marker = out.Marker || undefined;
      progress({ kind: "snapshots", region, listed: snapshots.length });
    } while (marker);

    const neptune = snapshots.filter((s) => s.Engine === undefined || s.Engine === "neptune");
    const tags = await tagsPromise;
    let done = 0;
    await Promise.all(
      neptune.map(async (snapshot) => {
        const arn = snapshot.DBClusterSnapshotArn;
        if (typeof arn !== "string") return;
        // The Tagging API lists only resources that have (or had) tags: absent means none.
        const tagList = tags ? (tags.get(arn) ?? []) : await tagsOf(region, arn);
        if (tagList !== undefined) snapshot.TagList = tagList;
        // Automated snapshots cannot be shared, so their share attributes are never fetched.
        if (snapshot.SnapshotType === "manual" && typeof snapshot.DBClusterSnapshotIdentifier === "string") {
          const out = await call("rds", "DescribeDBClusterSnapshotAttributes", region, () =>
            clients.neptune(region).send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: snapshot.DBClusterSnapshotIdentifier })),
          );
          const result = plain<{ DBClusterSnapshotAttributesResult?: { DBClusterSnapshotAttributes?: Snapshot["DBClusterSnapshotAttributes"] } }>(out);
          snapshot.DBClusterSnapshotAttributes = result.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes ?? [];
        }
        progress({ kind: "details", region, done: ++done, total: neptune.length });
      }),
    );
    return { region, snapshots };
  };

  let account: Promise<string> | undefined;
  const callerAccount = () =>
    (account ??= (async () => {
      const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
      const out = await call("sts", "GetCallerIdentity", region, () => clients.sts(region).send(new GetCallerIdentityCommand({})));
      if (!out.Account) throw new AwsError("STS GetCallerIdentity returned no account", "ServiceError");
      return out.Account;
    })());

  return { callerAccount, describeSnapshot, describeKey, listSnapshots };
}
