// One action per request, decided from its findings and live facts, before anything is changed:
// an existing target is never overwritten (skipped when it is already this copy, a conflict
// otherwise), a request with a finding at error severity is refused, the rest are planned.
import type { CopyInput } from "../aws/types.js";
import type { Facts, Finding, Snapshot, Subject, SubjectResult } from "../model/types.js";

export type Outcome = "refused" | "planned" | "skipped" | "conflict" | "started" | "available" | "failed" | "not-started";

export interface CopyItem {
  file: string;
  index: number;
  /** Target identifier, or null when the request has none. */
  id: string | null;
  /** Destination region, or null when none could be found. */
  region: string | null;
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

export function planCopy(subject: Subject, facts: Facts, result: SubjectResult): CopyItem {
  const request = (typeof subject.value === "object" && subject.value !== null ? subject.value : {}) as Record<string, unknown>;
  const item: CopyItem = {
    file: result.file,
    index: result.index,
    id: result.id,
    region: result.region,
    outcome: "refused",
    source: typeof request.SourceDBClusterSnapshotIdentifier === "string" ? request.SourceDBClusterSnapshotIdentifier : null,
    findings: result.findings,
  };
  const target = facts.targetSnapshot;
  if (target) {
    if (isCopyOf(target, facts.sourceSnapshot)) return { ...item, outcome: "skipped", reason: "the target already exists as a copy of this source", status: target.Status };
    return { ...item, outcome: "conflict", reason: "a different snapshot already has the target identifier; it is never overwritten" };
  }
  if (result.findings.some((f) => f.severity === "error")) return { ...item, reason: "findings at error severity" };
  if (subject.region === undefined) return { ...item, reason: "no destination region is known" };
  if (facts.sourceSnapshot === undefined || facts.targetSnapshot === undefined) {
    return { ...item, reason: "live facts about the source and the target could not be gathered" };
  }
  return { ...item, outcome: "planned", input: copyInput(request) };
}
