// The layout's promises, checked: no function in src/ or rules/ longer than 60 lines, and no import
// cycle between modules (the data flow runs one way: DESIGN.md).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");
const MAX_LINES = 60;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const files = [...sources(join(ROOT, "src")), ...sources(join(ROOT, "rules"))];
const parsed = files.map((file) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true));

describe("code structure", () => {
  it("reads every module of src/ and rules/", () => expect(files.length).toBeGreaterThan(50));

  it(`has no function over ${MAX_LINES} lines`, () => {
    const long: string[] = [];
    for (const sf of parsed) {
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && "body" in node && node.body) {
          const start = sf.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (end - start + 1 > MAX_LINES) long.push(`${relative(ROOT, sf.fileName)}:${start + 1} (${end - start + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(long).toEqual([]);
  });

  it("has no import cycle", () => {
    const graph = new Map<string, string[]>();
    for (const sf of parsed) {
      const deps: string[] = [];
      sf.forEachChild((node) => {
        const spec = (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
        // Type-only imports are erased, but a cycle of them still tangles the layers: count them too.
        if (spec?.startsWith(".")) deps.push(resolve(dirname(sf.fileName), spec.replace(/\.js$/, ".ts")));
      });
      graph.set(sf.fileName, deps.filter((d) => graph.has(d) || files.includes(d)));
    }
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...stack.slice(stack.indexOf(file)), file].map((f) => relative(ROOT, f)).join(" → "));
        return;
      }
      state.set(file, "open");
      stack.push(file);
      for (const dep of graph.get(file) ?? []) visit(dep);
      stack.pop();
      state.set(file, "done");
    };
    for (const file of files) visit(file);
    expect(cycles).toEqual([]);
  });
});
