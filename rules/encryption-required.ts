import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { acceptedSource } from "../src/model/view.js";

export default defineRule({
  id: "encryption-required",
  summary: "Snapshots and their copies must be encrypted",
  description: [
    "A copy is encrypted exactly when its source is: with `KmsKeyId` when given, otherwise with the",
    "source's own key. AWS cannot encrypt an unencrypted snapshot by copying it, so an unencrypted source",
    "always gives an unencrypted copy.",
    "",
    "- For a **request**, the rule needs facts about the source (`--inventory` or `--live`): it reports the",
    "  request when they show `StorageEncrypted: false`. A request that names a well-formed `KmsKeyId` gives",
    "  an encrypted copy or none at all (AWS refuses the key for an unencrypted source, which",
    "  `kms-key-unencrypted-source` reports), so it passes without facts. A request with no `KmsKeyId` and no",
    "  facts (or facts that lack `StorageEncrypted`) gets the *unverified* warning.",
    "- For a **snapshot**, it reports `StorageEncrypted: false`. A snapshot without `StorageEncrypted` passes",
    "  when it has a `KmsKeyId` (only encrypted snapshots have one) and is *unverified* otherwise.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "encryption",
  needs: ["sourceSnapshot"],
  options: NO_OPTIONS,
  messages: {
    copyUnencrypted:
      "The source snapshot {{source}} is not encrypted, so its copy would not be either (AWS cannot encrypt by copying): " +
      "restore it to an encrypted cluster and copy a snapshot of that.",
    snapshotUnencrypted: "The snapshot is not encrypted (StorageEncrypted is false).",
  },
  docs: [
    {
      title: "Neptune User Guide: Encrypting Neptune resources at rest",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html",
    },
    {
      title: "Neptune API: CopyDBClusterSnapshot (KmsKeyId)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  check(context) {
    const { request, snapshot, facts } = context;
    if (snapshot !== undefined) {
      if (!snapshot.isObject) return;
      if (snapshot.encrypted === false) {
        context.report({ pointer: "/StorageEncrypted", messageId: "snapshotUnencrypted" });
      } else if (snapshot.encrypted === undefined && snapshot.key === undefined) {
        context.unverified("sourceSnapshot", "whether the snapshot is encrypted (it has no StorageEncrypted member)");
      }
      return;
    }
    if (request === undefined || acceptedSource(request) === undefined) return;
    const source = facts.sourceSnapshot;
    if (source === null) return;
    if (source?.StorageEncrypted === false) {
      context.report({
        pointer: "/SourceDBClusterSnapshotIdentifier",
        messageId: "copyUnencrypted",
        data: { source: JSON.stringify(request.sourceText) },
      });
      return;
    }
    if (source?.StorageEncrypted === true || request.key?.ref !== undefined) return;
    context.unverified("sourceSnapshot", "whether the copy will be encrypted (the request names no KmsKeyId)");
  },
});
