#!/usr/bin/env node
// The floor for auditing an inventory: read the file and JSON.parse it, nothing else.
import { readFileSync } from "node:fs";
const value = JSON.parse(readFileSync(process.argv[2], "utf8"));
if (!Array.isArray(value.DBClusterSnapshots)) process.exit(3);
