import { describe, expect, it } from "vitest";
import { RULES } from "../../rules/index.js";
import { ruleInfos } from "../../src/cli/finish.js";
import { TOOL_VERSION } from "../../src/cli/package-info.js";
import { customRule } from "../../src/engine/custom-rules.js";
import { SECURITY_SEVERITY } from "../../src/report/sarif.js";

describe("rule metadata as reports get it", () => {
  const infos = ruleInfos(RULES);
  it("gives every built-in rule a category that has a security severity", () => {
    for (const info of infos) {
      expect(info.category, info.id).toBeDefined();
      expect(SECURITY_SEVERITY[info.category!], info.id).toBeGreaterThan(0);
    }
  });
  it("links each rule to its page in the docs of the installed version", () => {
    expect(infos[0]!.helpUri).toBe(`https://github.com/neptune-snapshot-policy/neptune-snapshot-policy/blob/v${TOOL_VERSION}/docs/rules/${RULES[0]!.id}.md`);
  });
  it("passes the description and AWS references on, and links custom rules to the config docs", () => {
    const kms = infos.find((i) => i.id === "kms-key-region")!;
    expect(kms.description).toBe(RULES.find((r) => r.id === "kms-key-region")!.description);
    expect(kms.references?.[0]?.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const custom = customRule({ id: "dr-purpose", subjects: ["request"], message: "DR copies need Purpose=dr", schema: { required: ["Tags"] } });
    const [info] = ruleInfos([custom]);
    expect(info!.helpUri).toMatch(new RegExp(`/blob/v${TOOL_VERSION}/README\\.md#configuration$`));
    expect(info!.category).toBeUndefined();
  });
});
