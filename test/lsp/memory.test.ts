import assert from 'node:assert/strict';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinTemplate, resolveTemplate } from '../../server/src/core';
import { clearMeetingCache, forgetMeetingsExcept, meetingOf } from '../../server/src/core/items/meetings';
import { compactHeap } from '../../server/src/node/heap';
import { COMPACT_AFTER_CHARS, releaseClosedSeries, type Schedule } from '../../server/src/lsp/series/memory';

const template = (path: string, text: string) => resolveTemplate(path, text, { spec: builtinTemplate('generic')!, reason: 'test' });
const minutes = (n: number) => `# Meeting ${n}\n\n## Attendees\n\n- Ann\n\n## Notes\n\n- ${'word '.repeat(n)}\n`;
const file = (path: string) => ({ path, text: minutes(20) });
const meeting = (f: { path: string; text: string }) => meetingOf(f, template(f.path, f.text));

/** The members of `TextDocuments` the release reads: its open documents, its close and change events. */
function fakeDocuments(openUris: string[]) {
  const closed: (() => void)[] = [];
  const changed: (() => void)[] = [];
  const documents = {
    all: () => openUris.map((uri) => ({ uri })),
    onDidClose: (listener: () => void) => closed.push(listener),
    onDidChangeContent: (listener: () => void) => changed.push(listener),
  } as unknown as TextDocuments<TextDocument>;
  const fire = (listeners: (() => void)[]) => () => listeners.forEach((listener) => listener());
  return { documents, close: fire(closed), change: fire(changed) };
}

/** A clock the test moves: `elapse()` runs what waits (the release's quiet time has passed). */
function manualClock() {
  const waiting = new Set<() => void>();
  const after: Schedule = (task) => {
    waiting.add(task);
    return () => waiting.delete(task);
  };
  const elapse = () => {
    const due = [...waiting];
    waiting.clear();
    due.forEach((task) => task());
  };
  return { after, elapse, pending: () => waiting.size };
}

describe('the server lets go of closed series', () => {
  afterEach(() => clearMeetingCache());

  it('says how many characters of minutes it let go', () => {
    const open = file('open/2024-01-01.md');
    const closed = file('closed/2024-01-01.md');
    [open, closed].forEach(meeting);
    const released = forgetMeetingsExcept((path) => path.startsWith('open/'));
    assert.ok(released >= closed.text.length, `${released} characters for a text of ${closed.text.length}`);
    assert.equal(
      forgetMeetingsExcept((path) => path.startsWith('open/')),
      0,
      'nothing left to let go',
    );
  });

  it('releases the series no open document belongs to once no document closed or changed for a while', () => {
    const open = file('/ws/open/2024-01-01.md');
    const closed = file('/ws/closed/2024-01-01.md');
    const [kept, dropped] = [open, closed].map(meeting);
    const { documents, close, change } = fakeDocuments(['file:///ws/open/2024-02-01.md']);
    const clock = manualClock();
    let compacted = 0;
    releaseClosedSeries(documents, { after: clock.after, compact: () => compacted++ });
    change();
    assert.equal(clock.pending(), 0, 'an edit alone starts no wait');
    close();
    close(); // a second close restarts the wait…
    change(); // …and so does an edit while one waits
    assert.equal(clock.pending(), 1, 'one wait, restarted');
    assert.equal(meeting(closed), dropped, 'nothing released before the quiet time');
    clock.elapse();
    assert.equal(meeting(open), kept, 'the open document’s series stays');
    const reread = meeting(closed);
    assert.notEqual(reread, dropped, 'the closed series was let go');
    assert.deepEqual(reread, dropped);
    assert.equal(compacted, 0, 'a few characters released are not worth a compaction');
  });

  it('compacts the heap when it let go of much, and says so', () => {
    meeting({ path: '/ws/closed/2024-03-01.md', text: minutes(COMPACT_AFTER_CHARS / 5) });
    const { documents, close } = fakeDocuments([]);
    const clock = manualClock();
    const logged: string[] = [];
    let compacted = 0;
    releaseClosedSeries(documents, { after: clock.after, compact: () => compacted++, log: (m) => logged.push(m) });
    close();
    clock.elapse();
    assert.equal(compacted, 1);
    assert.match(logged.join('\n'), /Let go of \d+ characters .*compacted in \d+ ms/);
  });
});

describe('compactHeap', () => {
  it('gives back the pages a plain collection keeps when a few objects survive on each', () => {
    const heapTotal = () => process.memoryUsage().heapTotal;
    assert.ok(compactHeap(), 'a collection could be asked for');
    const before = heapTotal();
    let filled: { text: string; n: number[] }[] | undefined = [];
    for (let i = 0; i < 400_000; i++) filled.push({ text: `entry ${i} `.repeat(3), n: [i] });
    const survivors = filled.filter((_, i) => i % 200 === 0);
    filled = undefined;
    const grown = heapTotal();
    assert.ok(grown - before > 40 * 2 ** 20, `the heap grew by ${grown - before} bytes`);
    compactHeap();
    const after = heapTotal();
    assert.equal(survivors.length, 2000);
    assert.ok(after - before < (grown - before) / 2, `heap total ${before} → ${grown} → ${after} bytes`);
  });
});
