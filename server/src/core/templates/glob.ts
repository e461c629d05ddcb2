import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

/** Glob match on `/`-separated paths; a pattern without `/` matches the basename anywhere. */
export function globMatch(pattern: string, path: string): boolean {
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern, { dot: true, basename: !pattern.includes('/'), nocase: false });
    cache.set(pattern, matcher);
  }
  return matcher(path.replace(/\\/g, '/'));
}
