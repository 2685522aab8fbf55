// Terraform plans (`terraform show -json PLAN`, read as Terraform 1.11 writes it with the AWS provider
// 5.100.0): every aws_rds_cluster_snapshot_copy that a plan creates, replaces or updates becomes a copy
// request, every aws_neptune_cluster_snapshot a snapshot, each located in the plan at its
// `change.after` values. A copy shared by `shared_accounts` also becomes the snapshot it will be, so
// that the share rules judge it. Deletes, forgets, reads and no-ops are not checked.
//
// Where a copy lands: the region of its provider configuration. Provider 5.x calls
// CopyDBClusterSnapshot with the provider's own regional client; `destination_region` only signs the
// presigned URL (internal/service/rds/cluster_snapshot_copy.go, Create, in terraform-provider-aws
// 5.x). Provider 6.x adds a `region` argument to every resource, which wins when the plan has it.
import { KNOWN_AFTER_APPLY, type SubjectKind } from "../model/types.js";
import { configResource, defaultTags, isRecord, providerOf, providerRegion, type Json } from "./terraform-config.js";
import { changedTags, plannedTags, requestTags, type PlannedTags } from "./terraform-tags.js";

export const TERRAFORM_COPY = "aws_rds_cluster_snapshot_copy";
export const TERRAFORM_SNAPSHOT = "aws_neptune_cluster_snapshot";

/** Request members by provider argument name. */
const COPY_ARGUMENTS: Record<string, string> = {
  source_db_cluster_snapshot_identifier: "SourceDBClusterSnapshotIdentifier",
  target_db_cluster_snapshot_identifier: "TargetDBClusterSnapshotIdentifier",
  kms_key_id: "KmsKeyId",
  copy_tags: "CopyTags",
  presigned_url: "PreSignedUrl",
};

export interface TerraformSubject {
  kind: SubjectKind;
  index: number;
  /** Pointer of the resource's planned values: `/resource_changes/N/change/after`. */
  pointer: string;
  value: Json;
  /** The full resource address, with module path and instance key. */
  address: string;
  /** Where the copy lands (or the snapshot lives), when the plan says it. */
  region?: string;
  /** Why the region cannot be known from the plan (then `region` is undefined). */
  regionProblem?: string;
  /** Relative pointers of values known only after apply (KNOWN_AFTER_APPLY stands there). */
  unknown: string[];
  /** For an in-place update: the relative pointers it changes. */
  changed?: string[];
  /** The plan deletes the snapshot with this identifier before making it again (a replacement, delete first). */
  replacesExisting?: boolean;
  /** Request members the resource has no argument for. */
  inexpressible: string[];
  /** A pointer into the subject (`/KmsKeyId`, `/Tags/1/Key`) as an absolute pointer into the plan. */
  mapPointer(relative: string): string;
}

export function isTerraformPlan(value: unknown): boolean {
  if (!isRecord(value) || typeof value.format_version !== "string") return false;
  // -refresh-only plans and plans of empty configurations have no resource_changes at all.
  return Array.isArray(value.resource_changes) || (isRecord(value.planned_values) && isRecord(value.configuration));
}

type Lifecycle = { kind: "create"; replacesExisting: boolean } | { kind: "update" };

/** What a planned change does to the resource, if it is one to check; `identifier` names its snapshot. */
function lifecycleOf(actions: unknown, before: Json, after: Json, identifier: string): Lifecycle | undefined {
  const list = Array.isArray(actions) ? actions.join(",") : "";
  if (list === "create" || list === "create,delete") return { kind: "create", replacesExisting: false };
  if (list === "update") return { kind: "update" };
  if (list !== "delete,create") return undefined;
  const was = before[identifier];
  const will = after[identifier];
  const same = typeof was === "string" && typeof will === "string" && was.toLowerCase() === will.toLowerCase();
  return { kind: "create", replacesExisting: same };
}

/** Everything a subject builder needs about one planned change. */
interface Change {
  plan: Json;
  change: Json;
  index: number;
  address: string;
  before: Json;
  after: Json;
  afterUnknown: Json;
  base: string;
  lifecycle: Lifecycle;
  place: { region?: string; regionProblem?: string };
  provider?: { key: string; provider: Json };
}

/** The region a resource's operations run in: its own `region` argument (6.x), else its provider's. */
function placeOf(plan: Json, c: Pick<Change, "after" | "afterUnknown" | "provider">): { region?: string; regionProblem?: string } {
  if (typeof c.after.region === "string" && c.after.region !== "") return { region: c.after.region };
  if (c.afterUnknown.region === true) return { regionProblem: "its region argument is known only after apply" };
  if (!c.provider) return { regionProblem: "the plan does not say which provider configuration it uses" };
  const found = providerRegion(plan, c.provider.key, c.provider.provider);
  return "region" in found ? { region: found.region } : { regionProblem: found.problem };
}

function readChange(plan: Json, change: Json, index: number, identifier: string): Change | undefined {
  const detail = isRecord(change.change) ? change.change : {};
  const before = isRecord(detail.before) ? detail.before : {};
  const after = isRecord(detail.after) ? detail.after : {};
  const lifecycle = lifecycleOf(detail.actions, before, after, identifier);
  if (lifecycle === undefined) return undefined;
  const afterUnknown = isRecord(detail.after_unknown) ? detail.after_unknown : {};
  const address = typeof change.address === "string" ? change.address : `${String(change.type)}.${String(change.name)}`;
  const provider = providerOf(plan, configResource(plan, change));
  const place = placeOf(plan, { after, afterUnknown, provider });
  return { plan, change, index, address, before, after, afterUnknown, base: `/resource_changes/${index}/change/after`, lifecycle, place, provider };
}

function known(c: Change, argument: string): boolean {
  return c.after[argument] !== undefined && c.after[argument] !== null && c.afterUnknown[argument] !== true;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The copy request a planned aws_rds_cluster_snapshot_copy makes. */
function copySubject(c: Change, index: number, tags: PlannedTags): TerraformSubject {
  const value: Json = {};
  const unknown: string[] = [];
  const pointers = new Map<string, string>();
  const changed: string[] = [];
  for (const [argument, member] of Object.entries(COPY_ARGUMENTS)) {
    pointers.set(`/${member}`, `${c.base}/${argument}`);
    if (known(c, argument)) value[member] = c.after[argument];
    else if (c.afterUnknown[argument] === true) {
      value[member] = KNOWN_AFTER_APPLY;
      unknown.push(`/${member}`);
    }
    if (c.lifecycle.kind === "update" && (c.afterUnknown[argument] === true || !sameValue(c.before[argument] ?? null, c.after[argument] ?? null))) changed.push(`/${member}`);
  }
  const fromTags = requestTags(tags);
  if (fromTags.Tags !== undefined) value.Tags = fromTags.Tags;
  unknown.push(...fromTags.unknown);
  if (c.lifecycle.kind === "update") changed.push(...changedTags(c.before, tags));
  const tagList = tags && "tags" in tags ? tags.tags : [];
  return {
    kind: "request",
    index,
    pointer: c.base,
    value,
    address: c.address,
    ...c.place,
    unknown,
    ...(c.lifecycle.kind === "update" ? { changed } : {}),
    ...(c.lifecycle.kind === "create" && c.lifecycle.replacesExisting ? { replacesExisting: true } : {}),
    // SourceRegion exists for the AWS CLI and boto3; the provider presigns by itself and has no such argument.
    inexpressible: ["SourceRegion"],
    mapPointer(relative) {
      const tag = /^\/Tags\/(\d+)(\/(Key|Value))?$/.exec(relative);
      if (tag) return tagList[Number(tag[1])]?.pointer ?? tags?.listPointer ?? `${c.base}/tags`;
      if (relative === "/Tags" || relative.startsWith("/Tags/")) return tags?.listPointer ?? `${c.base}/tags`;
      const member = /^(\/[^/]+)(.*)$/.exec(relative);
      const mapped = member ? pointers.get(member[1]!) : undefined;
      return mapped !== undefined ? mapped + member![2] : c.base + relative;
    },
  };
}

/**
 * The snapshot a copy becomes once Terraform shares it (`shared_accounts`, sent as
 * ModifyDBClusterSnapshotAttribute `restore` after the copy): only its share is judged here, the
 * rest is the request's business.
 */
function shareSubject(c: Change, index: number): TerraformSubject | undefined {
  const shared = c.after.shared_accounts;
  if (!Array.isArray(shared) || shared.length === 0) return undefined;
  if (c.lifecycle.kind === "update" && sameValue(c.before.shared_accounts ?? null, shared)) return undefined;
  const unknownItems = Array.isArray(c.afterUnknown.shared_accounts) ? c.afterUnknown.shared_accounts : [];
  const values = shared.map((account, j) => (unknownItems[j] === true ? KNOWN_AFTER_APPLY : account));
  const value: Json = { SnapshotType: "manual", DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: values }] };
  if (known(c, "target_db_cluster_snapshot_identifier")) value.DBClusterSnapshotIdentifier = c.after.target_db_cluster_snapshot_identifier;
  return {
    kind: "snapshot",
    index,
    pointer: c.base,
    value,
    address: c.address,
    ...c.place,
    unknown: values.flatMap((v, j) => (v === KNOWN_AFTER_APPLY ? [`/DBClusterSnapshotAttributes/0/AttributeValues/${j}`] : [])),
    changed: ["/DBClusterSnapshotAttributes"],
    inexpressible: [],
    mapPointer(relative) {
      const item = /^\/DBClusterSnapshotAttributes\/0\/AttributeValues\/(\d+)/.exec(relative);
      if (item) return `${c.base}/shared_accounts/${item[1]}`;
      return relative.startsWith("/DBClusterSnapshotAttributes") ? `${c.base}/shared_accounts` : c.base + relative;
    },
  };
}

/** The Neptune cluster a planned snapshot is taken of, when this plan creates or changes it. */
function clusterOf(c: Change, changes: readonly Json[]): { after: Json; afterUnknown: Json; base: string } | undefined {
  const prefix = typeof c.change.module_address === "string" ? `${c.change.module_address}.` : "";
  const expression = configResource(c.plan, c.change)?.resource.expressions;
  const refs = isRecord(expression) && isRecord(expression.db_cluster_identifier) && Array.isArray(expression.db_cluster_identifier.references) ? expression.db_cluster_identifier.references : [];
  const byReference = refs.map((r) => (typeof r === "string" ? /^(aws_neptune_cluster\.[\w-]+(\[[^\]]+\])?)/.exec(r)?.[1] : undefined)).find(Boolean);
  const id = c.after.db_cluster_identifier;
  const i = changes.findIndex((change) => {
    if (change.type !== "aws_neptune_cluster") return false;
    if (byReference !== undefined) return change.address === prefix + byReference;
    const after = isRecord(change.change) && isRecord(change.change.after) ? change.change.after : {};
    return typeof id === "string" && after.cluster_identifier === id;
  });
  if (i < 0) return undefined;
  const detail = isRecord(changes[i]!.change) ? (changes[i]!.change as Json) : {};
  return { after: isRecord(detail.after) ? detail.after : {}, afterUnknown: isRecord(detail.after_unknown) ? detail.after_unknown : {}, base: `/resource_changes/${i}/change/after` };
}

/** A planned aws_neptune_cluster_snapshot: its encryption is its cluster's. */
function snapshotSubject(c: Change, index: number, changes: readonly Json[]): TerraformSubject {
  const cluster = clusterOf(c, changes);
  const value: Json = { SnapshotType: "manual" };
  const unknown: string[] = [];
  const pointers = new Map<string, string>([["/DBClusterSnapshotIdentifier", `${c.base}/db_cluster_snapshot_identifier`]]);
  if (known(c, "db_cluster_snapshot_identifier")) value.DBClusterSnapshotIdentifier = c.after.db_cluster_snapshot_identifier;
  if (known(c, "db_cluster_identifier")) value.DBClusterIdentifier = c.after.db_cluster_identifier;
  const take = (member: string, own: string, fromCluster: string) => {
    if (known(c, own)) {
      value[member] = c.after[own];
      pointers.set(`/${member}`, `${c.base}/${own}`);
    } else if (cluster && cluster.after[fromCluster] !== undefined && cluster.after[fromCluster] !== null && cluster.afterUnknown[fromCluster] !== true) {
      value[member] = cluster.after[fromCluster];
      pointers.set(`/${member}`, `${cluster.base}/${fromCluster}`);
    } else if (c.afterUnknown[own] === true && (!cluster || cluster.afterUnknown[fromCluster] === true)) {
      value[member] = KNOWN_AFTER_APPLY;
      unknown.push(`/${member}`);
    }
  };
  take("StorageEncrypted", "storage_encrypted", "storage_encrypted");
  // An unencrypted snapshot has no key, known or not.
  if (value.StorageEncrypted !== false) take("KmsKeyId", "kms_key_id", "kms_key_arn");
  // A snapshot Terraform creates is shared with nobody (the resource has no sharing argument).
  value.DBClusterSnapshotAttributes = [{ AttributeName: "restore", AttributeValues: [] }];
  return {
    kind: "snapshot",
    index,
    pointer: c.base,
    value,
    address: c.address,
    ...c.place,
    unknown,
    ...(c.lifecycle.kind === "update" ? { changed: [] } : {}),
    inexpressible: [],
    mapPointer(relative) {
      const member = /^(\/[^/]+)(.*)$/.exec(relative);
      const mapped = member ? pointers.get(member[1]!) : undefined;
      return mapped !== undefined ? mapped + member![2] : c.base + relative;
    },
  };
}

export function terraformSubjects(plan: Json): TerraformSubject[] {
  const changes = (Array.isArray(plan.resource_changes) ? plan.resource_changes : []).filter(isRecord);
  const subjects: TerraformSubject[] = [];
  changes.forEach((change, i) => {
    if (change.mode !== undefined && change.mode !== "managed") return;
    if (change.type === TERRAFORM_COPY) {
      const c = readChange(plan, change, i, "target_db_cluster_snapshot_identifier");
      if (!c) return;
      const tags = plannedTags(c.after, c.afterUnknown, c.base, c.provider ? defaultTags(c.provider.key, c.provider.provider) : undefined);
      subjects.push(copySubject(c, subjects.length, tags));
      const share = shareSubject(c, subjects.length);
      if (share) subjects.push(share);
    } else if (change.type === TERRAFORM_SNAPSHOT) {
      const c = readChange(plan, change, i, "db_cluster_snapshot_identifier");
      if (c) subjects.push(snapshotSubject(c, subjects.length, changes));
    }
  });
  return subjects;
}
