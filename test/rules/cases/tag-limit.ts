import rule from "../../../rules/tag-limit.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
const snapshot = (TagList: unknown[]) => ({
  DBClusterSnapshotIdentifier: "snap",
  DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap",
  TagList,
});

export default {
  rule,
  valid: [
    { name: "exactly 50 tags", value: { ...base, Tags: many(50) } },
    { name: "no Tags", value: base },
    { name: "an empty tag list", value: { ...base, Tags: [] } },
    { name: "Tags not an array is request-schema's business", value: { ...base, Tags: { length: 99 } } },
    { name: "snapshot with 50 tags", kind: "snapshot", value: snapshot(many(50)) },
  ],
  invalid: [
    {
      name: "51 tags",
      value: { ...base, Tags: many(51) },
      findings: [{ pointer: "/Tags", messageId: "tooMany", message: "There are 51 tags" }],
    },
    {
      name: "malformed elements count too",
      value: { ...base, Tags: [...many(49), { Value: "no key" }, "x"] },
      findings: [{ pointer: "/Tags", messageId: "tooMany", message: "remove 1 of them" }],
    },
    {
      name: "snapshot with 60 tags",
      kind: "snapshot",
      value: snapshot(many(60)),
      findings: [{ pointer: "/TagList", messageId: "tooMany", message: "remove 10 of them" }],
    },
  ],
} satisfies RuleCases;
