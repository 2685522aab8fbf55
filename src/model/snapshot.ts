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
