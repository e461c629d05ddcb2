import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { DataCallback, Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';
import { REQUEST_TIMES_METHOD, timeRequests } from '../../server/src/lsp/requestTimes';

/** A reader whose messages the test hands on itself, and a writer that keeps what it was given. */
function fakeTransport() {
  let deliver: DataCallback = () => {};
  const none = () => ({ dispose() {} });
  const reader = {
    onError: none,
    onClose: none,
    onPartialMessage: none,
    dispose() {},
    listen(callback: DataCallback) {
      deliver = callback;
      return { dispose() {} };
    },
  } as unknown as MessageReader;
  const written: Message[] = [];
  const writer = {
    onError: none,
    onClose: none,
    end() {},
    dispose() {},
    write(message: Message) {
      written.push(message);
      return Promise.resolve();
    },
  } as unknown as MessageWriter;
  return { reader, writer, written, deliver: (message: object) => deliver(message as Message) };
}

const framed = (message: object) => {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('requests timed by the server (lsp/requestTimes.ts, --request-times)', () => {
  it('times a request from its last byte to its answer', () => {
    const input = new PassThrough();
    const fake = fakeTransport();
    const timed = timeRequests(fake.reader, fake.writer, input);
    const handed: Message[] = [];
    timed.reader.listen((m: Message) => handed.push(m));

    const request = { jsonrpc: '2.0', id: 7, method: 'textDocument/completion', params: {} };
    const bytes = framed(request);
    const cut = bytes.indexOf('\r\n\r\n') + 2; // the blank line split across two chunks
    input.emit('data', bytes.subarray(0, cut));
    const between = performance.timeOrigin + performance.now();
    input.emit('data', bytes.subarray(cut));
    fake.deliver(request);
    assert.deepEqual(handed, [request]);
    assert.equal(timed.take().requests.length, 0, 'not answered yet');
    void timed.writer.write({ jsonrpc: '2.0', id: 7, result: null } as Message);
    assert.equal(fake.written.length, 1, 'the answer is written');

    const { requests, loopDelay } = timed.take();
    assert.equal(requests.length, 1);
    const [one] = requests;
    assert.equal(one.method, 'textDocument/completion');
    assert.ok(one.arrived >= between, 'arrived with its last bytes, not with the first half of its header');
    assert.ok(one.arrived <= one.dispatched && one.dispatched <= one.answered, JSON.stringify(one));
    assert.ok(one.cpuMs >= 0 && one.cpuBeforeMs >= 0 && Number.isFinite(loopDelay.max));
    assert.equal(timed.take().requests.length, 0, 'each request is given once');
  });

  it('keeps each message its own arrival (two in one chunk), and times neither notifications nor its own request', async () => {
    const input = new PassThrough();
    const fake = fakeTransport();
    const timed = timeRequests(fake.reader, fake.writer, input);
    timed.reader.listen(() => {});
    const change = { jsonrpc: '2.0', method: 'textDocument/didChange', params: {} };
    const ask = { jsonrpc: '2.0', id: 1, method: REQUEST_TIMES_METHOD };
    const hover = { jsonrpc: '2.0', id: 2, method: 'textDocument/hover' };
    input.emit('data', Buffer.concat([framed(change), framed(ask)]));
    await sleep(15);
    const later = performance.timeOrigin + performance.now();
    input.emit('data', framed(hover));
    for (const m of [change, ask, hover]) fake.deliver(m);
    for (const id of [1, 2]) void timed.writer.write({ jsonrpc: '2.0', id, result: null } as Message);
    const { requests } = timed.take();
    assert.deepEqual(
      requests.map((r) => r.method),
      ['textDocument/hover'],
    );
    assert.ok(requests[0].arrived >= later, 'the hover arrived with its own bytes');
  });
});
