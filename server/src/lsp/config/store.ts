import { CONFIG_FILE, resolveConfig, type ConfigHost, type ResolvedConfig } from '../../core';
import type { ConfigProblem } from '../../core/config/types';
import { dirname, isInside, joinPath } from '../../core/config/load';
import { unheededWishes, type UserNetwork } from '../../core/config/network';

/** Text of an open editor buffer for a path, so unsaved edits to a config count. */
export type OpenText = (path: string) => string | undefined;

/** The platform's configuration host for a workspace root (ServerPlatform.configHost). */
export type HostFor = (root: string | undefined) => ConfigHost;

/**
 * `.minutesrc.json` resolution for the server: cached per folder, read through open editor
 * buffers, dropped wholesale when any config changes (configs `extend` each other, so
 * partial invalidation is not worth its bugs).
 */
export class ConfigStore {
  private cache = new Map<string, ResolvedConfig>();
  private known = new Set<string>();
  private roots: string[] = [];
  /** Bumped on every invalidation; analyses remember it to know they are stale. */
  generation = 0;
  /** Bumped whenever the config problems may have changed (invalidation, a config file seen or gone). */
  revision = 0;
  /** What the user granted: a configuration's network wishes beyond it are noted on the configuration. */
  network: UserNetwork = { online: false };

  constructor(
    private readonly openText: OpenText,
    private readonly hostFor: HostFor,
  ) {}

  setRoots(roots: string[]): void {
    this.roots = [...roots].sort((a, b) => b.length - a.length);
    this.invalidate();
  }

  /** The workspace folders, on this disk. */
  workspaceRoots(): readonly string[] {
    return this.roots;
  }

  /** The workspace folder holding a path (the upward config search stops there). */
  rootFor(path: string): string | undefined {
    return this.roots.find((r) => path === r || path.startsWith(r.endsWith('/') ? r : `${r}/`));
  }

  host(root: string | undefined): ConfigHost {
    const disk = this.hostFor(root);
    return {
      ...disk,
      readFile: (path) => this.openText(path) ?? disk.readFile(path),
      // An open buffer is measured once read: its file on disk may be another size.
      fileSize: (path) => (this.openText(path) === undefined ? disk.fileSize?.(path) : undefined),
    };
  }

  /** The config that applies to a document; never throws (problems are data). */
  resolve(path: string): ResolvedConfig {
    const dir = dirname(path);
    const cached = this.cache.get(dir);
    if (cached) return cached;
    let resolved: ResolvedConfig;
    try {
      resolved = resolveConfig(path, this.host(this.rootFor(path)));
    } catch (error) {
      resolved = { config: {}, problems: [cannotLoad(`${dir}/${CONFIG_FILE}`, error)] };
    }
    if (resolved.path) this.remember(resolved.path);
    this.cache.set(dir, resolved);
    return resolved;
  }

  invalidate(): void {
    this.cache.clear();
    this.generation++;
    this.revision++;
  }

  /** A config file the editor opened or the file watcher reported. */
  remember(path: string): void {
    if (this.known.has(path)) return;
    this.known.add(path);
    this.revision++;
  }

  forget(path: string): void {
    if (this.known.delete(path)) this.revision++;
  }

  /** Files the cached configs read besides themselves: a team template, roster files. */
  referencedFiles(): string[] {
    const files: string[] = [];
    for (const resolved of this.cache.values()) {
      const { config, baseDir, root } = resolved;
      if (!baseDir) continue;
      const named = (config.contributors?.sources ?? []).map((source) => joinPath(baseDir, source));
      if (typeof config.template === 'string' && /[/\\]|\.json$/.test(config.template)) named.push(joinPath(baseDir, config.template));
      // Nothing outside the repository is read, so nothing there is watched either.
      files.push(...named.filter((file) => root && isInside(file, root)));
    }
    return files;
  }

  /** The `.minutesrc.json` a lookup for `path` may read: one per folder, from its own up to its workspace root. */
  candidateFiles(path: string): string[] {
    const root = this.rootFor(path);
    const out: string[] = [];
    for (let dir = dirname(path); dir; dir = dirname(dir)) {
      out.push(joinPath(dir, CONFIG_FILE));
      if (!root || dir === root || dir === '/' || !dir.startsWith(root)) break;
    }
    return out;
  }

  /** Problems of every config file seen so far, grouped by the file they are in. */
  problemsByFile(): Map<string, ConfigProblem[]> {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const configPath of [...this.known]) {
      const host = this.host(this.rootFor(configPath));
      if (host.readFile(configPath) === undefined) {
        this.known.delete(configPath);
        continue;
      }
      byFile.set(configPath, byFile.get(configPath) ?? []);
      let problems: ConfigProblem[];
      try {
        const resolved = resolveConfig(configPath, host, configPath);
        problems = [...resolved.problems, ...unheededWishes(resolved, this.network)];
      } catch (error) {
        problems = [cannotLoad(configPath, error)];
      }
      for (const p of problems) {
        const list = byFile.get(p.path) ?? [];
        if (!list.some((q) => q.start === p.start && q.end === p.end && q.message.en === p.message.en)) list.push(p);
        byFile.set(p.path, list);
      }
    }
    return byFile;
  }
}

export function isConfigPath(path: string): boolean {
  return path === CONFIG_FILE || path.endsWith(`/${CONFIG_FILE}`);
}

/** A configuration the loader could not even read (a bug, or an I/O failure): reported, never thrown. */
function cannotLoad(path: string, error: unknown): ConfigProblem {
  return {
    path,
    kind: 'syntax',
    message: { en: `cannot load configuration: ${String(error)}`, zh: `无法加载配置：${String(error)}` },
    start: 0,
    end: 0,
  };
}
