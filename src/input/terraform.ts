// Terraform plans (`terraform show -json PLAN`, the JSON output format): every planned
// aws_rds_cluster_snapshot_copy becomes a copy request, every aws_neptune_cluster_snapshot a
// snapshot, each located in the plan at its `change.after` values. Arguments map to the API's
// members as the AWS provider documents them; a value Terraform knows only after apply is left out.
import { escapeSegment } from "../model/pointer.js";
import { KNOWN_AFTER_APPLY } from "../model/types.js";

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
const ARGUMENT_OF: Record<string, string> = Object.fromEntries(Object.entries(COPY_ARGUMENTS).map(([a, m]) => [m, a]));

export interface TerraformSubject {
  kind: "request" | "snapshot";
  index: number;
  /** Pointer of the resource's planned values: `/resource_changes/N/change/after`. */
  pointer: string;
  value: Record<string, unknown>;
  address: string;
  /** The destination region the plan gives: the resource's `region`, `destination_region`, or its provider's. */
  region?: string;
  /** Pointers of request members whose values are known only after apply (KNOWN_AFTER_APPLY stands there). */
  unknown: string[];
  /** Request members the resource has no argument for. */
  inexpressible: string[];
  /** A pointer into the request (`/KmsKeyId`, `/Tags/1/Key`) as a pointer into the planned values. */
  mapPointer(relative: string): string;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isTerraformPlan(value: unknown): boolean {
  return isRecord(value) && typeof value.format_version === "string" && Array.isArray(value.resource_changes);
}

/** The region a provider configuration sets, when the plan records it as a constant. */
function providerRegion(plan: Json, address: string): string | undefined {
  const configuration = isRecord(plan.configuration) ? plan.configuration : {};
  const providers = isRecord(configuration.provider_config) ? configuration.provider_config : {};
  const resources = isRecord(configuration.root_module) && Array.isArray(configuration.root_module.resources) ? configuration.root_module.resources : [];
  const resource = resources.find((r) => isRecord(r) && r.address === address) as Json | undefined;
  const key = typeof resource?.provider_config_key === "string" ? resource.provider_config_key : "aws";
  const provider = providers[key];
  const region = isRecord(provider) && isRecord(provider.expressions) && isRecord(provider.expressions.region) ? provider.expressions.region.constant_value : undefined;
  return typeof region === "string" ? region : undefined;
}

function known(after: Json, unknown: Json, argument: string): boolean {
  return after[argument] !== undefined && after[argument] !== null && unknown[argument] !== true;
}

/** Neptune clusters the plan creates, by identifier: what it knows of their encryption. */
function plannedClusters(changes: Json[]): Map<string, Json> {
  const clusters = new Map<string, Json>();
  for (const c of changes) {
    const after = isRecord(c.change) && isRecord(c.change.after) ? c.change.after : undefined;
    if (c.type === "aws_neptune_cluster" && after && typeof after.cluster_identifier === "string") clusters.set(after.cluster_identifier, after);
  }
  return clusters;
}

export function terraformSubjects(plan: Json): TerraformSubject[] {
  const changes = (plan.resource_changes as unknown[]).filter(isRecord);
  const clusters = plannedClusters(changes);
  const subjects: TerraformSubject[] = [];
  changes.forEach((change, i) => {
    const type = change.type;
    if (type !== TERRAFORM_COPY && type !== TERRAFORM_SNAPSHOT) return;
    const detail = isRecord(change.change) ? change.change : {};
    const actions = Array.isArray(detail.actions) ? detail.actions : [];
    if (!actions.includes("create") && !actions.includes("update")) return;
    const after = isRecord(detail.after) ? detail.after : {};
    const unknownValues = isRecord(detail.after_unknown) ? detail.after_unknown : {};
    const address = typeof change.address === "string" ? change.address : `${String(type)}.${String(change.name)}`;
    const pointer = `/resource_changes/${i}/change/after`;
    const ownRegion = [after.region, after.destination_region].find((r) => typeof r === "string" && r !== "") as string | undefined;
    const region = ownRegion ?? providerRegion(plan, address);
    if (type === TERRAFORM_COPY) {
      const value: Json = {};
      const unknown: string[] = [];
      for (const [argument, member] of Object.entries(COPY_ARGUMENTS)) {
        if (known(after, unknownValues, argument)) value[member] = after[argument];
        else if (unknownValues[argument] === true) {
          value[member] = KNOWN_AFTER_APPLY;
          unknown.push(`/${member}`);
        }
      }
      const tags = isRecord(after.tags) ? after.tags : undefined;
      const tagKeys = tags ? Object.keys(tags) : [];
      if (tags) value.Tags = tagKeys.map((Key) => ({ Key, Value: tags[Key] }));
      subjects.push({
        kind: "request",
        index: subjects.length,
        pointer,
        value,
        address,
        region,
        unknown,
        // SourceRegion exists for the AWS CLI and boto3; the provider presigns by itself and has no such argument.
        inexpressible: ["SourceRegion"],
        mapPointer(relative) {
          const tag = /^\/Tags\/(\d+)(\/(Key|Value))?$/.exec(relative);
          if (tag) {
            const key = tagKeys[Number(tag[1])];
            return key === undefined ? "/tags" : `/tags/${escapeSegment(key)}`;
          }
          if (relative.startsWith("/Tags")) return "/tags";
          const member = /^\/([^/]+)(.*)$/.exec(relative);
          return member && ARGUMENT_OF[member[1]!] ? `/${ARGUMENT_OF[member[1]!]}${member[2]}` : relative;
        },
      });
    } else {
      const cluster = typeof after.db_cluster_identifier === "string" ? clusters.get(after.db_cluster_identifier) : undefined;
      const value: Json = {};
      if (typeof after.db_cluster_snapshot_identifier === "string") value.DBClusterSnapshotIdentifier = after.db_cluster_snapshot_identifier;
      if (typeof after.db_cluster_identifier === "string") value.DBClusterIdentifier = after.db_cluster_identifier;
      // The snapshot's encryption is its cluster's: from the snapshot when known, else from the cluster the plan creates.
      const encrypted = known(after, unknownValues, "storage_encrypted") ? after.storage_encrypted : cluster?.storage_encrypted;
      if (typeof encrypted === "boolean") value.StorageEncrypted = encrypted;
      const key = known(after, unknownValues, "kms_key_id") ? after.kms_key_id : cluster?.kms_key_arn;
      if (typeof key === "string" && key !== "") value.KmsKeyId = key;
      value.SnapshotType = "manual";
      // A snapshot Terraform creates is shared with nobody (the resource has no sharing argument).
      value.DBClusterSnapshotAttributes = [{ AttributeName: "restore", AttributeValues: [] }];
      subjects.push({
        kind: "snapshot",
        index: subjects.length,
        pointer,
        value,
        address,
        region,
        unknown: [],
        inexpressible: [],
        mapPointer: (relative) => (relative === "/StorageEncrypted" ? "/storage_encrypted" : relative === "/KmsKeyId" ? "/kms_key_id" : relative),
      });
    }
  });
  return subjects;
}
