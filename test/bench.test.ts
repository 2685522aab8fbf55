// The benchmark scripts, run small (no thresholds: those are for `npm run bench`), so they never rot.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");

describe("npm run bench --smoke", () => {
  it("runs every benchmark at tiny sizes and prints the results table", () => {
    const work = mkdtempSync(join(tmpdir(), "nsp-bench-"));
    const out = execFileSync(process.execPath, [join(ROOT, "bench/run.mjs"), "--smoke", "--runs", "1", "--work", work], { encoding: "utf8", timeout: 120_000 });
    expect(out).toContain("# Benchmark results");
    for (const section of ["Lint one file", "generated request files vs read+parse", "audit --live on the loopback emulator", "copy dry run with live facts", "Audit an inventory of 200 snapshots"]) {
      expect(out).toContain(section);
    }
    expect(out).toMatch(/DescribeDBClusterSnapshots: \d+/);
  }, 180_000);
});
