declare const IMR_VERSION: string | undefined;

/** The package's version, which the build defines as IMR_VERSION; `0.0.0-dev` when run from sources. */
export const TOOL_VERSION = typeof IMR_VERSION === 'string' ? IMR_VERSION : '0.0.0-dev';
