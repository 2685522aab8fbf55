import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { kmsKeyRegion } from "../src/model/kms.js";
import { keyOf } from "../src/model/view.js";

export default defineRule({
  id: "kms-key-region",
  summary: "The KMS key must live in the region where the snapshot copy will live",
  description: [
    "KMS keys are regional. A copy is encrypted with a key of its **destination** region, and a snapshot with a",
    "key of its own region: a `KmsKeyId` ARN that names another region makes CopyDBClusterSnapshot fail",
    "(`KMSKeyNotAccessibleFault`). Only ARNs name a region; key ids and alias names resolve in the region of",
    "the call, so they always pass this rule (`kms-key-usable` checks them with facts).",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "kms",
  needs: ["destinationRegion"],
  options: NO_OPTIONS,
  messages: {
    otherRegion: "The KMS key is in {{keyRegion}}, but the copy will live in {{region}}: use a key of {{region}}.",
    snapshotOtherRegion: "The snapshot is encrypted with a KMS key in {{keyRegion}}, but lives in {{region}}.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (KmsKeyId)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  check(context) {
    const key = keyOf(context);
    const keyRegion = key?.ref && kmsKeyRegion(key.ref);
    if (key === undefined || keyRegion === undefined) return;
    if (key.requiredRegion === undefined) {
      context.unverified("destinationRegion", "the KMS key's region against the destination region");
      return;
    }
    if (keyRegion !== key.requiredRegion) {
      context.report({
        pointer: key.pointer,
        messageId: context.request ? "otherRegion" : "snapshotOtherRegion",
        data: { keyRegion, region: key.requiredRegion },
      });
    }
  },
});
