// Keeps src/model/regions.ts in step with the AWS SDK's own partition data. The SDK does not export
// its partition table, so the test reads it from the installed @aws-sdk/core (the copy that
// @aws-sdk/client-neptune itself resolves) and cross-checks with the SDK's public `partition()`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { PARTITIONS, isKnownRegion, partitionOf } from "../../src/model/regions.js";

interface SdkPartition {
  id: string;
  regionRegex: string;
  regions: Record<string, unknown>;
  outputs: { name: string };
}

const requireHere = createRequire(import.meta.url);
const requireFromNeptune = createRequire(requireHere.resolve("@aws-sdk/client-neptune"));
const coreDir = dirname(requireFromNeptune.resolve("@aws-sdk/core/package.json"));
const partitionsFile = join(coreDir, "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js");

/** `export const partitionsInfo = { ... };`: the object literal is plain JSON. */
function loadSdkPartitions(): SdkPartition[] {
  const text = readFileSync(partitionsFile, "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  const info = JSON.parse(json) as { partitions: SdkPartition[] };
  return info.partitions;
}

const sdkPartitions = loadSdkPartitions();
const sdkPartition = (requireFromNeptune("@aws-sdk/core/client") as { partition: (region: string) => { name: string } }).partition;

/** The SDK lists pseudo regions (`aws-global`, `aws-iso-b-global`, ...) that are endpoint aliases. */
const isPseudoRegion = (name: string) => name.endsWith("-global");

describe("PARTITIONS against the AWS SDK's partition data", () => {
  it("found the SDK's table", () => {
    expect(sdkPartitions.length).toBeGreaterThanOrEqual(3);
    expect(sdkPartitions.map((p) => p.id)).toContain("aws");
  });

  it("has exactly the SDK's partitions", () => {
    expect(PARTITIONS.map((p) => p.id).sort()).toEqual(sdkPartitions.map((p) => p.id).sort());
  });

  for (const sdk of sdkPartitions) {
    describe(sdk.id, () => {
      const ours = PARTITIONS.find((p) => p.id === sdk.id);

      it("has the SDK's real regions, and no others", () => {
        const real = Object.keys(sdk.regions).filter((r) => !isPseudoRegion(r));
        expect(ours?.regions.slice().sort()).toEqual(real.sort());
      });

      it("has the SDK's regionRegex", () => {
        expect(ours?.regionRegex.source).toBe(sdk.regionRegex);
        expect(ours?.regionRegex.flags).toBe("");
      });

      it("leaves out the pseudo regions", () => {
        for (const pseudo of Object.keys(sdk.regions).filter(isPseudoRegion)) {
          expect(isKnownRegion(pseudo)).toBe(false);
        }
      });
    });
  }

  it("lists every region once, in one partition", () => {
    const all = PARTITIONS.flatMap((p) => p.regions);
    expect(new Set(all).size).toBe(all.length);
  });

  it("places every known region where the SDK's partition() does", () => {
    for (const p of PARTITIONS) {
      for (const region of p.regions) {
        expect({ region, partition: partitionOf(region) }).toEqual({ region, partition: sdkPartition(region).name });
      }
    }
  });

  it("gives every known region a name its partition's regionRegex accepts", () => {
    for (const p of PARTITIONS) for (const region of p.regions) expect(p.regionRegex.test(region), region).toBe(true);
  });
});

describe("partitionOf", () => {
  it.each([
    ["us-east-1", "aws"],
    ["eu-central-2", "aws"],
    ["mx-central-1", "aws"],
    ["us-gov-west-1", "aws-us-gov"],
    ["us-gov-east-1", "aws-us-gov"],
    ["cn-north-1", "aws-cn"],
    ["cn-northwest-1", "aws-cn"],
    ["eusc-de-east-1", "aws-eusc"],
    ["us-iso-east-1", "aws-iso"],
    ["us-isob-east-1", "aws-iso-b"],
    ["eu-isoe-west-1", "aws-iso-e"],
    ["us-isof-south-1", "aws-iso-f"],
  ])("places the known region %s in %s", (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });

  it.each([
    // Not (yet) in the table, but shaped like a region of the partition.
    ["us-east-9", "aws"],
    ["ap-southeast-99", "aws"],
    ["us-gov-north-1", "aws-us-gov"],
    ["cn-south-1", "aws-cn"],
    ["us-isob-north-2", "aws-iso-b"],
    ["eusc-de-west-1", "aws-eusc"],
  ])("places the unknown but %s-shaped region by its partition's regex", (region, partition) => {
    expect(isKnownRegion(region)).toBe(false);
    expect(partitionOf(region)).toBe(partition);
    expect(sdkPartition(region).name).toBe(partition);
  });

  it.each([
    "",
    "garbage",
    "aws-global",
    "US-EAST-1",
    "us-east-1 ",
    "us_east_1",
    "xx-east-1",
    "us-east",
    "eusc-fr-east-1",
    "us-east-1a",
  ])("places %j in no partition", (region) => {
    expect(partitionOf(region)).toBeUndefined();
  });
});

describe("isKnownRegion", () => {
  it("knows a region of the table, in any partition or in its own", () => {
    expect(isKnownRegion("eu-west-1")).toBe(true);
    expect(isKnownRegion("eu-west-1", "aws")).toBe(true);
    expect(isKnownRegion("cn-north-1", "aws-cn")).toBe(true);
    expect(isKnownRegion("us-gov-west-1", "aws-us-gov")).toBe(true);
  });

  it("does not know a region of the table in another partition", () => {
    expect(isKnownRegion("cn-north-1", "aws")).toBe(false);
    expect(isKnownRegion("us-east-1", "aws-us-gov")).toBe(false);
    expect(isKnownRegion("us-gov-west-1", "aws")).toBe(false);
  });

  it("does not know names merely shaped like regions, nor pseudo regions", () => {
    expect(isKnownRegion("us-east-9")).toBe(false);
    expect(isKnownRegion("us-east-9", "aws")).toBe(false);
    expect(isKnownRegion("aws-global")).toBe(false);
    expect(isKnownRegion("aws-us-gov-global", "aws-us-gov")).toBe(false);
    expect(isKnownRegion("")).toBe(false);
  });

  it("does not know a region in a partition that does not exist", () => {
    expect(isKnownRegion("us-east-1", "aws-moon")).toBe(false);
  });
});
