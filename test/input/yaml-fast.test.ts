// The subset reader must give exactly what the `yaml`-based reader gives on everything it accepts:
// values, duplicate keys, positions of every value and key, spans, line and column of every offset.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParsedDocument } from "../../src/input/document.js";
import { escapeSegment } from "../../src/model/pointer.js";
import { parseYaml } from "../../src/input/yaml.js";
import { parseYamlFast } from "../../src/input/yaml-fast.js";

function pointers(value: unknown, base = ""): string[] {
  const out = [base, `${base}/nope`, `${base}/0`, `${base}/01`];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${base}/${i}`)));
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${base}/${escapeSegment(k)}`));
  return out;
}

/** Whether the fast reader accepted the text; when it did, that it agrees with `yaml` in everything. */
function agrees(text: string): boolean {
  let full: ParsedDocument | undefined;
  try {
    full = parseYaml(text);
  } catch {
    full = undefined;
  }
  const fast = parseYamlFast(text);
  if (fast === undefined) return false;
  expect(full, `the fast reader accepted what yaml refuses: ${JSON.stringify(text)}`).toBeDefined();
  const slow = full as ParsedDocument;
  expect(fast.value).toStrictEqual(slow.value);
  expect(fast.duplicates).toStrictEqual(slow.duplicates);
  for (const pointer of pointers(slow.value)) {
    expect(fast.locate(pointer), pointer).toStrictEqual(slow.locate(pointer));
    expect(fast.locate(pointer, "key"), pointer).toStrictEqual(slow.locate(pointer, "key"));
    expect(fast.span(pointer), pointer).toStrictEqual(slow.span(pointer));
  }
  for (let offset = 0; offset <= text.length; offset++) expect(fast.position(offset)).toStrictEqual(slow.position(offset));
  return true;
}

// Scalars as they may be written (plain, quoted), including ones that are numbers, booleans, nulls,
// indicators and errors in YAML.
const usualScalar = fc.constantFrom("abc", "snap-graph-1", "a b", "'it''s'", '"q x"', "12", "true", "arn:aws:kms:us-east-1:111122223333:key/abc", "a:b", "yes");
const usualKey = fc.constantFrom("Key", "Value", "Tags", "a", "b", "'q k'", '"d k"');
const unusualScalar = fc.constantFrom(
  "abc", "snap-graph-1", "a b", "yes", "No", "on", "true", "false", "null", "True", "NULL", "~", "12", "0", "-3", "007", "1.5", ".5",
  "0x1f", "1e3", "-", "- x", "a: b", "a:b", "a #b", "a#b", "#x", "&a x", "*a", "!t x", "|", ">", "[1, 2]", "{a: 1}", "'q'", '"q"', "it's",
  "'it''s'", '"say \\"hi\\""', '"a\\tb"', "\"x\"", "'x'", "''", '""', "arn:aws:kms:us-east-1:111122223333:key/abc", "@x", "`x", "%x", "?x", "? x",
  "a,b", "ünïcødé", "x ", "__proto__", "<<", "---", "...",
);
const unusualKey = fc.constantFrom("Key", "Value", "Tags", "a", "b", "a b", "'q k'", '"d k"', "1", "true", "x:y", "a#b", "__proto__", "<<", "? k", "-k", "k ");

const scalarText = fc.oneof({ arbitrary: usualScalar, weight: 6 }, { arbitrary: unusualScalar, weight: 1 });
const keyText = fc.oneof({ arbitrary: usualKey, weight: 12 }, { arbitrary: unusualKey, weight: 1 });

interface Tree {
  kind: "map" | "seq" | "scalar";
  text?: string;
  entries?: [string, Tree][];
  items?: Tree[];
}

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalarText.map((text) => ({ kind: "scalar" as const, text })),
    fc.array(fc.tuple(keyText, tie("node")), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: "map" as const, entries })),
    fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((items) => ({ kind: "seq" as const, items })),
  ),
})).node;

interface Style {
  step: number;
  sameIndentSeq: boolean;
  comments: boolean;
  trailing: string;
}

function render(node: Tree, indent: number, style: Style, out: string[], lead: string): void {
  const pad = " ".repeat(indent);
  const comment = style.comments ? "  # note" : "";
  if (node.kind === "scalar") {
    out.push(`${lead}${node.text}${style.trailing}${comment}`);
    return;
  }
  if (node.kind === "map") {
    node.entries!.forEach(([key, child], i) => {
      const prefix = i === 0 ? lead : pad;
      if (child.kind === "scalar") out.push(`${prefix}${key}: ${child.text}${style.trailing}${comment}`);
      else {
        out.push(`${prefix}${key}:${comment}`);
        if (style.comments && style.trailing === "  ") out.push(`${pad}# between`, "");
        const inner = child.kind === "seq" && style.sameIndentSeq ? indent : indent + style.step;
        render(child, inner, style, out, " ".repeat(inner));
      }
    });
    return;
  }
  node.items!.forEach((child, i) => {
    const prefix = (i === 0 ? lead : pad) + "- ";
    render(child, indent + 2, style, out, prefix);
  });
}

const style = fc.record({ step: fc.constantFrom(2, 4), sameIndentSeq: fc.boolean(), comments: fc.boolean(), trailing: fc.constantFrom("", " ", "  ") });
const header = fc.constantFrom("", "# a request\n", "\n# a\n\n");
const root = tree.filter((t) => t.kind !== "scalar");
const document = fc.tuple(root, style, fc.boolean(), header).map(([t, s, newline, head]) => {
  const out: string[] = [];
  render(t, 0, s, out, "");
  return head + out.join("\n") + (newline ? "\n" : "");
});
const mutation = fc.tuple(fc.nat(), fc.constantFrom(" ", "\n", "#", ":", "-", "'", '"', "&", "*", "[", "{", "|", "\t", "\r", "\\", "---\n", "  ", "x"));

describe("parseYamlFast", () => {
  it("agrees with the yaml package on generated documents, and takes most of them", () => {
    let taken = 0;
    let all = 0;
    fc.assert(
      fc.property(document, (text) => {
        all++;
        if (agrees(text)) taken++;
        else if (process.env.SHOW_LEFT) console.log(JSON.stringify(text));
      }),
      { numRuns: Number(process.env.YAML_RUNS ?? 1500) },
    );
    if (process.env.SHOW_LEFT) console.log("taken", taken, "of", all);
    expect(taken / all).toBeGreaterThan(0.3);
  });

  it("agrees with the yaml package on damaged documents", () => {
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, edits) => {
        let t = text;
        for (const [at, insert] of edits) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + insert + t.slice(i);
        }
        agrees(t);
      }),
      { numRuns: Number(process.env.YAML_RUNS ?? 1500) },
    );
  });

  it("agrees on the YAML fixtures and takes the request ones", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ya?ml$/.test(name)) files.push(path);
      }
    };
    walk(join(__dirname, "../../fixtures"));
    walk(join(__dirname, "../rules/cases"));
    expect(files.length).toBeGreaterThan(3);
    const taken = files.filter((f) => agrees(readFileSync(f, "utf8").replace(/^\ufeff/, "")));
    expect(taken).toContain(join(__dirname, "../../fixtures/requests/good/automated-to-manual.yaml"));
  });

  it("takes the request shape the workload generator writes", () => {
    const text = 'SourceDBClusterSnapshotIdentifier: "snap-1"\nKmsKeyId: arn:aws:kms:us-east-2:111122223333:key/1\nCopyTags: false\nTags:\n  - Key: "Owner"\n    Value: "graph-team"\n  - Key: Owner # again\n    Value: x\n';
    expect(agrees(text)).toBe(true);
    expect(parseYamlFast(text)?.duplicates).toEqual([]);
    const repeated = "a: 1\nTags:\n- Key: x\n  Key: 'y'\na: 2\n";
    expect(agrees(repeated)).toBe(true);
    expect(parseYamlFast(repeated)?.duplicates.map((d) => d.pointer)).toEqual(["/Tags/0/Key", "/a"]);
  });

  it.each(["a: &x 1\nb: *x\n", "a: [1, 2]\n", "a: |\n  text\n", "a: 1\n---\nb: 2\n", "a:\n", "a: !t 1\n", "a: b\n  c\n", 'a: "x\\ty"\n', "a:\tb\n", "a: 1\r\nb: 2\r\n", "", "# only\n"])(
    "leaves %j to the yaml package",
    (text) => {
      expect(parseYamlFast(text)).toBeUndefined();
    },
  );
});
