import rule from "../../../rules/duplicate-key.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };

export default {
  rule,
  valid: [
    { name: "no repeated keys", value: base },
    { name: "empty list", value: base, duplicates: [] },
    { name: "snapshot without repeats", kind: "snapshot", value: { DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:a" } },
  ],
  invalid: [
    { name: "repeated member", value: base, duplicates: [{ pointer: "/KmsKeyId", key: "KmsKeyId" }], findings: [{ pointer: "/KmsKeyId", messageId: "repeated", message: '"KmsKeyId"' }] },
    {
      name: "repeated key in a tag of a plan's request",
      value: base,
      duplicates: [{ pointer: "/copies/1/Tags/0/Key", key: "Key" }, { pointer: "/copies/1/Tags/0/Key", key: "Key" }],
      findings: [{ pointer: "/copies/1/Tags/0/Key", messageId: "repeated" }, { pointer: "/copies/1/Tags/0/Key", messageId: "repeated" }],
    },
    { name: "repeated plan key reported on the first request", value: base, duplicates: [{ pointer: "/region", key: "region" }], findings: [{ pointer: "/region", messageId: "repeated" }] },
    { name: "in a snapshot", kind: "snapshot", value: {}, duplicates: [{ pointer: "/DBClusterSnapshots/3/Status", key: "Status" }], findings: [{ pointer: "/DBClusterSnapshots/3/Status", messageId: "repeated" }] },
  ],
} satisfies RuleCases;
