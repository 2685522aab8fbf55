import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { isKnownRegion, partitionOf } from "../src/model/regions.js";

const SOURCE = "/SourceDBClusterSnapshotIdentifier";
const SOURCE_REGION = "/SourceRegion";

/** The partition of a region in the table; undefined when the region is not known anywhere. */
function knownPartitionOf(region: string): string | undefined {
  return isKnownRegion(region) ? partitionOf(region) : undefined;
}

/** ` (did you mean "us-east-1"?)` for a near miss: wrong case, stray spaces, an availability zone. */
function hint(text: string): string {
  const cleaned = text.trim().toLowerCase();
  for (const candidate of [cleaned, cleaned.replace(/[a-z]$/, "")]) {
    if (candidate !== text && isKnownRegion(candidate)) return ` (did you mean ${JSON.stringify(candidate)}?)`;
  }
  return "";
}

export default defineRule({
  id: "source-region",
  summary: "SourceRegion and the source ARN must name a real region of the destination's partition, and agree",
  description: [
    "Checks where the source snapshot is said to be, against the region table of all public partitions (kept",
    "in step with the AWS SDK's own region data):",
    "",
    "- `SourceRegion`, when given, must be a known region of the **destination's partition**. A name that is",
    "  no region at all (a typo, an availability zone such as `us-east-1a`, a pseudo region such as",
    "  `aws-global`) and a region of another partition are both reported at `/SourceRegion`.",
    "- When the source is an ARN, `SourceRegion` must be the region in the ARN: the AWS CLI and boto3 presign",
    "  the cross-region request for `SourceRegion`, while Neptune reads the snapshot from the ARN's region.",
    "- The source ARN's region must be a known region of the ARN's own partition (`arn:aws:rds:cn-north-1:…`",
    "  is wrong: `cn-north-1` belongs to `aws-cn`), and the ARN's partition must be the destination's.",
    "  These are reported at `/SourceDBClusterSnapshotIdentifier`, the first that fails only.",
    "",
    "Partitions are isolated from one another: the Neptune guide says the China regions copy snapshots only",
    "among themselves, and so do the AWS GovCloud (US) regions. The rule holds every partition to the same",
    "(the ISO partitions and the European Sovereign Cloud included).",
    "",
    "One defect gives one finding. A malformed ARN is left to `source-identifier`. When the ARN is already",
    "reported, `SourceRegion` is not also compared with it; a `SourceRegion` equal to the ARN's region is not",
    "reported when the ARN is in another partition (the ARN finding says it). A plain identifier with a",
    "`SourceRegion` that differs from the destination is `source-arn-required`'s business.",
    "",
    "When no destination region is known, `SourceRegion` and the ARN's region are judged against all",
    "partitions, and the rule gives its *unverified* warning only when a value passed every other check but",
    "its partition could not be compared with the destination's. A destination region that belongs to no",
    "partition at all is not this rule's to judge; the partition checks are then skipped.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "regions",
  needs: ["destinationRegion"],
  options: NO_OPTIONS,
  messages: {
    unknownRegion:
      "SourceRegion {{sourceRegion}} is not an AWS region{{hint}}: set it to the region the source snapshot lives in.",
    otherPartition:
      "SourceRegion {{sourceRegion}} is in the {{partition}} partition, but the copy runs in {{region}} " +
      "({{destinationPartition}}): snapshots cannot be copied between partitions. Copy from a region of {{destinationPartition}}.",
    disagrees:
      "SourceRegion {{sourceRegion}} disagrees with the source ARN, whose snapshot is in {{arnRegion}}: " +
      "set SourceRegion to {{arnRegion}}.",
    arnUnknownRegion:
      "The source ARN names the region {{arnRegion}}, which is not a region of the {{partition}} partition: " +
      "correct the region in the ARN.",
    arnRegionOfOtherPartition:
      "The source ARN names the region {{arnRegion}}, which belongs to the {{home}} partition, not {{partition}}: " +
      "write the ARN as arn:{{home}}:rds:{{arnRegion}}:…, or correct its region.",
    arnOtherPartition:
      "The source snapshot is in the {{partition}} partition ({{arnRegion}}), but the copy runs in {{region}} " +
      "({{destinationPartition}}): snapshots cannot be copied between partitions. Copy from a region of {{destinationPartition}}.",
  },
  docs: [
    {
      title: "Neptune User Guide: Copying a DB cluster snapshot (limitations)",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html#backup-restore-copy-snapshot-limitations",
    },
    {
      title: "Neptune API: CopyDBClusterSnapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    {
      title: "AWS CLI: neptune copy-db-cluster-snapshot (--source-region)",
      url: "https://docs.aws.amazon.com/cli/latest/reference/neptune/copy-db-cluster-snapshot.html",
    },
  ],
  check(context) {
    const { request, report } = context;
    if (request === undefined) return;
    const region = request.destinationRegion ?? "";
    const destinationPartition = request.destinationPartition;
    /** A value passed every check that could be made, but its partition was not compared with the destination's. */
    let partitionUnchecked = false;

    // The source ARN (syntactically valid; a malformed one is source-identifier's).
    const arn = request.source?.kind === "arn" ? request.source.arn : undefined;
    /** The ARN names a real region of its partition, and that partition is the destination's (or unknown). */
    let arnSound = false;
    if (arn !== undefined) {
      const home = knownPartitionOf(arn.region);
      if (home !== arn.partition) {
        report({
          pointer: SOURCE,
          messageId: home === undefined ? "arnUnknownRegion" : "arnRegionOfOtherPartition",
          data: { arnRegion: arn.region, partition: arn.partition, home: home ?? "" },
        });
      } else if (destinationPartition !== undefined && arn.partition !== destinationPartition) {
        report({
          pointer: SOURCE,
          messageId: "arnOtherPartition",
          data: { arnRegion: arn.region, partition: arn.partition, region, destinationPartition },
        });
      } else {
        arnSound = true;
        if (destinationPartition === undefined) partitionUnchecked = true;
      }
    }

    // SourceRegion (a string; another type is request-schema's).
    const sourceRegion = request.sourceRegionText;
    if (sourceRegion !== undefined) {
      const home = knownPartitionOf(sourceRegion);
      const data = { sourceRegion: JSON.stringify(sourceRegion), region, destinationPartition: destinationPartition ?? "" };
      if (home === undefined) {
        report({ pointer: SOURCE_REGION, messageId: "unknownRegion", data: { ...data, hint: hint(sourceRegion) } });
      } else if (destinationPartition !== undefined && home !== destinationPartition) {
        // The same region as the ARN's: the ARN finding above already says the source is out of reach.
        if (arn?.region !== sourceRegion) {
          report({ pointer: SOURCE_REGION, messageId: "otherPartition", data: { ...data, partition: home } });
        }
      } else if (arn !== undefined && arnSound && arn.region !== sourceRegion) {
        report({ pointer: SOURCE_REGION, messageId: "disagrees", data: { ...data, arnRegion: arn.region } });
      } else if (destinationPartition === undefined) {
        partitionUnchecked = true;
      }
    }

    if (partitionUnchecked && request.destinationRegion === undefined) {
      context.unverified("destinationRegion", "the source's partition against the destination's");
    }
  },
});
