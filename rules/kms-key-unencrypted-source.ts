import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { acceptedSource } from "../src/model/view.js";

export default defineRule({
  id: "kms-key-unencrypted-source",
  summary: "A copy of an unencrypted snapshot cannot name a KMS key",
  description: [
    "AWS cannot encrypt an unencrypted snapshot by copying it: *if you try to copy an unencrypted DB",
    "cluster snapshot and specify a value for the KmsKeyId parameter, an error is returned*. To get an",
    "encrypted copy of unencrypted data, restore the snapshot to a cluster with encryption on and snapshot",
    "that cluster.",
    "",
    "The rule needs facts about the source (`--inventory` or `--live`): it reports a well-formed `KmsKeyId`",
    "when they show `StorageEncrypted: false`. Without facts, and only when a key is given, it gives its",
    "*unverified* warning. A malformed key is `kms-key-format`'s business; a missing source is",
    "`source-snapshot`'s.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "encryption",
  needs: ["sourceSnapshot"],
  options: NO_OPTIONS,
  messages: {
    unencrypted:
      "The source snapshot {{source}} is not encrypted, and AWS cannot encrypt a snapshot by copying it: remove KmsKeyId (the copy would fail).",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (KmsKeyId)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  check(context) {
    const { request, facts } = context;
    if (request?.key?.ref === undefined || acceptedSource(request) === undefined) return;
    const source = facts.sourceSnapshot;
    if (source === undefined) {
      context.unverified("sourceSnapshot", "whether the source snapshot is encrypted, as a copy that names a KMS key requires");
      return;
    }
    if (source?.StorageEncrypted === false) {
      context.report({ pointer: request.key.pointer, messageId: "unencrypted", data: { source: JSON.stringify(request.sourceText) } });
    }
  },
});
