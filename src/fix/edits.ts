// Text edits that change one member or element and leave every other byte of the file as it was:
// comments, key order, quoting and indentation stay. Offsets come from the parsed document's spans.
import type { ParsedDocument, Span } from "../input/document.js";
import { escapeSegment } from "../model/pointer.js";

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export type Syntax = "json" | "yaml";

function lineEnd(text: string, from: number): number {
  const i = text.indexOf("\n", from);
  return i === -1 ? text.length : i;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}

/** The last offset before `from` that is not white space, or -1. */
function previousToken(text: string, from: number): number {
  let i = from - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

/** Remove a member or an array element with its separator; a whole line when it had one to itself. */
export function removeEntry(text: string, whole: Span, syntax: Syntax): Edit {
  // Block collections in YAML end after their last line break: measure to the last character.
  let valueEnd = whole.end;
  while (valueEnd > whole.valueStart && /\s/.test(text[valueEnd - 1]!)) valueEnd--;
  const span = { ...whole, end: valueEnd };
  const lineStart = text.lastIndexOf("\n", span.start - 1) + 1;
  let after = skipBlanks(text, span.end);
  const hadComma = text[after] === ",";
  if (hadComma) after = skipBlanks(text, after + 1);
  if (syntax === "yaml" && text[after] === "#") after = lineEnd(text, after);
  const ownLine = /^[ \t]*(-[ \t]+)?$/.test(text.slice(lineStart, span.start)) && (after >= text.length || text[after] === "\n" || text[after] === "\r");
  const end = lineEnd(text, after);
  if (ownLine) {
    if (!hadComma) {
      const comma = previousToken(text, lineStart);
      // The last member of a JSON object or flow collection: the comma before it goes with it.
      if (comma >= 0 && text[comma] === ",") return { start: comma, end, text: "" };
    }
    return { start: lineStart, end: Math.min(end + 1, text.length), text: "" };
  }
  if (hadComma) return { start: span.start, end: after, text: "" };
  const comma = previousToken(text, span.start);
  if (comma >= 0 && text[comma] === ",") return { start: comma, end: span.end, text: "" };
  return { start: span.start, end: span.end, text: "" };
}

/** A value as this syntax writes it: YAML plain when that cannot be misread, else JSON (valid YAML too). */
export function valueText(value: string | boolean, syntax: Syntax): string {
  if (typeof value === "boolean") return String(value);
  if (syntax === "yaml" && /^[A-Za-z][A-Za-z0-9/_.:-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value) && !value.includes(": ")) return value;
  return JSON.stringify(value);
}

export function replaceValue(span: Span, text: string): Edit {
  return { start: span.valueStart, end: span.end, text };
}

/** Add `key: value` after the object's last member, indented like it. Undefined for an empty object. */
export function addMember(text: string, doc: ParsedDocument, objectPointer: string, object: Record<string, unknown>, key: string, value: string | boolean, syntax: Syntax): Edit | undefined {
  // A member spelled with other case (KmsKeyID) means the user meant it: adding ours would be a guess.
  if (Object.keys(object).some((k) => k.toLowerCase() === key.toLowerCase())) return undefined;
  // The member written last in the text (Object.keys keeps first-insertion order, not text order).
  let lastSpan: Span | undefined;
  for (const k of Object.keys(object)) {
    const span = doc.span(`${objectPointer}/${escapeSegment(k)}`);
    if (span && (lastSpan === undefined || span.start > lastSpan.start)) lastSpan = span;
  }
  const objectSpan = doc.span(objectPointer);
  if (lastSpan === undefined || objectSpan === undefined) return undefined;
  const name = syntax === "json" ? JSON.stringify(key) : key;
  const member = `${name}: ${valueText(value, syntax)}`;
  const flow = syntax === "json" || text[objectSpan.valueStart] === "{";
  const lineStart = text.lastIndexOf("\n", lastSpan.start - 1) + 1;
  // New lines end as the file's lines do (a CRLF file stays CRLF).
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  if (flow) {
    const multiLine = text.slice(objectSpan.valueStart, lastSpan.start).includes("\n");
    const indent = text.slice(lineStart, lastSpan.start).replace(/\S/g, " ");
    if (!multiLine) return { start: lastSpan.end, end: lastSpan.end, text: `, ${member}` };
    // A comment after the last member stays on its line: the comma goes before it, the member after it.
    let end = lineEnd(text, lastSpan.end);
    if (text[end - 1] === "\r") end--;
    const rest = text.slice(lastSpan.end, end);
    if (syntax === "yaml" && /^[ \t]+#/.test(rest)) return { start: lastSpan.end, end, text: `,${rest}${eol}${indent}${member}` };
    return { start: lastSpan.end, end: lastSpan.end, text: `,${eol}${indent}${member}` };
  }
  // A block mapping: a new line after the last member's value (and its comment), at its key's column.
  let valueEnd = lastSpan.end;
  while (valueEnd > lastSpan.valueStart && /\s/.test(text[valueEnd - 1]!)) valueEnd--;
  let at = lineEnd(text, valueEnd);
  if (text[at - 1] === "\r") at--;
  const indent = " ".repeat(lastSpan.start - lineStart);
  return { start: at, end: at, text: `${eol}${indent}${member}` };
}

/** Apply edits from the end of the text backwards; an edit overlapping one already applied is dropped. */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let floor = Infinity;
  let applied = 0;
  for (const e of sorted) {
    if (e.end > floor) continue;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    floor = e.start;
    applied++;
  }
  return { text: out, applied };
}
