import { fileURLToPath, pathToFileURL } from 'node:url';
import { toPosixPath } from '../node/host';

/**
 * The core works on absolute `/`-separated paths. Non-file documents (untitled, git diffs) get
 * their URI path so template detection by content still works, but no configuration is looked up.
 */
export function uriToPath(uri: string): { path: string; onDisk: boolean } {
  if (uri.startsWith('file:')) {
    try {
      return { path: toPosixPath(fileURLToPath(uri)), onDisk: true };
    } catch {
      // Malformed file URI: fall through and treat it like any other scheme.
    }
  }
  const withoutScheme = uri.replace(/^[a-z][\w+.-]*:(\/\/[^/]*)?/i, '');
  let path = withoutScheme;
  try {
    path = decodeURIComponent(withoutScheme);
  } catch {
    // Keep the raw text: a bad escape must not stop the document from being checked.
  }
  return { path: path.startsWith('/') ? path : `/${path}`, onDisk: false };
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
