import rule from "../../../rules/tag-duplicate.js";
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
    { name: "distinct keys", value: tags({ Key: "Owner", Value: "graph" }, { Key: "Env", Value: "prod" }) },
    { name: "keys are case-sensitive: Owner and owner are two tags", value: tags({ Key: "Owner", Value: "a" }, { Key: "owner", Value: "b" }) },
    { name: "the same value under different keys", value: tags({ Key: "A", Value: "x" }, { Key: "B", Value: "x" }) },
    { name: "keys differing in trailing space", value: tags({ Key: "Env" }, { Key: "Env " }) },
    { name: "non-string keys are request-schema's business", value: tags({ Key: 1 }, { Key: 1 }, { Value: "x" }, { Value: "x" }) },
    { name: "no Tags", value: base },
    { name: "snapshot with distinct keys", kind: "snapshot", value: snapshot({ Key: "Owner" }, { Key: "Env" }) },
  ],
  invalid: [
    {
      name: "a key given twice",
      value: tags({ Key: "Env", Value: "prod" }, { Key: "Owner", Value: "graph" }, { Key: "Env", Value: "dev" }),
      findings: [{ pointer: "/Tags/2/Key", messageId: "repeated", message: '"Env" is given again (first at index 0)' }],
    },
    {
      name: "every later occurrence is reported",
      value: tags({ Key: "Env" }, { Key: "Env" }, { Key: "Env" }),
      findings: [
        { pointer: "/Tags/1/Key", messageId: "repeated", message: "first at index 0" },
        { pointer: "/Tags/2/Key", messageId: "repeated", message: "first at index 0" },
      ],
      output: tags({ Key: "Env" }),
    },
    {
      name: "indexes count malformed entries too",
      value: tags({ Key: "A" }, { Value: "no key" }, { Key: "B" }, { Key: "A" }, { Key: "B" }),
      findings: [
        { pointer: "/Tags/3/Key", messageId: "repeated", message: "first at index 0" },
        { pointer: "/Tags/4/Key", messageId: "repeated", message: "first at index 2" },
      ],
      output: tags({ Key: "A" }, { Value: "no key" }, { Key: "B" }),
    },
    {
      name: "an exact repeat is fixed by removing it; a second value for the key is left to a person",
      value: tags({ Key: "Env", Value: "prod" }, { Key: "Env", Value: "prod" }, { Key: "Env", Value: "dev" }),
      findings: [
        { pointer: "/Tags/1/Key", messageId: "repeated" },
        { pointer: "/Tags/2/Key", messageId: "repeated" },
      ],
      output: tags({ Key: "Env", Value: "prod" }, { Key: "Env", Value: "dev" }),
    },
    {
      name: "snapshot with a repeated key",
      kind: "snapshot",
      value: snapshot({ Key: "Owner", Value: "a" }, { Key: "Owner", Value: "a" }),
      findings: [{ pointer: "/TagList/1/Key", messageId: "repeated" }],
    },
  ],
} satisfies RuleCases;
