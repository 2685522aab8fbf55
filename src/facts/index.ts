// Facts held in memory, as an inventory gives them or live lookups find them, and the one way to
// look up what a subject needs. Lookups follow SPEC §2: a snapshot is placed by its ARN; a request's
// source is found by ARN, or by identifier (without case) in the destination region and account; a
// region the index holds a complete listing of answers "absent" (null) for what it lacks.
import { parseClusterSnapshotArn, snapshotArnOf } from "../model/arn.js";
import { parseKmsKeyId, type KmsKeyRef } from "../model/kms.js";
import type { Facts, KeyMetadata, Snapshot } from "../model/types.js";

function lower(text: string): string {
  return text.toLowerCase();
}

/** Where a snapshot identifier is looked up: its region, and its account when known. */
export interface Place {
  region: string;
  account?: string;
}

export class FactIndex {
  /** By lower-cased ARN. */
  private readonly byArn = new Map<string, Snapshot>();
  /** By `region/lower(id)`: every snapshot of that id in the region, whatever its account. */
  private readonly byRegionId = new Map<string, Snapshot[]>();
  private readonly completeRegions = new Set<string>();
  /** Lookups known to have found nothing: `region/account/lower(id-or-arn)`. */
  private readonly absent = new Set<string>();
  private readonly keys: KeyMetadata[] = [];
  private readonly absentKeys = new Set<string>();

  addSnapshot(snapshot: Snapshot): void {
    const arn = snapshotArnOf(snapshot);
    if (arn === undefined) return;
    this.byArn.set(lower(snapshot.DBClusterSnapshotArn as string), snapshot);
    const key = `${arn.region}/${lower(arn.id)}`;
    const list = this.byRegionId.get(key);
    if (list) list.push(snapshot);
    else this.byRegionId.set(key, [snapshot]);
  }

  /** Say that the index holds every snapshot of the region: what it lacks there does not exist. */
  markRegionComplete(region: string): void {
    this.completeRegions.add(region);
  }

  /** Say that a lookup of this identifier or ARN in this place found nothing. */
  markAbsent(place: Place, idOrArn: string): void {
    this.absent.add(`${place.region}/${place.account ?? ""}/${lower(idOrArn)}`);
  }

  addKey(key: KeyMetadata): void {
    this.keys.push(key);
  }

  /** Say that DescribeKey in `region` found no key for this text. */
  markKeyAbsent(region: string, keyId: string): void {
    this.absentKeys.add(`${region}/${keyId}`);
  }

  /** A snapshot by ARN, or by identifier in a place; null when known absent; undefined when unknown. */
  snapshot(idOrArn: string, place: Place | undefined): Snapshot | null | undefined {
    const arn = parseClusterSnapshotArn(idOrArn);
    if (arn !== undefined) {
      const found = this.byArn.get(lower(idOrArn));
      if (found) return found;
      return this.isAbsent({ region: arn.region, account: arn.account }, idOrArn) ? null : undefined;
    }
    if (place === undefined) return undefined;
    const candidates = this.byRegionId.get(`${place.region}/${lower(idOrArn)}`) ?? [];
    const found = candidates.find((s) => place.account === undefined || accountOf(s) === place.account);
    if (found) return found;
    return this.isAbsent(place, idOrArn) ? null : undefined;
  }

  private isAbsent(place: Place, idOrArn: string): boolean {
    if (this.completeRegions.has(place.region)) return true;
    const id = lower(idOrArn);
    return this.absent.has(`${place.region}/${place.account ?? ""}/${id}`) || this.absent.has(`${place.region}//${id}`);
  }

  /** Key metadata for a `KmsKeyId` as used in `region` (and `account`, when known). */
  key(keyId: string, region: string | undefined, account?: string): KeyMetadata | null | undefined {
    const ref = parseKmsKeyId(keyId);
    if (ref === undefined) return undefined;
    const found = this.keys.find((k) => keyMatches(k, ref, region, account));
    if (found) return found;
    return region !== undefined && this.absentKeys.has(`${region}/${keyId}`) ? null : undefined;
  }

}

function accountOf(snapshot: Snapshot): string | undefined {
  return snapshotArnOf(snapshot)?.account;
}

function keyPlace(key: KeyMetadata): { region?: string; account?: string } {
  const arn = typeof key.Arn === "string" ? parseKmsKeyId(key.Arn) : undefined;
  return arn?.kind === "key-arn" ? { region: arn.region, account: arn.account } : {};
}

function keyMatches(key: KeyMetadata, ref: KmsKeyRef, region: string | undefined, account: string | undefined): boolean {
  const place = keyPlace(key);
  const aliases = Array.isArray(key.Aliases) ? key.Aliases : [];
  switch (ref.kind) {
    case "key-arn":
      return typeof key.Arn === "string" && key.Arn.toLowerCase() === `arn:${ref.partition}:kms:${ref.region}:${ref.account}:key/${ref.keyId}`.toLowerCase();
    case "alias-arn":
      return place.region === ref.region && place.account === ref.account && aliases.includes(ref.alias);
    case "key-id":
      return lower(String(key.KeyId ?? "")) === lower(ref.keyId) && sameish(place, region, account);
    case "alias":
      return aliases.includes(ref.alias) && sameish(place, region, account);
  }
}

/** A key id or alias name resolves in the caller's region and account: match those when known. */
function sameish(place: { region?: string; account?: string }, region: string | undefined, account: string | undefined): boolean {
  return (region === undefined || place.region === undefined || place.region === region) && (account === undefined || place.account === undefined || place.account === account);
}

export type { Facts };
