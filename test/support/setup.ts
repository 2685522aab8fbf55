// Unit tests call glob and pattern matchers and option validators directly, without loading a policy
// first: load them as a policy with globs and options would. (End-to-end tests run the CLI, which loads it itself.)
import { loadLinearEngine } from "../../src/engine/linear.js";
import { loadPolicyValidators } from "../../src/engine/validators.js";

await Promise.all([loadLinearEngine(), loadPolicyValidators()]);
