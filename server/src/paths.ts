/** Whether `path` lies inside `folder` (both absolute, either separator). */
export function isInsideFolder(path: string, folder: string): boolean {
  return path.startsWith(folder + '/') || path.startsWith(folder + '\\');
}
