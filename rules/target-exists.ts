import { NO_OPTIONS, defineRule, formatMessage } from "../src/engine/rule.js";
import type { Finding } from "../src/model/types.js";

const rule = defineRule({
  id: "target-exists",
  summary: "No snapshot with the target identifier may already exist in the destination region",
  description: [
    "With facts about the destination region (from `--inventory` or `--live`), reports a request whose",
    "`TargetDBClusterSnapshotIdentifier` is already taken there: CopyDBClusterSnapshot never overwrites and",
    "fails with `DBClusterSnapshotAlreadyExistsFault`. Identifiers are not case-sensitive, so `Prod-Copy` and",
    "`prod-copy` are the same snapshot; the facts are looked up without case.",
    "",
    "When the existing snapshot's `SourceDBClusterSnapshotArn` is the request's source (the source ARN as",
    "written, or for a plain identifier the ARN the facts give for the source), the message says the copy",
    "has already been made, so that a finished request can be told apart from a name clash. Both are",
    "findings of this rule.",
    "",
    "A malformed target is left to `target-identifier`. With no facts about the destination region, the rule",
    "gives its *unverified* warning.",
    "",
    "A Terraform replacement that destroys first (`actions: [\"delete\", \"create\"]` with the same target) deletes",
    "the existing copy before making the new one, so the identifier is free by then: the rule passes it. Under",
    "`create_before_destroy` (`[\"create\", \"delete\"]`) the old copy still exists, and the rule reports it.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "facts",
  needs: ["targetSnapshot"],
  options: NO_OPTIONS,
  messages: {
    exists:
      "A snapshot named {{existing}} already exists{{where}}: choose another target identifier " +
      "(identifiers are not case-sensitive; the copy would fail with DBClusterSnapshotAlreadyExistsFault).",
    duplicateInRun:
      "{{count}} requests of this run copy to the target {{existing}}{{where}}: only one copy can have that " +
      "identifier, so none of them is started. Give each request its own target identifier.",
    alreadyCopied:
      "The target {{existing}} already exists{{where}} as a copy of this source: the copy has been made. " +
      "Remove the request, or choose another target identifier for a new copy.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (TargetDBClusterSnapshotIdentifier, Errors)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  check(context) {
    const { request, facts } = context;
    const target = request?.validTarget;
    if (request === undefined || target === undefined) return;
    // The snapshot with this identifier is deleted before the copy is made (its producer says so).
    if (context.subject.replacesExisting === true) return;
    const existing = facts.targetSnapshot;
    if (existing === undefined) {
      context.unverified("targetSnapshot", "whether a snapshot with the target identifier already exists");
      return;
    }
    if (existing === null) return;

    const sourceArn = request.source?.kind === "arn" ? request.sourceText : facts.sourceSnapshot?.DBClusterSnapshotArn;
    const copiedFrom = existing.SourceDBClusterSnapshotArn;
    const sameSource =
      typeof sourceArn === "string" && typeof copiedFrom === "string" && sourceArn.toLowerCase() === copiedFrom.toLowerCase();
    const name = typeof existing.DBClusterSnapshotIdentifier === "string" ? existing.DBClusterSnapshotIdentifier : target;
    const region = request.destinationRegion;
    context.report({
      pointer: "/TargetDBClusterSnapshotIdentifier",
      messageId: sameSource ? "alreadyCopied" : "exists",
      data: { existing: JSON.stringify(name), where: region === undefined ? "" : ` in ${region}` },
    });
  },
});

export default rule;

/**
 * The finding `copy` gives each of several requests of one run that name the same target (compared
 * without case) in the same destination: found across subjects, so not by `check`.
 */
export function duplicateTargetFinding(subjectPointer: string, target: string, region: string, count: number): Finding {
  return {
    ruleId: rule.id,
    severity: "error",
    messageId: "duplicateInRun",
    pointer: `${subjectPointer}/TargetDBClusterSnapshotIdentifier`,
    message: formatMessage(rule.messages.duplicateInRun!, { count, existing: JSON.stringify(target), where: ` in ${region}` }),
  };
}
