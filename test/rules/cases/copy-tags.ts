import rule from "../../../rules/copy-tags.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };

export default {
  rule,
  valid: [
    { name: "CopyTags true, as the default option wants", value: { ...base, CopyTags: true } },
    { name: "value: false and CopyTags false", value: { ...base, CopyTags: false }, options: { value: false } },
    { name: "value: false and no CopyTags (the API default is false)", value: base, options: { value: false } },
    { name: "a non-boolean CopyTags is request-schema's business", value: { ...base, CopyTags: "true" } },
    { name: "not an object", value: ["CopyTags"] },
  ],
  invalid: [
    {
      name: "CopyTags missing",
      value: base,
      findings: [{ pointer: "", messageId: "missing", message: 'add "CopyTags": true' }],
    },
    {
      name: "CopyTags false",
      value: { ...base, CopyTags: false },
      findings: [{ pointer: "/CopyTags", messageId: "notTrue" }],
    },
    {
      name: "CopyTags false with the option value: true given",
      value: { ...base, CopyTags: false, Tags: [{ Key: "Owner", Value: "graph" }] },
      options: { value: true },
      findings: [{ pointer: "/CopyTags", messageId: "notTrue" }],
    },
    {
      name: "CopyTags true where the policy forbids copying tags",
      value: { ...base, CopyTags: true },
      options: { value: false },
      findings: [{ pointer: "/CopyTags", messageId: "notFalse", message: "set it to false" }],
    },
  ],
} satisfies RuleCases;
