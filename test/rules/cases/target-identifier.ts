import rule from "../../../rules/target-identifier.js";
import type { RuleCases } from "../../support/rule-tester.js";

const source = "prod-2026-11-01";
const withTarget = (target: unknown) => ({ SourceDBClusterSnapshotIdentifier: source, TargetDBClusterSnapshotIdentifier: target });
const TARGET = "/TargetDBClusterSnapshotIdentifier";

export default {
  rule,
  valid: [
    { name: "the API reference's example", value: withTarget("my-cluster-snapshot2") },
    { name: "one letter", value: withTarget("a") },
    { name: "63 characters", value: withTarget(`s${"x".repeat(62)}`) },
    { name: "upper case (identifiers are not case-sensitive)", value: withTarget("Prod-2026-11-01-DR") },
    { name: "digits after the first letter", value: withTarget("a2026-11-01") },
    { name: "missing target is request-schema's business", value: { SourceDBClusterSnapshotIdentifier: source } },
    { name: "non-string target is request-schema's business", value: withTarget(42) },
    { name: "null target is request-schema's business", value: withTarget(null) },
    { name: "not an object", value: "prod" },
    { name: "a bad source does not concern this rule", value: { SourceDBClusterSnapshotIdentifier: "1--", TargetDBClusterSnapshotIdentifier: "copy" } },
  ],
  invalid: [
    { name: "underscore", value: withTarget("prod_copy"), findings: [{ pointer: TARGET, messageId: "invalid", message: "other than letters, digits and hyphens" }] },
    { name: "empty", value: withTarget(""), findings: [{ pointer: TARGET, messageId: "invalid", message: "is empty" }] },
    { name: "64 characters", value: withTarget(`s${"x".repeat(63)}`), findings: [{ pointer: TARGET, messageId: "invalid", message: "longer than 63" }] },
    { name: "starts with a digit", value: withTarget("2026-11-01-prod"), findings: [{ pointer: TARGET, messageId: "invalid", message: "does not start with a letter" }] },
    { name: "starts with a hyphen", value: withTarget("-prod"), findings: [{ pointer: TARGET, messageId: "invalid", message: "does not start with a letter" }] },
    { name: "dot", value: withTarget("prod.copy"), findings: [{ pointer: TARGET, messageId: "invalid", message: "other than letters" }] },
    { name: "space", value: withTarget("prod copy"), findings: [{ pointer: TARGET, messageId: "invalid", message: "other than letters" }] },
    { name: "non-ASCII letter", value: withTarget("prod-kopie-ä"), findings: [{ pointer: TARGET, messageId: "invalid", message: "other than letters" }] },
    { name: "automated-snapshot prefix", value: withTarget("rds:prod-2026-11-01"), findings: [{ pointer: TARGET, messageId: "invalid", message: "\"rds:prod-2026-11-01\"" }] },
    { name: "an ARN", value: withTarget("arn:aws:rds:us-east-1:111122223333:cluster-snapshot:copy"), findings: [{ pointer: TARGET, messageId: "invalid" }] },
    { name: "ends with a hyphen", value: withTarget("prod-copy-"), findings: [{ pointer: TARGET, messageId: "invalid", message: "ends with a hyphen" }] },
    { name: "two consecutive hyphens", value: withTarget("prod--copy"), findings: [{ pointer: TARGET, messageId: "invalid", message: "two consecutive hyphens" }] },
    { name: "says how to fix it", value: withTarget("prod--copy"), findings: [{ pointer: TARGET, messageId: "invalid", message: "use 1–63 letters, digits or hyphens" }] },
  ],
} satisfies RuleCases;
