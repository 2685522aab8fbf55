// Where facts come from: nothing (offline lint), an inventory file, or live AWS.
import { AwsError, type AwsFacts } from "../aws/types.js";
import { acceptedSource, requestView } from "../model/view.js";
import { kmsKeyRegion } from "../model/kms.js";
import { sourceKeyOf } from "../model/snapshot.js";
import type { Facts, Subject } from "../model/types.js";
import { FactIndex } from "./index.js";
import { destinationPlace, requestFacts, snapshotFacts, snapshotPlace } from "./lookup.js";

export interface FactSource {
  /** Where the facts come from (what a not-run notice advises). */
  origin: "inventory" | "live";
  /** Facts for a request subject: its source, an existing target, its KMS key. */
  forRequest(subject: Subject): Promise<Facts>;
  /** Facts for a snapshot subject: its own KMS key. */
  forSnapshot(subject: Subject): Facts;
}

/** Facts from what an index already holds (an inventory, or a live listing gathered up front). */
export function indexFacts(index: FactIndex, origin: FactSource["origin"] = "inventory"): FactSource {
  return { origin, forRequest: async (subject) => requestFacts(index, subject), forSnapshot: (subject) => snapshotFacts(index, subject) };
}

/**
 * Facts looked up live, each distinct thing once (the AWS layer caches by region and id), into an
 * index, so that lookups agree with the inventory path to the letter.
 */
export function liveFacts(aws: AwsFacts): FactSource {
  const index = new FactIndex();
  // The promise is kept, not just the fact that a fetch began: requests checked at once share it.
  const pending = new Map<string, Promise<void>>();
  const once = (key: string, fetch: () => Promise<void>): Promise<void> => {
    let promise = pending.get(key);
    if (promise === undefined) {
      promise = fetch();
      pending.set(key, promise);
    }
    return promise;
  };
  const snapshot = (region: string, idOrArn: string, account?: string) =>
    once(`s/${region}/${idOrArn.toLowerCase()}`, async () => {
      const found = await aws.describeSnapshot(region, idOrArn);
      if (found) index.addSnapshot(found);
      else index.markAbsent({ region, account }, idOrArn);
    });
  const key = (region: string, keyId: string, foreign = false) =>
    once(`k/${region}/${keyId}`, async () => {
      let found;
      try {
        found = await aws.describeKey(region, keyId);
      } catch (error) {
        // Another account's key may not be ours to describe: then the fact stays unknown.
        if (foreign && error instanceof AwsError && error.kind === "AccessDenied") return;
        throw error;
      }
      if (found === null) index.markKeyAbsent(region, keyId);
      // DescribeKey does not echo the alias it was asked by; remember it so lookups by alias find the key.
      else index.addKey(keyId.includes("alias/") ? { ...found, Aliases: [...(found.Aliases ?? []), keyId.slice(keyId.indexOf("alias/"))] } : found);
    });

  return {
    origin: "live",
    forSnapshot: (subject) => snapshotFacts(index, subject),
    async forRequest(subject) {
      const view = requestView(subject);
      const place = destinationPlace(subject);
      const jobs: Promise<void>[] = [];
      const source = acceptedSource(view);
      if (source?.kind === "arn" && view.sourceText !== undefined) jobs.push(snapshot(source.arn.region, view.sourceText, source.arn.account));
      else if (source?.kind === "id" && place !== undefined) jobs.push(snapshot(place.region, source.id));
      if (view.validTarget !== undefined && place !== undefined) jobs.push(snapshot(place.region, view.validTarget));
      const ref = view.key?.ref;
      const keyRegion = ref && (kmsKeyRegion(ref) ?? place?.region);
      if (view.key !== undefined && keyRegion !== undefined) jobs.push(key(keyRegion, view.key.text));
      await Promise.all(jobs);
      // The source's own key, once the source is known: the copy must decrypt with it.
      const known = requestFacts(index, subject).sourceSnapshot;
      const sourceKey = sourceKeyOf(known);
      const at = snapshotPlace(known);
      if (sourceKey !== undefined && at.region !== undefined) await key(at.region, sourceKey, at.account !== subject.account);
      return requestFacts(index, subject);
    },
  };
}
