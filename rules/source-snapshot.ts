import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { acceptedSource } from "../src/model/view.js";

export default defineRule({
  id: "source-snapshot",
  summary: "The source snapshot must exist, be available and be a Neptune snapshot",
  description: [
    "With facts about the source (from `--inventory` or `--live`), checks what the Neptune API requires of",
    "`SourceDBClusterSnapshotIdentifier`: *a valid system snapshot in the \"available\" state*.",
    "",
    "- The snapshot must exist. An inventory that holds snapshots of the source's region is taken as",
    "  complete for it, so a source absent from it is reported (AWS would answer",
    "  `DBClusterSnapshotNotFoundFault`).",
    "- Its `Engine` must be `neptune`: the Neptune and RDS APIs share snapshot ARNs, and an Aurora or",
    "  DocumentDB snapshot is not a Neptune one.",
    "- Its `Status` must be `available` (a snapshot still `creating` or `copying` gives",
    "  `InvalidDBClusterSnapshotStateFault`).",
    "",
    "A snapshot of another engine is reported for that alone, whatever its status. A fact that lacks",
    "`Status` or `Engine` does not show a problem, so that member is not judged.",
    "",
    "Only a source the other rules accept is looked at: a malformed source (`source-identifier`), an ARN",
    "region unknown in its partition or in another partition, an invalid `SourceRegion` (`source-region`),",
    "and a plain identifier with a `SourceRegion` other than the destination (`source-arn-required`) are",
    "left to those rules. With no facts about the source, the rule gives its *unverified* warning.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "facts",
  needs: ["sourceSnapshot"],
  options: NO_OPTIONS,
  messages: {
    missing:
      "The source snapshot {{source}} does not exist{{where}}: check the identifier (a snapshot of another region " +
      "or account must be given by its ARN). The copy would fail with DBClusterSnapshotNotFoundFault.",
    notAvailable:
      "The source snapshot {{source}} is {{status}}, not available: copy it once its status is available " +
      "(the copy would fail with InvalidDBClusterSnapshotStateFault).",
    notNeptune:
      "The source snapshot {{source}} is a snapshot of engine {{engine}}, not neptune: Neptune can copy only " +
      "Neptune DB cluster snapshots.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (SourceDBClusterSnapshotIdentifier, Errors)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    {
      title: "Neptune User Guide: Copying a DB cluster snapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html",
    },
  ],
  check(context) {
    const { request, facts } = context;
    if (request === undefined || acceptedSource(request) === undefined) return;

    const snapshot = facts.sourceSnapshot;
    if (snapshot === undefined) {
      context.unverified("sourceSnapshot", "whether the source snapshot exists and is an available Neptune snapshot");
      return;
    }
    const pointer = "/SourceDBClusterSnapshotIdentifier";
    const name = JSON.stringify(request.sourceText);
    if (snapshot === null) {
      const region = request.sourceLocation.region;
      context.report({ pointer, messageId: "missing", data: { source: name, where: region === undefined ? "" : ` in ${region}` } });
      return;
    }
    if (typeof snapshot.Engine === "string" && snapshot.Engine !== "neptune") {
      context.report({ pointer, messageId: "notNeptune", data: { source: name, engine: JSON.stringify(snapshot.Engine) } });
      return;
    }
    if (typeof snapshot.Status === "string" && snapshot.Status !== "available") {
      context.report({ pointer, messageId: "notAvailable", data: { source: name, status: JSON.stringify(snapshot.Status) } });
    }
  },
});
