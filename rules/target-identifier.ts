import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { IDENTIFIER_PROBLEM_TEXT, identifierProblem } from "../src/model/identifiers.js";

export default defineRule({
  id: "target-identifier",
  summary: "The target identifier must be 1–63 letters, digits or hyphens, start with a letter, and have no trailing or doubled hyphen",
  description: [
    "Checks `TargetDBClusterSnapshotIdentifier` against the constraints the Neptune API reference gives for",
    "CopyDBClusterSnapshot:",
    "",
    "- 1 to 63 characters, each an ASCII letter, a digit or a hyphen;",
    "- the first character is a letter;",
    "- it does not end with a hyphen and has no two consecutive hyphens.",
    "",
    "AWS rejects any other name with `InvalidParameterValue` before copying anything. The message names the",
    "first constraint that fails. The copy is always a manual snapshot, so the `rds:` prefix of automated",
    "snapshot names is not allowed here (its colon is not a letter, digit or hyphen).",
    "",
    "Identifiers are not case-sensitive (Neptune stores them in lower case), so upper-case letters are accepted.",
    "A target that is missing or not a string is reported by `request-schema` alone.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "identifiers",
  needs: [],
  options: NO_OPTIONS,
  messages: {
    invalid:
      "The target identifier {{id}} {{problem}}: use 1–63 letters, digits or hyphens, starting with a letter, " +
      "with no hyphen at the end and no two hyphens in a row.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (TargetDBClusterSnapshotIdentifier)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  check({ request, report }) {
    const target = request?.target;
    if (target === undefined) return;
    const problem = identifierProblem(target);
    if (problem === undefined) return;
    report({
      pointer: "/TargetDBClusterSnapshotIdentifier",
      messageId: "invalid",
      data: { id: JSON.stringify(target), problem: IDENTIFIER_PROBLEM_TEXT[problem] },
    });
  },
});
