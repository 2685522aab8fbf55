import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { isKnownRegion } from "../src/model/regions.js";

export default defineRule({
  id: "source-automated-other-account",
  summary: "Another account's automated snapshot cannot be copied: its owner must first copy it to a manual snapshot",
  description: [
    "Automated (system) snapshots cannot be shared with another account; only manual snapshots can. A",
    "request whose source is another account's automated snapshot — an ARN whose account differs from the",
    "destination account and whose snapshot id starts with `rds:` — can never succeed: AWS answers",
    "`DBClusterSnapshotNotFoundFault` because the snapshot is not visible to the destination account.",
    "",
    "The way round: the owning account copies the automated snapshot to a manual snapshot (in its own",
    "account), shares that manual snapshot with the destination account, and the request copies the",
    "shared manual snapshot by its ARN.",
    "",
    "A plain identifier always names a snapshot of the destination account, so it never triggers this rule.",
    "When the destination account is not known the rule gives its *unverified* warning. A malformed ARN is",
    "`source-identifier`'s business, one of an unknown region or another partition `source-region`'s.",
    "(Added 2026-12-01.)",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "sharing",
  needs: ["destinationAccount"],
  options: NO_OPTIONS,
  messages: {
    automatedShared:
      "The source {{id}} is an automated snapshot of account {{sourceAccount}}, but the copy runs in account " +
      "{{account}}: automated snapshots cannot be shared. Account {{sourceAccount}} must copy it to a manual " +
      "snapshot and share that; then copy the manual snapshot.",
  },
  docs: [
    {
      title: "Neptune User Guide: Copying a DB cluster snapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html",
    },
    {
      title: "Neptune User Guide: Sharing a DB cluster snapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-share-snapshot.html",
    },
  ],
  check(context) {
    const { request } = context;
    if (request?.source?.kind !== "arn") return;
    const { arn } = request.source;
    if (!arn.id.toLowerCase().startsWith("rds:")) return;
    if (!isKnownRegion(arn.region, arn.partition)) return;
    if (request.destinationPartition !== undefined && request.destinationPartition !== arn.partition) return;
    const account = request.destinationAccount;
    if (account === undefined) {
      context.unverified("destinationAccount", "whether the automated source snapshot belongs to another account");
      return;
    }
    if (arn.account === account) return;
    context.report({
      pointer: "/SourceDBClusterSnapshotIdentifier",
      messageId: "automatedShared",
      data: { id: JSON.stringify(arn.id), sourceAccount: arn.account, account },
    });
  },
});
