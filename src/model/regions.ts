// Known regions of every AWS partition, written out from the AWS SDK's own partition data
// (`partitionsInfo` in @aws-sdk/core, util-endpoints/lib/aws/partitions.js). The SDK's pseudo regions
// that end in `-global` (`aws-global`, `aws-cn-global`, ...) are endpoint aliases, not places a
// snapshot can live, and are left out. test/model/regions.test.ts keeps this table in step with the
// installed SDK: when it fails after an SDK update, copy the new partitions or regions in here.

export interface Partition {
  id: string;
  /** The SDK's regionRegex: how region names of this partition are shaped. */
  regionRegex: RegExp;
  regions: readonly string[];
}

export const PARTITIONS: readonly Partition[] = [
  {
    id: "aws",
    regionRegex: /^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$/,
    regions: [
      "af-south-1",
      "ap-east-1",
      "ap-east-2",
      "ap-northeast-1",
      "ap-northeast-2",
      "ap-northeast-3",
      "ap-south-1",
      "ap-south-2",
      "ap-southeast-1",
      "ap-southeast-2",
      "ap-southeast-3",
      "ap-southeast-4",
      "ap-southeast-5",
      "ap-southeast-6",
      "ap-southeast-7",
      "ca-central-1",
      "ca-west-1",
      "eu-central-1",
      "eu-central-2",
      "eu-north-1",
      "eu-south-1",
      "eu-south-2",
      "eu-west-1",
      "eu-west-2",
      "eu-west-3",
      "il-central-1",
      "me-central-1",
      "me-south-1",
      "me-west-1",
      "mx-central-1",
      "sa-east-1",
      "sa-west-1",
      "us-east-1",
      "us-east-2",
      "us-west-1",
      "us-west-2",
    ],
  },
  { id: "aws-cn", regionRegex: /^cn\-\w+\-\d+$/, regions: ["cn-north-1", "cn-northwest-1"] },
  { id: "aws-eusc", regionRegex: /^eusc\-(de)\-\w+\-\d+$/, regions: ["eusc-de-east-1"] },
  { id: "aws-iso", regionRegex: /^us\-iso\-\w+\-\d+$/, regions: ["us-iso-east-1", "us-iso-west-1"] },
  { id: "aws-iso-b", regionRegex: /^us\-isob\-\w+\-\d+$/, regions: ["us-isob-east-1", "us-isob-west-1"] },
  { id: "aws-iso-e", regionRegex: /^eu\-isoe\-\w+\-\d+$/, regions: ["eu-isoe-west-1"] },
  { id: "aws-iso-f", regionRegex: /^us\-isof\-\w+\-\d+$/, regions: ["us-isof-east-1", "us-isof-south-1"] },
  { id: "aws-us-gov", regionRegex: /^us\-gov\-\w+\-\d+$/, regions: ["us-gov-east-1", "us-gov-west-1"] },
];

const byRegion = new Map<string, Partition>();
for (const p of PARTITIONS) for (const r of p.regions) byRegion.set(r, p);

/** The partition a region belongs to: by the table, else by the partitions' name patterns. */
export function partitionOf(region: string): string | undefined {
  const known = byRegion.get(region);
  if (known) return known.id;
  // The SDK's patterns do not overlap today (`\w` takes no hyphen, so aws's `us-\w+-\d+` does not match
  // `us-gov-west-9`); should a broader one ever overlap a narrower one, the more specific partition
  // (the longer id: aws-us-gov over aws) wins.
  const matches = PARTITIONS.filter((p) => p.regionRegex.test(region));
  return matches.sort((a, b) => b.id.length - a.id.length)[0]?.id;
}

/** True when the region is in the table, within the given partition when one is named. */
export function isKnownRegion(region: string, partition?: string): boolean {
  const p = byRegion.get(region);
  return p !== undefined && (partition === undefined || p.id === partition);
}
