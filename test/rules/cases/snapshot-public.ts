import rule from "../../../rules/snapshot-public.js";
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
    { name: "shared with a named account", value: restore("444455556666") },
    { name: "attributes gathered, none of them restore", value: snapshot({ DBClusterSnapshotAttributes: [] }) },
    { name: "another attribute holding all", value: snapshot({ DBClusterSnapshotAttributes: [{ AttributeName: "other", AttributeValues: ["all"] }] }) },
    { name: "the value is all, exactly", value: restore("ALL-accounts") },
    { name: "automated snapshots cannot be shared: no attributes needed", value: snapshot({ SnapshotType: "automated" }) },
    { name: "a snapshot shared with us is its owner's business", value: snapshot({ SnapshotType: "shared" }) },
    { name: "unverified: off", value: snapshot(), options: { unverified: "off" } },
    { name: "not an object", value: "snap" },
  ],
  invalid: [
    {
      name: "restore includes all",
      value: restore("444455556666", "all"),
      findings: [
        {
          pointer: "/DBClusterSnapshotAttributes/0/AttributeValues/1",
          messageId: "public",
          message: "--db-cluster-snapshot-identifier snap --attribute-name restore --values-to-remove all",
        },
      ],
    },
    {
      name: "all in two restore attributes is one finding",
      value: snapshot({
        DBClusterSnapshotAttributes: [
          { AttributeName: "other", AttributeValues: [] },
          { AttributeName: "restore", AttributeValues: ["all"] },
          { AttributeName: "restore", AttributeValues: ["all"] },
        ],
      }),
      findings: [{ pointer: "/DBClusterSnapshotAttributes/1/AttributeValues/0", messageId: "public" }],
    },
    {
      name: "an automated snapshot whose gathered attributes say all",
      value: snapshot({ SnapshotType: "automated", DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: ["all"] }] }),
      findings: [{ pointer: "/DBClusterSnapshotAttributes/0/AttributeValues/0", messageId: "public" }],
    },
    {
      name: "manual snapshot without gathered attributes",
      value: snapshot(),
      findings: [{ pointer: "", messageId: "unverified", message: "DBClusterSnapshotAttributes" }],
    },
    {
      name: "snapshot of no stated type without gathered attributes",
      value: snapshot({ SnapshotType: undefined }),
      findings: [{ pointer: "", messageId: "unverified", message: "whether the snapshot is public" }],
    },
  ],
} satisfies RuleCases;
