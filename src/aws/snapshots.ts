// Snapshots live: one by identifier or ARN, or a region's whole listing with tags and share
// attributes. Listings go through the SDK's paginators at the API maximum page size.
import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  ListTagsForResourceCommand,
  paginateDescribeDBClusterSnapshots,
} from "@aws-sdk/client-neptune";
import { paginateGetResources } from "@aws-sdk/client-resource-groups-tagging-api";
import { isNeptuneSnapshot } from "../model/snapshot.js";
import type { Snapshot, Tag } from "../model/types.js";
import { plain } from "./plain.js";
import { sdkName, type AwsSession } from "./session.js";
import { AwsError, type ProgressEvent, type RegionListing } from "./types.js";

/** The API maxima: DescribeDBClusterSnapshots MaxRecords and GetResources ResourcesPerPage. */
export const PAGE = 100;

/** The account in an ARN, if it is one. */
const arnAccount = (arn: string) => (arn.startsWith("arn:") ? arn.split(":")[4] : undefined);

const snapshotKey = (region: string, idOrArn: string) => `snapshot/${region}/${idOrArn.toLowerCase()}`;

export class SnapshotLookups {
  constructor(
    private readonly session: AwsSession,
    /** The caller's account once known: tags of a snapshot in another account are not ours to read. */
    private readonly knownAccount: () => string | undefined,
    private readonly progress: (event: ProgressEvent) => void,
  ) {}

  /** ListTagsForResource; `undefined` when the snapshot may be another account's and AWS will not say. */
  private async tagsOf(region: string, arn: string, mayBeForeign: boolean): Promise<Tag[] | undefined> {
    try {
      const out = await this.session.send(region, "rds", new ListTagsForResourceCommand({ ResourceName: arn }), this.session.clients.neptune(region));
      return plain<{ TagList?: Tag[] }>(out).TagList ?? [];
    } catch (error) {
      const account = this.knownAccount();
      const foreign = mayBeForeign && (account === undefined || account !== arnAccount(arn));
      if (foreign && error instanceof AwsError && (error.kind === "AccessDenied" || sdkName(error).endsWith("NotFoundFault"))) return undefined;
      throw error;
    }
  }

  describeSnapshot(region: string, idOrArn: string): Promise<Snapshot | null> {
    return this.session.once(snapshotKey(region, idOrArn), async () => {
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
        const out = await this.session.send(region, "rds", command, this.session.clients.neptune(region));
        found = plain<{ DBClusterSnapshots?: Snapshot[] }>(out).DBClusterSnapshots?.[0];
      } catch (error) {
        if (sdkName(error) === "DBClusterSnapshotNotFoundFault") return null;
        throw error;
      }
      if (found === undefined) return null;
      // Another engine's snapshot is refused by the rules as it is; its tags would change nothing.
      if (isNeptuneSnapshot(found) && typeof found.DBClusterSnapshotArn === "string") {
        const tags = await this.tagsOf(region, found.DBClusterSnapshotArn, isArn);
        if (tags !== undefined) found.TagList = tags;
      }
      return found;
    });
  }

  /** Tags of every tagged cluster snapshot in the region; `undefined` when the Tagging API is refused. */
  private async regionTags(region: string): Promise<Map<string, Tag[]> | undefined> {
    const tags = new Map<string, Tag[]>();
    const pages = paginateGetResources(
      { client: this.session.clients.tagging(region), pageSize: PAGE, withCommand: this.session.guard(region, "tag") },
      { ResourceTypeFilters: ["rds:cluster-snapshot"] },
    );
    try {
      // The Tagging API ends its listing with an empty token, which ends the paginator too.
      for await (const page of pages) {
        for (const mapping of page.ResourceTagMappingList ?? []) {
          if (mapping.ResourceARN) tags.set(mapping.ResourceARN, (mapping.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })));
        }
      }
    } catch (error) {
      const failure = this.session.mapped(error, region, "tag", "GetResourcesCommand");
      if (failure.kind === "AccessDenied") return undefined;
      throw failure;
    }
    return tags;
  }

  listSnapshots(region: string): Promise<RegionListing> {
    return this.session.once(`listing/${region}`, async () => {
      const tagsPromise = this.regionTags(region);
      // Awaited below; marked handled now so a failure while listing does not also leave it unhandled.
      tagsPromise.catch(() => undefined);
      const snapshots: Snapshot[] = [];
      const pages = paginateDescribeDBClusterSnapshots({ client: this.session.clients.neptune(region), pageSize: PAGE, withCommand: this.session.guard(region, "rds") }, {});
      try {
        for await (const page of pages) {
          snapshots.push(...(plain<{ DBClusterSnapshots?: Snapshot[] }>(page).DBClusterSnapshots ?? []));
          this.progress({ kind: "snapshots", region, listed: snapshots.length });
        }
      } catch (error) {
        throw this.session.mapped(error, region, "rds", "DescribeDBClusterSnapshotsCommand");
      }
      // The Neptune endpoint lists every RDS-family cluster snapshot (Aurora, DocumentDB too) and
      // takes no engine filter: the others are listed as they are, without details.
      const neptune = snapshots.filter((s) => isNeptuneSnapshot(s) && typeof s.DBClusterSnapshotArn === "string");
      await this.addDetails(region, neptune, await tagsPromise);
      // A later lookup of one of these by id or ARN is answered from the listing. Each gets its own
      // copy, so a caller changing one answer cannot change another.
      for (const snapshot of neptune) {
        const answer = Promise.resolve(structuredClone(snapshot));
        for (const name of [snapshot.DBClusterSnapshotIdentifier, snapshot.DBClusterSnapshotArn]) {
          if (typeof name === "string") this.session.offer(snapshotKey(region, name), answer);
        }
      }
      return { region, snapshots };
    });
  }

  /** Each listed Neptune snapshot's tags and, for manual ones, share attributes. */
  private async addDetails(region: string, neptune: Snapshot[], tags: Map<string, Tag[]> | undefined): Promise<void> {
    let done = 0;
    await Promise.all(
      neptune.map(async (snapshot) => {
        const arn = snapshot.DBClusterSnapshotArn as string;
        // The Tagging API lists only resources that have (or had) tags: absent means none.
        const tagList = tags ? (tags.get(arn) ?? []) : await this.tagsOf(region, arn, false);
        if (tagList !== undefined) snapshot.TagList = tagList;
        // Automated snapshots cannot be shared, so they have no share attributes to read.
        if (snapshot.SnapshotType === "manual" && typeof snapshot.DBClusterSnapshotIdentifier === "string") {
          const command = new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: snapshot.DBClusterSnapshotIdentifier });
          const out = await this.session.send(region, "rds", command, this.session.clients.neptune(region));
          const result = plain<{ DBClusterSnapshotAttributesResult?: { DBClusterSnapshotAttributes?: Snapshot["DBClusterSnapshotAttributes"] } }>(out);
          snapshot.DBClusterSnapshotAttributes = result.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes ?? [];
        }
        this.progress({ kind: "details", region, done: ++done, total: neptune.length });
      }),
    );
  }
}
