// DB cluster snapshot ARNs: arn:PARTITION:rds:REGION:ACCOUNT:cluster-snapshot:ID (Neptune resources
// carry `rds` ARNs). Syntax only: the region must be shaped like one, not known to exist.
import { describe, expect, it } from "vitest";
import { ACCOUNT_SHAPE, PARTITION_SHAPE, REGION_SHAPE, looksLikeArn, parseClusterSnapshotArn } from "../../src/model/arn.js";
import { PARTITIONS } from "../../src/model/regions.js";

const ACCOUNT = "123456789012";

describe("parseClusterSnapshotArn", () => {
  it.each([
    ["arn:aws:rds:us-east-1:123456789012:cluster-snapshot:my-snapshot", { partition: "aws", region: "us-east-1", account: ACCOUNT, id: "my-snapshot" }],
    ["arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:Prod-2026-11-01", { partition: "aws", region: "eu-west-1", account: "111122223333", id: "Prod-2026-11-01" }],
    ["arn:aws-cn:rds:cn-north-1:123456789012:cluster-snapshot:snap", { partition: "aws-cn", region: "cn-north-1", account: ACCOUNT, id: "snap" }],
    ["arn:aws-us-gov:rds:us-gov-west-1:123456789012:cluster-snapshot:snap", { partition: "aws-us-gov", region: "us-gov-west-1", account: ACCOUNT, id: "snap" }],
    ["arn:aws-iso-b:rds:us-isob-east-1:123456789012:cluster-snapshot:snap", { partition: "aws-iso-b", region: "us-isob-east-1", account: ACCOUNT, id: "snap" }],
    ["arn:aws-eusc:rds:eusc-de-east-1:123456789012:cluster-snapshot:snap", { partition: "aws-eusc", region: "eusc-de-east-1", account: ACCOUNT, id: "snap" }],
    // Automated snapshots keep their `rds:` prefix inside the ARN.
    [
      "arn:aws:rds:us-west-2:123456789012:cluster-snapshot:rds:prod-cluster-2026-11-01-03-05",
      { partition: "aws", region: "us-west-2", account: ACCOUNT, id: "rds:prod-cluster-2026-11-01-03-05" },
    ],
    // Syntax only: a region-shaped name that does not exist, or one of another partition, still parses.
    ["arn:aws:rds:us-east-9:123456789012:cluster-snapshot:snap", { partition: "aws", region: "us-east-9", account: ACCOUNT, id: "snap" }],
    ["arn:aws:rds:cn-north-1:123456789012:cluster-snapshot:snap", { partition: "aws", region: "cn-north-1", account: ACCOUNT, id: "snap" }],
  ])("parses %s", (text, parsed) => {
    expect(parseClusterSnapshotArn(text)).toEqual(parsed);
  });

  it.each([
    ["not an ARN", "my-snapshot"],
    ["empty", ""],
    ["prefix only", "arn:"],
    ["upper-case prefix", "ARN:aws:rds:us-east-1:123456789012:cluster-snapshot:snap"],
    ["too few parts", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot"],
    ["empty id", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:"],
    ["id starting with a digit", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:1snap"],
    ["id with a double hyphen", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:snap--1"],
    ["id ending with a hyphen", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:snap-"],
    ["id with a colon that is not rds:", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:snap:1"],
    ["id too long", `arn:aws:rds:us-east-1:123456789012:cluster-snapshot:${"s".repeat(64)}`],
    ["empty automated id", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:"],
    ["empty partition", "arn::rds:us-east-1:123456789012:cluster-snapshot:snap"],
    ["unknown partition shape", "arn:amazon:rds:us-east-1:123456789012:cluster-snapshot:snap"],
    ["upper-case partition", "arn:AWS:rds:us-east-1:123456789012:cluster-snapshot:snap"],
    ["partition with a trailing hyphen", "arn:aws-:rds:us-east-1:123456789012:cluster-snapshot:snap"],
    ["service neptune-db", "arn:aws:neptune-db:us-east-1:123456789012:cluster-snapshot:snap"],
    ["service RDS", "arn:aws:RDS:us-east-1:123456789012:cluster-snapshot:snap"],
    ["empty region", "arn:aws:rds::123456789012:cluster-snapshot:snap"],
    ["region without number", "arn:aws:rds:us-east:123456789012:cluster-snapshot:snap"],
    ["upper-case region", "arn:aws:rds:US-EAST-1:123456789012:cluster-snapshot:snap"],
    ["availability zone", "arn:aws:rds:us-east-1a:123456789012:cluster-snapshot:snap"],
    ["pseudo region", "arn:aws:rds:aws-global:123456789012:cluster-snapshot:snap"],
    ["11-digit account", "arn:aws:rds:us-east-1:12345678901:cluster-snapshot:snap"],
    ["13-digit account", "arn:aws:rds:us-east-1:1234567890123:cluster-snapshot:snap"],
    ["account with a letter", "arn:aws:rds:us-east-1:12345678901a:cluster-snapshot:snap"],
    ["account with hyphens", "arn:aws:rds:us-east-1:1234-5678-9012:cluster-snapshot:snap"],
    ["empty account", "arn:aws:rds:us-east-1::cluster-snapshot:snap"],
    ["DB instance snapshot", "arn:aws:rds:us-east-1:123456789012:snapshot:snap"],
    ["cluster", "arn:aws:rds:us-east-1:123456789012:cluster:my-cluster"],
    ["slash instead of colon", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot/snap"],
    ["leading space", " arn:aws:rds:us-east-1:123456789012:cluster-snapshot:snap"],
    ["trailing space", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:snap "],
  ])("rejects %s", (_name, text) => {
    expect(parseClusterSnapshotArn(text)).toBeUndefined();
  });
});

describe("looksLikeArn", () => {
  it.each([
    ["arn:aws:rds:us-east-1:123456789012:cluster-snapshot:snap", true],
    ["arn:anything", true],
    ["arn:", true],
    ["my-snapshot", false],
    ["rds:prod-2026-11-01-03-05", false],
    ["", false],
    [" arn:aws", false],
  ])("%j → %s", (text, expected) => {
    expect(looksLikeArn(text)).toBe(expected);
  });
});

describe("shapes", () => {
  it("accept every partition id and region of the region table", () => {
    for (const p of PARTITIONS) {
      expect(PARTITION_SHAPE.test(p.id), p.id).toBe(true);
      for (const region of p.regions) expect(REGION_SHAPE.test(region), region).toBe(true);
    }
  });

  it.each(["aws-global", "us-east", "us-east-1a", "useast1", "u-east-1", "US-EAST-1", "us-east-123", ""])("REGION_SHAPE rejects %j", (text) => {
    expect(REGION_SHAPE.test(text)).toBe(false);
  });

  it.each(["aws", "aws-cn", "aws-us-gov", "aws-iso-b"])("PARTITION_SHAPE accepts %j", (text) => {
    expect(PARTITION_SHAPE.test(text)).toBe(true);
  });

  it.each(["", "AWS", "amazon", "aws-", "aws--cn", "aws-cn1", "awscn"])("PARTITION_SHAPE rejects %j", (text) => {
    expect(PARTITION_SHAPE.test(text)).toBe(false);
  });

  it.each([
    ["123456789012", true],
    ["000000000000", true],
    ["12345678901", false],
    ["1234567890123", false],
    ["12345678901a", false],
    ["", false],
  ])("ACCOUNT_SHAPE %j → %s", (text, expected) => {
    expect(ACCOUNT_SHAPE.test(text)).toBe(expected);
  });
});
