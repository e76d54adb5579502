/**
 * Node flags for the language server process. A 1 MB young generation keeps the
 * resident memory of a server with hundreds of open letters low (see
 * BENCHMARKS.md); letters are small, so the extra scavenges cost little.
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=1'];
