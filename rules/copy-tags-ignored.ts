import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";

export default defineRule({
  id: "copy-tags-ignored",
  summary: "CopyTags: true has no effect when the request gives its own Tags",
  description: [
    "With `CopyTags: true` CopyDBClusterSnapshot copies the source snapshot's tags to the copy, but only when",
    "the request gives no tags of its own: with a non-empty `Tags`, AWS applies the request's tags and copies",
    "none from the source. A request with both usually expects the union, and gets a copy without the",
    "source's tags.",
    "",
    "Reported at `/CopyTags` when it is `true` and `Tags` is an array with at least one element. An empty",
    "`Tags: []` does not count as tags. Either drop `CopyTags` and list in `Tags` every tag the copy needs, or",
    "drop `Tags` to copy the source's tags.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "warn",
  category: "tags",
  needs: [],
  options: NO_OPTIONS,
  messages: {
    ignored:
      "CopyTags is true but the request gives {{count}} tag(s) of its own: AWS then applies only those and copies none " +
      "of the source's tags. List every tag the copy needs in Tags and remove CopyTags, or remove Tags.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (CopyTags, Tags)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    { title: "Neptune User Guide: Tagging Amazon Neptune resources", url: "https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html" },
  ],
  check({ request, report }) {
    if (request === undefined || request.copyTags !== true || request.tags.count === 0) return;
    report({ pointer: "/CopyTags", messageId: "ignored", data: { count: request.tags.count } });
  },
});
