// Known regions of every AWS partition. Kept in step with the AWS SDK's own partition data by
// test/model/regions.test.ts. SEED ONLY: the full table is being filled in.

export interface Partition {
  id: string;
  /** The SDK's regionRegex: how region names of this partition are shaped. */
  regionRegex: RegExp;
  regions: readonly string[];
}

export const PARTITIONS: readonly Partition[] = [
  { id: "aws", regionRegex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, regions: ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"] },
  { id: "aws-cn", regionRegex: /^cn-\w+-\d+$/, regions: ["cn-north-1", "cn-northwest-1"] },
  { id: "aws-us-gov", regionRegex: /^us-gov-\w+-\d+$/, regions: ["us-gov-west-1", "us-gov-east-1"] },
];

const byRegion = new Map<string, Partition>();
for (const p of PARTITIONS) for (const r of p.regions) byRegion.set(r, p);

/** The partition a region belongs to: by the table, else by the partitions' name patterns. */
export function partitionOf(region: string): string | undefined {
  const known = byRegion.get(region);
  if (known) return known.id;
  // More specific patterns (aws-us-gov) must win over broader ones (aws's `us-`): test them first.
  const matches = PARTITIONS.filter((p) => p.regionRegex.test(region));
  return matches.sort((a, b) => b.id.length - a.id.length)[0]?.id;
}

/** True when the region is in the table, within the given partition when one is named. */
export function isKnownRegion(region: string, partition?: string): boolean {
  const p = byRegion.get(region);
  return p !== undefined && (partition === undefined || p.id === partition);
}
