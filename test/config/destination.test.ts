// SPEC §2: the destination region and account, first that applies — said in one function.
import { describe, expect, it } from "vitest";
import { destinationOf, listingRegions } from "../../src/config/destination.js";

const env = { AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "eu-central-1" };

describe("destinationOf", () => {
  const cases: [string, Parameters<typeof destinationOf>[0], { region?: string; account?: string }][] = [
    ["the file's own region and account win", { file: { region: "us-west-2", account: "111122223333" }, cli: { region: "us-east-1", account: "444455556666" }, config: { region: "ap-south-1", account: "777788889999" }, env }, { region: "us-west-2", account: "111122223333" }],
    ["then --region and --account", { cli: { region: "us-east-1", account: "444455556666" }, config: { region: "ap-south-1", account: "777788889999" }, env }, { region: "us-east-1", account: "444455556666" }],
    ["then the config (its matching override, resolved before)", { cli: {}, config: { region: "ap-south-1", account: "777788889999" }, env, callerAccount: "123456789012" }, { region: "ap-south-1", account: "777788889999" }],
    ["then AWS_REGION, and the caller's account", { cli: {}, config: {}, env, callerAccount: "123456789012" }, { region: "eu-west-1", account: "123456789012" }],
    ["then AWS_DEFAULT_REGION", { cli: {}, config: {}, env: { AWS_DEFAULT_REGION: "eu-central-1" } }, { region: "eu-central-1" }],
    ["nothing: unknown, never guessed", { cli: {}, config: {}, env: {} }, {}],
    ["a file that says its region cannot be known falls back to nothing", { file: { region: null }, cli: { region: "us-east-1" }, config: { region: "ap-south-1" }, env }, {}],
    ["a plan's account alone keeps the region's fallbacks", { file: { account: "111122223333" }, cli: { region: "us-east-1" }, config: {}, env }, { region: "us-east-1", account: "111122223333" }],
  ];
  for (const [name, sources, expected] of cases) it(name, () => expect(destinationOf(sources)).toEqual(expected));
});

describe("listingRegions", () => {
  it("takes every --region given, once each", () => expect(listingRegions(["us-east-1", "eu-west-1", "us-east-1"], "ap-south-1", env)).toEqual(["us-east-1", "eu-west-1"]));
  it("else the config's region, else the environment's", () => {
    expect(listingRegions([], "ap-south-1", env)).toEqual(["ap-south-1"]);
    expect(listingRegions([], undefined, env)).toEqual(["eu-west-1"]);
    expect(listingRegions([], undefined, {})).toEqual([]);
  });
});
