import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { DataCallback, Disposable, Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';

/**
 * `node dist/server.js --stdio --request-times`, as the completion bench starts it: the server
 * times its own requests, so that what the server did is told apart from the machine's load.
 * Editors start it without the flag.
 */
export const REQUEST_TIMES_FLAG = '--request-times';
/** Answered only by a server started with `--request-times`: the requests timed since the last ask. */
export const REQUEST_TIMES_METHOD = 'minutes/requestTimes';

/** One request as the server saw it; times in ms since the epoch (`performance.timeOrigin`-based, comparable across processes). */
export interface RequestTime {
  id: number | string;
  method: string;
  /** Its last bytes came in on stdin (the event loop was free to read them). */
  arrived: number;
  /** The connection handed it to its handler (vscode-jsonrpc decodes on a later turn). */
  dispatched: number;
  /** The response was handed to the writer. */
  answered: number;
  /** The server's CPU time (user + system) from arrival to answer, background work included. */
  cpuMs: number;
  /**
   * The server's CPU time from the previous request's answer to this one's arrival: what it ran
   * (background steps, a check, garbage collection) while this request was on its way.
   */
  cpuBeforeMs: number;
}

export interface RequestTimes {
  requests: RequestTime[];
  /** How late the event loop ran a 1 ms timer since the last ask (ms): the longest steps show in `max`. */
  loopDelay: { p50: number; p99: number; max: number };
}

const now = () => performance.timeOrigin + performance.now();
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Wraps the stdio reader and writer to time requests from arrival to answer. Arrival is read on
 * the input stream itself (messages framed by their `Content-Length`, in order), because the
 * reader hands a message on only a turn or two later.
 */
export function timingRequests(
  input: NodeJS.ReadableStream,
  reader: MessageReader,
  writer: MessageWriter,
): { reader: MessageReader; writer: MessageWriter; take(): RequestTimes } {
  const arrivals: Array<{ at: number; cpu: number }> = [];
  let lastAnswerCpu = cpuMs();
  let header = '';
  let bodyLeft = 0;
  input.prependListener('data', (chunk: Buffer) => {
    const at = { at: now(), cpu: cpuMs() };
    let offset = 0;
    while (offset < chunk.length) {
      if (bodyLeft > 0) {
        const taken = Math.min(bodyLeft, chunk.length - offset);
        bodyLeft -= taken;
        offset += taken;
        if (bodyLeft === 0) arrivals.push(at);
        continue;
      }
      const end = chunk.indexOf('\r\n\r\n', offset, 'latin1');
      if (end < 0) {
        header += chunk.toString('latin1', offset);
        return;
      }
      header += chunk.toString('latin1', offset, end);
      offset = end + 4;
      bodyLeft = Number(/content-length:\s*(\d+)/i.exec(header)?.[1] ?? 0);
      header = '';
      if (bodyLeft === 0) arrivals.push(at);
    }
  });

  const pending = new Map<number | string, Omit<RequestTime, 'answered' | 'cpuMs'> & { cpu: number }>();
  const done: RequestTime[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();

  const timedReader: MessageReader = {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback: DataCallback): Disposable {
      return reader.listen((message: Message) => {
        const arrival = arrivals.shift() ?? { at: now(), cpu: cpuMs() };
        const request = message as { id?: number | string; method?: string };
        if (request.id !== undefined && request.method && request.method !== REQUEST_TIMES_METHOD) {
          pending.set(request.id, {
            id: request.id,
            method: request.method,
            arrived: arrival.at,
            dispatched: now(),
            cpu: arrival.cpu,
            cpuBeforeMs: arrival.cpu - lastAnswerCpu,
          });
        }
        callback(message);
      });
    },
  };
  const timedWriter: MessageWriter = {
    onError: writer.onError,
    onClose: writer.onClose,
    end: () => writer.end(),
    dispose: () => writer.dispose(),
    write(message: Message): Promise<void> {
      const response = message as { id?: number | string; method?: string };
      const started = response.id !== undefined && !response.method ? pending.get(response.id) : undefined;
      if (started) {
        pending.delete(started.id);
        const { cpu, ...times } = started;
        lastAnswerCpu = cpuMs();
        done.push({ ...times, answered: now(), cpuMs: lastAnswerCpu - cpu });
      }
      return writer.write(message);
    },
  };
  return {
    reader: timedReader,
    writer: timedWriter,
    take() {
      const ms = (ns: number) => ns / 1e6;
      const loopDelay = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
      loop.reset();
      return { requests: done.splice(0), loopDelay };
    },
  };
}
