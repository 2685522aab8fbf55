import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { ACCOUNT_SHAPE, PARTITION_SHAPE, REGION_SHAPE, parseClusterSnapshotArn } from "../src/model/arn.js";
import {
  AUTOMATED_PREFIX,
  IDENTIFIER_PROBLEM_TEXT,
  MAX_AUTOMATED_IDENTIFIER_LENGTH,
  sourceIdentifierProblem,
  type IdentifierProblem,
} from "../src/model/identifiers.js";

const ARN_FORM = "arn:PARTITION:rds:REGION:ACCOUNT:cluster-snapshot:ID";

function isAutomated(id: string): boolean {
  return id.toLowerCase().startsWith(AUTOMATED_PREFIX);
}

/** The text of an identifier problem; automated ids may run longer than 63 characters. */
function problemText(id: string, problem: IdentifierProblem): string {
  if (problem === "too-long" && isAutomated(id)) return `is longer than ${MAX_AUTOMATED_IDENTIFIER_LENGTH} characters`;
  return IDENTIFIER_PROBLEM_TEXT[problem];
}

/** Which part of a malformed cluster-snapshot ARN is wrong (the text starts with `arn:` in any case). */
function arnProblem(text: string): string {
  if (!text.startsWith("arn:")) return `it must begin with "arn:" in lower case`;
  const parts = text.split(":");
  if (parts.length < 7) return `it has ${parts.length} colon-separated parts, not 7`;
  const [, partition, service, region, account, type] = parts as [string, string, string, string, string, string];
  const id = parts.slice(6).join(":");
  if (!PARTITION_SHAPE.test(partition)) return `the partition ${JSON.stringify(partition)} is not a partition name such as aws, aws-cn or aws-us-gov`;
  if (service !== "rds") return `the service is ${JSON.stringify(service)}, not rds (Neptune snapshots have rds ARNs)`;
  if (!REGION_SHAPE.test(region)) return `the region ${JSON.stringify(region)} is not a region name such as us-east-1`;
  if (!ACCOUNT_SHAPE.test(account)) return `the account ${JSON.stringify(account)} is not a 12-digit account id`;
  if (type !== "cluster-snapshot") return `the resource type is ${JSON.stringify(type)}, not cluster-snapshot`;
  const problem = sourceIdentifierProblem(id);
  if (problem !== undefined) return `the snapshot identifier ${JSON.stringify(id)} ${problemText(id, problem)}`;
  return `it is not of the form ${ARN_FORM}`;
}

export default defineRule({
  id: "source-identifier",
  summary: "The source must be a valid snapshot identifier or a well-formed cluster-snapshot ARN",
  description: [
    "Checks the syntax of `SourceDBClusterSnapshotIdentifier`. It must be one of:",
    "",
    "- a **snapshot identifier**: 1 to 63 letters, digits or hyphens, starting with a letter, with no trailing",
    "  hyphen and no two consecutive hyphens (the constraints of DB cluster snapshot identifiers); or an",
    "  **automated snapshot** identifier, `rds:` followed by such a name (automated names carry the cluster id",
    "  and the creation time, so they may run past 63 characters; up to 255 are accepted);",
    `- a **cluster-snapshot ARN**, \`${ARN_FORM}\`: a partition name (\`aws\`, \`aws-cn\`, \`aws-us-gov\`, …),`,
    "  the service `rds` (Neptune resources have `rds` ARNs), a region-shaped name, a 12-digit account, the",
    "  resource type `cluster-snapshot` and an identifier as above. A source in another region or owned by",
    "  another account can only be named by its ARN.",
    "",
    "Any text beginning with `arn:` (in any case) is judged as an ARN, and the message names the part that is",
    "wrong. This rule checks syntax only: whether the ARN's region exists, and exists in its partition, is",
    "`source-region`'s business; whether the snapshot exists and is available is `source-snapshot`'s.",
    "A source that is missing or not a string is reported by `request-schema` alone.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "identifiers",
  needs: [],
  options: NO_OPTIONS,
  messages: {
    invalidId:
      "The source identifier {{id}} {{problem}}: give a snapshot identifier (1–63 letters, digits or hyphens, " +
      "starting with a letter, no trailing or doubled hyphen; rds:… for an automated snapshot) or the snapshot's ARN.",
    invalidArn: "The source ARN {{arn}} is malformed: {{problem}}. A cluster-snapshot ARN reads " + ARN_FORM + ".",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (SourceDBClusterSnapshotIdentifier)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    {
      title: "Neptune User Guide: Copying a DB cluster snapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html",
    },
  ],
  check({ request, report }) {
    const text = request?.sourceText;
    if (text === undefined) return;
    const pointer = "/SourceDBClusterSnapshotIdentifier";
    if (text.toLowerCase().startsWith("arn:")) {
      if (parseClusterSnapshotArn(text) === undefined) {
        report({ pointer, messageId: "invalidArn", data: { arn: JSON.stringify(text), problem: arnProblem(text) } });
      }
      return;
    }
    const problem = sourceIdentifierProblem(text);
    if (problem !== undefined) {
      report({ pointer, messageId: "invalidId", data: { id: JSON.stringify(text), problem: problemText(text, problem) } });
    }
  },
});
