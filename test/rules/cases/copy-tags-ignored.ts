import rule from "../../../rules/copy-tags-ignored.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };

export default {
  rule,
  valid: [
    { name: "CopyTags without Tags", value: { ...base, CopyTags: true } },
    { name: "CopyTags with an empty Tags", value: { ...base, CopyTags: true, Tags: [] } },
    { name: "Tags with CopyTags false", value: { ...base, CopyTags: false, Tags: [{ Key: "Owner", Value: "graph" }] } },
    { name: "Tags without CopyTags", value: { ...base, Tags: [{ Key: "Owner", Value: "graph" }] } },
    { name: "a non-boolean CopyTags is request-schema's business", value: { ...base, CopyTags: "true", Tags: [{ Key: "Owner" }] } },
  ],
  invalid: [
    {
      name: "CopyTags with Tags",
      value: { ...base, CopyTags: true, Tags: [{ Key: "Purpose", Value: "dr" }] },
      findings: [{ pointer: "/CopyTags", messageId: "ignored", message: "gives 1 tag(s) of its own" }],
    },
    {
      name: "CopyTags with several Tags",
      value: { ...base, Tags: [{ Key: "Purpose", Value: "dr" }, { Key: "Owner", Value: "graph" }], CopyTags: true },
      findings: [{ pointer: "/CopyTags", messageId: "ignored", message: "copies none of the source's tags" }],
    },
    {
      name: "malformed tag elements still make Tags non-empty",
      value: { ...base, CopyTags: true, Tags: [{ Value: "no key" }] },
      findings: [{ pointer: "/CopyTags", messageId: "ignored" }],
    },
  ],
} satisfies RuleCases;
