// What one subject needs from a FactIndex (SPEC §2): a request's source, an existing target and its
// key; a snapshot's key. `undefined` facts stay unknown, so the rules say *unverified*.
import { acceptedSource, requestView } from "../model/view.js";
import { snapshotArnOf } from "../model/arn.js";
import type { Facts, Snapshot, Subject } from "../model/types.js";
import { sourceKeyOf } from "../model/snapshot.js";
import type { FactIndex, Place } from "./index.js";

/** The place a request's plain identifiers live: the destination region and account. */
export function destinationPlace(subject: Subject): Place | undefined {
  return subject.region === undefined ? undefined : { region: subject.region, account: subject.account };
}

export function requestFacts(index: FactIndex, subject: Subject): Facts {
  const view = requestView(subject);
  const place = destinationPlace(subject);
  const facts: Facts = {};
  const source = acceptedSource(view);
  if (source !== undefined && view.sourceText !== undefined) {
    const found = index.snapshot(view.sourceText, place);
    if (found !== undefined) facts.sourceSnapshot = found;
  }
  if (view.validTarget !== undefined && place !== undefined) {
    const found = index.snapshot(view.validTarget, place);
    if (found !== undefined) facts.targetSnapshot = found;
  }
  if (view.key?.ref !== undefined) {
    const found = index.key(view.key.text, subject.region, subject.account);
    if (found !== undefined) facts.key = found;
  }
  const sourceKeyId = sourceKeyOf(facts.sourceSnapshot);
  if (sourceKeyId !== undefined) {
    const at = snapshotPlace(facts.sourceSnapshot);
    const found = index.key(sourceKeyId, at.region, at.account);
    if (found !== undefined) facts.sourceKey = found;
  }
  return facts;
}


export function snapshotFacts(index: FactIndex, subject: Subject): Facts {
  const snapshot = subject.value as Snapshot;
  if (typeof snapshot?.KmsKeyId !== "string") return {};
  const found = index.key(snapshot.KmsKeyId, subject.region, subject.account);
  return found === undefined ? {} : { key: found };
}

/** A snapshot subject's region and account, from its ARN. */
export function snapshotPlace(snapshot: unknown): { region?: string; account?: string; arn?: string } {
  const arn = snapshotArnOf(snapshot);
  return arn ? { region: arn.region, account: arn.account, arn: (snapshot as Snapshot).DBClusterSnapshotArn as string } : {};
}
