// YAML (1.2, core schema) through the `yaml` package, keeping its syntax tree for positions and
// reporting duplicate keys as data rather than errors. Loaded lazily: JSON-only runs never pay for it.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { DuplicateKey, ParsedDocument } from "./document.js";
import { InputSyntaxError } from "./document.js";
import { escapeSegment, pointerSegments } from "../model/pointer.js";

const MAX_ALIASES = 100;

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return JSON.stringify(key);
}

function findDuplicates(node: unknown, path: string, out: DuplicateKey[]): void {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      const pointer = `${path}/${escapeSegment(key)}`;
      if (seen.has(key)) out.push({ pointer, key, offset: (pair.key as Node | null)?.range?.[0] ?? 0 });
      seen.add(key);
      findDuplicates(pair.value, pointer, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => findDuplicates(item, `${path}/${i}`, out));
  }
}

/** The pair (or sequence item) at `segments`: its key node, when it has one, and its value node. */
function entryAt(doc: Document, segments: string[]): { key?: Node; value: Node } | undefined {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      let found: (typeof node.items)[number] | undefined;
      for (const pair of node.items) if (isPair(pair) && keyText(pair.key) === segment) found = pair;
      if (found === undefined) return undefined;
      key = found.key as Node;
      node = found.value;
    } else if (isSeq(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      node = node.items[Number(segment)];
      key = undefined;
    } else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return { key, value: node as Node };
}

function nodeAt(doc: Document, segments: string[], wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of segments) {
    if (isMap(node)) {
      let found: (typeof node.items)[number] | undefined;
      for (const pair of node.items) if (isPair(pair) && keyText(pair.key) === segment) found = pair;
      if (found === undefined) return undefined;
      keyNode = found.key;
      // `Key:` with no value has an empty node after the colon: point at the key instead.
      const value = found.value as Node | null;
      node = value === null || (isScalar(value) && value.range?.[0] === value.range?.[1]) ? found.key : value;
    } else if (isSeq(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      node = node.items[Number(segment)];
      keyNode = undefined;
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  const chosen = wantKey && keyNode !== undefined ? keyNode : node;
  return chosen as Node | undefined;
}

/** The offset of the first mapping key that is itself a collection (`? [a, b]`): JSON has no such keys. */
function firstCollectionKey(node: unknown): number | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isMap(pair.key) || isSeq(pair.key)) return (pair.key as Node).range?.[0] ?? 0;
      const inner = firstCollectionKey(pair.value);
      if (inner !== undefined) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = firstCollectionKey(item);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

export function parseYaml(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  // logLevel "error": the package's warnings become input errors here, never lines on stderr.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, version: "1.2", logLevel: "error" });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new InputSyntaxError(problem.message.split("\n")[0] as string, problem.pos[0]);
  if (doc.contents === null) throw new InputSyntaxError("the file holds no YAML document", 0);
  const collectionKey = firstCollectionKey(doc.contents);
  if (collectionKey !== undefined) throw new InputSyntaxError("a mapping key is a sequence or mapping; keys must be plain values", collectionKey);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new InputSyntaxError((error as Error).message, 0);
  }
  const duplicates: DuplicateKey[] = [];
  findDuplicates(doc.contents, "", duplicates);
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    value,
    duplicates,
    position,
    locate(pointer, target = "value") {
      const segments = pointerSegments(pointer);
      if (segments === undefined) return undefined;
      const node = nodeAt(doc, segments, target === "key");
      const offset = node?.range?.[0];
      return offset === undefined ? undefined : position(offset);
    },
    span(pointer) {
      const segments = pointerSegments(pointer);
      const entry = segments && entryAt(doc, segments);
      const range = entry?.value.range;
      if (!range) return undefined;
      return { start: entry.key?.range?.[0] ?? range[0], valueStart: range[0], end: range[1] };
    },
  };
}
