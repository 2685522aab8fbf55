import rule from "../../../rules/tag-policy.js";
import type { Snapshot } from "../../../src/model/types.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const tags = (...Tags: unknown[]) => ({ ...base, Tags });
const copying = { ...base, CopyTags: true };
const source = (TagList?: unknown[]): Snapshot => ({
  DBClusterSnapshotIdentifier: "prod-2026-11-01",
  DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:prod-2026-11-01",
  Engine: "neptune",
  Status: "available",
  ...(TagList ? { TagList: TagList as Snapshot["TagList"] } : {}),
});
const snapshot = (TagList?: unknown[]) => ({ ...source(TagList), SnapshotType: "manual" });
const policy = { required: ["Owner", "CostCenter"], patterns: { CostCenter: "^cc-[0-9]{4}$" } };
const good = [{ Key: "Owner", Value: "graph-team" }, { Key: "CostCenter", Value: "cc-1234" }];

export default {
  rule,
  valid: [
    { name: "required tags present, values matching", value: tags(...good), options: policy },
    {
      name: "caseSensitive: false matches keys without case, in required, patterns and allowed",
      value: tags({ Key: "owner", Value: "x" }, { Key: "COSTCENTER", Value: "cc-0001" }),
      options: { ...policy, allowed: ["Owner", "CostCenter"], caseSensitive: false },
    },
    { name: "only allowed keys", value: tags({ Key: "Owner", Value: "x" }), options: { allowed: ["Owner", "Env"] } },
    { name: "a pattern applies only when its tag is present", value: tags({ Key: "Owner", Value: "x" }), options: { patterns: { Env: "^(prod|dev)$" } } },
    { name: "patterns are not anchored unless written so", value: tags({ Key: "Env", Value: "preprod" }), options: { patterns: { Env: "prod" } } },
    {
      name: "with CopyTags the copy carries the source's tags (from the facts)",
      value: copying,
      options: policy,
      facts: { sourceSnapshot: source(good) },
    },
    {
      name: "CopyTags with an empty Tags still copies the source's tags",
      value: { ...copying, Tags: [] },
      options: policy,
      facts: { sourceSnapshot: source(good) },
    },
    {
      name: "the request's own Tags win over CopyTags: no source facts needed",
      value: { ...copying, Tags: good },
      options: policy,
    },
    { name: "a source the facts show missing is source-snapshot's business", value: copying, options: policy, facts: { sourceSnapshot: null } },
    { name: "snapshot following the policy", kind: "snapshot", value: snapshot(good), options: policy },
    { name: "an empty policy checks nothing, not even a snapshot without TagList", kind: "snapshot", value: snapshot() },
    { name: "an empty policy checks nothing", value: base },
    { name: "Tags not an array is request-schema's business", value: { ...base, Tags: { Owner: "x" } }, options: policy },
    { name: "a non-boolean CopyTags is request-schema's business", value: { ...base, CopyTags: "yes" }, options: policy },
    {
      name: "a value tag-format rejects is its business, not the pattern's",
      value: tags({ Key: "Owner", Value: "x" }, { Key: "CostCenter", Value: "cc#1234" }),
      options: policy,
    },
    {
      name: "a key tag-format rejects is its business, not allowed's",
      value: tags({ Key: "Owner", Value: "x" }, { Key: "Cost Center!" }),
      options: { allowed: ["Owner"] },
    },
    {
      name: "a non-string Value is request-schema's business",
      value: tags({ Key: "Owner", Value: "x" }, { Key: "CostCenter", Value: 1234 }),
      options: policy,
    },
    {
      name: "patterns use the u flag, as JSON Schema's pattern: . is one code point",
      value: tags({ Key: "Name", Value: "\u{1D49C}" }),
      options: { patterns: { Name: "^.$" } },
    },
    { name: "unverified: off", value: copying, options: { ...policy, unverified: "off" } },
  ],
  invalid: [
    {
      name: "a required tag missing from Tags",
      value: tags({ Key: "Owner", Value: "graph-team" }),
      options: policy,
      findings: [{ pointer: "/Tags", messageId: "missing", message: 'requires the tag "CostCenter"' }],
    },
    {
      name: "a request that gives no tags and does not copy them",
      value: base,
      options: { required: ["Owner"] },
      findings: [{ pointer: "", messageId: "missingNoTags", message: "The copy will carry no tags" }],
    },
    {
      name: "an empty Tags without CopyTags",
      value: { ...base, Tags: [], CopyTags: false },
      options: { required: ["Owner"] },
      findings: [{ pointer: "/Tags", messageId: "missingNoTags" }],
    },
    {
      name: "a value that does not match its pattern",
      value: tags({ Key: "Owner", Value: "x" }, { Key: "CostCenter", Value: "1234" }),
      options: policy,
      findings: [{ pointer: "/Tags/1/Value", messageId: "pattern", message: 'The value "1234" of tag "CostCenter" does not match "^cc-[0-9]{4}$"' }],
    },
    {
      name: "a tag with a pattern and no value",
      value: tags({ Key: "CostCenter" }, { Key: "Owner", Value: "x" }),
      options: policy,
      findings: [{ pointer: "/Tags/0", messageId: "noValue", message: '"CostCenter" has no value' }],
    },
    {
      name: "a key not allowed (its pattern is not checked as well)",
      value: tags({ Key: "Owner", Value: "x" }, { Key: "Env", Value: "nope" }, { Key: "Team", Value: "graph" }),
      options: { allowed: ["Owner"], patterns: { Env: "^prod$" } },
      findings: [
        { pointer: "/Tags/1/Key", messageId: "notAllowed", message: 'allowed: "Owner"' },
        { pointer: "/Tags/2/Key", messageId: "notAllowed" },
      ],
    },
    {
      name: "keys are case-sensitive by default",
      value: tags({ Key: "owner", Value: "x" }, { Key: "costcenter", Value: "bad" }),
      options: { ...policy, allowed: ["Owner", "CostCenter"] },
      findings: [
        { pointer: "/Tags", messageId: "missing", message: '"Owner"' },
        { pointer: "/Tags", messageId: "missing", message: '"CostCenter"' },
        { pointer: "/Tags/0/Key", messageId: "notAllowed" },
        { pointer: "/Tags/1/Key", messageId: "notAllowed" },
      ],
    },
    {
      name: "required keys that are one key without case are reported once",
      value: tags({ Key: "Env", Value: "prod" }),
      options: { required: ["Owner", "OWNER"], caseSensitive: false },
      findings: [{ pointer: "/Tags", messageId: "missing", message: '"Owner"' }],
    },
    {
      name: "several patterns for one key (without case): one finding for the tag",
      value: tags({ Key: "env", Value: "staging" }),
      options: { patterns: { Env: "^(prod|dev)$", ENV: "^prod$" }, caseSensitive: false },
      findings: [{ pointer: "/Tags/0/Value", messageId: "pattern", message: '"^(prod|dev)$"' }],
    },
    {
      name: "CopyTags without facts about the source",
      value: copying,
      options: policy,
      findings: [{ pointer: "", messageId: "unverified", message: "from the source snapshot (CopyTags) against the tag policy: no facts" }],
    },
    {
      name: "CopyTags with source facts that carry no TagList",
      value: copying,
      options: policy,
      facts: { sourceSnapshot: source() },
      findings: [{ pointer: "", messageId: "unverified", message: "its facts carry no TagList" }],
    },
    {
      name: "tags copied from the source break the policy: findings point at CopyTags",
      value: copying,
      options: { ...policy, allowed: ["Owner", "CostCenter"] },
      facts: { sourceSnapshot: source([{ Key: "CostCenter", Value: "42" }, { Key: "Scratch", Value: "1" }, { Key: "CostCenter" }]) },
      findings: [
        { pointer: "/CopyTags", messageId: "missingFromSource", message: '"Owner"' },
        { pointer: "/CopyTags", messageId: "sourcePattern", message: '"42"' },
        { pointer: "/CopyTags", messageId: "sourceNotAllowed", message: '"Scratch"' },
        { pointer: "/CopyTags", messageId: "sourceNoValue" },
      ],
    },
    {
      name: "snapshot without a required tag",
      kind: "snapshot",
      value: snapshot([{ Key: "Owner", Value: "graph" }]),
      options: { required: ["Owner", "CostCenter"] },
      findings: [{ pointer: "/TagList", messageId: "snapshotMissing", message: "add-tags-to-resource" }],
    },
    {
      name: "snapshot with a value that does not match",
      kind: "snapshot",
      value: snapshot([{ Key: "Owner", Value: "graph" }, { Key: "CostCenter", Value: "cc-12" }]),
      options: policy,
      findings: [{ pointer: "/TagList/1/Value", messageId: "pattern" }],
    },
    {
      name: "snapshot whose tags were not gathered",
      kind: "snapshot",
      value: snapshot(),
      options: policy,
      findings: [{ pointer: "", messageId: "tagsNotGathered", message: "include TagList" }],
    },
    {
      name: "an invalid pattern is reported and the rest of the policy still applies",
      value: tags({ Key: "CostCenter", Value: "((" }, { Key: "Env", Value: "test" }),
      options: { required: ["Owner"], patterns: { CostCenter: "(cc-", Env: "^prod$" } },
      findings: [
        { pointer: "", messageId: "invalidPattern", message: 'pattern for "CostCenter", "(cc-", is not a valid regular expression' },
        { pointer: "/Tags", messageId: "missing", message: '"Owner"' },
        { pointer: "/Tags/1/Value", messageId: "pattern" },
      ],
    },
  ],
} satisfies RuleCases;
