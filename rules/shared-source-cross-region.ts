import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { isKnownRegion } from "../src/model/regions.js";

const UNVERIFIED_DETAIL = "whether the source is a snapshot shared by another account from another region";

export default defineRule({
  id: "shared-source-cross-region",
  summary: "Policy option: a snapshot shared by another account may only be copied within its own region",
  description: [
    "**Off in the recommended policy** (changed 2026-12-01; it was an error before). Enable it for organisations",
    "that forbid single-step cross-account, cross-region copies.",
    "",
    "AWS's own pages disagree on whether such a copy is possible:",
    "",
    "- the current Neptune User Guide page on copying snapshots says that snapshots can be copied across",
    "  regions and accounts in a single step",
    "  ([Copying a DB cluster snapshot](https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html));",
    "- older Neptune pages, the Amazon RDS CopyDBClusterSnapshot reference that Neptune's API mirrors, and the",
    "  Aurora page on sharing say a shared (encrypted) DB cluster snapshot can be copied only within its own",
    "  region ([RDS API: CopyDBClusterSnapshot](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CopyDBClusterSnapshot.html),",
    "  [Aurora: Sharing a DB cluster snapshot](https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-share-snapshot.html)).",
    "",
    "With AWS's pages in conflict the tool does not fail such a copy by default; where the rule is on, the",
    "way round is two copies: first copy the shared snapshot in its own region into the destination account,",
    "then copy that copy to the destination region.",
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
  recommended: "off",
  category: "sharing",
  needs: ["destinationRegion", "destinationAccount"],
  options: NO_OPTIONS,
  messages: {
    crossRegion:
      "The source snapshot belongs to account {{sourceAccount}} and lives in {{sourceRegion}}, but the copy runs in " +
      "account {{account}} in {{region}}: this policy allows a shared snapshot to be copied only within its own region. Copy it in " +
      "{{sourceRegion}} first, then copy that copy to {{region}} (this policy forbids single-step copies of shared snapshots across regions).",
  },
  docs: [
    {
      title: "Neptune User Guide: Copying a DB cluster snapshot (copies across regions and accounts in a single step)",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html",
    },
    {
      title: "Amazon Aurora User Guide: Sharing a DB cluster snapshot (cross-account copies stay in the region)",
      url: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-share-snapshot.html",
    },
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
