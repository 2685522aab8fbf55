import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";

export default defineRule({
  id: "presigned-url",
  summary: "Do not set PreSignedUrl: Neptune does not support it, and the SDK derives it from SourceRegion",
  description: [
    "The Neptune API reference says of `PreSignedUrl` on CopyDBClusterSnapshot: *Not currently supported.*",
    "For a cross-region copy the AWS CLI and boto3 presign the request themselves from `SourceRegion`, and the",
    "JavaScript SDK's `middleware-sdk-rds` from the region in the source ARN. A hand-made URL goes stale within",
    "minutes and may carry credentials into the repository.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "regions",
  needs: [],
  options: NO_OPTIONS,
  fixable: true,
  messages: {
    set: "PreSignedUrl is not supported by Neptune; remove it (the SDK presigns cross-region copies from SourceRegion).",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (PreSignedUrl)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  check({ request, report }) {
    if (request && "PreSignedUrl" in request.members) report({ pointer: "/PreSignedUrl", messageId: "set", fix: { op: "remove", pointer: "/PreSignedUrl" } });
  },
});
