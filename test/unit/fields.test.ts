import { strict as assert } from 'node:assert';
import { valueLines } from '../../server/src/core/model/fields';
import { parseMinutes } from '../../server/src/core/model/parse';

// Where a field's value runs on below its label: the attendee lists and template/missing-field
// read the same lines.
describe('model field value lines', () => {
  const linesOf = (text: string, label: string) => {
    const doc = parseMinutes(text, 'a.txt', { format: 'plaintext' });
    const field = doc.fields.find((f) => f.label === label)!;
    return valueLines(doc, field).map((s) => text.slice(s.start, s.end));
  };

  it('an empty value runs on to the next blank line', () => {
    assert.deepEqual(linesOf('Participants 与会人：\n张三\n李四\n\n其他', 'Participants 与会人'), ['', '张三', '李四']);
  });

  it('a value ending with a separator runs on; the next field ends it', () => {
    assert.deepEqual(linesOf('与会人：张三、\n李四\n主持人：王五', '与会人'), ['张三、', '李四']);
  });

  it('a closed value is its own line only', () => {
    assert.deepEqual(linesOf('与会人：张三、李四\n王五', '与会人'), ['张三、李四']);
  });
});
