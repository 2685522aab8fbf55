// What the rest of the tool asks of AWS. Only src/aws/ imports the SDK, and lazily (see ./index.ts),
// so an offline lint never loads it. Everything crossing this boundary is plain data.
import type { KeyMetadata, Snapshot } from "../model/types.js";

export interface AwsOptions {
  /** --profile: a named profile of the shared config and credentials files. */
  profile?: string;
  /** --endpoint-url: one endpoint for every service, as in the AWS CLI (tests: the loopback emulator). */
  endpointUrl?: string;
  /** --concurrency: at most this many calls in flight at once in each region (default 8). */
  concurrency?: number;
  /** Attempts per call, counting the first (default: the SDK's adaptive retry with 5 attempts). */
  maxAttempts?: number;
  /** --connect-timeout: milliseconds to establish a connection (default 5 000). */
  connectTimeoutMs?: number;
  /** --read-timeout: milliseconds one attempt may take from sending to the whole answer (default 30 000). */
  requestTimeoutMs?: number;
  /** Told about progress of long listings (e.g. to draw a progress line on a TTY). */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { kind: "snapshots"; region: string; listed: number }
  | { kind: "details"; region: string; done: number; total: number };

/** One region's snapshots with what audit and export add: tags, share attributes (manual only). */
export interface RegionListing {
  region: string;
  snapshots: Snapshot[];
}

export interface AwsFacts {
  /** The caller's account (STS GetCallerIdentity), fetched once. */
  callerAccount(): Promise<string>;
  /**
   * One snapshot by identifier (in `region`, the caller's account) or ARN (shared snapshots),
   * with its TagList. `null` when AWS says DBClusterSnapshotNotFoundFault. Cached per region and id.
   */
  describeSnapshot(region: string, identifierOrArn: string): Promise<Snapshot | null>;
  /** KMS DescribeKey in `region` for a key id, key ARN, alias name or alias ARN; `null` when NotFound. Cached. */
  describeKey(region: string, keyId: string): Promise<KeyMetadata | null>;
  /**
   * Every snapshot of the region visible to the caller (pages of 100), each with TagList (Resource
   * Groups Tagging API, falling back to ListTagsForResource) and, for manual snapshots only,
   * DBClusterSnapshotAttributes.
   */
  listSnapshots(region: string): Promise<RegionListing>;
  /** KMS ListAliases of the region, every page (100 a page), for inventories. Cached. */
  listAliases(region: string): Promise<KmsAlias[]>;
}

/** One KMS alias as ListAliases returns it (alias names are per region and account). */
export interface KmsAlias {
  AliasName?: string;
  AliasArn?: string;
  TargetKeyId?: string;
}

/** Why an AWS call could not be made; the CLI prints `message` and exits 2. */
export class AwsError extends Error {
  constructor(
    message: string,
    /** AccessDenied, ExpiredToken, NoCredentials, NoNeptune, Throttled, ServiceError… */
    readonly kind: string,
    /** The IAM action refused, for AccessDenied. */
    readonly action?: string,
  ) {
    super(message);
  }
}

/** The API members of CopyDBClusterSnapshot the tool sends (never SourceRegion or PreSignedUrl). */
export interface CopyInput {
  SourceDBClusterSnapshotIdentifier: string;
  TargetDBClusterSnapshotIdentifier: string;
  KmsKeyId?: string;
  CopyTags?: boolean;
  Tags?: { Key: string; Value: string }[];
}

export type CopyOutcome = { snapshot: Snapshot } | { error: { code: string; message: string } };

/**
 * What `copy` asks of AWS besides facts: start a copy, and look at a snapshot afresh (no cache).
 * Faults that concern one copy come back as `{ error }`; anything else is thrown as an AwsError
 * (`isFatal` tells whether the run must stop).
 */
export interface AwsCopier {
  copySnapshot(region: string, input: CopyInput): Promise<CopyOutcome>;
  /** The snapshot as AWS sees it now; null when it does not exist. `signal` abandons the call. */
  pollSnapshot(region: string, identifier: string, signal?: AbortSignal): Promise<Snapshot | null>;
}
