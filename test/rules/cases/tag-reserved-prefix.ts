import rule from "../../../rules/tag-reserved-prefix.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const tags = (...Tags: unknown[]) => ({ ...base, Tags });
const snapshot = (...TagList: unknown[]) => ({
  DBClusterSnapshotIdentifier: "snap",
  DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap",
  TagList,
});

export default {
  rule,
  valid: [
    { name: "ordinary keys and values", value: tags({ Key: "Owner", Value: "graph-team" }, { Key: "Env", Value: "prod" }) },
    { name: "the prefixes only count at the start", value: tags({ Key: "team:aws:owner", Value: "x-rds:y" }) },
    { name: "words that merely begin like the prefixes", value: tags({ Key: "awsome", Value: "rds-prod" }, { Key: "aws", Value: "rds" }) },
    { name: "a non-string Key or Value is request-schema's business", value: tags({ Key: 1, Value: "aws:x" }, { Key: "k", Value: true }) },
    { name: "no Tags", value: base },
    { name: "snapshot with ordinary tags", kind: "snapshot", value: snapshot({ Key: "Owner", Value: "graph" }) },
  ],
  invalid: [
    {
      name: "a key with the aws: prefix",
      value: tags({ Key: "Owner", Value: "me" }, { Key: "aws:createdBy", Value: "me" }),
      findings: [{ pointer: "/Tags/1/Key", messageId: "key", message: '"aws:createdBy" starts with "aws:"' }],
    },
    {
      name: "the prefixes are compared without case",
      value: tags({ Key: "RDS:Owner", Value: "me" }, { Key: "Aws:x" }),
      findings: [
        { pointer: "/Tags/0/Key", messageId: "key", message: '"RDS:"' },
        { pointer: "/Tags/1/Key", messageId: "key", message: '"Aws:"' },
      ],
    },
    {
      name: "a value with the rds: prefix",
      value: tags({ Key: "Source", Value: "rds:prod-cluster-2026-11-01-03-04" }),
      findings: [{ pointer: "/Tags/0/Value", messageId: "value", message: 'value of tag "Source" starts with "rds:"' }],
    },
    {
      name: "key and value both reserved are two findings",
      value: tags({ Key: "aws:a", Value: "AWS:b" }),
      findings: [
        { pointer: "/Tags/0/Key", messageId: "key" },
        { pointer: "/Tags/0/Value", messageId: "value" },
      ],
    },
    {
      name: "snapshot tag with a reserved prefix",
      kind: "snapshot",
      value: snapshot({ Key: "Owner", Value: "graph" }, { Key: "rds:note", Value: "x" }),
      findings: [{ pointer: "/TagList/1/Key", messageId: "key" }],
    },
  ],
} satisfies RuleCases;
