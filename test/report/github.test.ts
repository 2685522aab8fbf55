import { describe, expect, it } from "vitest";
import { github } from "../../src/report/github.js";
import { CONTEXT, SAMPLE } from "./sample-run.js";

describe("github format", () => {
  const lines = github(SAMPLE, CONTEXT).trimEnd().split("\n");
  it("prints one workflow command per finding and input error", () => {
    expect(lines[0]).toBe("::error file=copies/dr plan.yml,line=4,col=11,title=kms-key-region::The KMS key is in us-east-1, but the copy will live in us-west-2.");
    expect(lines.filter((l) => l.startsWith("::error") || l.startsWith("::warning"))).toHaveLength(6);
    expect(lines).toContain("::error file=copies/broken.json,line=3,col=1,title=input error::JSON syntax error: unexpected end of input");
  });
  it("escapes % and newlines in messages, and : and , in properties", () => {
    expect(lines[1]).toBe('::warning file=copies/dr plan.yml,line=12,col=15,title=copy-tags-ignored::CopyTags & Tags: <ignored> "100%25",%0Asee docs');
    expect(lines).toContain("::error file=aws%3Aus-east-1,title=encryption-required%3A legacy::arn:aws:rds:us-east-1:111122223333:cluster-snapshot:legacy: The snapshot is not encrypted.");
  });
  it("names a live snapshot in the title and its ARN in the message", () => {
    expect(lines.find((l) => l.includes("aws%3Aus-east-1"))).toMatch(/title=encryption-required%3A legacy::arn:aws:rds:us-east-1:111122223333:cluster-snapshot:legacy: /);
  });
  it("leaves out line and col when unknown", () => {
    expect(lines[2]).toBe("::error file=copies/b.json,title=dr-purpose-tag::DR copies must carry Purpose=dr");
  });
  it("says once, in one notice, which rules were not run and why", () => {
    const notices = lines.filter((l) => l.startsWith("::notice"));
    expect(notices).toEqual([
      "::notice title=3 rules not run::source-snapshot (4 subjects), target-exists (1 subject) — no facts: use --inventory FILE or --live; kms-key-usable (2 subjects) — known only after apply",
    ]);
    const none = github({ ...SAMPLE, summary: { ...SAMPLE.summary, notRun: [] } }, CONTEXT) as string;
    expect(none).not.toContain("::notice");
  });
});
