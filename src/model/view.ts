// Each subject's members read once and classified, so that every rule agrees on what is valid and
// "one defect, one finding" holds: a rule reads only the parsed (valid) form of a value, and the one
// rule that owns its syntax reports it when malformed.
import { parseClusterSnapshotArn, snapshotArnOf, type SnapshotArn } from "./arn.js";
import { sourceIdentifierProblem, identifierProblem } from "./identifiers.js";
import { parseKmsKeyId, type KmsKeyRef } from "./kms.js";
import { isKnownRegion, partitionOf } from "./regions.js";
import type { Snapshot, Subject } from "./types.js";

export interface TagEntry {
  /** Index in the tag array. */
  index: number;
  /** The key when it is a string; entries with a non-string key are left to the schema rule. */
  key: string;
  /** The value when it is a string; undefined when absent (or not a string: a schema matter). */
  value?: string;
}

export interface TagSet {
  /** Pointer of the array relative to the subject: `/Tags` or `/TagList`. */
  pointer: string;
  /** Whether the member is present and an array. */
  present: boolean;
  /** Number of elements, well-formed or not. */
  count: number;
  entries: TagEntry[];
}

export interface KeyField {
  pointer: "/KmsKeyId";
  /** The string as given. */
  text: string;
  /** Parsed form; undefined when malformed (kms-key-format reports it). */
  ref?: KmsKeyRef;
  /** The region the key must live in: the destination (request) or the snapshot's own region. */
  requiredRegion?: string;
}

export type SourceRef = { kind: "id"; id: string } | { kind: "arn"; arn: SnapshotArn };

export interface RequestView {
  /** The request's members; empty when the subject is not an object (the schema rule says so). */
  members: Record<string, unknown>;
  isObject: boolean;
  target?: string;
  /** Target when it is a syntactically valid identifier. */
  validTarget?: string;
  sourceText?: string;
  /** Source when syntactically valid: a plain id or a parsed ARN. */
  source?: SourceRef;
  /** `SourceRegion` when it is a string. */
  sourceRegionText?: string;
  /** `SourceRegion` when it is a known region (of the destination's partition when that is known). */
  sourceRegion?: string;
  key?: KeyField;
  copyTags?: boolean;
  tags: TagSet;
  destinationRegion?: string;
  destinationAccount?: string;
  destinationPartition?: string;
  /** Where the source lives: ARN region, else valid SourceRegion, else (plain id) the destination. */
  sourceLocation: { region?: string; account?: string; partition?: string };
}

export interface SnapshotView {
  snapshot: Snapshot;
  isObject: boolean;
  arn?: SnapshotArn;
  region?: string;
  account?: string;
  key?: KeyField;
  tags: TagSet;
  encrypted?: boolean;
  /** Accounts in the `restore` attribute; undefined when the attributes were not gathered. */
  restoreAccounts?: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function readTags(value: unknown, pointer: string): TagSet {
  if (!Array.isArray(value)) return { pointer, present: false, count: 0, entries: [] };
  const entries: TagEntry[] = [];
  value.forEach((tag, index) => {
    if (!isRecord(tag) || typeof tag.Key !== "string") return;
    entries.push({ index, key: tag.Key, value: str(tag.Value) });
  });
  return { pointer, present: true, count: value.length, entries };
}

function readKey(value: unknown, requiredRegion: string | undefined): KeyField | undefined {
  if (typeof value !== "string") return undefined;
  return { pointer: "/KmsKeyId", text: value, ref: parseKmsKeyId(value), requiredRegion };
}

function readSource(text: string | undefined): SourceRef | undefined {
  if (text === undefined) return undefined;
  if (text.startsWith("arn:")) {
    const arn = parseClusterSnapshotArn(text);
    return arn ? { kind: "arn", arn } : undefined;
  }
  return sourceIdentifierProblem(text) === undefined ? { kind: "id", id: text } : undefined;
}

export function requestView(subject: Subject): RequestView {
  const isObject = isRecord(subject.value);
  const members = isObject ? (subject.value as Record<string, unknown>) : {};
  const destinationRegion = subject.region;
  const destinationPartition = destinationRegion === undefined ? undefined : partitionOf(destinationRegion);
  const target = str(members.TargetDBClusterSnapshotIdentifier);
  const sourceText = str(members.SourceDBClusterSnapshotIdentifier);
  const source = readSource(sourceText);
  const sourceRegionText = str(members.SourceRegion);
  const sourceRegion =
    sourceRegionText !== undefined && isKnownRegion(sourceRegionText, destinationPartition) ? sourceRegionText : undefined;

  let sourceLocation: RequestView["sourceLocation"];
  if (source?.kind === "arn") {
    sourceLocation = { region: source.arn.region, account: source.arn.account, partition: source.arn.partition };
  } else if (sourceRegionText !== undefined) {
    // A plain id names a snapshot of the caller's account; SourceRegion says which region (if valid).
    sourceLocation = { region: sourceRegion, account: subject.account, partition: sourceRegion && partitionOf(sourceRegion) };
  } else {
    sourceLocation = { region: destinationRegion, account: subject.account, partition: destinationPartition };
  }

  return {
    members,
    isObject,
    target,
    validTarget: target !== undefined && identifierProblem(target) === undefined ? target : undefined,
    sourceText,
    source,
    sourceRegionText,
    sourceRegion,
    key: readKey(members.KmsKeyId, destinationRegion),
    copyTags: typeof members.CopyTags === "boolean" ? members.CopyTags : undefined,
    tags: readTags(members.Tags, "/Tags"),
    destinationRegion,
    destinationAccount: subject.account,
    destinationPartition,
    sourceLocation,
  };
}

export function snapshotView(subject: Subject): SnapshotView {
  const isObject = isRecord(subject.value);
  const snapshot = (isObject ? subject.value : {}) as Snapshot;
  const arnText = str(snapshot.DBClusterSnapshotArn);
  const arn = arnText === undefined ? undefined : snapshotArnOf(snapshot);
  const region = arn?.region ?? subject.region;
  let restoreAccounts: string[] | undefined;
  if (Array.isArray(snapshot.DBClusterSnapshotAttributes)) {
    restoreAccounts = [];
    for (const attribute of snapshot.DBClusterSnapshotAttributes) {
      if (isRecord(attribute) && attribute.AttributeName === "restore" && Array.isArray(attribute.AttributeValues)) {
        restoreAccounts.push(...attribute.AttributeValues.filter((v): v is string => typeof v === "string"));
      }
    }
  }
  return {
    snapshot,
    isObject,
    arn,
    region,
    account: arn?.account ?? subject.account,
    key: readKey(snapshot.KmsKeyId, region),
    tags: readTags(snapshot.TagList, "/TagList"),
    encrypted: typeof snapshot.StorageEncrypted === "boolean" ? snapshot.StorageEncrypted : undefined,
    restoreAccounts,
  };
}

/** The tags of either kind of subject. */
export function tagsOf(view: { request?: RequestView; snapshot?: SnapshotView }): TagSet | undefined {
  return view.request?.tags ?? view.snapshot?.tags;
}

/** The KMS key of either kind of subject. */
export function keyOf(view: { request?: RequestView; snapshot?: SnapshotView }): KeyField | undefined {
  return view.request?.key ?? view.snapshot?.key;
}

/**
 * The request's source when the rules that own its syntax accept it: a valid plain id (with no
 * `SourceRegion`, or a valid one equal to the destination), or an ARN whose region is known in its
 * partition and whose partition is the destination's. Otherwise undefined: `source-identifier`,
 * `source-region` or `source-arn-required` reports the problem, and fact rules stay quiet.
 */
export function acceptedSource(request: RequestView): SourceRef | undefined {
  const { source } = request;
  if (source === undefined) return undefined;
  if (source.kind === "arn") {
    const { arn } = source;
    if (!isKnownRegion(arn.region, arn.partition)) return undefined;
    if (request.destinationPartition !== undefined && request.destinationPartition !== arn.partition) return undefined;
  } else if (request.sourceRegionText !== undefined) {
    if (request.sourceRegion === undefined) return undefined;
    if (request.destinationRegion !== undefined && request.sourceRegion !== request.destinationRegion) return undefined;
  }
  return source;
}
