import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { isKnownRegion } from "../src/model/regions.js";

const UNVERIFIED_DETAIL = "whether the source is a snapshot shared by another account from another region";

export default defineRule({
  id: "shared-source-cross-region",
  summary: "A snapshot shared by another account can only be copied within its own region",
  description: [
    "A snapshot owned by another account reaches the destination account by sharing, and a shared DB cluster",
    "snapshot can be copied only within the region where it lives. The RDS-family CopyDBClusterSnapshot",
    "reference, which Neptune's API mirrors, says an encrypted shared snapshot cannot be copied to another",
    "region (Amazon DocumentDB's says so for any shared snapshot, encrypted or not); this policy applies it to",
    "every shared source. The way round is two copies: first copy the shared snapshot in its own region into",
    "the destination account, then copy that copy to the destination region.",
    "",
    "Reported when the source is an ARN whose account differs from the destination account **and** whose",
    "region differs from the destination region. A plain identifier always names a snapshot of the calling",
    "account, so it never triggers this rule (`source-arn-required` covers a plain id that should be an ARN).",
    "",
    "The rule needs the destination region and account. When one is missing it gives its *unverified* warning,",
    "but only when the known half does not already settle the matter: a source in the destination region, or",
    "in the destination account, passes whatever the other half is. It stays quiet when the ARN is malformed",
    "(`source-identifier`), names a region that does not exist in its partition, or lies in another partition",
    "(`source-region`).",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "sharing",
  needs: ["destinationRegion", "destinationAccount"],
  options: NO_OPTIONS,
  messages: {
    crossRegion:
      "The source snapshot belongs to account {{sourceAccount}} and lives in {{sourceRegion}}, but the copy runs in " +
      "account {{account}} in {{region}}: a shared snapshot can only be copied within its own region. Copy it in " +
      "{{sourceRegion}} first, then copy that copy to {{region}}.",
  },
  docs: [
    {
      title: "Neptune User Guide: Sharing a DB cluster snapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-share-snapshot.html",
    },
    {
      title: "Neptune API: CopyDBClusterSnapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    {
      title: "Amazon RDS API: CopyDBClusterSnapshot (SourceDBClusterSnapshotIdentifier)",
      url: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CopyDBClusterSnapshot.html",
    },
  ],
  check(context) {
    const { request } = context;
    if (request?.source?.kind !== "arn") return;
    const { arn } = request.source;
    if (!isKnownRegion(arn.region, arn.partition)) return;
    if (request.destinationPartition !== undefined && request.destinationPartition !== arn.partition) return;

    const region = request.destinationRegion;
    const account = request.destinationAccount;
    if (region !== undefined && arn.region === region) return;
    if (account !== undefined && arn.account === account) return;
    if (region === undefined) {
      context.unverified("destinationRegion", UNVERIFIED_DETAIL);
      return;
    }
    if (account === undefined) {
      context.unverified("destinationAccount", UNVERIFIED_DETAIL);
      return;
    }
    context.report({
      pointer: "/SourceDBClusterSnapshotIdentifier",
      messageId: "crossRegion",
      data: { sourceAccount: arn.account, sourceRegion: arn.region, account, region },
    });
  },
});
