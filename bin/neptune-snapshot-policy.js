#!/usr/bin/env node
// Node 22.1+ keeps V8's compiled code of the bundle between runs (in the temp folder, or where
// NODE_COMPILE_CACHE says; NODE_DISABLE_COMPILE_CACHE=1 turns it off): a tenth of a one-file lint is
// compiling it. Node 20 has no such cache. The import is dynamic so that it runs after the switch.
import module from "node:module";

module.enableCompileCache?.();
await import("../dist/cli/main.js");
