import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { parseClusterSnapshotArn } from "../src/model/arn.js";
import { partitionOf } from "../src/model/regions.js";

export default defineRule({
  id: "source-arn-required",
  summary: "A source in another region or account must be given as its ARN, not a plain identifier",
  description: [
    "Neptune resolves a plain `SourceDBClusterSnapshotIdentifier` among the snapshots of the calling account",
    "in the region of the call, the destination. A snapshot in another region, or shared by another account,",
    "must be named by its ARN (`arn:PARTITION:rds:REGION:ACCOUNT:cluster-snapshot:ID`), or the copy fails",
    "with `DBClusterSnapshotNotFoundFault`.",
    "",
    "Reported when the source is a valid plain identifier and:",
    "",
    "- `SourceRegion` names a known region other than the destination region; or",
    "- facts about the source (from `--inventory` or `--live`) show its ARN in another account than the",
    "  destination account.",
    "",
    "The message spells out the ARN to use (with `ACCOUNT` standing for the account when none is known).",
    "",
    "A plain identifier without `SourceRegion` names a snapshot of the destination region and account by",
    "definition, so nothing in the request itself can show another account: that half of the check needs",
    "facts, and passes when there are none (the rule does not ask for them). An invalid `SourceRegion` is",
    "`source-region`'s business, a malformed source `source-identifier`'s. When `SourceRegion` is given but no",
    "destination region is known, the rule gives its *unverified* warning.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "regions",
  needs: ["destinationRegion"],
  options: NO_OPTIONS,
  messages: {
    otherRegion:
      "The source {{id}} is in {{sourceRegion}} (SourceRegion), but the copy runs in {{region}}: a snapshot of " +
      "another region must be given by its ARN, {{arn}}.",
    otherAccount:
      "The source {{id}} belongs to account {{sourceAccount}}, but the copy runs in account {{account}}: a snapshot " +
      "of another account must be given by its ARN, {{arn}}.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (SourceDBClusterSnapshotIdentifier)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    {
      title: "Neptune User Guide: Copying snapshots across AWS Regions",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html#backup-restore-copy-snapshot-cross-region",
    },
    {
      title: "Neptune User Guide: Sharing a DB cluster snapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-share-snapshot.html",
    },
  ],
  check(context) {
    const { request, facts } = context;
    if (request?.source?.kind !== "id") return;
    const id = request.source.id;
    const pointer = "/SourceDBClusterSnapshotIdentifier";

    if (request.sourceRegionText !== undefined) {
      const sourceRegion = request.sourceRegion;
      if (sourceRegion === undefined) return; // not a known region (of the destination's partition): source-region
      const region = request.destinationRegion;
      if (region === undefined) {
        context.unverified("destinationRegion", "whether SourceRegion names another region than the copy's");
        return;
      }
      if (sourceRegion !== region) {
        const arn = `arn:${partitionOf(sourceRegion) ?? "aws"}:rds:${sourceRegion}:${request.destinationAccount ?? "ACCOUNT"}:cluster-snapshot:${id}`;
        context.report({ pointer, messageId: "otherRegion", data: { id: JSON.stringify(id), sourceRegion, region, arn } });
        return;
      }
    }

    // Facts may show where the snapshot the identifier found really lives.
    const found = facts.sourceSnapshot?.DBClusterSnapshotArn;
    if (typeof found !== "string") return;
    const foundArn = parseClusterSnapshotArn(found);
    const account = request.destinationAccount;
    if (foundArn !== undefined && account !== undefined && foundArn.account !== account) {
      context.report({ pointer, messageId: "otherAccount", data: { id: JSON.stringify(id), sourceAccount: foundArn.account, account, arn: found } });
    }
  },
});
