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
  /** Its last bytes came in (on stdin: the event loop was free to read them). */
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

export interface TimedTransport {
  reader: MessageReader;
  writer: MessageWriter;
  /** The requests answered since the last call, and the event loop's delay. */
  take(): RequestTimes;
}

const epochMs = () => performance.timeOrigin + performance.now();
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Wraps a transport's reader and writer to time requests from arrival to answer. On stdio,
 * `input` is the stream: messages are framed there by their `Content-Length`, in order, because
 * the reader hands a message on only a turn or two after its bytes came in.
 */
export function timeRequests(reader: MessageReader, writer: MessageWriter, input: NodeJS.ReadableStream | undefined): TimedTransport {
  /** Messages read from `input` and not handed on yet: when, and the server's CPU time then. */
  const arrivals: Array<{ epoch: number; cpu: number }> = [];
  const arrival = () => ({ epoch: epochMs(), cpu: cpuMs() });
  if (input) {
    let header = '';
    let bodyLeft = 0;
    input.prependListener('data', (chunk: Buffer) => {
      const at = arrival();
      let offset = 0;
      while (offset < chunk.length) {
        if (bodyLeft > 0) {
          const taken = Math.min(bodyLeft, chunk.length - offset);
          bodyLeft -= taken;
          offset += taken;
          if (bodyLeft === 0) arrivals.push(at);
          continue;
        }
        // Headers are ASCII; the blank line that ends them may straddle two chunks.
        header += chunk.toString('latin1', offset);
        const end = header.indexOf('\r\n\r\n');
        if (end < 0) return;
        offset = chunk.length - (header.length - end - 4);
        bodyLeft = Number(/content-length:\s*(\d+)/i.exec(header.slice(0, end))?.[1] ?? 0);
        header = '';
        if (bodyLeft === 0) arrivals.push(at);
      }
    });
  }

  /** Requests handed on and not answered. */
  const pending = new Map<number | string, { method: string; epoch: number; dispatched: number; cpu: number; cpuBefore: number }>();
  const done: RequestTime[] = [];
  let lastAnswerCpu = cpuMs();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();

  const timedReader: MessageReader = {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback: DataCallback): Disposable {
      return reader.listen((message: Message) => {
        const came = (input ? arrivals.shift() : undefined) ?? arrival();
        const request = message as { id?: number | string; method?: string };
        if (request.id !== undefined && request.method && request.method !== REQUEST_TIMES_METHOD) {
          pending.set(request.id, {
            method: request.method,
            epoch: came.epoch,
            dispatched: epochMs(),
            cpu: came.cpu,
            cpuBefore: came.cpu - lastAnswerCpu,
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
        pending.delete(response.id!);
        lastAnswerCpu = cpuMs();
        done.push({
          id: response.id!,
          method: started.method,
          arrived: started.epoch,
          dispatched: started.dispatched,
          answered: epochMs(),
          cpuMs: lastAnswerCpu - started.cpu,
          cpuBeforeMs: started.cpuBefore,
        });
      }
      return writer.write(message);
    },
  };

  return {
    reader: timedReader,
    writer: timedWriter,
    take() {
      const ms = (ns: number) => ns / 1e6;
      const loopDelay = loop
        ? { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) }
        : { p50: NaN, p99: NaN, max: NaN };
      loop?.reset();
      return { requests: done.splice(0), loopDelay };
    },
  };
}
