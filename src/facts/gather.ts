// Live listing for audit and export: every region's snapshots, then each distinct KMS key of a
// Neptune snapshot once.
import type { AwsFacts, RegionListing } from "../aws/types.js";
import { FactIndex } from "./index.js";
import type { KeyMetadata } from "../model/types.js";
import { snapshotArnOf } from "../model/arn.js";
import { isNeptuneSnapshot } from "../audit.js";

export interface LiveInventory {
  listings: RegionListing[];
  keys: KeyMetadata[];
  index: FactIndex;
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
