/**
 * An archive on every core: worker threads each run a FileChecker on the series the main thread
 * hands them, one series at a time, the largest first. The main thread only walks the folders
 * and puts the outcomes back in walk order, so every output format and the exit status are
 * those of a run on one thread.
 */
import { availableParallelism } from 'node:os';
import type * as Threads from 'node:worker_threads';
import { LineIndex } from '../core';
import { FileChecker, type FileOutcome, type RunSettings, type Unit } from './check';

/** Fewer files than this are checked on the main thread: starting a worker costs about as much as checking 20 files. */
export const MIN_FILES_FOR_WORKERS = 64;

/** Marks the worker's data, so the bundle knows it was started as a worker of a run. */
const WORKER_TAG = 'minutes-lint-worker';
/**
 * And its argv: a run on one thread never loads worker_threads (a few per cent of starting up),
 * not even to find out that it is not a worker.
 */
const WORKER_ARG = '--minutes-lint-worker';

type ToWorker = { unit: number; files: Unit['files'] } | { done: true };
type FromWorker = { unit: number; outcomes: WireOutcome[] } | { rosterLines: string[] };

/** An outcome as it crosses threads: the report's text instead of its line index. */
type WireOutcome = Omit<FileOutcome, 'report'> & { report?: Omit<NonNullable<FileOutcome['report']>, 'lines'> & { text?: string } };

/** How many threads check files: `--jobs`, else every core for a large run, else the main thread alone. */
export function threadCount(jobs: number | undefined, files: number, units: number): number {
  const wanted = jobs ?? (files >= MIN_FILES_FOR_WORKERS ? availableParallelism() : 1);
  return Math.max(1, Math.min(wanted, units));
}

/** The outcomes of every unit, by walk position, checked by `threads` worker threads. */
export async function checkInWorkers(
  units: readonly Unit[],
  settings: RunSettings,
  threads: number,
): Promise<{ outcomes: FileOutcome[]; rosterLines: string[] }> {
  const outcomes: FileOutcome[] = [];
  const rosterLines: string[] = [];
  // The largest series first, so that no thread is left with a long one at the end.
  const { Worker } = workerThreads();
  const queue = units.map((unit, id) => ({ unit, id })).sort((a, b) => b.unit.files.length - a.unit.files.length);
  const workers = Array.from(
    { length: threads },
    () => new Worker(__filename, { argv: [WORKER_ARG], workerData: { [WORKER_TAG]: settings } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const item = queue.shift();
              worker.postMessage((item ? { unit: item.id, files: item.unit.files } : { done: true }) satisfies ToWorker);
            };
            worker.on('message', (message: FromWorker) => {
              if ('rosterLines' in message) {
                rosterLines.push(...message.rosterLines);
                resolve();
                return;
              }
              const { indices } = units[message.unit];
              message.outcomes.forEach((outcome, i) => (outcomes[indices[i]] = fromWire(outcome)));
              next();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code})`)));
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { outcomes, rosterLines };
}

/** worker_threads, loaded when threads are started, or by a worker. */
function workerThreads(): typeof Threads {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:worker_threads') as typeof Threads;
}

/** In a worker thread started by `checkInWorkers`: checks the units it is sent until told it is done. */
export function runWorkerIfAsked(): boolean {
  if (!process.argv.includes(WORKER_ARG)) return false;
  const threads = workerThreads();
  const { isMainThread, parentPort } = threads;
  const settings = (threads.workerData as Record<string, RunSettings | undefined> | null)?.[WORKER_TAG];
  if (isMainThread || !parentPort || !settings) return false;
  const port = parentPort;
  const checker = new FileChecker(settings);
  port.on('message', (message: ToWorker) => {
    if ('done' in message) {
      port.postMessage({ rosterLines: checker.rosterLines() } satisfies FromWorker);
      return;
    }
    void checker
      .checkUnit(message.files)
      .then((outcomes) => port.postMessage({ unit: message.unit, outcomes: outcomes.map(toWire) } satisfies FromWorker));
  });
  return true;
}

function toWire(outcome: FileOutcome): WireOutcome {
  if (!outcome.report) return outcome;
  const { lines, template, ...report } = outcome.report;
  const said = template && {
    resolvedId: template.resolvedId,
    reason: template.reason,
    confidence: template.confidence,
    explanation: template.explanation,
  };
  return { ...outcome, report: { ...report, template: said, text: lines?.text } };
}

function fromWire(outcome: WireOutcome): FileOutcome {
  if (!outcome.report) return outcome;
  const { text, ...report } = outcome.report;
  return { ...outcome, report: { ...report, lines: text === undefined ? undefined : new LineIndex(text) } };
}
