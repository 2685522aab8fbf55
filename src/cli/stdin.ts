// `lint -`: a lone `-` names standard input. yargs drops a bare `-`, so main.ts passes it on as this
// marker, which no real path can be (paths hold no NUL).
export const STDIN_ARG = "\u0000-";
