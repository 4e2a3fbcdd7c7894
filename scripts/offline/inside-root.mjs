// Whether a resolved path lies inside a folder. A plain prefix test is not
// enough: "/site/dist-private/x" starts with "/site/dist". The path relative
// to the folder must not climb out of it (".." or "../…") nor be absolute
// (another drive on Windows). Used by the dev server and the offline builder.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export function insideRoot(root, path) {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
