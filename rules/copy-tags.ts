import { defineRule } from "../src/engine/rule.js";

export interface CopyTagsOptions {
  value: boolean;
}

export default defineRule<CopyTagsOptions>({
  id: "copy-tags",
  summary: "CopyTags must be set to the value the policy asks for",
  description: [
    "Makes every copy request state `CopyTags` as the policy wants it: with the default `value: true`, copies",
    "take the source snapshot's tags (cost allocation, ownership and retention tags follow the data); with",
    "`value: false`, no request may copy them.",
    "",
    "A request without `CopyTags` counts as `false`, the API's default, and is reported at the request itself;",
    "one with the other value is reported at `/CopyTags`. A `CopyTags` that is not a boolean is",
    "`request-schema`'s business.",
    "",
    "A request that gives its own non-empty `Tags` is not judged by this rule: AWS then applies only those tags",
    "and copies none from the source, whatever `CopyTags` says (`copy-tags-ignored` warns when it says `true`).",
    "So the two rules never disagree: with its own tags a request is complete as it is, without them it must",
    "state `CopyTags` as the policy wants. Fixable with `--fix`: the member is added or set to the policy's value.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "off",
  category: "tags",
  needs: [],
  fixable: true,
  configExample: "warn",
  options: {
    type: "object",
    properties: { value: { type: "boolean", description: "The value `CopyTags` must have (a missing `CopyTags` counts as `false`)" } },
    additionalProperties: false,
  },
  defaults: { value: true },
  messages: {
    missing: "CopyTags is not set, so the copy will not take the source snapshot's tags: add \"CopyTags\": true.",
    notTrue: "CopyTags is false, so the copy will not take the source snapshot's tags: set it to true.",
    notFalse: "CopyTags is true, but the policy forbids copying the source snapshot's tags: set it to false or remove it.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (CopyTags)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
    { title: "Neptune User Guide: Tagging Amazon Neptune resources", url: "https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html" },
  ],
  check({ request, options, report }) {
    if (request === undefined || !request.isObject || request.tags.count > 0) return;
    const present = "CopyTags" in request.members;
    if (present && request.copyTags === undefined) return;
    const actual = request.copyTags ?? false;
    const wanted = options.value ?? true;
    if (actual === wanted) return;
    if (!present) report({ pointer: "", messageId: "missing", fix: { op: "add", pointer: "/CopyTags", value: wanted } });
    else report({ pointer: "/CopyTags", messageId: wanted ? "notTrue" : "notFalse", fix: { op: "replace", pointer: "/CopyTags", value: wanted } });
  },
});
