// One action per request, decided from its findings and live facts, before anything is changed:
// an existing target is never overwritten (skipped when it is already this copy and available, in
// progress while that copy is still being made, failed when it failed, a conflict otherwise), a
// request with a finding at error severity is refused, and so is every request of a run that shares
// its target with another; the rest are planned.
import type { CopyInput } from "../aws/types.js";
import type { Facts, Finding, Snapshot, Subject, SubjectResult } from "../model/types.js";
import { duplicateTargetFinding } from "../../rules/target-exists.js";

export type Outcome = "refused" | "planned" | "skipped" | "conflict" | "in-progress" | "started" | "available" | "failed" | "not-started";

export interface CopyItem {
  file: string;
  index: number;
  /** Target identifier, or null when the request has none. */
  id: string | null;
  /** Destination region, or null when none could be found. */
  region: string | null;
  /** Destination account, when known (copies in progress are limited per region and account). */
  account?: string;
  /** JSON pointer of the request in its file. */
  pointer?: string;
  outcome: Outcome;
  /** The source as written in the request. */
  source: string | null;
  /** Why, in one sentence, for outcomes other than planned/started/available. */
  reason?: string;
  findings: Finding[];
  /** What CopyDBClusterSnapshot is (or was) sent. */
  input?: CopyInput;
  error?: { code: string; message: string };
  status?: string;
  percentProgress?: number;
  /** The last transient fault while looking at this copy (said if the wait runs out). */
  lastError?: string;
}

function sameArn(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

/** The API members of the request, and nothing else (SourceRegion and PreSignedUrl stay behind). */
export function copyInput(request: Record<string, unknown>): CopyInput {
  const input: CopyInput = {
    SourceDBClusterSnapshotIdentifier: String(request.SourceDBClusterSnapshotIdentifier),
    TargetDBClusterSnapshotIdentifier: String(request.TargetDBClusterSnapshotIdentifier),
  };
  if (typeof request.KmsKeyId === "string") input.KmsKeyId = request.KmsKeyId;
  if (typeof request.CopyTags === "boolean") input.CopyTags = request.CopyTags;
  if (Array.isArray(request.Tags)) input.Tags = request.Tags as CopyInput["Tags"];
  return input;
}

/** Whether an existing target is the copy this request would make. */
export function isCopyOf(target: Snapshot, source: Snapshot | null | undefined): boolean {
  return sameArn(target.SourceDBClusterSnapshotArn, source?.DBClusterSnapshotArn);
}

/** Snapshot statuses from which a copy will not become available. */
export const FAILED_STATUSES: ReadonlySet<string> = new Set(["failed", "incompatible-restore", "deleting"]);

/** An existing target that is this request's copy: done, still being made, or failed. */
export function existingCopy(item: CopyItem, target: Snapshot): CopyItem {
  const status = target.Status;
  const seen = { ...item, status, ...(target.PercentProgress !== undefined ? { percentProgress: target.PercentProgress } : {}) };
  if (status === "available" || status === undefined) return { ...seen, outcome: "skipped", reason: "the target already exists as a copy of this source" };
  if (status !== undefined && FAILED_STATUSES.has(status)) {
    return { ...seen, outcome: "failed", reason: "the target is a copy of this source that did not complete", error: { code: `Status:${status}`, message: `the existing copy's status is ${status}` } };
  }
  return { ...seen, outcome: "in-progress", reason: `a copy of this source to this target is in progress (${status})` };
}

export function planCopy(subject: Subject, facts: Facts, result: SubjectResult): CopyItem {
  const request = (typeof subject.value === "object" && subject.value !== null ? subject.value : {}) as Record<string, unknown>;
  const item: CopyItem = {
    file: result.file,
    index: result.index,
    id: result.id,
    region: result.region,
    ...(subject.account !== undefined ? { account: subject.account } : {}),
    pointer: subject.pointer,
    outcome: "refused",
    source: typeof request.SourceDBClusterSnapshotIdentifier === "string" ? request.SourceDBClusterSnapshotIdentifier : null,
    findings: result.findings,
  };
  const target = facts.targetSnapshot;
  if (target) {
    if (isCopyOf(target, facts.sourceSnapshot)) return existingCopy(item, target);
    return { ...item, outcome: "conflict", reason: "a different snapshot already has the target identifier; it is never overwritten" };
  }
  if (result.findings.some((f) => f.severity === "error")) return { ...item, reason: "findings at error severity" };
  if (subject.region === undefined) return { ...item, reason: "no destination region is known" };
  if (facts.sourceSnapshot === undefined || facts.targetSnapshot === undefined) {
    return { ...item, reason: "live facts about the source and the target could not be gathered" };
  }
  return { ...item, outcome: "planned", input: copyInput(request) };
}

/** Where a copy lands: AWS limits copies in progress per destination region and account. */
export function destinationOf(item: Pick<CopyItem, "region" | "account">): string {
  return `${item.region ?? ""}/${item.account ?? ""}`;
}

/**
 * Requests of one run that would make the same target (identifiers compare without case) in the same
 * destination: each is refused with a finding, before anything starts, whatever else was planned.
 */
export function refuseDuplicateTargets(items: CopyItem[], place: (item: CopyItem, finding: Finding) => Finding = (_item, f) => f): void {
  const byTarget = new Map<string, CopyItem[]>();
  for (const item of items) {
    if (item.id === null || item.region === null) continue;
    const key = `${destinationOf(item)}/${item.id.toLowerCase()}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), item]);
  }
  for (const group of byTarget.values()) {
    if (group.length < 2) continue;
    for (const item of group) {
      item.findings = [...item.findings, place(item, duplicateTargetFinding(item.pointer ?? "", item.id!, item.region!, group.length))];
      item.outcome = "refused";
      item.reason = "another request of this run has the same target";
      delete item.input;
      delete item.error;
    }
  }
}
