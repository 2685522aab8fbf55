import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { isKnownRegion } from "../src/model/regions.js";

export default defineRule({
  id: "source-region-missing",
  summary: "A source ARN in another region should come with SourceRegion",
  description: [
    "A cross-region copy must be signed for the source region as well: the AWS CLI (`--source-region`) and",
    "boto3 (`SourceRegion`) build that presigned request only when `SourceRegion` is given, so the same",
    "file fed to `aws neptune copy-db-cluster-snapshot --cli-input-json` would send the cross-region copy",
    "without it. This tool's own `copy` command (through the JavaScript SDK) presigns from the region in the",
    "ARN and does not need the member: hence a warning, not an error, in the recommended policy.",
    "",
    "Reported when the source is an ARN whose region differs from the destination region and the request has",
    "no `SourceRegion` member. The finding points at the source ARN, the value that makes the copy",
    "cross-region, and names the `SourceRegion` to add.",
    "",
    "Stays quiet when the ARN is malformed (`source-identifier`), names a region that does not exist in its",
    "partition or lies in another partition than the destination (`source-region`): adding `SourceRegion`",
    "would not make such a copy work. A `SourceRegion` member that is present but wrong is `source-region`'s",
    "business. A plain identifier always names a snapshot of the destination region unless `SourceRegion`",
    "says otherwise, so it never needs this rule. When no destination region is known and the source is an",
    "ARN, the rule gives its *unverified* warning.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "warn",
  category: "regions",
  needs: ["destinationRegion"],
  options: NO_OPTIONS,
  messages: {
    missing:
      "The source snapshot is in {{sourceRegion}} but the copy runs in {{region}}, and SourceRegion is missing: " +
      'add "SourceRegion": "{{sourceRegion}}" so that the AWS CLI and boto3 presign the cross-region copy.',
  },
  docs: [
    {
      title: "Neptune User Guide: Copying snapshots across AWS Regions",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html#backup-restore-copy-snapshot-cross-region",
    },
    {
      title: "AWS CLI: neptune copy-db-cluster-snapshot (--source-region)",
      url: "https://docs.aws.amazon.com/cli/latest/reference/neptune/copy-db-cluster-snapshot.html",
    },
  ],
  check(context) {
    const { request } = context;
    // A producer with no SourceRegion argument (Terraform's provider presigns by itself) is not asked for one.
    if (request?.source?.kind !== "arn" || "SourceRegion" in request.members || context.subject.inexpressible?.includes("SourceRegion")) return;
    const { arn } = request.source;
    // An ARN region unknown in its partition, or another partition: source-region reports it.
    if (!isKnownRegion(arn.region, arn.partition)) return;
    const region = request.destinationRegion;
    if (region === undefined) {
      context.unverified("destinationRegion", "whether the source ARN is in another region than the copy");
      return;
    }
    if (request.destinationPartition !== undefined && request.destinationPartition !== arn.partition) return;
    if (arn.region !== region) {
      context.report({
        pointer: "/SourceDBClusterSnapshotIdentifier",
        messageId: "missing",
        data: { sourceRegion: arn.region, region },
      });
    }
  },
});
