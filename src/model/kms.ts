// The forms a KmsKeyId may take (KMS "key identifiers"): key id (UUID or multi-Region `mrk-` id),
// key ARN, alias name (`alias/...`) or alias ARN.
import { ACCOUNT_SHAPE, PARTITION_SHAPE, REGION_SHAPE } from "./arn.js";

export type KmsKeyRef =
  | { kind: "key-id"; keyId: string }
  | { kind: "key-arn"; keyId: string; partition: string; region: string; account: string }
  | { kind: "alias"; alias: string }
  | { kind: "alias-arn"; alias: string; partition: string; region: string; account: string };

const KEY_ID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/;
/** Alias names: `alias/` then letters, digits, `/`, `_`, `-`; 256 characters at most in all. */
const ALIAS = /^alias\/[A-Za-z0-9/_-]+$/;
const MAX_ALIAS_LENGTH = 256;

function isAlias(text: string): boolean {
  return text.length <= MAX_ALIAS_LENGTH && ALIAS.test(text);
}

export function parseKmsKeyId(text: string): KmsKeyRef | undefined {
  if (KEY_ID.test(text)) return { kind: "key-id", keyId: text };
  if (isAlias(text)) return { kind: "alias", alias: text };
  if (!text.startsWith("arn:")) return undefined;
  const parts = text.split(":");
  if (parts.length !== 6) return undefined;
  const [, partition, service, region, account, resource] = parts as [string, string, string, string, string, string];
  if (!PARTITION_SHAPE.test(partition) || service !== "kms" || !REGION_SHAPE.test(region) || !ACCOUNT_SHAPE.test(account)) {
    return undefined;
  }
  if (resource.startsWith("key/") && KEY_ID.test(resource.slice(4))) {
    return { kind: "key-arn", keyId: resource.slice(4), partition, region, account };
  }
  if (isAlias(resource)) return { kind: "alias-arn", alias: resource, partition, region, account };
  return undefined;
}

/** Region named by the reference, when it is an ARN. */
export function kmsKeyRegion(ref: KmsKeyRef): string | undefined {
  return ref.kind === "key-arn" || ref.kind === "alias-arn" ? ref.region : undefined;
}

/** AWS managed keys are reached through aliases under `alias/aws/` (e.g. `alias/aws/rds`). */
export function isAwsManagedAlias(ref: KmsKeyRef): boolean {
  return (ref.kind === "alias" || ref.kind === "alias-arn") && ref.alias.startsWith("alias/aws/");
}
