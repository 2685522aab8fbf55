// DB cluster snapshot identifiers, as the Neptune API reference documents them for CopyDBClusterSnapshot:
// TargetDBClusterSnapshotIdentifier "must contain from 1 to 63 letters, numbers, or hyphens; first
// character must be a letter; cannot end with a hyphen or contain two consecutive hyphens"; the source
// may also be an automated snapshot, named `rds:` + cluster id + creation time.
import { describe, expect, it } from "vitest";
import {
  AUTOMATED_PREFIX,
  IDENTIFIER_PROBLEM_TEXT,
  MAX_AUTOMATED_IDENTIFIER_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  identifierProblem,
  sourceIdentifierProblem,
  type IdentifierProblem,
} from "../../src/model/identifiers.js";

const ALL_PROBLEMS: IdentifierProblem[] = ["empty", "too-long", "first-not-letter", "bad-character", "trailing-hyphen", "double-hyphen"];

describe("identifierProblem", () => {
  it.each([
    "a",
    "Z",
    "my-cluster-snapshot2",
    "prod-2026-11-01-dr",
    "MyClusterSnapshot",
    "a1",
    "a-1",
    "a1-b2-c3",
    "x".repeat(63),
    `a${"-b".repeat(31)}`, // 63 characters, hyphens never doubled
  ])("accepts %j", (id) => {
    expect(identifierProblem(id)).toBeUndefined();
  });

  it.each<[string, IdentifierProblem]>([
    ["", "empty"],
    ["x".repeat(64), "too-long"],
    [`a${"-b".repeat(32)}`, "too-long"],
    ["1snapshot", "first-not-letter"],
    ["-snapshot", "first-not-letter"],
    ["_snapshot", "first-not-letter"],
    [" snapshot", "first-not-letter"],
    ["ésnapshot", "first-not-letter"],
    ["snap_shot", "bad-character"],
    ["snap.shot", "bad-character"],
    ["snap shot", "bad-character"],
    ["snapshot ", "bad-character"],
    ["snapshot\n", "bad-character"],
    ["snap:shot", "bad-character"],
    ["snap/shot", "bad-character"],
    ["snapshöt", "bad-character"],
    ["rds:cluster-2026-11-01-03-05", "bad-character"],
    ["snapshot-", "trailing-hyphen"],
    ["a-", "trailing-hyphen"],
    ["snap--shot", "double-hyphen"],
    ["a---b", "double-hyphen"],
  ])("rejects %j: %s", (id, problem) => {
    expect(identifierProblem(id)).toBe(problem);
  });

  it("reports the first problem when there are several", () => {
    expect(identifierProblem(`1${"x".repeat(70)}`)).toBe("too-long");
    expect(identifierProblem("1a_b")).toBe("first-not-letter");
    expect(identifierProblem("a_b-")).toBe("bad-character");
    expect(identifierProblem("a--b-")).toBe("trailing-hyphen");
  });

  it("takes a larger maximum length when given one", () => {
    expect(identifierProblem("x".repeat(100), 255)).toBeUndefined();
    expect(identifierProblem("x".repeat(256), 255)).toBe("too-long");
  });

  it("counts 63 as the documented maximum", () => {
    expect(MAX_IDENTIFIER_LENGTH).toBe(63);
  });
});

describe("sourceIdentifierProblem", () => {
  it.each([
    "my-cluster-snapshot1",
    "prod-2026-11-01",
    "rds:prod-cluster-2026-11-01-03-05",
    "RDS:prod-cluster-2026-11-01-03-05",
    "rds:a",
    // An automated id runs past 63: `rds:` + a 63-character cluster id + `-YYYY-MM-DD-HH-MM`.
    `rds:${"c".repeat(63)}-2026-11-01-03-05`,
  ])("accepts %j", (id) => {
    expect(sourceIdentifierProblem(id)).toBeUndefined();
  });

  it.each<[string, IdentifierProblem]>([
    ["", "empty"],
    ["x".repeat(64), "too-long"],
    ["rds:", "empty"],
    [`rds:${"c".repeat(MAX_AUTOMATED_IDENTIFIER_LENGTH)}`, "too-long"],
    ["rds:-cluster-2026-11-01", "first-not-letter"],
    ["rds:1cluster-2026-11-01", "first-not-letter"],
    ["rds:rds:cluster", "bad-character"],
    ["rds:cluster_2026", "bad-character"],
    ["rds:cluster-", "trailing-hyphen"],
    ["rds:cluster--2026", "double-hyphen"],
    ["awsbackup:job-1234", "bad-character"],
    ["1snapshot", "first-not-letter"],
    ["snapshot-", "trailing-hyphen"],
    ["snap--shot", "double-hyphen"],
    // An ARN is not a plain identifier; callers parse ARNs with parseClusterSnapshotArn.
    ["arn:aws:rds:us-east-1:123456789012:cluster-snapshot:snap", "bad-character"],
  ])("rejects %j: %s", (id, problem) => {
    expect(sourceIdentifierProblem(id)).toBe(problem);
  });

  it("uses the rds: prefix of automated snapshots", () => {
    expect(AUTOMATED_PREFIX).toBe("rds:");
    expect(MAX_AUTOMATED_IDENTIFIER_LENGTH).toBeGreaterThan(MAX_IDENTIFIER_LENGTH);
  });
});

describe("IDENTIFIER_PROBLEM_TEXT", () => {
  it("describes every problem", () => {
    expect(Object.keys(IDENTIFIER_PROBLEM_TEXT).sort()).toEqual([...ALL_PROBLEMS].sort());
    for (const problem of ALL_PROBLEMS) expect(IDENTIFIER_PROBLEM_TEXT[problem]).toMatch(/^[a-z]/);
  });

  it("names the constraint that failed", () => {
    expect(IDENTIFIER_PROBLEM_TEXT["too-long"]).toContain("63");
    expect(IDENTIFIER_PROBLEM_TEXT["first-not-letter"]).toContain("letter");
    expect(IDENTIFIER_PROBLEM_TEXT["trailing-hyphen"]).toContain("hyphen");
    expect(IDENTIFIER_PROBLEM_TEXT["double-hyphen"]).toContain("hyphens");
  });
});
