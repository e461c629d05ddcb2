/**
 * The series of each workspace folder, for the server: read once per folder in the background
 * (a few files per turn of the event loop, so no keystroke waits for a workspace of thousands of
 * minutes), updated per changed file. Until a folder is read, its documents get their own
 * detection; when it is, the open documents are checked again with their series' template.
 * Also answers `minutes/learnTemplate` (the "Learn Template from This Folder" command). Files
 * are listed and read by the server's platform (serverPlatform.ts on Node).
 */
import { RequestType, type Connection } from 'vscode-languageserver';
import type { Lang } from '../../core';
import { isSeriesCandidate, SeriesIndex, type SeriesView } from '../../core/series';
import { isTeamTemplateFile } from '../../core/series/group';
import { learnSeries, type SeriesSource } from '../../core/series/folder';
import { pathToUri, uriToPath } from '../uri';
import { nextTurn } from '../nextTurn';
import { LEARN_TEMPLATE_METHOD, type LearnTemplateParams, type LearnTemplateResult } from '../../protocol';

/** How long one turn of the event loop may read files for while a folder is indexed: a keystroke waits at most about this. */
const TURN_BUDGET_MS = 8;

interface FolderIndex {
  index: SeriesIndex;
  ready: boolean;
  /** Files changed while the folder was still being read: applied once it is. */
  pending: Map<string, boolean>;
}

/** Where the server finds minutes: the series store and `minutes/learnTemplate` read through it. */
export interface SeriesFiles extends SeriesSource {
  /** The minutes files under a workspace folder, `/`-separated. */
  list(root: string): string[];
  /** The minutes files under a folder, or under a file's folder, at any depth; with that folder. */
  under(path: string): { folder: string; files: string[] };
}

export class SeriesStore {
  private readonly folders = new Map<string, FolderIndex>();
  private waiting: Array<() => void> = [];
  /** Called when a folder finished reading or a file changed its series: re-check the open documents. */
  onDidChange: (() => void) | undefined;
  /** An open editor's text of a file: the series rules compare the minutes as they are being written. */
  openText: (path: string) => string | undefined = () => undefined;

  constructor(
    private readonly files: SeriesFiles,
    private readonly log: (message: string) => void = () => undefined,
    private readonly defer: (work: () => void) => void = nextTurn,
  ) {}

  setRoots(roots: readonly string[]): void {
    for (const root of [...this.folders.keys()]) if (!roots.includes(root)) this.folders.delete(root);
    for (const root of roots) if (!this.folders.has(root)) this.build(root);
    // A folder that left while being read keeps nobody waiting.
    this.settle();
  }

  /** The series view of a document; undefined while its folder is being read (its own detection applies meanwhile). */
  view(path: string): SeriesView | undefined {
    const folder = this.folderOf(path);
    return folder?.ready ? folder.index.view(path) : undefined;
  }

  /** Is every workspace folder read? */
  get ready(): boolean {
    return [...this.folders.values()].every((f) => f.ready);
  }

  /** Resolves once every workspace folder is read (requests that list a series' items wait for it). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private settle(): void {
    if (this.ready) for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** A minutes file saved, created or deleted on disk. */
  fileChanged(path: string, deleted: boolean): void {
    if (!isSeriesCandidate(path) && !isTeamTemplateFile(path)) return;
    const folder = this.folderOf(path);
    if (!folder) return;
    if (!folder.ready) {
      folder.pending.set(path, deleted);
      return;
    }
    if (this.apply(folder, path, deleted)) this.onDidChange?.();
  }

  private apply(folder: FolderIndex, path: string, deleted: boolean): boolean {
    const before = folder.index.generation;
    const text = deleted ? undefined : this.files.read(path);
    if (text === undefined) folder.index.delete(path);
    else folder.index.set(path, text);
    return folder.index.generation !== before;
  }

  private folderOf(path: string): FolderIndex | undefined {
    const roots = [...this.folders.keys()].filter((r) => path.startsWith(r.endsWith('/') ? r : `${r}/`));
    const root = roots.sort((a, b) => b.length - a.length)[0];
    return root === undefined ? undefined : this.folders.get(root);
  }

  private build(root: string): void {
    const folder: FolderIndex = {
      index: new SeriesIndex({ root, text: (path) => this.openText(path) ?? this.files.read(path) }),
      ready: false,
      pending: new Map(),
    };
    this.folders.set(root, folder);
    // The team's template files too: their placeholders are looked for in the minutes.
    const queue = this.files.list(root).filter((p) => isSeriesCandidate(p) || isTeamTemplateFile(p));
    const started = Date.now();
    let decide: string[] | undefined;
    const step = () => {
      if (this.folders.get(root) !== folder) return; // the folder left the workspace meanwhile
      const deadline = performance.now() + TURN_BUDGET_MS;
      while (queue.length && performance.now() < deadline) {
        const path = queue.shift()!;
        const text = this.files.read(path);
        if (text !== undefined) folder.index.set(path, text);
      }
      if (queue.length) {
        this.defer(step);
        return;
      }
      if (!decide) {
        for (const [path, deleted] of folder.pending) this.apply(folder, path, deleted);
        folder.pending.clear();
        decide = folder.index.keys();
      }
      // Each series is decided (eras, learning) in a turn of its own, before any document asks.
      while (decide.length && performance.now() < deadline) folder.index.warm(decide.shift()!);
      if (decide.length) {
        this.defer(step);
        return;
      }
      folder.ready = true;
      this.log(`series: read ${folder.index.size} minutes of ${root} in ${Date.now() - started} ms`);
      this.settle();
      this.onDidChange?.();
    };
    this.defer(step);
  }
}

export const learnTemplateRequest = new RequestType<LearnTemplateParams, LearnTemplateResult, void>(LEARN_TEMPLATE_METHOD);

export interface LearnTemplateContext {
  lang(): Lang;
  rootFor(path: string): string | undefined;
  log(message: string): void;
  /** The files learning reads; absent where folders cannot be listed (a browser). */
  files: SeriesFiles | undefined;
}

export function registerLearnTemplate(connection: Connection, context: LearnTemplateContext): void {
  connection.onRequest(learnTemplateRequest, ({ uri }) => {
    const { path, onDisk } = uriToPath(uri);
    if (!onDisk || !context.files) return { templates: [] };
    try {
      const { folder, files } = context.files.under(path);
      const learned = learnSeries(files, context.rootFor(folder) ?? folder, context.files);
      return {
        templates: learned.map(({ dir, file, template }) => ({
          uri: pathToUri(file),
          folderUri: pathToUri(dir),
          id: template.id,
          text: `${JSON.stringify(template, null, 2)}\n`,
          summary:
            context.lang() === 'zh'
              ? `从 ${template.learned?.seriesFiles} 份纪要中最近的 ${template.learned?.files} 份（${template.learned?.since} 至 ${template.learned?.until}）学习得到 ${template.id}`
              : `${template.id}, learned from ${template.learned?.files} of the ${template.learned?.seriesFiles} minutes (${template.learned?.since} to ${template.learned?.until})`,
        })),
      };
    } catch (error) {
      context.log(`learning a template in ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { templates: [] };
    }
  });
}
