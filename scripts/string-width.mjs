// Stand-in for `string-width` in the CLI bundle (see scripts/build.mjs): the display width of
// help text, which is ASCII with ANSI colour codes. Wide and combining characters count as one.
const ANSI = /\u001b\[[0-9;]*m/g;
export default function stringWidth(text) {
  return [...String(text).replace(ANSI, "")].length;
}
