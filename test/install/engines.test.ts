// `engines` is honest: every package bundled into dist/ runs on every Node version package.json
// promises, and the AWS SDK cannot move to a release that needs a newer Node without a commit here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/cli.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string }; devDependencies: Record<string, string>; dependencies?: Record<string, string> };

/** The package folders (node_modules/…) whose files the build put into the bundle. */
function bundledPackages(): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, "dist/.build/meta.json"), "utf8")) as { inputs: Record<string, unknown> };
  const dirs = new Set<string>();
  for (const input of Object.keys(meta.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]!);
  }
  return [...dirs];
}

describe("engines", () => {
  it("admits the Node running these tests", () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });

  it("promises no Node version that a bundled package refuses", () => {
    const packages = bundledPackages();
    expect(packages).toContain("node_modules/@aws-sdk/client-neptune");
    expect(packages).toContain("node_modules/yargs");
    const refusing = packages.flatMap((dir) => {
      const engines = (JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as { engines?: { node?: string } }).engines?.node;
      return engines === undefined || semver.subset(pkg.engines.node, engines) ? [] : [`${dir}: ${engines}`];
    });
    expect(refusing).toEqual([]);
  });

  it("ranges the AWS SDK to patch releases, and lists no runtime dependencies (everything is bundled)", () => {
    const sdk = Object.entries(pkg.devDependencies).filter(([name]) => name.startsWith("@aws-sdk/"));
    expect(sdk.length).toBeGreaterThan(0);
    for (const [name, range] of sdk) expect(range, name).toMatch(/^~3\.\d+\.\d+$/);
    expect(pkg.dependencies).toBeUndefined();
  });
});
