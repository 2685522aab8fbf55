import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { tagsOf } from "../src/model/view.js";
import { showTagText } from "./tag-format.js";

export default defineRule({
  id: "tag-duplicate",
  summary: "A tag key must not be given twice",
  description: [
    "A resource holds one value per tag key, so a tag list that repeats a key is ambiguous: which value wins",
    "is not something a reviewer can see. This rule reports every later occurrence of a key, at its",
    "`/Tags/i/Key` (or `/TagList/i/Key` for a snapshot), and names the index of the first one.",
    "",
    "AWS tag keys are case-sensitive, so keys are compared exactly: `Owner` and `owner` are two different",
    "tags and are not reported (use `tag-policy` with `caseSensitive: false` and `allowed` to forbid such",
    "variants). A tag whose `Key` is missing or not a string is `request-schema`'s business.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "tags",
  needs: [],
  options: NO_OPTIONS,
  fixable: true,
  messages: {
    repeated: "The tag key {{key}} is given again (first at index {{first}}): a resource holds one value per key. Remove one of them.",
  },
  docs: [
    { title: "Neptune User Guide: Tagging Amazon Neptune resources", url: "https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html" },
    { title: "Neptune API: Tag", url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_Tag.html" },
  ],
  check(context) {
    const tags = tagsOf(context);
    if (tags === undefined) return;
    const first = new Map<string, number>();
    const pairs = new Set<string>();
    for (const { index, key, value } of tags.entries) {
      const seen = first.get(key);
      // Only an exact repeat (same key and value) in a request is safe to drop: two values for one key need a person to choose.
      const pair = JSON.stringify([key, value ?? null]);
      const exact = pairs.has(pair);
      pairs.add(pair);
      if (seen === undefined) {
        first.set(key, index);
      } else {
        const pointer = `${tags.pointer}/${index}/Key`;
        const data = { key: showTagText(key), first: seen };
        context.report({ pointer, messageId: "repeated", data, ...(exact && context.request ? { fix: { op: "remove" as const, pointer: `${tags.pointer}/${index}` } } : {}) });
      }
    }
  },
});
