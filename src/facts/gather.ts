// Live listing for audit and export: every region's snapshots, then each distinct KMS key of a
// Neptune snapshot once.
import type { AwsFacts, KmsAlias, RegionListing } from "../aws/types.js";
import { FactIndex } from "./index.js";
import type { KeyMetadata } from "../model/types.js";
import { snapshotArnOf } from "../model/arn.js";
import { isNeptuneSnapshot } from "../model/snapshot.js";

export interface LiveInventory {
  listings: RegionListing[];
  keys: KeyMetadata[];
  index: FactIndex;
}

/**
 * The aliases of the regions listed, for an inventory (export): one ListAliases listing per region,
 * only of the aliases that point at a key (those that name none cannot answer a lookup).
 */
export async function gatherAliases(aws: AwsFacts, regions: readonly string[]): Promise<KmsAlias[]> {
  const lists = await Promise.all(regions.map((region) => aws.listAliases(region)));
  return lists.flat().filter((a) => typeof a.TargetKeyId === "string" && typeof a.AliasArn === "string").sort((a, b) => String(a.AliasArn).localeCompare(String(b.AliasArn)));
}

export async function gatherLive(aws: AwsFacts, regions: readonly string[]): Promise<LiveInventory> {
  const listings = await Promise.all(regions.map((region) => aws.listSnapshots(region)));
  const index = new FactIndex();
  const wanted = new Map<string, { region: string; keyId: string }>();
  for (const listing of listings) {
    index.markRegionComplete(listing.region);
    for (const snapshot of listing.snapshots) {
      index.addSnapshot(snapshot);
      // Only what is judged is asked about: Aurora and DocumentDB snapshots are listed, never audited.
      if (typeof snapshot.KmsKeyId !== "string" || !isNeptuneSnapshot(snapshot)) continue;
      const arn = snapshotArnOf(snapshot);
      const region = arn?.region ?? listing.region;
      wanted.set(`${region}/${snapshot.KmsKeyId}`, { region, keyId: snapshot.KmsKeyId });
    }
  }
  const keys: KeyMetadata[] = [];
  await Promise.all(
    [...wanted.values()].map(async ({ region, keyId }) => {
      const found = await aws.describeKey(region, keyId);
      if (found === null) index.markKeyAbsent(region, keyId);
      else if (!keys.some((k) => k.Arn === found.Arn)) {
        keys.push(found);
        index.addKey(found);
      }
    }),
  );
  keys.sort((a, b) => String(a.Arn).localeCompare(String(b.Arn)));
  return { listings, keys, index };
}
