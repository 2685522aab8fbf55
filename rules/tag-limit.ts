import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { tagsOf } from "../src/model/view.js";

export const MAX_TAGS = 50;

export default defineRule({
  id: "tag-limit",
  summary: "A resource may carry at most 50 tags",
  description: [
    "Neptune resources, DB cluster snapshots among them, can carry at most 50 tags; a copy request with more",
    "is refused. This rule counts every element of `Tags` (request) or `TagList` (snapshot), well-formed or",
    "not, and reports a list of more than 50 once, at the list itself.",
    "",
    "Only the tags written in the subject are counted: the tags `CopyTags: true` would copy from the source",
    "are the source's own, already within the limit.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "error",
  category: "tags",
  needs: [],
  options: NO_OPTIONS,
  messages: {
    tooMany: "There are {{count}} tags; a Neptune resource can carry at most 50: remove {{excess}} of them.",
  },
  docs: [
    { title: "Neptune User Guide: Tagging Amazon Neptune resources", url: "https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html" },
    {
      title: "Neptune API: CopyDBClusterSnapshot (Tags)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  check(context) {
    const tags = tagsOf(context);
    if (tags === undefined || tags.count <= MAX_TAGS) return;
    context.report({ pointer: tags.pointer, messageId: "tooMany", data: { count: tags.count, excess: tags.count - MAX_TAGS } });
  },
});
