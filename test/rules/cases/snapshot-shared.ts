import rule from "../../../rules/snapshot-shared.js";
import type { RuleCases } from "../../support/rule-tester.js";

const snapshot = (over: Record<string, unknown> = {}) => ({
  DBClusterSnapshotIdentifier: "snap",
  DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap",
  SnapshotType: "manual",
  ...over,
});
const restore = (...values: unknown[]) => snapshot({ DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: values }] });

export default {
  rule,
  valid: [
    { name: "shared with nobody", value: restore() },
    { name: "shared with allowed accounts only", value: restore("444455556666", "777788889999"), options: { accounts: ["444455556666", "777788889999"] } },
    { name: "public is snapshot-public's business", value: restore("all") },
    { name: "no restore attribute", value: snapshot({ DBClusterSnapshotAttributes: [{ AttributeName: "other", AttributeValues: ["444455556666"] }] }) },
    { name: "automated snapshots cannot be shared: no attributes needed", value: snapshot({ SnapshotType: "automated" }) },
    { name: "unverified: off", value: snapshot(), options: { unverified: "off" } },
  ],
  invalid: [
    {
      name: "shared with an account when none is allowed",
      value: restore("444455556666"),
      findings: [
        {
          pointer: "/DBClusterSnapshotAttributes/0/AttributeValues/0",
          messageId: "shared",
          message: "shared with account 444455556666, which the policy does not allow",
        },
      ],
    },
    {
      name: "each account not allowed is reported, all is not",
      value: restore("all", "444455556666", "777788889999", "123456789012"),
      options: { accounts: ["777788889999"] },
      findings: [
        { pointer: "/DBClusterSnapshotAttributes/0/AttributeValues/1", messageId: "shared", message: "444455556666" },
        { pointer: "/DBClusterSnapshotAttributes/0/AttributeValues/3", messageId: "shared", message: "123456789012" },
      ],
    },
    {
      name: "an account listed twice is one finding",
      value: snapshot({
        DBClusterSnapshotAttributes: [
          { AttributeName: "restore", AttributeValues: ["444455556666"] },
          { AttributeName: "restore", AttributeValues: ["444455556666"] },
        ],
      }),
      findings: [{ pointer: "/DBClusterSnapshotAttributes/0/AttributeValues/0", messageId: "shared" }],
    },
    {
      name: "manual snapshot without gathered attributes",
      value: snapshot(),
      findings: [{ pointer: "", messageId: "unverified", message: "the accounts the snapshot is shared with" }],
    },
  ],
} satisfies RuleCases;
