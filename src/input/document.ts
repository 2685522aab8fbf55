// A parsed JSON or YAML file that remembers where its values came from.
import type { Position } from "../model/types.js";

export interface DuplicateKey {
  /** Pointer of the repeated member (the later one, whose value wins). */
  pointer: string;
  key: string;
  /** Offset of the repeated member name. */
  offset: number;
}

export interface ParsedDocument {
  value: unknown;
  duplicates: DuplicateKey[];
  /** Line and column (1-based; columns count UTF-16 code units, as editors and SARIF do). */
  position(offset: number): Position;
  /**
   * Where the value at `pointer` is (or, with `key`, the member name that holds it). Undefined when
   * the pointer names nothing in the document.
   */
  locate(pointer: string, target?: "value" | "key"): Position | undefined;
  /**
   * Offsets of the member or element at `pointer`: where it starts (its key, for a member), where
   * its value starts and where the value ends. For edits that keep the rest of the text as it is.
   */
  span(pointer: string): Span | undefined;
}

export interface Span {
  start: number;
  valueStart: number;
  end: number;
}

/** A syntax error at an offset in the text. */
export class InputSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Offset → 1-based line and column. */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}
