/** Whether `path` lies inside `folder` (both absolute, either separator). */
export function isInsideFolder(path: string, folder: string): boolean {
  return path.startsWith(folder + '/') || path.startsWith(folder + '\\');
}

/** The innermost of `folders` that holds `path`, for nested workspace folders. */
export function innermostFolderHolding(path: string, folders: readonly string[]): string | undefined {
  return folders.filter((folder) => isInsideFolder(path, folder)).sort((a, b) => b.length - a.length)[0];
}
