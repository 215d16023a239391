import { relative, resolve, isAbsolute, sep } from 'node:path';

/** True when `path` is `folder` itself or lies below it (both resolved; no file system access). */
export function insideFolder(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
