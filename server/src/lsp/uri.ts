/**
 * The core works on absolute `/`-separated paths; LSP speaks URIs. `file:` URIs are paths on
 * this machine. In a browser there are no such files: documents have the URIs of the editor's
 * file systems (`vscode-vfs://github/owner/repo/…` in github.dev), and those inside a
 * workspace folder are workspace files too, read through the editor. Other documents
 * (untitled, git diffs) get their URI path, so template detection by content still works, but
 * no configuration is looked up. No Node import: the same code runs in a Web Worker.
 */
import { trimEndOf } from '../core/text/trim';

interface Folder {
  scheme: string;
  authority: string;
  path: string;
}

let folders: Folder[] = [];
let anyScheme = false;

/**
 * The workspace folders, and whether documents of other schemes than `file:` inside them are
 * workspace files (`workspace-folders`: the platform reads them through the editor).
 */
export function setWorkspaceFolders(uris: string[], files: 'file-uris' | 'workspace-folders'): void {
  anyScheme = files === 'workspace-folders';
  folders = uris.flatMap((uri) => {
    const parsed = parse(uri);
    return parsed && parsed.scheme !== 'file'
      ? [{ scheme: parsed.scheme, authority: parsed.authority, path: trimEndOf(parsed.path, '/') || '/' }]
      : [];
  });
}

export function uriToPath(uri: string): { path: string; onDisk: boolean } {
  const parsed = parse(uri);
  if (!parsed) return { path: `/${uri.replace(/^[a-z][\w+.-]*:\/*/i, '')}`, onDisk: false };
  if (parsed.scheme === 'file') return { path: filePath(parsed), onDisk: true };
  const inFolder =
    anyScheme && folders.some((f) => f.scheme === parsed.scheme && f.authority === parsed.authority && isInside(parsed.path, f.path));
  return { path: parsed.path.startsWith('/') ? parsed.path : `/${parsed.path}`, onDisk: inFolder };
}

/** The URI of a workspace path: in the workspace folder holding it (its scheme), else a `file:` URI. */
export function pathToUri(path: string): string {
  const folder = anyScheme ? folders.filter((f) => isInside(path, f.path)).sort((a, b) => b.path.length - a.path.length)[0] : undefined;
  const url = new URL(folder ? `${folder.scheme}://${folder.authority}/` : 'file:///');
  // What the URL parser would take for syntax is escaped first, as Node's pathToFileURL does.
  const absolute = /^[a-z]:/i.test(path) ? `/${path}` : path;
  url.pathname = absolute.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return url.href;
}

function parse(uri: string): { scheme: string; authority: string; path: string } | undefined {
  const match = /^([a-z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/i.exec(uri);
  if (!match) return undefined;
  let path = match[3];
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep the raw text: a bad escape must not stop the document from being checked.
  }
  return { scheme: match[1].toLowerCase(), authority: match[2] ?? '', path };
}

/** `file:///home/a%20b/x.md` → `/home/a b/x.md`; `file:///c%3A/x` → `c:/x`; `file://server/share/x` → `//server/share/x`. */
function filePath({ authority, path }: { authority: string; path: string }): string {
  const slashes = path.replace(/\\/g, '/');
  if (authority && authority !== 'localhost') return `//${authority}${slashes}`;
  return /^\/[a-z]:/i.test(slashes) ? slashes.slice(1) : slashes;
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}
