import { describe, expect, it } from "vitest";
import { junit, xml } from "../../src/report/junit.js";
import { CONTEXT, SAMPLE } from "./sample-run.js";

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
    expect(text.match(/<testsuite /g)).toHaveLength(4); // three files with subjects, one unreadable
    expect(text.match(/<testcase /g)).toHaveLength(5);
    expect(text).toContain('<testsuites name="neptune-snapshot-policy" tests="5" failures="3" errors="1">');
    expect(text).toContain('<testsuite name="copies/dr plan.yml" tests="2" failures="1" errors="0">');
  });
  it("fails subjects with errors and lists warnings in system-out", () => {
    expect(text).toContain('<failure message="The KMS key is in us-east-1, but the copy will live in us-west-2." type="kms-key-region">');
    expect(text).toContain("<system-out>12:15 warning copy-tags-ignored CopyTags &amp; Tags: &lt;ignored&gt; &quot;100%&quot;,\nsee docs (/copies/0/CopyTags)</system-out>");
    expect(text).toContain('<testcase classname="copies/dr plan.yml" name="request 1: (no id)"/>');
  });
  it("escapes markup and replaces characters XML cannot hold", () => {
    expect(xml(`a&b<c>"d'\u0001\uD800`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;\uFFFD\uFFFD");
    expect(xml("😀")).toBe("😀");
  });
  it("keeps the totals equal to the sums over the suites", () => {
    const twice = junit({ ...SAMPLE, inputErrors: [...SAMPLE.inputErrors, { file: "copies/broken.json", message: "second" }] }, CONTEXT) as string;
    const sum = (name: string) => [...twice.matchAll(new RegExp(`<testsuite [^>]*${name}="(\\d+)"`, "g"))].reduce((n, m) => n + Number(m[1]), 0);
    const total = (name: string) => Number(new RegExp(`<testsuites [^>]*${name}="(\\d+)"`).exec(twice)![1]);
    expect(["tests", "failures", "errors"].map(total)).toEqual([5, 3, 1]);
    expect(["tests", "failures", "errors"].map(sum)).toEqual([5, 3, 1]);
    expect(twice).toContain(">3:1 JSON syntax error: unexpected end of input\n0:0 second</error>");
  });
  it("formats an inventory of 100,000 snapshots in one file", () => {
    const results = Array.from({ length: 100_000 }, (_, index) => ({ file: "inventory.json", subject: "snapshot" as const, id: `arn-${index}`, index, region: null, findings: [] }));
    const text = junit({ results, summary: { ...SAMPLE.summary, subjects: results.length }, inputErrors: [] }, CONTEXT) as string;
    expect(text.match(/<testcase /g)).toHaveLength(100_000);
  });
});
