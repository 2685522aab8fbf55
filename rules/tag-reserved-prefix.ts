import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { tagsOf } from "../src/model/view.js";
import { showTagText } from "./tag-format.js";

/** Prefixes AWS keeps for its own tags, compared without case. */
const RESERVED_PREFIXES = ["aws:", "rds:"];

/** The reserved prefix a tag key or value starts with, if any (remediation drops such tags). */
export function reservedPrefix(text: string): string | undefined {
  const lower = text.toLowerCase();
  return RESERVED_PREFIXES.find((p) => lower.startsWith(p));
}

export default defineRule({
  id: "tag-reserved-prefix",
  summary: "Tag keys and values must not start with the reserved prefixes aws: or rds:",
  description: [
    "The Neptune API's `Tag` type says of both the key and the value: *can't be prefixed with \"aws:\" or",
    "\"rds:\"*. AWS keeps those prefixes for the tags it sets itself, and a request that uses them is refused.",
    "The prefixes are compared without case, so `AWS:` and `Rds:` are reported too.",
    "",
    "Checks every tag of a copy request (`Tags`) and of a snapshot (`TagList`). A key and a value that both",
    "start with a reserved prefix are two findings, at `/Tags/i/Key` and `/Tags/i/Value`. A tag whose `Key` or",
    "`Value` is not a string is `request-schema`'s business; length and characters are `tag-format`'s.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "tags",
  needs: [],
  options: NO_OPTIONS,
  messages: {
    key: "The tag key {{key}} starts with {{prefix}}, a prefix AWS reserves for its own tags: rename the tag.",
    value: "The value of tag {{key}} starts with {{prefix}}, a prefix AWS reserves for its own tags: change the value.",
  },
  docs: [
    { title: "Neptune API: Tag", url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_Tag.html" },
    { title: "Neptune User Guide: Tagging Amazon Neptune resources", url: "https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html" },
  ],
  check(context) {
    const tags = tagsOf(context);
    if (tags === undefined) return;
    for (const { index, key, value } of tags.entries) {
      const keyPrefix = reservedPrefix(key);
      if (keyPrefix !== undefined) {
        context.report({ pointer: `${tags.pointer}/${index}/Key`, messageId: "key", data: { key: showTagText(key), prefix: JSON.stringify(key.slice(0, keyPrefix.length)) } });
      }
      const valuePrefix = value === undefined ? undefined : reservedPrefix(value);
      if (value !== undefined && valuePrefix !== undefined) {
        context.report({
          pointer: `${tags.pointer}/${index}/Value`,
          messageId: "value",
          data: { key: showTagText(key), prefix: JSON.stringify(value.slice(0, valuePrefix.length)) },
        });
      }
    }
  },
});
