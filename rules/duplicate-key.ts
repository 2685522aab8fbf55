import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";

export default defineRule({
  id: "duplicate-key",
  summary: "A JSON object or YAML mapping must not repeat a key",
  description: [
    "When a key is repeated, `JSON.parse`, the AWS CLI and most YAML loaders silently keep the **last** value,",
    "so a reviewer reading the first one sees something else than what runs. This rule reports every repeated",
    "key (at the later occurrence), in JSON as well as in YAML. The other rules judge the value that wins,",
    "the last one, as AWS would.",
    "",
    "A key repeated in a copy plan's own members (`region`, `account`, `copies`) is reported on the plan's",
    "first request.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "schema",
  needs: [],
  options: NO_OPTIONS,
  messages: { repeated: "The key {{key}} is repeated; only the last value counts. Remove one of them." },
  check({ subject, report }) {
    for (const d of subject.duplicates ?? []) {
      report({ pointer: d.pointer, messageId: "repeated", data: { key: JSON.stringify(d.key) }, target: "key", absolute: true });
    }
  },
});
