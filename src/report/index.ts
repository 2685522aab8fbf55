// Every output format by its `--format` name: a writer that reports a run as it goes (a collected
// run is fed to the same writer: see `collected`).
import { githubWriter } from "./github.js";
import { jsonWriter } from "./json.js";
import { junitWriter } from "./junit.js";
import { sarifWriter } from "./sarif.js";
import { stylishWriter } from "./stylish.js";
import type { StreamFormatter } from "./types.js";

export const FORMAT_NAMES = ["stylish", "json", "sarif", "junit", "github"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const WRITERS: Record<FormatName, StreamFormatter> = { stylish: stylishWriter, json: jsonWriter, sarif: sarifWriter, junit: junitWriter, github: githubWriter };

