import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { DataCallback, Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';
import { runInSlices, setRequestWaiting } from '../../server/src/lsp/nextTurn';
import { REQUEST_TIMES_METHOD, watchRequests } from '../../server/src/lsp/requestWatch';

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

describe('requests followed from arrival to answer (lsp/requestWatch.ts)', () => {
  it('says a request is on its way from its last byte until its answer, and times it', () => {
    const input = new PassThrough();
    const fake = fakeTransport();
    const watch = watchRequests(fake.reader, fake.writer, input, true);
    const handed: Message[] = [];
    watch.reader.listen((m) => handed.push(m));
    assert.equal(watch.waiting(), false);

    const request = { jsonrpc: '2.0', id: 7, method: 'textDocument/completion', params: {} };
    const bytes = framed(request);
    const cut = bytes.indexOf('\r\n\r\n') + 2; // the blank line split across two chunks
    input.emit('data', bytes.subarray(0, cut));
    assert.equal(watch.waiting(), false, 'half a header is no message');
    input.emit('data', bytes.subarray(cut));
    assert.equal(watch.waiting(), true, 'read, not handed on yet');

    fake.deliver(request);
    assert.deepEqual(handed, [request]);
    assert.equal(watch.waiting(), true, 'handed on, not answered');
    void watch.writer.write({ jsonrpc: '2.0', id: 7, result: null } as Message);
    assert.equal(fake.written.length, 1);
    assert.equal(watch.waiting(), false, 'answered');

    const { requests, loopDelay } = watch.take();
    assert.equal(requests.length, 1);
    const [timed] = requests;
    assert.equal(timed.method, 'textDocument/completion');
    assert.ok(timed.arrived <= timed.dispatched && timed.dispatched <= timed.answered, JSON.stringify(timed));
    assert.ok(timed.cpuMs >= 0 && Number.isFinite(loopDelay.max));
    assert.equal(watch.take().requests.length, 0, 'each request is given once');
  });

  it('counts notifications only until they are handed on, and its own request not at all', () => {
    const input = new PassThrough();
    const fake = fakeTransport();
    const watch = watchRequests(fake.reader, fake.writer, input, false);
    watch.reader.listen(() => {});
    const change = { jsonrpc: '2.0', method: 'textDocument/didChange', params: {} };
    const ask = { jsonrpc: '2.0', id: 1, method: REQUEST_TIMES_METHOD };
    input.emit('data', Buffer.concat([framed(change), framed(ask)]));
    assert.equal(watch.waiting(), true);
    fake.deliver(change);
    fake.deliver(ask);
    assert.equal(watch.waiting(), false);
  });

  it('lets a request that takes long stop holding the background back', async () => {
    const fake = fakeTransport();
    const watch = watchRequests(fake.reader, fake.writer, undefined, false);
    watch.reader.listen(() => {});
    fake.deliver({ jsonrpc: '2.0', id: 'slow', method: 'textDocument/hover' });
    assert.equal(watch.waiting(), true);
    await sleep(25);
    assert.equal(watch.waiting(), false, 'not answered, but long enough');
  });
});

describe('background slices let the requests on their way go first (runInSlices)', () => {
  afterEach(() => setRequestWaiting(undefined));

  it('starts no slice while a request is on its way, and goes on after', async () => {
    let waiting = true;
    setRequestWaiting(() => waiting);
    let ran = 0;
    function* steps() {
      for (let i = 0; i < 5; i++) {
        ran++;
        yield;
      }
    }
    let finished = false;
    const done = runInSlices(steps(), 4, () => false).then(() => (finished = true));
    await sleep(20);
    assert.equal(ran, 0, 'held while the request waits');
    waiting = false;
    await done;
    assert.equal(ran, 5);
    assert.ok(finished);
  });
});
