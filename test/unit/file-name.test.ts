import assert from 'node:assert/strict';
import { builtinTemplate, builtinTemplates, fileNameProblem, isInvalidFileName, proposeFileName } from '../../server/src/core';

// The "New Minutes" dialog's file name (the server answers minutes/proposeFileName and
// minutes/checkFileName with these): each template's own example with the meeting's date.

const spec = (id: string) => builtinTemplate(id) ?? assert.fail(`no template ${id}`);
const may1 = { year: 2024, month: 5, day: 1 };

describe('file names of new minutes', () => {
  it("puts the date into each template's example, padded or not as its pattern accepts", () => {
    assert.deepEqual(proposeFileName(spec('curve-biweekly'), may1), { name: '2024-05-01.md', selection: [0, 10] });
    assert.deepEqual(proposeFileName(spec('openeuler-tc'), may1), { name: '20240501_minutes.md', selection: [0, 16] });
    assert.deepEqual(proposeFileName(spec('osh-group-meeting'), may1), { name: '5.1 会议记录.md', selection: [0, 8] });
    // LCTT's pattern names no date groups: its example's leading date is replaced.
    assert.equal(proposeFileName(spec('lctt-article'), may1).name, spec('lctt-article').filename?.example.replace(/^\d{8}/, '20240501'));
  });

  it("without a filename pattern, names the file by the ISO date and the template's first extension", () => {
    assert.deepEqual(proposeFileName({ extensions: ['txt'] }, { year: 2024, month: 12, day: 9 }), {
      name: '2024-12-09.txt',
      selection: [0, 10],
    });
  });

  it("every built-in template's proposal fits its own pattern", () => {
    for (const template of builtinTemplates) {
      const { name } = proposeFileName(template, may1);
      assert.equal(fileNameProblem(name, template), undefined, `${template.id}: ${name}`);
    }
  });

  it('warns about a name the pattern does not expect, and refuses what is not one file of the folder', () => {
    assert.equal(fileNameProblem('notes.md', spec('curve-biweekly')), 'pattern');
    assert.equal(fileNameProblem('notes.md', {}), undefined);
    for (const name of ['', '   ', 'a/b.md', 'a\\b.md', '.', '..', ' .. ', '../2024-05-01.md']) {
      assert.equal(isInvalidFileName(name), true, JSON.stringify(name));
      assert.equal(fileNameProblem(name, spec('curve-biweekly')), 'invalid', JSON.stringify(name));
    }
    assert.equal(isInvalidFileName(' 2024-05-01.md '), false);
  });
});
