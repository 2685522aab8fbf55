// KmsKeyId forms, as the KMS documentation lists key identifiers: key id (a UUID, or `mrk-` + 32 hex
// digits for a multi-Region key), key ARN, alias name (`alias/` + letters, digits, `/`, `_`, `-`; 256
// characters at most) and alias ARN.
import { describe, expect, it } from "vitest";
import { isAwsManagedAlias, kmsKeyRegion, parseKmsKeyId, type KmsKeyRef } from "../../src/model/kms.js";

const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
const ACCOUNT = "111122223333";

describe("parseKmsKeyId", () => {
  it.each<[string, KmsKeyRef]>([
    [UUID, { kind: "key-id", keyId: UUID }],
    [MRK, { kind: "key-id", keyId: MRK }],
    ["1234ABCD-12AB-34CD-56EF-1234567890AB", { kind: "key-id", keyId: "1234ABCD-12AB-34CD-56EF-1234567890AB" }],
    [
      `arn:aws:kms:us-east-2:${ACCOUNT}:key/${UUID}`,
      { kind: "key-arn", keyId: UUID, partition: "aws", region: "us-east-2", account: ACCOUNT },
    ],
    [
      `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${MRK}`,
      { kind: "key-arn", keyId: MRK, partition: "aws", region: "eu-west-1", account: ACCOUNT },
    ],
    [
      `arn:aws-cn:kms:cn-north-1:${ACCOUNT}:key/${UUID}`,
      { kind: "key-arn", keyId: UUID, partition: "aws-cn", region: "cn-north-1", account: ACCOUNT },
    ],
    [
      `arn:aws-us-gov:kms:us-gov-west-1:${ACCOUNT}:key/${UUID}`,
      { kind: "key-arn", keyId: UUID, partition: "aws-us-gov", region: "us-gov-west-1", account: ACCOUNT },
    ],
    ["alias/ExampleAlias", { kind: "alias", alias: "alias/ExampleAlias" }],
    ["alias/neptune-dr", { kind: "alias", alias: "alias/neptune-dr" }],
    ["alias/team_a/neptune-dr", { kind: "alias", alias: "alias/team_a/neptune-dr" }],
    ["alias/aws/rds", { kind: "alias", alias: "alias/aws/rds" }],
    [`alias/${"a".repeat(250)}`, { kind: "alias", alias: `alias/${"a".repeat(250)}` }],
    [
      `arn:aws:kms:us-east-2:${ACCOUNT}:alias/ExampleAlias`,
      { kind: "alias-arn", alias: "alias/ExampleAlias", partition: "aws", region: "us-east-2", account: ACCOUNT },
    ],
    [
      `arn:aws:kms:ap-southeast-2:${ACCOUNT}:alias/aws/rds`,
      { kind: "alias-arn", alias: "alias/aws/rds", partition: "aws", region: "ap-southeast-2", account: ACCOUNT },
    ],
  ])("parses %s", (text, ref) => {
    expect(parseKmsKeyId(text)).toEqual(ref);
  });

  it.each([
    ["empty", ""],
    ["a word", "neptune"],
    ["UUID without hyphens", "1234abcd12ab34cd56ef1234567890ab"],
    ["UUID one digit short", "1234abcd-12ab-34cd-56ef-1234567890a"],
    ["UUID one digit long", "1234abcd-12ab-34cd-56ef-1234567890abc"],
    ["UUID with a non-hex letter", "1234abcg-12ab-34cd-56ef-1234567890ab"],
    ["UUID in braces", `{${UUID}}`],
    ["UUID with spaces", ` ${UUID} `],
    ["mrk id too short", "mrk-1234abcd12ab34cd56ef1234567890a"],
    ["mrk id with hyphens", "mrk-1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["mrk id upper-case prefix", "MRK-1234abcd12ab34cd56ef1234567890ab"],
    ["key/ prefix without ARN", `key/${UUID}`],
    ["alias with nothing after", "alias/"],
    ["alias with a space", "alias/my key"],
    ["alias with a dot", "alias/my.key"],
    ["alias with a colon", "alias/my:key"],
    ["upper-case alias prefix", "Alias/neptune"],
    ["alias over 256 characters", `alias/${"a".repeat(251)}`],
    ["key ARN of another service", `arn:aws:rds:us-east-2:${ACCOUNT}:key/${UUID}`],
    ["key ARN with a bad key id", `arn:aws:kms:us-east-2:${ACCOUNT}:key/not-a-key`],
    ["key ARN with an alias after key/", `arn:aws:kms:us-east-2:${ACCOUNT}:key/alias/neptune`],
    ["key ARN without a region", `arn:aws:kms::${ACCOUNT}:key/${UUID}`],
    ["key ARN with a bad region", `arn:aws:kms:useast2:${ACCOUNT}:key/${UUID}`],
    ["key ARN with an 11-digit account", `arn:aws:kms:us-east-2:11112222333:key/${UUID}`],
    ["key ARN with a bad partition", `arn:amazon:kms:us-east-2:${ACCOUNT}:key/${UUID}`],
    ["key ARN with a slash for a colon", `arn:aws:kms:us-east-2:${ACCOUNT}/key/${UUID}`],
    ["key ARN with an extra part", `arn:aws:kms:us-east-2:${ACCOUNT}:key:${UUID}`],
    ["alias ARN without a name", `arn:aws:kms:us-east-2:${ACCOUNT}:alias/`],
    ["alias ARN with a bad name", `arn:aws:kms:us-east-2:${ACCOUNT}:alias/my key`],
    ["ARN of a grant", `arn:aws:kms:us-east-2:${ACCOUNT}:grant/abc`],
    ["truncated ARN", "arn:aws:kms:us-east-2"],
  ])("rejects %s", (_name, text) => {
    expect(parseKmsKeyId(text)).toBeUndefined();
  });
});

describe("kmsKeyRegion", () => {
  it("gives the region of key and alias ARNs", () => {
    expect(kmsKeyRegion(parseKmsKeyId(`arn:aws:kms:us-west-2:${ACCOUNT}:key/${UUID}`)!)).toBe("us-west-2");
    expect(kmsKeyRegion(parseKmsKeyId(`arn:aws:kms:eu-central-1:${ACCOUNT}:alias/neptune`)!)).toBe("eu-central-1");
  });

  it("gives no region for key ids and alias names, which resolve in the region of the call", () => {
    expect(kmsKeyRegion(parseKmsKeyId(UUID)!)).toBeUndefined();
    expect(kmsKeyRegion(parseKmsKeyId(MRK)!)).toBeUndefined();
    expect(kmsKeyRegion(parseKmsKeyId("alias/neptune")!)).toBeUndefined();
  });
});

describe("isAwsManagedAlias", () => {
  it.each([
    ["alias/aws/rds", true],
    [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/rds`, true],
    ["alias/aws/neptune", true],
    ["alias/awsome", false],
    ["alias/team/aws/rds", false],
    ["alias/neptune", false],
    [UUID, false],
    [`arn:aws:kms:us-east-1:${ACCOUNT}:key/${UUID}`, false],
  ])("%s → %s", (text, expected) => {
    const ref = parseKmsKeyId(text);
    expect(ref).toBeDefined();
    expect(isAwsManagedAlias(ref!)).toBe(expected);
  });
});
