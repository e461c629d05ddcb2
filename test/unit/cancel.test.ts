import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type Rule } from '../../server/src/core';
import { ConfigStore } from '../../server/src/lsp/config/store';
import { Analyzer, isCancelled } from '../../server/src/lsp/diagnostics/analysis';
import { LintScheduler } from '../../server/src/lsp/diagnostics/scheduler';
import { hookRule } from '../helpers';

// Cancellation (issue 14, item 4): the server stops work whose answer nobody wants any more.

const TEXT = '# Minutes 2024-03-14\n\n## Attendees\n\n- @alice\n';

function recordingRule(id: string, seen: string[], during?: () => void): Rule {
  return hookRule(id, () => {
    seen.push(id);
    during?.();
  });
}

describe('lint with an AbortSignal', () => {
  it("rejects with the signal's reason, before any rule, when already aborted", async () => {
    const seen: string[] = [];
    const reason = new Error('not wanted any more');
    await assert.rejects(
      lint({ path: 'm.md', text: TEXT, rules: [recordingRule('a/one', seen)], signal: AbortSignal.abort(reason) }),
      (e) => e === reason,
    );
    assert.deepEqual(seen, []);
  });

  it('stops between rules: the rules after the abort do not run', async () => {
    const seen: string[] = [];
    const controller = new AbortController();
    const rules = [recordingRule('a/one', seen), recordingRule('a/two', seen, () => controller.abort()), recordingRule('a/three', seen)];
    await assert.rejects(lint({ path: 'm.md', text: TEXT, rules, signal: controller.signal }));
    assert.deepEqual(seen, ['a/one', 'a/two']);
  });

  it('changes nothing when never aborted', async () => {
    const seen: string[] = [];
    const rules = [recordingRule('a/one', seen), recordingRule('a/two', seen)];
    const result = await lint({ path: 'm.md', text: TEXT, rules, signal: new AbortController().signal });
    assert.deepEqual(
      result.diagnostics.map((d) => d.rule),
      ['a/one', 'a/two'],
    );
  });
});

describe("the server's Analyzer cancels outdated analyses", () => {
  const analyzer = () => {
    const configs = new ConfigStore(
      () => undefined,
      () => ({ readFile: () => undefined }),
    );
    return new Analyzer(
      configs,
      () => ({ enabled: true, lang: 'en', trusted: false }),
      () => undefined,
      {},
    );
  };
  const uri = 'untitled:Untitled-1';

  it('a newer version cancels the older one, which rejects as cancelled; the newer one completes', async () => {
    const a = analyzer();
    const older = a.analyze(TextDocument.create(uri, 'markdown', 1, TEXT));
    const newer = a.analyze(TextDocument.create(uri, 'markdown', 2, `${TEXT}\n- @bob\n`));
    await assert.rejects(older, (e) => isCancelled(e));
    assert.equal((await newer).version, 2);
  });

  it('the same version is analysed once and shared', async () => {
    const a = analyzer();
    const document = TextDocument.create(uri, 'markdown', 1, TEXT);
    assert.equal(a.analyze(document), a.analyze(document));
    assert.equal((await a.analyze(document)).version, 1);
  });

  it('closing the document cancels its analysis', async () => {
    const a = analyzer();
    const pending = a.analyze(TextDocument.create(uri, 'markdown', 1, TEXT));
    a.forget(uri);
    await assert.rejects(pending, (e) => isCancelled(e));
  });

  it('a real failure is not mistaken for a cancellation', () => {
    assert.equal(isCancelled(new Error('boom')), false);
  });
});

describe("the server's LintScheduler", () => {
  it("a closed document's run in flight stays outdated, even after the document is opened again", async () => {
    const started: number[] = [];
    const scheduler = new LintScheduler((_uri, run) => {
      started.push(run);
      return Promise.resolve();
    });
    const uri = 'file:///m.md';
    scheduler.schedule(uri, 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [inFlight] = started;
    assert.equal(scheduler.isCurrent(uri, inFlight), true);
    scheduler.cancel(uri);
    assert.equal(scheduler.isCurrent(uri, inFlight), false);
    scheduler.schedule(uri, 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(started.length, 2);
    assert.equal(scheduler.isCurrent(uri, inFlight), false);
    assert.equal(scheduler.isCurrent(uri, started[1]), true);
  });

  it('a cancelled pending run never starts', async () => {
    const started: number[] = [];
    const scheduler = new LintScheduler((_uri, run) => {
      started.push(run);
      return Promise.resolve();
    });
    scheduler.schedule('file:///a.md', 20);
    scheduler.cancel('file:///a.md');
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.deepEqual(started, []);
  });
});
