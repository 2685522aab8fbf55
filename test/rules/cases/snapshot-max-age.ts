import rule from "../../../rules/snapshot-max-age.js";
import type { RuleCases } from "../../support/rule-tester.js";

// The tester's clock: 2026-11-24T00:00:00Z.
const snapshot = (SnapshotCreateTime: unknown, ...type: unknown[]) => ({
  DBClusterSnapshotIdentifier: "snap",
  DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap",
  ...(type.length === 0 ? { SnapshotType: "manual" } : type[0] === undefined ? {} : { SnapshotType: type[0] }),
  ...(SnapshotCreateTime === undefined ? {} : { SnapshotCreateTime }),
});
const days = { days: 30 };

export default {
  rule,
  valid: [
    { name: "a manual snapshot younger than the limit", value: snapshot("2026-11-20T03:04:05.123Z"), options: days },
    { name: "exactly as old as the limit", value: snapshot("2026-10-25T00:00:00Z"), options: days },
    { name: "automated snapshots are not judged by default", value: snapshot("2020-01-01T00:00:00Z", "automated"), options: days },
    { name: "a snapshot of no stated type is not judged", value: snapshot("2020-01-01T00:00:00Z", undefined), options: days },
    { name: "types are compared exactly", value: snapshot("2020-01-01T00:00:00Z", "Manual"), options: days },
    { name: "a type not listed needs no create time", value: snapshot(undefined, "automated"), options: days },
    { name: "the AWS CLI's format with an offset", value: snapshot("2026-11-23T23:30:00.123000+01:00"), options: { days: 1 } },
    { name: "a fractional limit", value: snapshot("2026-11-23T13:00:00Z"), options: { days: 0.5 } },
    { name: "a creation time in the future is not old", value: snapshot("2027-01-01T00:00:00Z"), options: days },
  ],
  invalid: [
    {
      name: "a manual snapshot older than the limit",
      value: snapshot("2026-01-01T03:04:05Z"),
      options: days,
      findings: [
        {
          pointer: "/SnapshotCreateTime",
          messageId: "tooOld",
          message: "This manual snapshot was created on 2026-01-01T03:04:05.000Z, more than 30 day(s) ago",
        },
      ],
    },
    {
      name: "one second past the limit",
      value: snapshot("2026-10-24T23:59:59Z"),
      options: days,
      findings: [{ pointer: "/SnapshotCreateTime", messageId: "tooOld", message: "--db-cluster-snapshot-identifier snap" }],
    },
    {
      name: "the types option",
      value: snapshot("2026-09-01T00:00:00+00:00", "awsbackup"),
      options: { days: 60, types: ["manual", "awsbackup"] },
      findings: [{ pointer: "/SnapshotCreateTime", messageId: "tooOld", message: "This awsbackup snapshot" }],
    },
    {
      name: "a time without a zone is read as UTC",
      value: snapshot("2026-11-23T11:59:59"),
      options: { days: 0.5 },
      findings: [{ pointer: "/SnapshotCreateTime", messageId: "tooOld" }],
    },
    {
      name: "a missing SnapshotCreateTime",
      value: snapshot(undefined),
      options: days,
      findings: [{ pointer: "", messageId: "noCreateTime" }],
    },
    {
      name: "a SnapshotCreateTime that is not a date and time",
      value: snapshot("last tuesday"),
      options: days,
      findings: [{ pointer: "/SnapshotCreateTime", messageId: "badCreateTime", message: '"last tuesday" is not an ISO 8601 date' }],
    },
    {
      name: "a day that does not exist",
      value: snapshot("2026-02-30T00:00:00Z"),
      options: days,
      findings: [{ pointer: "/SnapshotCreateTime", messageId: "badCreateTime" }],
    },
    {
      name: "a number is not a date and time",
      value: snapshot(1793502245000),
      options: days,
      findings: [{ pointer: "/SnapshotCreateTime", messageId: "badCreateTime", message: "1793502245000" }],
    },
  ],
} satisfies RuleCases;
