import type { ForgeKind, LinkSettings } from './types';

const KNOWN_HOSTS: Record<string, ForgeKind> = {
  'github.com': 'github',
  'www.github.com': 'github',
  'gitee.com': 'gitee',
  'www.gitee.com': 'gitee',
  'gitcode.com': 'gitcode',
  'gitcode.net': 'gitcode',
  'atomgit.com': 'atomgit',
};

/**
 * The forge a host belongs to. Hosts named in `links.api` that are no known forge are
 * GitHub Enterprise servers (or a test server on 127.0.0.1): they share GitHub's URL shapes.
 */
export function forgeOfHost(host: string, settings: LinkSettings = {}): ForgeKind | undefined {
  const h = host.toLowerCase();
  const known = KNOWN_HOSTS[h];
  if (known) return known;
  for (const key of Object.keys(settings.api ?? {})) {
    if (normalizeHost(key) === h) return 'github';
  }
  return undefined;
}

/** `https://github.example.com/` and `GitHub.Example.com` both name `github.example.com`. */
export function normalizeHost(key: string): string {
  return key
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .split('/', 1)[0]
    .toLowerCase();
}

/** The canonical host of a forge, used when a shorthand (`owner/repo#N`) names no host. */
export function defaultHost(forge: ForgeKind): string {
  switch (forge) {
    case 'github':
      return 'github.com';
    case 'gitee':
      return 'gitee.com';
    case 'gitcode':
      return 'gitcode.com';
    case 'atomgit':
      return 'atomgit.com';
  }
}

/** Gitee's and GitHub's path segment for pull requests; GitCode and AtomGit accept several. */
export function pullSegment(forge: ForgeKind): string {
  return forge === 'gitee' ? 'pulls' : 'pull';
}
