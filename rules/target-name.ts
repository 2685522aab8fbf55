import { defineRule } from "../src/engine/rule.js";
import { globOptionsProblem, matchesAny } from "../src/engine/glob.js";

export interface TargetNameOptions {
  patterns: string[];
}

export default defineRule<TargetNameOptions>({
  id: "target-name",
  summary: "The target snapshot identifier must follow the naming convention",
  description: [
    "Enforces a naming convention on `TargetDBClusterSnapshotIdentifier`: the identifier must match at least",
    "one of the option `patterns`, picomatch globs such as `prod-*-dr` or `{dev,test}-*`. Snapshot identifiers",
    "are not case-sensitive in AWS (they are stored in lowercase), so the globs match without case.",
    "",
    "The option is required: the rule has no convention of its own. A target that is not a valid identifier is",
    "`target-identifier`'s business and is not judged here; a missing one is `request-schema`'s.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "off",
  configExample: '[warn, { patterns: ["*-dr", "*-copy"] }]',
  category: "identifiers",
  needs: [],
  options: {
    type: "object",
    properties: {
      patterns: {
        type: "array",
        items: { type: "string", minLength: 1 },
        minItems: 1,
        description: "picomatch globs; the target identifier must match at least one (without case)",
      },
    },
    required: ["patterns"],
    additionalProperties: false,
  },
  messages: {
    noMatch: "The target identifier {{target}} does not follow the naming convention: it must match one of {{patterns}}.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (TargetDBClusterSnapshotIdentifier)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  checkOptions: (options) => globOptionsProblem(options, ["patterns"]),
  check({ request, options, report }) {
    const target = request?.validTarget;
    if (target === undefined || matchesAny(options.patterns, target, { nocase: true })) return;
    report({
      pointer: "/TargetDBClusterSnapshotIdentifier",
      messageId: "noMatch",
      data: { target: JSON.stringify(target), patterns: options.patterns.map((p) => JSON.stringify(p)).join(", ") },
    });
  },
});
