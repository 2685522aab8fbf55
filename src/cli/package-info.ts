// Where the package's own files are, from either the bundle (dist/cli/) or the sources (src/cli/).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { name: string; version: string; homepage?: string };

export const TOOL_NAME: string = pkg.name;
export const TOOL_VERSION: string = pkg.version;
export const HOMEPAGE = pkg.homepage ?? "https://github.com/neptune-snapshot-policy/neptune-snapshot-policy";

export function ruleDocPath(id: string): string {
  return join(PACKAGE_ROOT, "docs", "rules", `${id}.md`);
}

/** The docs of the installed version: the release tag's tree, so a link never shows a newer rule than the one that ran. */
export const DOCS_BASE = `${HOMEPAGE.replace(/#.*$/, "")}/blob/v${TOOL_VERSION}`;

export function ruleHelpUri(id: string): string {
  return `${DOCS_BASE}/docs/rules/${id}.md`;
}

/** Custom rules have no page of their own: they link to where the README explains them. */
export const CUSTOM_RULES_URI = `${DOCS_BASE}/README.md#configuration`;
