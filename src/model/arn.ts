// ARN syntax for DB cluster snapshots: arn:PARTITION:rds:REGION:ACCOUNT:cluster-snapshot:ID.
// Syntax only: whether REGION exists in PARTITION is for the region table to say.
import { sourceIdentifierProblem } from "./identifiers.js";

export interface SnapshotArn {
  partition: string;
  region: string;
  account: string;
  /** The snapshot identifier, `rds:` prefix included for automated snapshots. */
  id: string;
}

/** A partition name: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, ... */
export const PARTITION_SHAPE = /^aws(-[a-z]+)*$/;
/** A region name: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`, ... */
export const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
export const ACCOUNT_SHAPE = /^\d{12}$/;

/** Parse a cluster-snapshot ARN; undefined when the text is not one (any part malformed). */
export function parseClusterSnapshotArn(text: string): SnapshotArn | undefined {
  if (!text.startsWith("arn:")) return undefined;
  const parts = text.split(":");
  // arn : partition : rds : region : account : cluster-snapshot : id (the id may hold `rds:`)
  if (parts.length < 7) return undefined;
  const [, partition, service, region, account, type] = parts as [string, string, string, string, string, string];
  const id = parts.slice(6).join(":");
  if (!PARTITION_SHAPE.test(partition) || service !== "rds" || !REGION_SHAPE.test(region)) return undefined;
  if (!ACCOUNT_SHAPE.test(account) || type !== "cluster-snapshot") return undefined;
  if (sourceIdentifierProblem(id) !== undefined) return undefined;
  return { partition, region, account, id };
}

/** True when the text starts like an ARN, so it is judged as one rather than as a plain id. */
export function looksLikeArn(text: string): boolean {
  return text.startsWith("arn:");
}

const arnOfSnapshot = new WeakMap<object, SnapshotArn | null>();

/**
 * The parsed `DBClusterSnapshotArn` of a snapshot object, parsed once per object: an audit of
 * 100,000 snapshots asks for each one's ARN in several places.
 */
export function snapshotArnOf(snapshot: unknown): SnapshotArn | undefined {
  if (typeof snapshot !== "object" || snapshot === null) return undefined;
  let arn = arnOfSnapshot.get(snapshot);
  if (arn === undefined) {
    const text = (snapshot as { DBClusterSnapshotArn?: unknown }).DBClusterSnapshotArn;
    arn = (typeof text === "string" ? parseClusterSnapshotArn(text) : undefined) ?? null;
    arnOfSnapshot.set(snapshot, arn);
  }
  return arn ?? undefined;
}
