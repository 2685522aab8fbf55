import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { tagsOf } from "../src/model/view.js";

export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
/** One character a Neptune tag key or value may hold (API_Tag: `^([\p{L}\p{Z}\p{N}_.:/=+\-]*)$`). */
const TAG_CHARACTER = /^[\p{L}\p{Z}\p{N}_.:/=+\-]$/u;
/** At most this many distinct offending characters are named in a message. */
const MAX_CHARACTERS_SHOWN = 5;

export type TagTextProblem =
  | { kind: "empty" }
  | { kind: "too-long"; length: number; characters: string[] }
  | { kind: "characters"; characters: string[] };

/** The distinct characters (code points) of `text` that a tag may not hold, in order of appearance. */
function badCharacters(text: string): string[] {
  const bad: string[] = [];
  for (const c of text) if (!TAG_CHARACTER.test(c) && !bad.includes(c)) bad.push(c);
  return bad;
}

/** What is wrong with a tag key or value (lengths in Unicode code points), or undefined when nothing is. */
export function tagTextProblem(text: string, part: "key" | "value"): TagTextProblem | undefined {
  const length = [...text].length;
  if (part === "key" && length === 0) return { kind: "empty" };
  const characters = badCharacters(text);
  if (length > (part === "key" ? MAX_TAG_KEY_LENGTH : MAX_TAG_VALUE_LENGTH)) return { kind: "too-long", length, characters };
  return characters.length > 0 ? { kind: "characters", characters } : undefined;
}

/** A tag key or value quoted for a message, cut after `max` code points. */
export function showTagText(text: string, max = 40): string {
  const points = [...text];
  return JSON.stringify(points.length > max ? `${points.slice(0, max).join("")}…` : text);
}

function showCharacters(characters: string[]): string {
  const shown = characters.slice(0, MAX_CHARACTERS_SHOWN).map((c) => JSON.stringify(c));
  const more = characters.length - shown.length;
  return shown.join(", ") + (more > 0 ? ` and ${more} more` : "");
}

export default defineRule({
  id: "tag-format",
  summary: "Tag keys and values must have the length and characters Neptune accepts",
  description: [
    "Checks every tag of a copy request (`Tags`) and of a snapshot (`TagList`) against the Neptune API's `Tag`",
    "type, which CopyDBClusterSnapshot and AddTagsToResource reject otherwise:",
    "",
    "- a key is 1 to 128 characters long, a value at most 256 (an empty value is allowed);",
    "- both hold only letters, digits, white space (Unicode categories `L`, `N`, `Z`) and `_ . : / = + -`,",
    "  that is they match `^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-]*)$`.",
    "",
    "Lengths are counted in Unicode code points, as AWS counts characters: `ü` or `日` is one character, and so",
    "is an emoji written with a surrogate pair in JSON (it is reported for its character, not its length).",
    "",
    "A key or value is reported once, at `/Tags/i/Key` or `/Tags/i/Value`, even when it is both too long and",
    "holds characters that are not allowed (the message then names both). A tag whose `Key` is missing or not",
    "a string, or whose `Value` is not a string, is `request-schema`'s business and is not judged here.",
    "Reserved prefixes (`aws:`, `rds:`) are `tag-reserved-prefix`'s business.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "tags",
  needs: [],
  options: NO_OPTIONS,
  messages: {
    keyEmpty: "The tag key is empty: give the tag a key of 1 to 128 characters.",
    keyTooLong: "The tag key {{key}} is {{length}} characters long; Neptune allows at most 128: shorten it.{{also}}",
    keyCharacters:
      "The tag key {{key}} contains {{characters}}, which Neptune does not allow in tags: use only letters, digits, " +
      "spaces and _ . : / = + -",
    valueTooLong: "The value of tag {{key}} is {{length}} characters long; Neptune allows at most 256: shorten it.{{also}}",
    valueCharacters:
      "The value of tag {{key}} contains {{characters}}, which Neptune does not allow in tags: use only letters, " +
      "digits, spaces and _ . : / = + -",
  },
  docs: [
    { title: "Neptune API: Tag", url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_Tag.html" },
    { title: "Neptune User Guide: Tagging Amazon Neptune resources", url: "https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html" },
  ],
  check(context) {
    const tags = tagsOf(context);
    if (tags === undefined) return;
    for (const { index, key, value } of tags.entries) {
      const base = `${tags.pointer}/${index}`;
      const parts: ["key" | "value", string | undefined, string][] = [
        ["key", key, `${base}/Key`],
        ["value", value, `${base}/Value`],
      ];
      for (const [part, text, pointer] of parts) {
        if (text === undefined) continue;
        const problem = tagTextProblem(text, part);
        if (problem === undefined) continue;
        const data: Record<string, string | number> = { key: showTagText(key) };
        if (problem.kind === "empty") {
          context.report({ pointer, messageId: "keyEmpty" });
        } else if (problem.kind === "too-long") {
          const also =
            problem.characters.length > 0
              ? ` It also contains ${showCharacters(problem.characters)}, which Neptune does not allow in tags.`
              : "";
          context.report({ pointer, messageId: `${part}TooLong`, data: { ...data, length: problem.length, also } });
        } else {
          context.report({ pointer, messageId: `${part}Characters`, data: { ...data, characters: showCharacters(problem.characters) } });
        }
      }
    }
  },
});
