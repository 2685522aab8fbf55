// Unit tests call glob and pattern matchers directly, without loading a policy first: load the
// linear-time engine as a policy with globs would. (End-to-end tests run the CLI, which loads it itself.)
import { loadLinearEngine } from "../../src/engine/linear.js";

await loadLinearEngine();
