// A snapshot copy's tags as the AWS provider sends them: `tags_all`, the resource's `tags` merged over
// its provider's `default_tags` (provider 5.x: `getTagsIn` in internal/service/rds/cluster_snapshot_copy.go
// tags the copy with tags_all). Each tag remembers where a user would change it: the resource's own
// `tags`, or the provider's `default_tags` block in the plan's configuration.
import { KNOWN_AFTER_APPLY } from "../model/types.js";
import { escapeSegment } from "../model/pointer.js";
import { isRecord, type DefaultTags, type Json } from "./terraform-config.js";

export interface PlannedTag {
  key: string;
  value: unknown;
  /** Absolute pointer of the tag in the plan. */
  pointer: string;
  /** The value is known only after apply. */
  unknown: boolean;
}

/** The tags the copy will carry, or `unknown` when not even their keys are known before apply. */
export type PlannedTags = { tags: PlannedTag[]; listPointer: string } | { unknown: true; listPointer: string } | undefined;

/**
 * Terraform writes `tags_all` into `after` when it knows all of it; when one value is unknown the
 * whole `tags_all` is (`after_unknown.tags_all: true`), and then the merge is made here from the
 * resource's known tags, its unknown ones (`after_unknown.tags = {KEY: true}`, KEY absent from
 * `after.tags`) and the provider's constant default_tags.
 */
export function plannedTags(after: Json, afterUnknown: Json, base: string, defaults: DefaultTags): PlannedTags {
  const own = isRecord(after.tags) ? after.tags : {};
  const ownUnknown = afterUnknown.tags;
  const where = (key: string): string => {
    if (key in own || (isRecord(ownUnknown) && ownUnknown[key] === true)) return `${base}/tags/${escapeSegment(key)}`;
    const fromDefaults = defaults && "tags" in defaults ? defaults.tags.get(key) : undefined;
    return fromDefaults?.pointer ?? `${base}/tags_all/${escapeSegment(key)}`;
  };
  if (isRecord(after.tags_all) && afterUnknown.tags_all !== true) {
    const all = after.tags_all;
    const keys = Object.keys(all);
    if (keys.length === 0) return undefined;
    return { tags: keys.map((key) => ({ key, value: all[key], pointer: where(key), unknown: false })), listPointer: `${base}/tags_all` };
  }
  const listPointer = `${base}/tags`;
  if (ownUnknown === true || (defaults !== undefined && "unknown" in defaults)) return { unknown: true, listPointer };
  const merged = new Map<string, PlannedTag>();
  if (defaults) for (const [key, d] of defaults.tags) merged.set(key, { key, value: d.value, pointer: d.pointer, unknown: false });
  for (const [key, value] of Object.entries(own)) merged.set(key, { key, value, pointer: where(key), unknown: false });
  if (isRecord(ownUnknown)) for (const [key, u] of Object.entries(ownUnknown)) if (u === true) merged.set(key, { key, value: KNOWN_AFTER_APPLY, pointer: where(key), unknown: true });
  if (merged.size === 0) return undefined;
  return { tags: [...merged.values()], listPointer };
}

/** The tags as a request's `Tags` member, with the relative pointers of values known only after apply. */
export function requestTags(planned: PlannedTags): { Tags?: unknown; unknown: string[] } {
  if (planned === undefined) return { unknown: [] };
  if ("unknown" in planned) return { Tags: KNOWN_AFTER_APPLY, unknown: ["/Tags"] };
  return {
    Tags: planned.tags.map((t) => ({ Key: t.key, Value: t.value })),
    unknown: planned.tags.flatMap((t, i) => (t.unknown ? [`/Tags/${i}/Value`] : [])),
  };
}

/** Pointers of the tags an in-place update changes: the tags added or changed, or the whole list when keys come or go. */
export function changedTags(before: Json, planned: PlannedTags): string[] {
  const was = isRecord(before.tags_all) ? before.tags_all : isRecord(before.tags) ? before.tags : {};
  if (planned === undefined) return Object.keys(was).length > 0 ? ["/Tags"] : [];
  if ("unknown" in planned) return ["/Tags"];
  const keys = new Set(planned.tags.map((t) => t.key));
  const added = planned.tags.some((t) => !(t.key in was));
  const removed = Object.keys(was).some((k) => !keys.has(k));
  if (added || removed) return ["/Tags"];
  return planned.tags.flatMap((t, i) => (t.unknown || was[t.key] !== t.value ? [`/Tags/${i}`] : []));
}
