/**
 * Where JSON.parse failed, without its message: Node quotes the start of the
 * text there, and a letter passed by mistake must not reach a log.
 */
export function describeJsonError(error: unknown): string {
  const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
  return position === undefined ? 'syntax error' : `syntax error at character ${Number(position) + 1}`;
}
