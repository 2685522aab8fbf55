import { defineRule, type RuleContext } from "../src/engine/rule.js";
import type { FixOp } from "../src/model/types.js";
import { acceptedSource } from "../src/model/view.js";

/** The fix: the key the config's `remediation.kmsKeys` names for the destination region, when it names one. */
function policyKey(context: RuleContext<KmsKeyRequiredOptions>): FixOp | undefined {
  const region = context.request?.destinationRegion;
  const key = region === undefined ? undefined : context.remediation?.kmsKeys?.[region];
  return key === undefined ? undefined : { op: "add", pointer: "/KmsKeyId", value: key };
}

export interface KmsKeyRequiredOptions {
  always: boolean;
}

export default defineRule<KmsKeyRequiredOptions>({
  id: "kms-key-required",
  summary: "A copy from another region or account must name its KMS key",
  description: [
    "When the source snapshot lives in another region or another account, AWS cannot reuse the source's",
    "KMS key, and CopyDBClusterSnapshot requires `KmsKeyId`: *to copy an encrypted DB cluster snapshot to",
    "another AWS Region, you must set KmsKeyId*, and *if you copy an encrypted DB cluster snapshot that is",
    "shared from another AWS account, then you must specify a value for KmsKeyId*.",
    "",
    "Only a source given by its ARN can be in another region or account (a plain identifier names a",
    "snapshot of the caller's account in the destination region). The rule compares the ARN's region with",
    "the destination region and its account with the destination account; when one it needs is unknown,",
    "it gives its *unverified* warning.",
    "",
    "An unencrypted source cannot be encrypted by copying, so when facts show the source unencrypted the",
    "rule does not ask for a key (`kms-key-unencrypted-source` reports a key given anyway). Without facts,",
    "a cross-region or cross-account copy with no key is reported: AWS would refuse it if the source is",
    "encrypted, and `encryption-required` wants it encrypted.",
    "",
    "Option `always: true` requires `KmsKeyId` on every copy, so that no copy silently inherits the",
    "source's key.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "kms",
  needs: ["destinationRegion", "destinationAccount"],
  fixable: true,
  options: {
    type: "object",
    properties: {
      always: { type: "boolean", description: "Require `KmsKeyId` on every copy, also within one region and account" },
    },
    additionalProperties: false,
  },
  defaults: { always: false },
  messages: {
    crossRegion:
      "The source snapshot is in {{sourceRegion}} and the copy in {{region}}: a cross-region copy must name a KMS key of {{region}} in KmsKeyId.",
    crossAccount:
      "The source snapshot belongs to account {{sourceAccount}}, not {{account}}: a copy of a shared snapshot must name a KMS key of the destination account in KmsKeyId.",
    always: "The policy requires every copy to name its KMS key: set KmsKeyId.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (KmsKeyId)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    {
      title: "Neptune User Guide: Copying a DB cluster snapshot (encryption)",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html",
    },
  ],
  check(context) {
    const { request, facts, options } = context;
    if (request === undefined || !request.isObject || "KmsKeyId" in request.members) return;
    if (facts.sourceSnapshot?.StorageEncrypted === false) return;
    const source = acceptedSource(request);
    if (source?.kind === "arn") {
      const { region, account } = source.arn;
      const destinationRegion = request.destinationRegion;
      if (destinationRegion !== undefined && region !== destinationRegion) {
        context.report({ pointer: "", messageId: "crossRegion", data: { sourceRegion: region, region: destinationRegion }, fix: policyKey(context) });
        return;
      }
      const destinationAccount = request.destinationAccount;
      if (destinationAccount !== undefined && account !== destinationAccount) {
        context.report({ pointer: "", messageId: "crossAccount", data: { sourceAccount: account, account: destinationAccount }, fix: policyKey(context) });
        return;
      }
      if (!options.always) {
        if (destinationRegion === undefined) {
          context.unverified("destinationRegion", "whether the copy crosses regions and so must name a KMS key");
          return;
        }
        if (destinationAccount === undefined) {
          context.unverified("destinationAccount", "whether the source is shared from another account and so the copy must name a KMS key");
          return;
        }
      }
    }
    if (options.always) context.report({ pointer: "", messageId: "always", fix: policyKey(context) });
  },
});
