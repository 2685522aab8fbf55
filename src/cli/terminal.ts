// What the terminal a report goes to can show: its width, and whether it shows OSC 8 hyperlinks.

/** Columns of stdout when it is a terminal; undefined for a file or pipe (reports are then not wrapped). */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  return stream.isTTY === true && typeof stream.columns === "number" && stream.columns > 0 ? stream.columns : undefined;
}

function atLeast(version: string | undefined, major: number, minor = 0): boolean {
  const [a = 0, b = 0] = (version ?? "").split(".").map((n) => Number.parseInt(n, 10) || 0);
  return a > major || (a === major && b >= minor);
}

/**
 * Whether a terminal shows OSC 8 hyperlinks. Only on a TTY and never in CI logs; FORCE_HYPERLINK=1/0
 * decides outright. Otherwise by the terminals known to support them (their own environment variables):
 * iTerm2 3.1+, WezTerm, VS Code 1.72+, Ghostty, Windows Terminal, kitty, Konsole, and VTE 0.50+
 * (GNOME Terminal, Tilix). Unknown terminals get plain text, which every terminal shows.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.FORCE_HYPERLINK !== undefined && env.FORCE_HYPERLINK !== "") return env.FORCE_HYPERLINK !== "0";
  if (!isTTY || env.CI !== undefined || env.TERM === "dumb") return false;
  if (env.WT_SESSION !== undefined || env.KITTY_WINDOW_ID !== undefined || env.KONSOLE_VERSION !== undefined) return true;
  if (env.VTE_VERSION !== undefined && Number.parseInt(env.VTE_VERSION, 10) >= 5000) return true;
  switch (env.TERM_PROGRAM) {
    case "iTerm.app":
      return atLeast(env.TERM_PROGRAM_VERSION, 3, 1);
    case "vscode":
      return atLeast(env.TERM_PROGRAM_VERSION, 1, 72);
    case "WezTerm":
    case "ghostty":
      return true;
    default:
      return false;
  }
}
