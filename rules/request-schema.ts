import { REQUEST_MEMBERS } from "../src/model/request.js";
import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import { describeSchemaErrors } from "../src/engine/schema-errors.js";
import { validateCopyRequest } from "../src/engine/validators.js";

/** CopyDBClusterSnapshot members, plus the AWS CLI's SourceRegion. */

export default defineRule({
  id: "request-schema",
  summary: "A request must have the members and types of CopyDBClusterSnapshot, and no others",
  description: [
    "Validates each request against `schemas/copy-request.schema.json`: the two identifiers are required",
    "strings; `KmsKeyId`, `PreSignedUrl` and `SourceRegion` are strings; `CopyTags` is a boolean; `Tags` is an",
    "array of `{Key, Value}` objects with a string `Key`. Any other member is an error: member names are",
    "case-sensitive, and the AWS CLI rejects `KmsKeyID` (\"Unknown parameter\") just as we do.",
    "",
    "YAML files are read as YAML 1.2 (core schema), so `CopyTags: yes` is the string \"yes\", not a boolean:",
    "write `true` or `false`. The syntax of the values (identifiers, ARNs, key ids, tag text) is left to the",
    "rules that own it, so one defect gives one finding.",
  ].join("\n"),
  subjects: ["request"],
  recommended: "error",
  category: "schema",
  needs: [],
  options: NO_OPTIONS,
  messages: { invalid: "{{message}}." },
  docs: [
    { title: "Neptune API: CopyDBClusterSnapshot", url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html" },
    { title: "AWS CLI: neptune copy-db-cluster-snapshot", url: "https://docs.aws.amazon.com/cli/latest/reference/neptune/copy-db-cluster-snapshot.html" },
  ],
  check({ subject, report }) {
    if (validateCopyRequest(subject.value)) return;
    for (const e of describeSchemaErrors(validateCopyRequest.errors ?? [], subject.value, [...REQUEST_MEMBERS, "Key", "Value"])) {
      report({ pointer: e.pointer, messageId: "invalid", data: { message: e.message.replace(/^the document/, "the request") }, target: e.target });
    }
  },
});
