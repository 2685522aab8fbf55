// What counts as a Neptune snapshot, said once for the listing, the facts and the audit.
import type { Snapshot } from "./types.js";

/**
 * Only Neptune snapshots are judged: the RDS endpoint that Neptune shares also lists Aurora and
 * DocumentDB snapshots, which other policies govern. A snapshot without `Engine` is taken as Neptune.
 */
export function isNeptuneSnapshot(value: unknown): boolean {
  const engine = (value as Snapshot | null)?.Engine;
  return typeof value !== "object" || value === null || engine === undefined || engine === "neptune";
}

/** The key an encrypted snapshot is encrypted with, when it names one (a copy must decrypt with it). */
export function sourceKeyOf(source: Snapshot | null | undefined): string | undefined {
  if (!source || source.StorageEncrypted !== true || typeof source.KmsKeyId !== "string") return undefined;
  return source.KmsKeyId;
}
