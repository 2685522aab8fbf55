// Remediation by copying: for each audited snapshot whose KMS key or tags break the policy, a copy
// request that re-encrypts it with the policy's key for its region and carries repaired tags. An
// unencrypted snapshot cannot be fixed this way (AWS cannot encrypt by copying): it is listed apart.
import type { RemediationSettings } from "../model/policy.js";
import { snapshotArnOf } from "../model/arn.js";
import type { Snapshot, SubjectResult } from "../model/types.js";
import { tagTextProblem } from "../../rules/tag-format.js";
import { MAX_TAGS } from "../../rules/tag-limit.js";
import { reservedPrefix } from "../../rules/tag-reserved-prefix.js";
import kmsKeyUsable, { SNAPSHOT_KEY_STATE } from "../../rules/kms-key-usable.js";
import type { RuleCategory } from "../engine/rule.js";
import { AUTOMATED_PREFIX, MAX_IDENTIFIER_LENGTH } from "../model/identifiers.js";


export interface RemediationPlan {
  region: string;
  account: string;
  copies: { SourceDBClusterSnapshotIdentifier: string; TargetDBClusterSnapshotIdentifier: string; KmsKeyId?: string; CopyTags: false; Tags: { Key: string; Value: string }[] }[];
}

export interface Remediation {
  /** By file name (`ACCOUNT-REGION.json`). */
  plans: Map<string, RemediationPlan>;
  unfixable: { arn: string; reason: string }[];
}

/** The snapshot's tags with what the tag rules object to removed, then the policy's tags set. */
export function repairedTags(tagList: unknown, set: Record<string, string> = {}): { Key: string; Value: string }[] {
  const kept: { Key: string; Value: string }[] = [];
  const seen = new Set<string>(Object.keys(set));
  for (const tag of Array.isArray(tagList) ? tagList : []) {
    const key = (tag as { Key?: unknown })?.Key;
    const value = (tag as { Value?: unknown })?.Value ?? "";
    if (typeof key !== "string" || typeof value !== "string") continue;
    if (reservedPrefix(key) || reservedPrefix(value) || tagTextProblem(key, "key") || tagTextProblem(value, "value")) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ Key: key, Value: value });
  }
  const fixed = Object.entries(set).map(([Key, Value]) => ({ Key, Value }));
  return [...fixed, ...kept].slice(0, MAX_TAGS);
}

function targetId(id: string, suffix: string): string {
  const base = id.startsWith(AUTOMATED_PREFIX) ? id.slice(AUTOMATED_PREFIX.length) : id;
  return `${base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/** Whether remediation looks at a result at all: an error of a key, tag or encryption rule. */
export function remediable(result: SubjectResult, categoryOf: (ruleId: string) => RuleCategory | undefined): boolean {
  return result.findings.some((f) => {
    if (f.severity !== "error") return false;
    const category = categoryOf(f.ruleId);
    return category === "kms" || category === "tags" || category === "encryption";
  });
}

/**
 * What copying can do about a snapshot's errors is the rules' category: a key problem is re-encrypted
 * with the policy's key, a tag problem repaired, and no copy encrypts an unencrypted snapshot.
 */
export function planRemediation(
  results: readonly SubjectResult[],
  snapshotOf: (r: SubjectResult) => Snapshot | undefined,
  categoryOf: (ruleId: string) => RuleCategory | undefined,
  settings: RemediationSettings = {},
): Remediation {
  const plans = new Map<string, RemediationPlan>();
  const unfixable: Remediation["unfixable"] = [];
  const suffix = settings.targetSuffix === undefined ? "-remediated" : settings.targetSuffix.startsWith("-") ? settings.targetSuffix : `-${settings.targetSuffix}`;
  for (const result of results) {
    if (!remediable(result, categoryOf)) continue;
    const errors = result.findings.filter((f) => f.severity === "error");
    const categories = new Set(errors.map((f) => categoryOf(f.ruleId)));
    const kms = categories.has("kms");
    const tags = categories.has("tags");
    const unencrypted = categories.has("encryption");
    const snapshot = snapshotOf(result);
    const arn = snapshotArnOf(snapshot);
    if (snapshot === undefined) continue;
    if (arn === undefined || typeof snapshot.DBClusterSnapshotArn !== "string") {
      // Without a well-formed ARN the copy's region and account are unknown: say so, never drop it silently.
      const name = typeof snapshot.DBClusterSnapshotArn === "string" ? snapshot.DBClusterSnapshotArn : String(snapshot.DBClusterSnapshotIdentifier ?? `${result.file} snapshot ${result.index}`);
      unfixable.push({ arn: name, reason: "its DBClusterSnapshotArn is missing or not a well-formed cluster-snapshot ARN, so the region and account of a copy are unknown" });
      continue;
    }
    if (unencrypted || snapshot.StorageEncrypted === false) {
      unfixable.push({ arn: snapshot.DBClusterSnapshotArn, reason: "it is not encrypted, and copying cannot encrypt a snapshot: restore it to a cluster with encryption on and snapshot that" });
      continue;
    }
    const stuck = errors.find((f) => f.ruleId === kmsKeyUsable.id && f.messageId === SNAPSHOT_KEY_STATE);
    if (stuck) {
      unfixable.push({ arn: snapshot.DBClusterSnapshotArn, reason: `a copy must decrypt it with its own key, which cannot be used now (${stuck.message}) — enable the key or cancel its deletion, then plan again` });
      continue;
    }
    const key = settings.kmsKeys?.[arn.region];
    if (kms && key === undefined) {
      unfixable.push({ arn: snapshot.DBClusterSnapshotArn, reason: `its KMS key breaks the policy and the config names no remediation.kmsKeys key for ${arn.region}` });
      continue;
    }
    const file = `${arn.account}-${arn.region}.json`;
    const plan = plans.get(file) ?? { region: arn.region, account: arn.account, copies: [] };
    plan.copies.push({
      SourceDBClusterSnapshotIdentifier: snapshot.DBClusterSnapshotArn,
      TargetDBClusterSnapshotIdentifier: targetId(arn.id, suffix),
      ...(key !== undefined ? { KmsKeyId: key } : {}),
      CopyTags: false,
      Tags: repairedTags(snapshot.TagList, settings.tags),
    });
    plans.set(file, plan);
  }
  return { plans, unfixable };
}
