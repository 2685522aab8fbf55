// AwsFacts over the real SDK. Each distinct thing is fetched once: the *promise* is cached, so
// callers asking at the same time share one call. Listings are paged at the API maximum, and calls
// are bounded by --concurrency in each region (AWS throttles each region separately).
import { isNeptuneSnapshot } from "../model/snapshot.js";
import { DescribeKeyCommand, ListAliasesCommand } from "@aws-sdk/client-kms";
import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-neptune";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { KeyMetadata, Snapshot, Tag } from "../model/types.js";
import { createClients } from "./clients.js";
import { errorName, operationOf, toAwsError, type ServicePrefix } from "./errors.js";
import { createLimit, type Limit } from "./limit.js";
import { plain } from "./plain.js";
import { AwsError, type AwsFacts, type AwsOptions, type KmsAlias, type RegionListing } from "./types.js";

/** The API maxima: DescribeDBClusterSnapshots MaxRecords and GetResources ResourcesPerPage. */
const PAGE = 100;

/** A refusal or a fault, remembered with the SDK's own name for it (e.g. DBClusterSnapshotNotFoundFault). */
class CallError extends AwsError {
  constructor(
    base: AwsError,
    readonly sdkName: string,
  ) {
    super(base.message, base.kind, base.action);
  }
}

const isAlias = (keyId: string) => keyId.startsWith("alias/") || /^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(keyId);
/** The key id in a key id or key ARN (`arn:…:key/ID` → ID): asked both ways, it is one key. */
const keyIdPart = (keyId: string) => keyId.replace(/^arn:[^:]+:kms:[^:]*:[^:]*:key\//, "");
/** The account in an ARN, if it is one. */
const arnAccount = (arn: string) => (arn.startsWith("arn:") ? arn.split(":")[4] : undefined);

export function createAwsFacts(options: AwsOptions): AwsFacts {
  const clients = createClients(options);
  const progress = options.onProgress ?? (() => undefined);

  const limits = new Map<string, Limit>();
  const limitFor = (region: string): Limit => {
    let limit = limits.get(region);
    if (limit === undefined) {
      limit = createLimit(options.concurrency ?? 8);
      limits.set(region, limit);
    }
    return limit;
  };

  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, fetch: () => Promise<T>): Promise<T> => {
    let found = cache.get(key) as Promise<T> | undefined;
    if (found === undefined) {
      found = fetch();
      cache.set(key, found);
    }
    return found;
  };

  /** One call, within the region's bound; a failure becomes an AwsError naming the IAM action sent. */
  const send = async <C extends object, Out>(region: string, service: ServicePrefix, command: C, run: (command: C) => Promise<Out>): Promise<Out> => {
    try {
      return await limitFor(region)(() => run(command));
    } catch (error) {
      throw new CallError(toAwsError(error, service, operationOf(command), region), errorName(error));
    }
  };
  const sdkName = (error: unknown) => (error instanceof CallError ? error.sdkName : errorName(error));

  // The caller's account, once known: tags of a snapshot in another account are not ours to read.
  let knownAccount: string | undefined;
  let account: Promise<string> | undefined;
  const callerAccount = () =>
    (account ??= (async () => {
      // STS answers the same in every region; prefer the one the user's configuration names.
      const region = (await clients.defaultRegion()) ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
      const out = await send(region, "sts", new GetCallerIdentityCommand({}), (c) => clients.sts(region).send(c));
      if (!out.Account) throw new AwsError("STS GetCallerIdentity returned no account", "ServiceError", "sts:GetCallerIdentity");
      knownAccount = out.Account;
      return out.Account;
    })());

  /** ListTagsForResource; `undefined` when the snapshot may be another account's and AWS will not say. */
  const tagsOf = async (region: string, arn: string, mayBeForeign: boolean): Promise<Tag[] | undefined> => {
    try {
      const out = await send(region, "rds", new ListTagsForResourceCommand({ ResourceName: arn }), (c) => clients.neptune(region).send(c));
      return plain<{ TagList?: Tag[] }>(out).TagList ?? [];
    } catch (error) {
      const foreign = mayBeForeign && (knownAccount === undefined || knownAccount !== arnAccount(arn));
      if (foreign && error instanceof AwsError && (error.kind === "AccessDenied" || sdkName(error).endsWith("NotFoundFault"))) return undefined;
      throw error;
    }
  };

  const snapshotKey = (region: string, idOrArn: string) => `snapshot/${region}/${idOrArn.toLowerCase()}`;

  const describeSnapshot = (region: string, idOrArn: string): Promise<Snapshot | null> =>
    once(snapshotKey(region, idOrArn), async () => {
      const isArn = idOrArn.startsWith("arn:");
      const id = isArn ? idOrArn.split(":").slice(6).join(":") : idOrArn;
      let found: Snapshot | undefined;
      try {
        const command = new DescribeDBClusterSnapshotsCommand({
          DBClusterSnapshotIdentifier: idOrArn,
          // The API finds an automated snapshot by identifier only when told its type, and
          // another account's shared snapshot only when shared ones are included.
          ...(id.startsWith("rds:") ? { SnapshotType: "automated" } : {}),
          ...(isArn ? { IncludeShared: true } : {}),
        });
        const out = await send(region, "rds", command, (c) => clients.neptune(region).send(c));
        found = plain<{ DBClusterSnapshots?: Snapshot[] }>(out).DBClusterSnapshots?.[0];
      } catch (error) {
        if (sdkName(error) === "DBClusterSnapshotNotFoundFault") return null;
        throw error;
      }
      if (found === undefined) return null;
      // Another engine's snapshot is refused by the rules as it is; its tags would change nothing.
      const neptune = isNeptuneSnapshot(found);
      if (neptune && typeof found.DBClusterSnapshotArn === "string") {
        const tags = await tagsOf(region, found.DBClusterSnapshotArn, isArn);
        if (tags !== undefined) found.TagList = tags;
      }
      return found;
    });

  // DescribeKey does not say which alias it was asked by, so an alias and its key's ARN can only be
  // known to be one key after the alias is answered. Answers are kept under the key's id and ARN.
  const keyAnswers = new Map<string, KeyMetadata>();
  const aliasLookups = new Map<string, Set<Promise<unknown>>>();
  const keyLookups = new Map<string, Promise<unknown>>();

  const describeKey = (region: string, keyId: string): Promise<KeyMetadata | null> => {
    const textKey = `key/${region}/${keyId}`;
    const cached = cache.get(textKey) as Promise<KeyMetadata | null> | undefined;
    if (cached !== undefined) return cached;
    const known = keyAnswers.get(`${region}/${keyId}`);
    if (known !== undefined) return once(textKey, async () => known);

    const alias = isAlias(keyId);
    const sameKey = alias ? undefined : `${region}/${keyIdPart(keyId)}`;
    const lookup = (async (): Promise<KeyMetadata | null> => {
      if (!alias) {
        // An alias or the other spelling of this key may be in flight: wait for those answers
        // rather than ask again (one round trip at most).
        const before = [...(aliasLookups.get(region) ?? []), ...(sameKey && keyLookups.has(sameKey) ? [keyLookups.get(sameKey)] : [])];
        if (before.length > 0) {
          await Promise.allSettled(before);
          const answer = keyAnswers.get(`${region}/${keyId}`);
          if (answer !== undefined) return answer;
        }
      }
      try {
        const out = await send(region, "kms", new DescribeKeyCommand({ KeyId: keyId }), (c) => clients.kms(region).send(c));
        const metadata = plain<{ KeyMetadata?: KeyMetadata }>(out).KeyMetadata ?? null;
        for (const name of [metadata?.KeyId, metadata?.Arn]) if (typeof name === "string") keyAnswers.set(`${region}/${name}`, metadata!);
        return metadata;
      } catch (error) {
        if (sdkName(error) === "NotFoundException") return null;
        throw error;
      }
    })();
    cache.set(textKey, lookup);
    const settled = lookup.catch(() => undefined);
    if (alias) {
      const pending = aliasLookups.get(region) ?? new Set<Promise<unknown>>();
      aliasLookups.set(region, pending);
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
    } else if (sameKey !== undefined && !keyLookups.has(sameKey)) {
      keyLookups.set(sameKey, settled);
      void settled.then(() => keyLookups.delete(sameKey));
    }
    return lookup;
  };

  /** Tags of every tagged cluster snapshot in the region; `undefined` when the Tagging API is refused. */
  const regionTags = async (region: string): Promise<Map<string, Tag[]> | undefined> => {
    const tags = new Map<string, Tag[]>();
    let token: string | undefined;
    try {
      do {
        const command = new GetResourcesCommand({ ResourceTypeFilters: ["rds:cluster-snapshot"], ResourcesPerPage: PAGE, ...(token ? { PaginationToken: token } : {}) });
        const out = await send(region, "tag", command, (c) => clients.tagging(region).send(c));
        for (const mapping of out.ResourceTagMappingList ?? []) {
          if (mapping.ResourceARN) tags.set(mapping.ResourceARN, (mapping.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })));
        }
        // The Tagging API ends its listing with an empty token, not a missing one.
        token = out.PaginationToken || undefined;
      } while (token);
    } catch (error) {
      if (error instanceof AwsError && error.kind === "AccessDenied") return undefined;
      throw error;
    }
    return tags;
  };

  const listSnapshots = (region: string): Promise<RegionListing> =>
    once(`listing/${region}`, async () => {
      const tagsPromise = regionTags(region);
      // Awaited below; marked handled now so a failure while listing does not also leave it unhandled.
      tagsPromise.catch(() => undefined);
      const snapshots: Snapshot[] = [];
      let marker: string | undefined;
      do {
        const command = new DescribeDBClusterSnapshotsCommand({ MaxRecords: PAGE, ...(marker ? { Marker: marker } : {}) });
        const out = await send(region, "rds", command, (c) => clients.neptune(region).send(c));
        snapshots.push(...(plain<{ DBClusterSnapshots?: Snapshot[] }>(out).DBClusterSnapshots ?? []));
        marker = out.Marker || undefined;
        progress({ kind: "snapshots", region, listed: snapshots.length });
      } while (marker);

      // The Neptune endpoint lists every RDS-family cluster snapshot (Aurora, DocumentDB too) and
      // takes no engine filter: the others are listed as they are, without details.
      const neptune = snapshots.filter((s) => isNeptuneSnapshot(s) && typeof s.DBClusterSnapshotArn === "string");
      const tags = await tagsPromise;
      let done = 0;
      await Promise.all(
        neptune.map(async (snapshot) => {
          const arn = snapshot.DBClusterSnapshotArn as string;
          // The Tagging API lists only resources that have (or had) tags: absent means none.
          const tagList = tags ? (tags.get(arn) ?? []) : await tagsOf(region, arn, false);
          if (tagList !== undefined) snapshot.TagList = tagList;
          // Automated snapshots cannot be shared, so they have no share attributes to read.
          if (snapshot.SnapshotType === "manual" && typeof snapshot.DBClusterSnapshotIdentifier === "string") {
            const command = new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: snapshot.DBClusterSnapshotIdentifier });
            const out = await send(region, "rds", command, (c) => clients.neptune(region).send(c));
            const result = plain<{ DBClusterSnapshotAttributesResult?: { DBClusterSnapshotAttributes?: Snapshot["DBClusterSnapshotAttributes"] } }>(out);
            snapshot.DBClusterSnapshotAttributes = result.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes ?? [];
          }
          progress({ kind: "details", region, done: ++done, total: neptune.length });
        }),
      );
      // A later lookup of one of these by id or ARN is answered from the listing. Each gets its own
      // copy, so a caller changing one answer cannot change another.
      for (const snapshot of neptune) {
        const answer = Promise.resolve(structuredClone(snapshot));
        for (const name of [snapshot.DBClusterSnapshotIdentifier, snapshot.DBClusterSnapshotArn]) {
          if (typeof name === "string" && !cache.has(snapshotKey(region, name))) cache.set(snapshotKey(region, name), answer);
        }
      }
      return { region, snapshots };
    });

  const listAliases = (region: string): Promise<KmsAlias[]> =>
    once(`aliases/${region}`, async () => {
      const aliases: KmsAlias[] = [];
      let marker: string | undefined;
      do {
        const command = new ListAliasesCommand({ Limit: PAGE, ...(marker ? { Marker: marker } : {}) });
        const out = await send(region, "kms", command, (c) => clients.kms(region).send(c));
        for (const a of out.Aliases ?? []) aliases.push({ AliasName: a.AliasName, AliasArn: a.AliasArn, ...(a.TargetKeyId ? { TargetKeyId: a.TargetKeyId } : {}) });
        marker = out.Truncated ? out.NextMarker : undefined;
      } while (marker);
      return aliases;
    });

  return { callerAccount, describeSnapshot, describeKey, listSnapshots, listAliases };
}
