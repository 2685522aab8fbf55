import rule from "../../../rules/target-name.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-dr" };
const options = { patterns: ["prod-*-dr", "{dev,test}-*"] };
const target = (id: unknown) => ({ ...base, TargetDBClusterSnapshotIdentifier: id });

export default {
  rule,
  valid: [
    { name: "matches the first pattern", value: base, options },
    { name: "matches the second pattern", value: target("test-2026-11-01"), options },
    { name: "identifiers are not case-sensitive, nor is the match", value: target("Prod-2026-11-01-DR"), options },
    { name: "a malformed target is target-identifier's business", value: target("nightly--copy"), options },
    { name: "a non-string target is request-schema's business", value: target(42), options },
    { name: "a missing target is request-schema's business", value: { SourceDBClusterSnapshotIdentifier: "prod" }, options },
  ],
  invalid: [
    {
      name: "matches no pattern",
      value: target("nightly-copy"),
      options,
      findings: [{ pointer: "/TargetDBClusterSnapshotIdentifier", messageId: "noMatch", message: '"nightly-copy" does not follow' }],
    },
    {
      name: "a glob must match the whole identifier",
      value: target("prod-2026-11-01-dr-2"),
      options,
      findings: [{ pointer: "/TargetDBClusterSnapshotIdentifier", messageId: "noMatch", message: '"prod-*-dr", "{dev,test}-*"' }],
    },
    {
      name: "single-character wildcards",
      value: target("dr-2026-1-1"),
      options: { patterns: ["dr-????-??-??"] },
      findings: [{ pointer: "/TargetDBClusterSnapshotIdentifier", messageId: "noMatch" }],
    },
  ],
} satisfies RuleCases;
