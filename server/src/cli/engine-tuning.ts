import { setFlagsFromString } from 'node:v8';

/*
 * A lint run is short: over a few hundred letters, most of the code runs
 * before the engine has finished optimising it, and optimising is slow mainly
 * because the optimiser copies ("inlines") called functions into their
 * callers and compiles the result as one large function. Without inlining,
 * each function is compiled several times faster, so optimised code arrives
 * while the batch is still running. Measured over ../shared/corpus (see
 * BENCHMARKS.md), this makes the whole run about 15% faster, and no slower at
 * steady speed. It is set before any other module of the CLI loads, so that
 * nothing is compiled under the default first. The language server, which
 * runs for hours, keeps the engine's defaults.
 */
setFlagsFromString('--no-turbo-inlining');
