import { defineRule } from "../src/engine/rule.js";

export interface SnapshotMaxAgeOptions {
  days: number;
  types: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** ISO 8601 date and time, as describe-db-cluster-snapshots gives `SnapshotCreateTime`; the zone is optional. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch, or undefined when the text is not a real ISO 8601 date and time. */
export function parseSnapshotTime(text: string): number | undefined {
  const match = ISO_TIME.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, zone] = match as unknown as [string, string, string, string, string, string, string?, string?];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || (second !== undefined && Number(second) > 59)) return undefined;
  const time = Date.parse(`${text.trim().replace(" ", "T").toUpperCase()}${zone === undefined ? "Z" : ""}`);
  return Number.isNaN(time) ? undefined : time;
}

export default defineRule<SnapshotMaxAgeOptions>({
  id: "snapshot-max-age",
  summary: "Snapshots of the given types must not be older than the given number of days",
  description: [
    "Enforces a retention limit: a snapshot whose `SnapshotType` is one of the option `types` (default",
    "`[\"manual\"]`: automated snapshots expire with the cluster's backup retention period on their own) and",
    "whose `SnapshotCreateTime` lies more than `days` days before the time of the run is reported, at",
    "`/SnapshotCreateTime`. `days` is required and may be fractional (`0.5` is twelve hours).",
    "",
    "`SnapshotType` is compared exactly as AWS gives it (`manual`, `automated`, `shared`, `public`,",
    "`awsbackup`, ...); a snapshot without a `SnapshotType` is of no listed type and is not judged.",
    "",
    "`SnapshotCreateTime` must be an ISO 8601 date and time (as the AWS CLI and `export` write it); one",
    "without a time zone is read as UTC. A snapshot of a listed type whose `SnapshotCreateTime` is missing or",
    "cannot be read is reported (message ids `noCreateTime`, `badCreateTime`) rather than passed, since its",
    "age cannot be known: the time is part of the snapshot itself, not a fact that could be gathered later.",
  ].join("\n"),
  subjects: ["snapshot"],
  recommended: "off",
  configExample: "[warn, { days: 90 }]",
  category: "retention",
  needs: [],
  options: {
    type: "object",
    properties: {
      days: { type: "number", exclusiveMinimum: 0, description: "The greatest age allowed, in days" },
      types: {
        type: "array",
        items: { type: "string", minLength: 1 },
        minItems: 1,
        uniqueItems: true,
        description: "The `SnapshotType`s the limit applies to, compared exactly",
      },
    },
    required: ["days"],
    additionalProperties: false,
  },
  defaults: { types: ["manual"] },
  messages: {
    tooOld:
      "This {{type}} snapshot was created on {{created}}, more than {{days}} day(s) ago, the most the policy allows: " +
      "delete it (aws neptune delete-db-cluster-snapshot --db-cluster-snapshot-identifier {{id}}) if it is no longer needed.",
    noCreateTime:
      "The snapshot has no SnapshotCreateTime, so its age cannot be checked: include SnapshotCreateTime in the inventory " +
      "(describe-db-cluster-snapshots gives it).",
    badCreateTime:
      "SnapshotCreateTime {{created}} is not an ISO 8601 date and time (e.g. 2026-11-01T03:04:05Z), so the snapshot's age " +
      "cannot be checked.",
  },
  docs: [
    {
      title: "Neptune API: DescribeDBClusterSnapshots",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_DescribeDBClusterSnapshots.html",
    },
    {
      title: "Neptune API: DeleteDBClusterSnapshot",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_DeleteDBClusterSnapshot.html",
    },
  ],
  check({ snapshot, options, now, report }) {
    if (snapshot === undefined || !snapshot.isObject) return;
    const type = snapshot.snapshot.SnapshotType;
    if (typeof type !== "string" || !(options.types ?? ["manual"]).includes(type)) return;
    const raw: unknown = snapshot.snapshot.SnapshotCreateTime;
    if (raw === undefined || raw === null) {
      report({ pointer: "", messageId: "noCreateTime" });
      return;
    }
    // Live snapshots may carry the SDK's Date; inventories carry text.
    const created = raw instanceof Date ? raw.getTime() : typeof raw === "string" ? parseSnapshotTime(raw) : undefined;
    if (created === undefined || Number.isNaN(created)) {
      report({ pointer: "/SnapshotCreateTime", messageId: "badCreateTime", data: { created: JSON.stringify(raw) ?? String(raw) } });
      return;
    }
    if (now.getTime() - created <= options.days * DAY_MS) return;
    const id = snapshot.snapshot.DBClusterSnapshotIdentifier;
    report({
      pointer: "/SnapshotCreateTime",
      messageId: "tooOld",
      data: {
        type,
        created: new Date(created).toISOString(),
        days: options.days,
        id: typeof id === "string" ? id : (snapshot.arn?.id ?? "SNAPSHOT"),
      },
    });
  },
});
