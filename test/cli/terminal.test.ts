import { describe, expect, it } from "vitest";
import { supportsHyperlinks, terminalWidth } from "../../src/cli/terminal.js";

describe("what the terminal can show", () => {
  it("wraps to the terminal's width only on a terminal", () => {
    expect(terminalWidth({ isTTY: true, columns: 100 })).toBe(100);
    expect(terminalWidth({ isTTY: false, columns: 100 })).toBeUndefined();
    expect(terminalWidth({})).toBeUndefined();
    expect(terminalWidth({ isTTY: true, columns: 0 })).toBeUndefined();
  });
  it("links only on a TTY of a terminal known to show OSC 8, never in CI logs", () => {
    expect(supportsHyperlinks({ TERM_PROGRAM: "WezTerm" }, true)).toBe(true);
    expect(supportsHyperlinks({ TERM_PROGRAM: "WezTerm" }, false)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: "WezTerm", CI: "true" }, true)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: "iTerm.app", TERM_PROGRAM_VERSION: "3.4.19" }, true)).toBe(true);
    expect(supportsHyperlinks({ TERM_PROGRAM: "iTerm.app", TERM_PROGRAM_VERSION: "3.0.15" }, true)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: "vscode", TERM_PROGRAM_VERSION: "1.95.0" }, true)).toBe(true);
    expect(supportsHyperlinks({ TERM_PROGRAM: "vscode", TERM_PROGRAM_VERSION: "1.60.0" }, true)).toBe(false);
    expect(supportsHyperlinks({ VTE_VERSION: "7201" }, true)).toBe(true);
    expect(supportsHyperlinks({ VTE_VERSION: "4601" }, true)).toBe(false);
    expect(supportsHyperlinks({ WT_SESSION: "x" }, true)).toBe(true);
    expect(supportsHyperlinks({ TERM: "xterm-256color" }, true)).toBe(false);
    expect(supportsHyperlinks({ TERM: "dumb", WT_SESSION: "x" }, true)).toBe(false);
  });
  it("lets FORCE_HYPERLINK decide outright", () => {
    expect(supportsHyperlinks({ FORCE_HYPERLINK: "1" }, false)).toBe(true);
    expect(supportsHyperlinks({ FORCE_HYPERLINK: "0", TERM_PROGRAM: "WezTerm" }, true)).toBe(false);
  });
});
