// Every output format by its `--format` name.
import { github } from "./github.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const FORMATTERS: Record<"stylish" | "json" | "sarif" | "junit" | "github", Formatter> = { stylish, json, sarif, junit, github };
