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
    // A request with its own tags is complete as it is: AWS copies no tags from the source then (copy-tags-ignored warns about CopyTags: true).
    { name: "own Tags and CopyTags true: copy-tags-ignored's business", value: { ...base, CopyTags: true, Tags: [{ Key: "Owner", Value: "graph" }] } },
    { name: "own Tags and CopyTags false", value: { ...base, CopyTags: false, Tags: [{ Key: "Owner", Value: "graph" }] } },
    { name: "own Tags and no CopyTags", value: { ...base, Tags: [{ Key: "Owner", Value: "graph" }] } },
    { name: "own Tags, CopyTags true and the policy forbids copying", value: { ...base, CopyTags: true, Tags: [{ Key: "Owner", Value: "graph" }] }, options: { value: false } },
  ],
  invalid: [
    {
      name: "CopyTags missing",
      value: base,
      findings: [{ pointer: "", messageId: "missing", message: 'add "CopyTags": true' }],
      output: { ...base, CopyTags: true },
    },
    {
      name: "empty Tags count as no tags of its own",
      value: { ...base, CopyTags: false, Tags: [] },
      findings: [{ pointer: "/CopyTags", messageId: "notTrue" }],
      output: { ...base, CopyTags: true, Tags: [] },
    },
    {
      name: "CopyTags false",
      value: { ...base, CopyTags: false },
      findings: [{ pointer: "/CopyTags", messageId: "notTrue" }],
      output: { ...base, CopyTags: true },
    },
    {
      name: "CopyTags false with the option value: true given",
      value: { ...base, CopyTags: false },
      options: { value: true },
      findings: [{ pointer: "/CopyTags", messageId: "notTrue" }],
      output: { ...base, CopyTags: true },
    },
    {
      name: "CopyTags true where the policy forbids copying tags",
      value: { ...base, CopyTags: true },
      options: { value: false },
      findings: [{ pointer: "/CopyTags", messageId: "notFalse", message: "set it to false" }],
      output: { ...base, CopyTags: false },
    },
  ],
} satisfies RuleCases;
