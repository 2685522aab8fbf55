import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { globOptionsProblem, matchesAny } from "../src/engine/glob.js";
import { keyOf, type KeyField } from "../src/model/view.js";
import type { KmsKeyRef } from "../src/model/kms.js";
import { parseKmsKeyId } from "../src/model/kms.js";
import type { KeyMetadata } from "../src/model/types.js";

export interface KmsKeyAllowedOptions {
  keys: string[];
}

interface Where {
  partition?: string;
  region?: string;
  account?: string;
}

/**
 * The names a key is known by: as written, as a full ARN when partition, region and account are known,
 * the key id or alias inside an ARN, and what the facts say. `complete` when no pattern could match a
 * name we do not know: with facts, or with a full ARN when every pattern is of the key's own form (an
 * alias pattern may match a key only through aliases we cannot see without facts, and vice versa).
 */
function namesOf(ref: KmsKeyRef, text: string, where: Where, metadata: KeyMetadata | null | undefined, keys: readonly string[]): { names: string[]; complete: boolean } {
  const names = new Set<string>([text]);
  const isAlias = ref.kind === "alias" || ref.kind === "alias-arn";
  let fullArn = ref.kind === "key-arn" || ref.kind === "alias-arn";
  if (ref.kind === "key-arn") names.add(ref.keyId);
  if (ref.kind === "alias-arn") names.add(ref.alias);
  if (!fullArn && where.partition && where.region && where.account) {
    const resource = ref.kind === "key-id" ? `key/${ref.keyId}` : ref.kind === "alias" ? ref.alias : undefined;
    if (resource) names.add(`arn:${where.partition}:kms:${where.region}:${where.account}:${resource}`);
    fullArn = true;
  }
  if (metadata) {
    if (typeof metadata.Arn === "string") names.add(metadata.Arn);
    if (typeof metadata.KeyId === "string") names.add(metadata.KeyId);
    const arn = typeof metadata.Arn === "string" ? parseKmsKeyId(metadata.Arn) : undefined;
    for (const alias of Array.isArray(metadata.Aliases) ? metadata.Aliases : []) {
      if (typeof alias !== "string") continue;
      names.add(alias);
      if (arn?.kind === "key-arn") names.add(`arn:${arn.partition}:kms:${arn.region}:${arn.account}:${alias}`);
    }
    return { names: [...names], complete: true };
  }
  // Without facts, a pattern can be decided when it names the key the way we know it: by the same
  // kind (alias or key), and — for an ARN pattern — when the full ARN is known.
  const decidable = keys.every((pattern) => {
    const aliasPattern = pattern.includes("alias/");
    const arnPattern = pattern.startsWith("arn:");
    return aliasPattern === isAlias && (!arnPattern || fullArn);
  });
  return { names: [...names], complete: decidable };
}

function judge(context: RuleContext<KmsKeyAllowedOptions>, key: KeyField, where: Where, metadata: KeyMetadata | null | undefined): void {
  if (key.ref === undefined) return;
  const { keys } = context.options;
  const { names, complete } = namesOf(key.ref, key.text, where, metadata, keys);
  if (names.some((name) => matchesAny(keys, name))) return;
  if (!complete) {
    if (metadata === undefined) context.unverified("key", "whether the KMS key is one the policy allows (its ARN and aliases are not known)");
    return;
  }
  context.report({ pointer: key.pointer, messageId: "notAllowed", data: { key: JSON.stringify(key.text), allowed: keys.map((k) => JSON.stringify(k)).join(", ") } });
}

export default defineRule<KmsKeyAllowedOptions>({
  id: "kms-key-allowed",
  summary: "Copies and snapshots must use a KMS key the policy allows",
  description: [
    "Option `keys` lists the KMS keys the organisation allows, as picomatch globs matched (case-sensitively)",
    "against every name the key is known by: the `KmsKeyId` as written; for a key id or alias name, the full",
    "ARN built from the destination partition, region and account when all are known; for an ARN, the key",
    "id or alias it holds; and, with facts (DescribeKey from `--inventory` or `--live`), the key's ARN, key",
    "id and aliases. So `arn:aws:kms:*:111122223333:alias/neptune-*` allows `alias/neptune-dr` in a plan",
    "for account 111122223333.",
    "",
    "A key that matches none of the globs is reported when no name it might also have could match: facts",
    "describe it, or every glob names keys the way the key is known — alias globs for an alias, key globs",
    "for a key (a key's aliases, and an alias's key, are known only from facts), and ARN globs only when",
    "the full ARN is known (written, or built from a known destination). Otherwise the rule gives its",
    "*unverified* warning rather than guess. A request without `KmsKeyId` keeps the source's key: the rule",
    "judges that key (the source's `KmsKeyId`) when facts about the source are given, and is *unverified*",
    "otherwise; an unencrypted source has no key to judge. A malformed key is `kms-key-format`'s business.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "off",
  configExample: '[error, { keys: ["arn:aws:kms:*:111122223333:alias/neptune-*"] }]',
  category: "kms",
  needs: ["key", "sourceSnapshot"],
  options: {
    type: "object",
    properties: {
      keys: {
        type: "array",
        items: { type: "string", minLength: 1 },
        minItems: 1,
        description: "Allowed keys: picomatch globs over key ARNs, key ids, alias names and alias ARNs",
      },
    },
    required: ["keys"],
    additionalProperties: false,
  },
  messages: {
    notAllowed: "The KMS key {{key}} is not one the policy allows ({{allowed}}).",
    inherited: "The copy would keep the source's KMS key {{key}}, which is not one the policy allows ({{allowed}}): set KmsKeyId to an allowed key.",
  },
  docs: [
    {
      title: "AWS KMS Developer Guide: Key identifiers (KeyId)",
      url: "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id",
    },
  ],
  checkOptions: (options) => globOptionsProblem(options, ["keys"]),
  check(context) {
    const { request, snapshot, facts } = context;
    if (snapshot !== undefined) {
      const key = snapshot.key;
      if (key !== undefined) judge(context, key, { partition: snapshot.arn?.partition, region: snapshot.region, account: snapshot.account }, facts.key);
      return;
    }
    if (request === undefined || !request.isObject) return;
    if (request.key !== undefined) {
      judge(context, request.key, { partition: request.destinationPartition, region: request.destinationRegion, account: request.destinationAccount }, facts.key);
      return;
    }
    if ("KmsKeyId" in request.members || request.source === undefined) return;
    const source = facts.sourceSnapshot;
    if (source === undefined) {
      context.unverified("sourceSnapshot", "whether the source's KMS key, which the copy would keep, is one the policy allows");
      return;
    }
    if (source === null || typeof source.KmsKeyId !== "string") return;
    const inherited = parseKmsKeyId(source.KmsKeyId);
    if (inherited === undefined) return;
    const { keys } = context.options;
    if (!namesOf(inherited, source.KmsKeyId, {}, undefined, keys).names.some((name) => matchesAny(keys, name))) {
      context.report({ pointer: "", messageId: "inherited", data: { key: JSON.stringify(source.KmsKeyId), allowed: keys.map((k) => JSON.stringify(k)).join(", ") } });
    }
  },
});
