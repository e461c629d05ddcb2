import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core';
import { toGithub } from '../../server/src/cli/report';

describe('GitHub annotations', () => {
  it('escapes %, newlines, and : , in properties so a message cannot break the command', () => {
    const text = 'a\nb: c, 100%\n';
    const out = toGithub([
      {
        path: 'x,y:z.md',
        lines: new LineIndex(text),
        diagnostics: [
          { rule: 'privacy/email', severity: 'info', message: 'line one\n100% sure: a, b', span: { start: 2, end: 5 }, fixes: [] },
        ],
      },
    ]);
    assert.equal(out, '::notice file=x%2Cy%3Az.md,line=2,col=1,endLine=2,endColumn=4,title=privacy/email::line one%0A100%25 sure: a, b');
  });
});
