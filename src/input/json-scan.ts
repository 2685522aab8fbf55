// One flat pass over a large JSON text (already known to be valid): where each element of one
// top-level array member starts (offset, line, column), and how many members the text holds in all.
// Inventories are parsed by JSON.parse, the fastest parser there is; this pass adds what it cannot
// give (positions, and — by comparing member counts — whether any key was repeated) without
// building a single value.
import type { Position } from "../model/types.js";

export interface ElementStart extends Position {
  offset: number;
}

export interface ScanResult {
  elements: ElementStart[];
  /** Object members in the whole text, repeated ones included. */
  members: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const NEWLINE = 10;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

/** End of the string whose opening quote is at `start` (offset of the closing quote). */
function stringEnd(text: string, start: number): number {
  let p = start;
  for (;;) {
    p = text.indexOf('"', p + 1);
    if (p === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(p - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return p;
  }
}

export function scanTopLevelArray(text: string, member: string): ScanResult {
  const elements: ElementStart[] = [];
  let members = 0;
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let lastKey = "";
  let targetDepth = -1;
  let expectElement = false;
  const length = text.length;
  for (let p = 0; p < length; p++) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9 || c === 13) continue;
    if (c === NEWLINE) {
      line++;
      lineStart = p + 1;
      continue;
    }
    if (expectElement) {
      expectElement = false;
      if (c !== CLOSE_ARRAY) elements.push({ offset: p, line, column: p - lineStart + 1 });
    }
    if (c === QUOTE) {
      const end = stringEnd(text, p);
      if (depth === 1) lastKey = text.slice(p + 1, end);
      p = end;
    } else if (c === COLON) {
      members++;
    } else if (c === OPEN_OBJECT) {
      depth++;
    } else if (c === OPEN_ARRAY) {
      depth++;
      if (depth === 2 && targetDepth === -1 && lastKey === member) {
        targetDepth = 2;
        expectElement = true;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === targetDepth && c === CLOSE_ARRAY) targetDepth = -2; // done: only the first such member counts
      depth--;
    } else if (c === COMMA && depth === targetDepth) {
      expectElement = true;
    }
  }
  return { elements, members };
}

/**
 * Object members in a JSON text (repeated ones included) and its deepest nesting, in one pass that
 * builds nothing: with JSON.parse's value, enough to know whether any key was repeated.
 */
export function scanMembers(text: string): { members: number; depth: number } {
  let members = 0;
  let depth = 0;
  let deepest = 0;
  const length = text.length;
  for (let p = 0; p < length; p++) {
    const c = text.charCodeAt(p);
    if (c === QUOTE) p = stringEnd(text, p);
    else if (c === COLON) members++;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > deepest) deepest = depth;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return { members, depth: deepest };
}

/** Object members of a parsed value, counted all the way down. */
export function countMembers(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 0;
    for (const item of value) if (typeof item === "object" && item !== null) n += countMembers(item);
    return n;
  }
  if (typeof value !== "object" || value === null) return 0;
  let n = 0;
  for (const key in value) {
    n++;
    const inner = (value as Record<string, unknown>)[key];
    if (typeof inner === "object" && inner !== null) n += countMembers(inner);
  }
  return n;
}

/**
 * Line and column of `offset`, counting from a known position before it: the cost is the distance,
 * never the rest of the text (a one-line inventory has no newline to stop a search).
 */
export function positionFrom(text: string, from: ElementStart, offset: number): Position {
  let line = from.line;
  let lineStart = from.offset - (from.column - 1);
  for (let p = from.offset; p < offset; p++) {
    if (text.charCodeAt(p) === NEWLINE) {
      line++;
      lineStart = p + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
