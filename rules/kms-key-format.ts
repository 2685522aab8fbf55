import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { keyOf } from "../src/model/view.js";

export default defineRule({
  id: "kms-key-format",
  summary: "KmsKeyId must be a KMS key id, key ARN, alias name or alias ARN",
  description: [
    "`KmsKeyId` takes any of the four KMS key identifiers, and nothing else:",
    "",
    "- a **key id**: a UUID such as `1234abcd-12ab-34cd-56ef-1234567890ab`, or a multi-Region key id, `mrk-`",
    "  followed by 32 hexadecimal digits;",
    "- a **key ARN**: `arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID`;",
    "- an **alias name**: `alias/` followed by letters, digits, `/`, `_` and `-` (256 characters at most);",
    "- an **alias ARN**: `arn:PARTITION:kms:REGION:ACCOUNT:alias/NAME`.",
    "",
    "Anything else (an empty string, a bare alias without `alias/`, an ARN of another service, a truncated",
    "UUID) makes the copy fail. Only this rule judges a malformed key: `kms-key-region`, `kms-key-usable`",
    "and `kms-key-allowed` stay quiet about it. A `KmsKeyId` that is not a string is `request-schema`'s",
    "business. For snapshots, the rule checks the `KmsKeyId` that DescribeDBClusterSnapshots returned.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "kms",
  needs: [],
  options: NO_OPTIONS,
  messages: {
    empty: "KmsKeyId is empty: give a KMS key id, key ARN, alias name or alias ARN, or leave the member out.",
    malformed:
      "KmsKeyId {{key}} is not a KMS key id (UUID or mrk- and 32 hex digits), key ARN, alias name (alias/...) or alias ARN.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (KmsKeyId)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    {
      title: "AWS KMS Developer Guide: Key identifiers (KeyId)",
      url: "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id",
    },
  ],
  check(context) {
    const key = keyOf(context);
    if (key === undefined || key.ref !== undefined) return;
    context.report({
      pointer: key.pointer,
      messageId: key.text === "" ? "empty" : "malformed",
      data: { key: JSON.stringify(key.text) },
    });
  },
});
