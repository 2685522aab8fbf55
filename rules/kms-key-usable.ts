import { defineRule, type Rule } from "../src/engine/rule.js";
import { sourceKeyOf } from "../src/model/snapshot.js";
import type { KeyMetadata } from "../src/model/types.js";
import { keyOf } from "../src/model/view.js";
import { isAwsManagedAlias, kmsKeyRegion, parseKmsKeyId } from "../src/model/kms.js";

export interface KmsKeyUsableOptions {
  customerManaged: boolean;
}

/** The message a snapshot whose own key cannot be used gets: copying cannot fix it (remediation asks). */
export const SNAPSHOT_KEY_STATE = "snapshotState";

export default defineRule<KmsKeyUsableOptions>({
  id: "kms-key-usable",
  summary: "The KMS key must exist, be enabled, be a symmetric encryption key and live in the required region",
  description: [
    "With facts about the key (KMS DescribeKey, from `--inventory` with `Keys` or `--live`), checks that the",
    "key named by `KmsKeyId` can encrypt the copy, or (for a snapshot) that the snapshot's key can still",
    "decrypt it:",
    "",
    "- the key must exist and be visible to the caller (AWS would answer `KMSKeyNotAccessibleFault`);",
    "- its `KeyState` must be `Enabled`: a key `Disabled`, `PendingDeletion`, `PendingImport` or",
    "  `Unavailable` cannot be used, and a snapshot whose key is pending deletion will become unreadable;",
    "- it must be a symmetric encryption key (`KeySpec` `SYMMETRIC_DEFAULT`, `KeyUsage` `ENCRYPT_DECRYPT`):",
    "  Neptune encrypts only with those;",
    "- the key's ARN in the facts must name the required region (the destination for a request, the",
    "  snapshot's own region for a snapshot). A `KmsKeyId` ARN that names another region is",
    "  `kms-key-region`'s business, and this rule says nothing more about that key.",
    "",
    "Option `customerManaged: true` also rejects AWS managed keys (`KeyManager: AWS`, or an alias under",
    "`alias/aws/` such as `alias/aws/rds`), whose key policy you cannot edit and which cannot be shared with",
    "another account. An `alias/aws/` alias is known to be AWS managed without facts.",
    "",
    "For a request, the rule also judges the **source snapshot's own key** (its `KmsKeyId`, from the source's",
    "facts): a copy must decrypt the source with it, so a source whose key is missing, `Disabled` or",
    "`PendingDeletion` cannot be copied (AWS refuses with `KMSKeyNotAccessibleFault`), whatever key the copy",
    "is encrypted with. That is a separate defect from the copy's own key, reported at the source",
    "(`/SourceDBClusterSnapshotIdentifier`); when the request has no `KmsKeyId` the copy keeps the source's",
    "key and this is the only finding. A source known unencrypted, or not found (`source-snapshot`), is not",
    "judged. (Added 2026-12-01: before, only the key named by the request was checked.)",
    "",
    "A malformed key is `kms-key-format`'s business. Without facts about the key, the rule gives its",
    "*unverified* warning.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "kms",
  needs: ["key", "sourceKey"],
  options: {
    type: "object",
    properties: {
      customerManaged: { type: "boolean", description: "Reject AWS managed keys (such as `alias/aws/rds`): only customer managed keys are allowed" },
    },
    additionalProperties: false,
  },
  defaults: { customerManaged: false },
  messages: {
    missing: "The KMS key {{key}} does not exist or is not accessible{{where}} (AWS would answer KMSKeyNotAccessibleFault).",
    state: "The KMS key {{key}} is {{state}}, not Enabled: it cannot be used to encrypt or decrypt.",
    snapshotState: "The snapshot's KMS key {{key}} is {{state}}, not Enabled: the snapshot cannot be restored or copied while it is.",
    notSymmetric: "The KMS key {{key}} is not a symmetric encryption key ({{what}}): Neptune encrypts only with SYMMETRIC_DEFAULT ENCRYPT_DECRYPT keys.",
    otherRegion: "The KMS key {{key}} resolves to a key in {{keyRegion}}, but it must be a key of {{region}}.",
    awsManaged: "The KMS key {{key}} is AWS managed: the policy requires a customer managed key.",
    sourceKeyMissing: "The source snapshot is encrypted with the KMS key {{key}}, which does not exist or is not accessible: the copy cannot decrypt the source (AWS would answer KMSKeyNotAccessibleFault).",
    sourceKeyState: "The source snapshot is encrypted with the KMS key {{key}}, which is {{state}}, not Enabled: the copy cannot decrypt the source until the key is enabled (or its deletion cancelled).",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (KmsKeyId, Errors)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    {
      title: "AWS KMS Developer Guide: Key states of AWS KMS keys",
      url: "https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html",
    },
    {
      title: "AWS KMS API: DescribeKey (KeyMetadata)",
      url: "https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html",
    },
  ],
  check(context) {
    checkSourceKey(context);
    checkKey(context);
  },
});

type Context = Parameters<Rule["check"]>[0] & { options: KmsKeyUsableOptions };

/** Key state as DescribeKey gives it (`Enabled: false` alone, in hand-written inventories, is "disabled"). */
function stateOf(metadata: KeyMetadata): string | undefined {
  return typeof metadata.KeyState === "string" ? metadata.KeyState : metadata.Enabled === false ? "disabled" : undefined;
}

/** The key the request's source is encrypted with: the copy must be able to decrypt with it. */
function checkSourceKey(context: Context): void {
  const source = context.facts.sourceSnapshot;
  const keyId = context.request ? sourceKeyOf(source) : undefined;
  if (keyId === undefined) return;
  const metadata = context.facts.sourceKey;
  if (metadata === undefined) {
    context.unverified("sourceKey", "whether the source snapshot's own KMS key can decrypt it");
    return;
  }
  const data = { key: JSON.stringify(keyId) };
  const pointer = "/SourceDBClusterSnapshotIdentifier";
  if (metadata === null) {
    context.report({ pointer, messageId: "sourceKeyMissing", data });
    return;
  }
  const state = stateOf(metadata);
  if (state !== undefined && state !== "Enabled") context.report({ pointer, messageId: "sourceKeyState", data: { ...data, state } });
}

function checkKey(context: Context): void {
  {
    const { facts, options } = context;
    const key = keyOf(context);
    if (key?.ref === undefined) return;
    const named = kmsKeyRegion(key.ref);
    if (named !== undefined && key.requiredRegion !== undefined && named !== key.requiredRegion) return;
    const data = { key: JSON.stringify(key.text) };
    if (options.customerManaged && isAwsManagedAlias(key.ref)) {
      context.report({ pointer: key.pointer, messageId: "awsManaged", data });
      return;
    }
    const metadata = facts.key;
    if (metadata === undefined) {
      context.unverified("key", "whether the KMS key exists, is enabled and lives in the required region");
      return;
    }
    if (metadata === null) {
      const where = key.requiredRegion === undefined ? "" : ` in ${key.requiredRegion}`;
      context.report({ pointer: key.pointer, messageId: "missing", data: { ...data, where } });
      return;
    }
    const factRegion = typeof metadata.Arn === "string" ? parseKmsKeyId(metadata.Arn) : undefined;
    const keyRegion = factRegion && kmsKeyRegion(factRegion);
    if (keyRegion !== undefined && key.requiredRegion !== undefined && keyRegion !== key.requiredRegion) {
      context.report({ pointer: key.pointer, messageId: "otherRegion", data: { ...data, keyRegion, region: key.requiredRegion } });
      return;
    }
    const state = stateOf(metadata);
    if (state !== undefined && state !== "Enabled") {
      context.report({ pointer: key.pointer, messageId: context.snapshot ? SNAPSHOT_KEY_STATE : "state", data: { ...data, state } });
      return;
    }
    const notSymmetric = [
      typeof metadata.KeySpec === "string" && metadata.KeySpec !== "SYMMETRIC_DEFAULT" ? `KeySpec ${metadata.KeySpec}` : undefined,
      typeof metadata.KeyUsage === "string" && metadata.KeyUsage !== "ENCRYPT_DECRYPT" ? `KeyUsage ${metadata.KeyUsage}` : undefined,
    ].filter((x): x is string => x !== undefined);
    if (notSymmetric.length > 0) {
      context.report({ pointer: key.pointer, messageId: "notSymmetric", data: { ...data, what: notSymmetric.join(", ") } });
      return;
    }
    if (options.customerManaged && metadata.KeyManager === "AWS") {
      context.report({ pointer: key.pointer, messageId: "awsManaged", data });
    }
  }
}
