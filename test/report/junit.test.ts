import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { junit, xml } from "../../src/report/junit.js";
import { CONTEXT, SAMPLE } from "./sample-run.js";

const XSD = resolve(__dirname, "../support/junit-jenkins.xsd");

/** xmllint's verdict on a report against the Jenkins-shaped schema. A missing xmllint fails, loudly. */
function validate(text: string): { status: number | null; printed: string } {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) throw new Error("xmllint is not installed, so the JUnit report cannot be validated: apt-get install -y libxml2-utils");
  const dir = mkdtempSync(join(tmpdir(), "nsp-junit-"));
  const file = join(dir, "report.xml");
  writeFileSync(file, text);
  const run = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, printed: `${run.stdout}${run.stderr}` };
}

/** A small well-formedness check: balanced tags, quoted attributes, no bare & or <. */
function wellFormed(text: string): boolean {
  const body = text.replace(/^<\?xml[^?]*\?>\n/, "");
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z-]+)((?:\s+[A-Za-z-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(last, m.index);
    if (/[<>]|&(?!(amp|lt|gt|quot|apos);)/.test(between)) return false;
    last = tag.lastIndex;
    const [, close, name, , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) return false;
    } else if (!selfClose) stack.push(name!);
  }
  return stack.length === 0 && body.slice(last).trim() === "";
}

describe("junit format", () => {
  const text = junit(SAMPLE, CONTEXT);
  it("is well-formed XML with one suite per file and one case per subject", () => {
    expect(wellFormed(text)).toBe(true);
    // The checker itself rejects what an XML parser would.
    expect(wellFormed(text.replace("&amp;", "&"))).toBe(false);
    expect(wellFormed(text.replace("&lt;ignored", "<ignored"))).toBe(false);
    expect(wellFormed(text.replace("</testsuite>", ""))).toBe(false);
    expect(text.match(/<testsuite /g)).toHaveLength(5); // three files with subjects, one unreadable, rules not run
    expect(text.match(/<testcase /g)).toHaveLength(8);
    expect(text).toContain('<testsuites name="neptune-snapshot-policy" tests="8" failures="3" errors="1" time="0.000">');
    expect(text).toContain('<testsuite name="copies/dr plan.yml" tests="2" failures="1" errors="0" skipped="0" time="0.000">');
  });
  it("fails subjects with errors and lists warnings in system-out", () => {
    expect(text).toContain('<failure message="The KMS key is in us-east-1, but the copy will live in us-west-2." type="kms-key-region">');
    expect(text).toContain("<system-out>12:15 warning copy-tags-ignored CopyTags &amp; Tags: &lt;ignored&gt; &quot;100%&quot;,\nsee docs (/copies/0/CopyTags)</system-out>");
    expect(text).toContain('<testcase classname="copies/dr plan.yml" name="request 1: (no id)" time="0.000"/>');
  });
  it("escapes markup and replaces characters XML cannot hold", () => {
    expect(xml(`a&b<c>"d'\u0001\uD800`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;\uFFFD\uFFFD");
    expect(xml("😀")).toBe("😀");
  });
  it("keeps the totals equal to the sums over the suites", () => {
    const twice = junit({ ...SAMPLE, inputErrors: [...SAMPLE.inputErrors, { file: "copies/broken.json", message: "second" }] }, CONTEXT) as string;
    const sum = (name: string) => [...twice.matchAll(new RegExp(`<testsuite [^>]*${name}="(\\d+)"`, "g"))].reduce((n, m) => n + Number(m[1]), 0);
    const total = (name: string) => Number(new RegExp(`<testsuites [^>]*${name}="(\\d+)"`).exec(twice)![1]);
    expect(["tests", "failures", "errors"].map(total)).toEqual([8, 3, 1]);
    expect(["tests", "failures", "errors", "skipped"].map(sum)).toEqual([8, 3, 1, 3]);
    expect(twice).toContain(">3:1 JSON syntax error: unexpected end of input\n0:0 second</error>");
  });
  it("formats an inventory of 100,000 snapshots in one file", () => {
    const results = Array.from({ length: 100_000 }, (_, index) => ({ file: "inventory.json", subject: "snapshot" as const, id: `arn-${index}`, index, region: null, findings: [] }));
    const text = junit({ results, summary: { ...SAMPLE.summary, subjects: results.length, notRun: [] }, inputErrors: [] }, CONTEXT) as string;
    expect(text.match(/<testcase /g)).toHaveLength(100_000);
  });
  it("lists each rule not run once, as a skipped case of its own suite", () => {
    expect(text).toContain('<testsuite name="neptune-snapshot-policy: rules not run" tests="3" failures="0" errors="0" skipped="3" time="0.000">');
    expect(text).toContain(
      '<testcase classname="neptune-snapshot-policy: rules not run" name="source-snapshot" time="0.000">\n      <skipped message="not run for 4 subjects: no facts: use --inventory FILE or --live"/>',
    );
    const none = junit({ ...SAMPLE, summary: { ...SAMPLE.summary, notRun: [] } }, CONTEXT) as string;
    expect(none).not.toContain("<skipped");
    expect(none).not.toContain("rules not run");
  });
  it("records the run's time on the testsuites element, in seconds", () => {
    expect(junit(SAMPLE, { ...CONTEXT, elapsedMs: 1234 })).toContain('errors="1" time="1.234">');
  });
  it("is valid against a JUnit schema of Jenkins' shape (xmllint)", () => {
    const { status, printed } = validate(junit(SAMPLE, { ...CONTEXT, elapsedMs: 52 }) as string);
    expect(status, printed).toBe(0);
    expect(printed).toContain("validates");
    const clean = validate(junit({ ...SAMPLE, inputErrors: [], summary: { ...SAMPLE.summary, notRun: [] } }, CONTEXT) as string);
    expect(clean.status, clean.printed).toBe(0);
  });
  it("is checked by a validator that does find faults", () => {
    // A required attribute missing, and a time that is not a number of seconds.
    const broken = (junit(SAMPLE, CONTEXT) as string).replace(/ tests="2"/, "").replace('time="0.000">', 'time="soon">');
    const { status, printed } = validate(broken);
    expect(status).not.toBe(0);
    expect(printed).toMatch(/tests.*required|required.*tests/);
    expect(printed).toContain("soon");
  });
});
