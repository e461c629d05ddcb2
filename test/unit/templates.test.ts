import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplate, builtinTemplates, lint, resolveConfig, resolveTemplate, type TemplateSpec } from '../../server/src/core';
import { parseTemplateText } from '../../server/src/core/config/load';
import { validateTemplate } from '../../server/src/core/templates/validate';
import { patternError } from '../../server/src/core/regex/pattern';
import { parseForTemplate } from '../../server/src/core/views/parse';
import type { MinutesDocument } from '../../server/src/core/model/types';
import { findFields, findSections } from '../../server/src/core/views/match';
import { sectionSpecById, walkSectionSpecs } from '../../server/src/core/templates/specs';
import { applyVariants, detectTemplate, expandTemplate, scoreTemplate } from '../../server/src/core/templates/resolve';
import type { FieldSpec, ResolvedTemplate, SectionSpec } from '../../server/src/core/templates/types';
import { lintText, only, ROOT } from '../helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'templates');
const TEST_CHOICE = { reason: 'test', confidence: 'configured' as const, explanation: { en: 'test', zh: 'test' } };
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** A path that says nothing about the community: detection must rely on the content. */
const NEUTRAL_DIR = '/home/someone/notes';

function parsed(name: string, path = `${NEUTRAL_DIR}/${name}`): { doc: MinutesDocument; template: ResolvedTemplate } {
  const text = fixture(name);
  const template = resolveTemplate(path, text);
  return { doc: parseForTemplate(path, text, template), template };
}

function fieldSpec(template: ResolvedTemplate, id: string): FieldSpec {
  const spec = template.fields?.find((f) => f.id === id);
  assert.ok(spec, `template ${template.resolvedId} has no field ${id}`);
  return spec;
}

function sectionSpec(template: ResolvedTemplate, id: string): SectionSpec {
  const spec = sectionSpecById(template, id);
  assert.ok(spec, `template ${template.resolvedId} has no section ${id}`);
  return spec;
}

/** The value of the first field written for a spec id. */
function valueOf(doc: MinutesDocument, template: ResolvedTemplate, id: string): string | undefined {
  return findFields(doc, fieldSpec(template, id))[0]?.field.value;
}

describe('templates', () => {
  describe('detection from the content alone', () => {
    // Community-specific evidence in the content makes a template recognised; the student group's
    // and the generic template's hints are common to many teams, so they stay guesses.
    const cases: Array<[string, string, 'recognised' | 'guessed']> = [
      ['curve-2023.md', 'curve-biweekly', 'recognised'],
      ['curve-2022.md', 'curve-biweekly/legacy-2022', 'recognised'],
      ['curve-2022-early.md', 'curve-biweekly/legacy-2022-early', 'recognised'],
      ['openeuler-tc.txt', 'openeuler-tc', 'recognised'],
      ['openeuler-tc-2025.md', 'openeuler-tc', 'recognised'],
      ['lctt-source.md', 'lctt-article', 'recognised'],
      ['osh-meeting.md', 'osh-group-meeting', 'guessed'],
      ['generic-tsc.md', 'generic', 'guessed'],
    ];
    for (const [name, expected, confidence] of cases) {
      it(`${name} saved as notes in an unrelated folder → ${expected} (${confidence})`, () => {
        const ext = name.endsWith('.txt') ? 'txt' : 'md';
        const template = resolveTemplate(`${NEUTRAL_DIR}/notes.${ext}`, fixture(name));
        assert.equal(template.resolvedId, expected);
        assert.equal(template.confidence, confidence);
        assert.match(template.reason, new RegExp(`^${confidence} \\(score \\d+\\)$`));
      });
    }

    it('a text with no fingerprint falls back to generic', () => {
      const template = resolveTemplate(`${NEUTRAL_DIR}/todo.md`, 'Buy milk.\n\nCall the plumber.\n');
      assert.equal(template.resolvedId, 'generic');
      assert.equal(template.reason, 'fallback');
    });

    it('no other built-in reaches its threshold on a fixture meant for one template', () => {
      for (const name of ['curve-2023.md', 'curve-2022.md', 'openeuler-tc.txt', 'lctt-source.md', 'osh-meeting.md', 'generic-tsc.md']) {
        const qualifying = builtinTemplates
          .map((t) => scoreTemplate(t, `${NEUTRAL_DIR}/notes.md`, fixture(name)))
          .filter((s) => s.score >= s.minScore);
        assert.equal(qualifying.length, 1, `${name}: ${qualifying.map((s) => `${s.template.id}=${s.score}`).join(', ')}`);
      }
    });

    it('only the first 4 KB are read', () => {
      const padding = 'x\n'.repeat(3000);
      assert.equal(detectTemplate(`${NEUTRAL_DIR}/notes.md`, padding + fixture('curve-2023.md')), undefined);
    });
  });

  describe("detection from the real repositories' paths", () => {
    // Paths as they are in the communities' repositories (see the corpus MANIFEST), with
    // content that on its own is too thin to decide.
    const cases: Array<[string, string, string]> = [
      ['/src/curve-meetup-slides/2023/Double Week Meetings/2023-05-11.md', '## 时间\n\n2023/05/11 19:00~19:30\n', 'curve-biweekly'],
      ['/src/TC/Meeting_Minutes/2024/20240605_minutes.md', '会议主持：王五\n', 'openeuler-tc'],
      ['/src/TranslateProject/sources/tech/20240101 Some Title.md', 'Some Title\n======\n', 'lctt-article/sources'],
      ['/src/x-Group/docs/会议记录/4.20会议记录.md', '讨论了接口。\n', 'osh-group-meeting'],
    ];
    for (const [path, text, expected] of cases) {
      it(`${path} → ${expected}`, () => {
        assert.equal(resolveTemplate(path, text).resolvedId, expected);
      });
    }

    it('the same thin content elsewhere is not claimed', () => {
      assert.equal(resolveTemplate(`${NEUTRAL_DIR}/a.md`, '## 时间\n\n2023/05/11 19:00~19:30\n').resolvedId, 'generic');
      assert.equal(resolveTemplate(`${NEUTRAL_DIR}/a.md`, '讨论了接口。\n').reason, 'fallback');
    });

    it('an openEuler-style file name alone is not enough: it needs some content too', () => {
      const score = scoreTemplate(builtinTemplate('openeuler-tc')!, `${NEUTRAL_DIR}/20240605_minutes.md`, 'hello\n');
      assert.ok(score.score > 0 && score.score < score.minScore, `score ${score.score}`);
    });
  });

  describe('variants', () => {
    it('Curve: the 2023 layout needs no title; the 2022 layout requires the dated title', () => {
      const modern = resolveTemplate(`${NEUTRAL_DIR}/a.md`, fixture('curve-2023.md'));
      assert.equal(modern.variant, undefined);
      assert.equal(modern.title?.required, false);
      const legacy = resolveTemplate(`${NEUTRAL_DIR}/a.md`, fixture('curve-2022.md'));
      assert.equal(legacy.variant, 'legacy-2022');
      assert.equal(legacy.title?.required, true);
      assert.match('Curve 双周会 2022-05-12', new RegExp(legacy.title.pattern!));
      assert.ok(sectionSpecById(legacy, 'agenda'), 'the legacy layout knows ## 议题');
    });

    it('Curve: the early-2022 notes require no section and have no title', () => {
      const early = resolveTemplate(`${NEUTRAL_DIR}/a.md`, fixture('curve-2022-early.md'));
      assert.equal(early.resolvedId, 'curve-biweekly/legacy-2022-early');
      assert.equal(early.title, undefined);
      walkSectionSpecs(early.sections, (s) => assert.notEqual(s.required, true, s.id));
      assert.equal(early.numbering, undefined);
    });

    it('LCTT: the folder chooses sources, translated or published', () => {
      const text = fixture('lctt-source.md');
      const at = (folder: string) => resolveTemplate(`/src/TranslateProject/${folder}/20240101 A Small Guide to Shell Loops.md`, text);
      assert.equal(at('sources/tech').resolvedId, 'lctt-article/sources');
      assert.equal(at('translated/tech').resolvedId, 'lctt-article/translated');
      assert.equal(at('published/202401').resolvedId, 'lctt-article/published');

      assert.equal(fieldSpec(at('sources/tech'), 'translator').required, undefined);
      assert.equal(fieldSpec(at('translated/tech'), 'translator').required, true);
      assert.equal(fieldSpec(at('translated/tech'), 'reviewer').required, undefined);
      for (const id of ['translator', 'reviewer', 'publisher', 'url'])
        assert.equal(fieldSpec(at('published/202401'), id).required, true, id);

      assert.deepEqual(at('sources/tech').placeholders, undefined);
      assert.deepEqual(
        at('translated/tech').placeholders?.map((p) => p.text),
        ['译者ID'],
      );
      assert.deepEqual(
        at('published/202401').placeholders?.map((p) => p.text),
        ['译者ID', '校对者ID'],
      );
    });

    it('openEuler: a consolidated archive drops the file-name and date checks; the action-item table drops everything', () => {
      const text = fixture('openeuler-tc.txt');
      const archive = resolveTemplate('/src/TC/Meeting_Minutes/2022/Consolidated_Jan_Jun.txt', text);
      assert.equal(archive.resolvedId, 'openeuler-tc/archive');
      assert.equal(archive.filename, undefined);
      assert.equal(archive.dates, undefined);
      assert.equal(fieldSpec(archive, 'date').required, false);

      const table = '# ActionItems\n| MeetingTime | Items | Owner | Status|\n|--|--|--|--|\n| 20230517 | 影响评估 | 赵六 | open |\n';
      const items = resolveTemplate(`${NEUTRAL_DIR}/ActionItems.md`, table);
      assert.equal(items.resolvedId, 'openeuler-tc/action-items');
      assert.deepEqual(items.fields, []);
      assert.equal(items.topics, undefined);
    });

    it('applying a variant never changes the built-in template itself', () => {
      const before = JSON.stringify(builtinTemplate('lctt-article'));
      resolveTemplate('/src/TranslateProject/published/202401/x.md', fixture('lctt-source.md'));
      resolveTemplate('/src/TC/Meeting_Minutes/2022/Consolidated_Jan_Jun.txt', fixture('openeuler-tc.txt'));
      assert.equal(JSON.stringify(builtinTemplate('lctt-article')), before);
      assert.equal(builtinTemplate('openeuler-tc')!.fields!.find((f) => f.id === 'date')!.required, true);
    });

    it('variants apply in order, later ones over earlier ones, and their ids are joined', () => {
      const spec: TemplateSpec = {
        id: 't',
        name: 't',
        sections: [
          { id: 'a', names: ['A'], required: true },
          { id: 'b', names: ['B'] },
        ],
        variants: [
          { id: 'one', when: { content: ['^one$'] }, require: { sections: ['b'] } },
          { id: 'two', when: { content: ['^two$'] }, optional: { sections: ['a', 'b'] } },
          { id: 'never', when: {} },
        ],
      };
      const both = applyVariants(spec, 'x.md', 'one\ntwo\n', TEST_CHOICE);
      assert.equal(both.resolvedId, 't/one+two');
      assert.deepEqual(
        both.sections!.map((s) => s.required),
        [false, false],
      );
      const first = applyVariants(spec, 'x.md', 'one\n', TEST_CHOICE);
      assert.deepEqual(
        first.sections!.map((s) => s.required),
        [true, true],
      );
      assert.equal(applyVariants(spec, 'x.md', 'none\n', TEST_CHOICE).resolvedId, 't');
    });
  });

  describe('extends', () => {
    it('a team template extending a built-in keeps its sections, fields and variants and replaces what it names', () => {
      const parsedSpec = parseTemplateText(fixture('team-extends.json'));
      assert.ok('spec' in parsedSpec);
      const expanded = expandTemplate(parsedSpec.spec);
      assert.equal(expanded.id, 'curve-fs-sync');
      assert.equal(expanded.extends, undefined);
      assert.equal(expanded.filename?.example, 'fs-2023-05-11.md');
      assert.deepEqual(expanded.sections, builtinTemplate('curve-biweekly')!.sections);
      const legacy = resolveTemplate(`${NEUTRAL_DIR}/fs-2022-05-12.md`, fixture('curve-2022.md'), {
        spec: parsedSpec.spec,
        reason: 'test',
      });
      assert.equal(legacy.resolvedId, 'curve-fs-sync/legacy-2022');
    });

    it('extending an unknown template is reported by validation and passed over by expansion, never thrown', () => {
      const spec: TemplateSpec = { id: 'x', name: 'x', extends: 'no-such-template', sections: [] };
      assert.deepEqual(expandTemplate(spec), { id: 'x', name: 'x', sections: [] });
      assert.match(validateTemplate(spec)[0].message.en, /"no-such-template" is not a built-in template/);
    });
  });

  describe('a team template loaded from JSON', () => {
    const files: Record<string, string> = {
      '/repo/.minutesrc.json': '{ "template": "./minutes-template.json" }',
      '/repo/minutes-template.json': fixture('team-template.json'),
    };
    const host = { readFile: (p: string) => files[p], root: '/repo' };

    it('is used for the files under its configuration, with its own required sections', async () => {
      const config = resolveConfig('/repo/minutes/2024-03-01.md', host);
      assert.deepEqual(config.problems, []);
      const text = '# 周会 2024-03-01\n\n## 参会人\n\n- 小明\n\n## 待办\n\n- 写文档\n';
      const result = await lint({ path: '/repo/minutes/2024-03-01.md', text, config });
      assert.equal(result.template.resolvedId, 'team-weekly');
      assert.match(result.template.reason, /minutes-template\.json/);
      const missing = only(result.diagnostics, 'template/missing-section');
      assert.deepEqual(
        missing.map((d) => d.message),
        ['Missing section "进展" required by template team-weekly.'],
      );
    });

    it('works inline in .minutesrc.json too', async () => {
      const inline = {
        '/repo/.minutesrc.json': JSON.stringify({
          template: { id: 'inline-sync', name: 'inline', sections: [{ id: 'notes', names: ['Notes'], level: 2, required: true }] },
        }),
      };
      const config = resolveConfig('/repo/a.md', { readFile: (p: string) => inline[p as keyof typeof inline], root: '/repo' });
      const result = await lint({ path: '/repo/a.md', text: '# Sync\n\n## Other\n\ntext\n', config });
      assert.equal(result.template.resolvedId, 'inline-sync');
      assert.equal(only(result.diagnostics, 'template/missing-section').length, 1);
    });
  });

  describe('the document model each template reads', () => {
    it('Curve 2023: time, join and content with its numbered children; the time section is a field', () => {
      const { doc, template } = parsed('curve-2023.md');
      assert.deepEqual(
        doc.outline.map((s) => s.title),
        ['时间', '加入会议', '会议内容'],
      );
      const content = findSections(doc, sectionSpec(template, 'content'))[0];
      assert.deepEqual(
        content.children.map((s) => [s.ordinal?.text.trim(), s.title]),
        [
          ['一、', '近期工作'],
          ['二、', '开源社区'],
          ['三、', '答疑 & 交流'],
        ],
      );
      for (const id of ['recent-work', 'community', 'qa'])
        assert.equal(findSections(doc, sectionSpec(template, id), content.children).length, 1, id);
      assert.equal(valueOf(doc, template, 'time'), '2023/05/11 19:00~19:30');
    });

    it('Curve 2022: the dated title and the agenda; Q&A found outside the content section', () => {
      const { doc, template } = parsed('curve-2022.md');
      assert.equal(doc.title?.title, 'Curve 双周会 2022-05-12');
      assert.equal(findSections(doc, sectionSpec(template, 'agenda')).length, 1);
      const qa = findSections(doc, sectionSpec(template, 'qa'));
      assert.equal(qa.length, 1);
      assert.equal(qa[0].level, 2);
    });

    it('openEuler (plain text): header fields with old labels, a bare 议题 line as the agenda, fields only in the header', () => {
      const { doc, template } = parsed('openeuler-tc.txt');
      assert.equal(doc.format, 'plaintext');
      assert.deepEqual(
        doc.sections.map((s) => s.title),
        ['遗留问题', '议题', '本期遗留问题'],
      );
      const date = findFields(doc, fieldSpec(template, 'date'));
      assert.equal(date.length, 1);
      assert.equal(date[0].old, true, 'Data 日期 is the old, misspelled label');
      assert.equal(date[0].field.value, '2023-5-17');
      assert.equal(valueOf(doc, template, 'host'), '张三');
      assert.equal(valueOf(doc, template, 'next-host'), '李四');
      assert.equal(valueOf(doc, template, 'attendees'), '张三、李四、王五、赵六');
      // `会议纪要：` inside a topic is prose, not the minutes link of the header.
      const notes = findFields(doc, fieldSpec(template, 'notes'));
      assert.deepEqual(
        notes.map((n) => n.field.value),
        ['https://etherpad.openeuler.org/p/TC-meetings'],
      );
      assert.deepEqual(template.topics?.sections, ['agenda']);
      assert.ok(template.topics?.conclusionLabels.includes('决策'));
    });

    it('openEuler (2025 .md): current labels, the leave field, an agenda label followed by a note', () => {
      const { doc, template } = parsed('openeuler-tc-2025.md');
      assert.equal(doc.format, 'plaintext');
      assert.deepEqual(
        doc.sections.map((s) => s.title),
        ['遗留问题', '议题'],
      );
      const date = findFields(doc, fieldSpec(template, 'date'));
      assert.equal(date[0].old, false);
      assert.equal(valueOf(doc, template, 'leave'), '孙八');
      assert.equal(valueOf(doc, template, 'host'), '王五');
      assert.equal(valueOf(doc, template, 'next-host'), '赵六');
    });

    it('LCTT: header fields, footer fields and the setext title', () => {
      const { doc, template } = parsed(
        'lctt-published.md',
        '/src/TranslateProject/published/202401/20240101 A Small Guide to Shell Loops.md',
      );
      assert.equal(template.resolvedId, 'lctt-article/published');
      assert.equal(doc.title?.setext, true);
      assert.equal(valueOf(doc, template, 'translator'), 'mingyu');
      assert.equal(valueOf(doc, template, 'url'), 'https://linux.cn/article-15000-1.html');
      assert.equal(valueOf(doc, template, 'via'), 'https://example.com/articles/shell-loops');
      assert.equal(valueOf(doc, template, 'footer-via'), 'https://example.com/articles/shell-loops');
      assert.equal(valueOf(doc, template, 'footer-translator'), '[mingyu](https://github.com/mingyu)');
      assert.equal(valueOf(doc, template, 'footer-collector'), '[lkxed][b]');
    });

    it('LCTT: the agreement extracts the name from a link, a reference or plain text', () => {
      const template = resolveTemplate('/src/TranslateProject/published/1/x.md', fixture('lctt-published.md'));
      const extract = new RegExp(template.agreements!.find((a) => a.fields[0] === 'translator')!.extract!);
      const name = (v: string) => extract.exec(v)?.[1];
      assert.equal(name('[mingyu](https://github.com/mingyu)'), 'mingyu');
      assert.equal(name('[lkxed][b]'), 'lkxed');
      assert.equal(name('ChatGPT'), 'ChatGPT');
      assert.equal(name('mingyu'), 'mingyu');
      assert.equal(name('lujun9972/lctt-scripts-1700446145'), 'lujun9972');
    });

    it('student group: the title and the four optional sections', () => {
      const { doc, template } = parsed('osh-meeting.md');
      assert.match(doc.title!.title, new RegExp(template.title!.pattern!));
      for (const id of ['topic', 'discussion', 'tasks', 'next-meeting'])
        assert.equal(findSections(doc, sectionSpec(template, id)).length, 1, id);
      walkSectionSpecs(template.sections, (s) => assert.notEqual(s.required, true, s.id));
    });

    it('generic: present, agenda, decisions and action items', () => {
      const { doc, template } = parsed('generic-tsc.md');
      for (const id of ['attendees', 'agenda', 'decisions', 'action-items'])
        assert.equal(findSections(doc, sectionSpec(template, id)).length, 1, id);
      assert.match(doc.title!.title, new RegExp(template.title!.pattern!));
    });
  });

  describe('what the rules then report on the fixtures', () => {
    it('well-formed fixtures raise no template/* diagnostic under their template', async () => {
      const cases: Array<[string, string]> = [
        ['curve-2023.md', '/src/curve-meetup-slides/2023/Double Week Meetings/2023-05-11.md'],
        ['curve-2022.md', '/src/curve-meetup-slides/2022/Double Week Meetings/2022-05-12.md'],
        ['openeuler-tc-2025.md', '/src/TC/Meeting_Minutes/2025/20250312_minutes.md'],
        ['lctt-published.md', '/src/TranslateProject/published/202401/20240101 A Small Guide to Shell Loops.md'],
        ['lctt-source.md', '/src/TranslateProject/sources/tech/20240101 A Small Guide to Shell Loops.md'],
        ['osh-meeting.md', '/src/group/docs/会议记录/5.07 会议记录.md'],
        ['generic-tsc.md', '/src/tsc/meetings/2025-09-03.md'],
      ];
      for (const [name, path] of cases) {
        const result = await lintText(fixture(name), path);
        const found = result.diagnostics.filter((d) => d.rule.startsWith('template/'));
        assert.deepEqual(
          found.map((d) => `${d.rule}: ${d.message}`),
          [],
          `${name} (${result.template.resolvedId})`,
        );
      }
    });

    it('an unfilled LCTT article is fine in sources/ and an error in published/', async () => {
      const text = fixture('lctt-source.md');
      const source = await lintText(text, '/src/TranslateProject/sources/tech/20240101 A Small Guide to Shell Loops.md');
      assert.deepEqual(only(source.diagnostics, 'template/placeholder'), []);
      assert.deepEqual(only(source.diagnostics, 'template/missing-field'), []);
      const published = await lintText(text, '/src/TranslateProject/published/202401/20240101 A Small Guide to Shell Loops.md');
      const placeholders = only(published.diagnostics, 'template/placeholder');
      assert.deepEqual(
        placeholders.map((d) => published.doc.lines.position(d.span.start).line + 1),
        [21, 22],
      );
      assert.ok(placeholders.every((d) => d.severity === 'error'));
      assert.deepEqual(only(published.diagnostics, 'template/missing-field').length, 4);
    });

    it('openEuler: the old date label, the unpadded date and the required agenda are reported', async () => {
      const result = await lintText(fixture('openeuler-tc.txt'), '/src/TC/Meeting_Minutes/2023/20230517_minutes.txt');
      assert.equal(result.template.resolvedId, 'openeuler-tc');
      assert.equal(only(result.diagnostics, 'template/deprecated-label').length, 1);
      assert.equal(only(result.diagnostics, 'template/field-format').length, 1);
      assert.deepEqual(only(result.diagnostics, 'template/missing-section'), []);
      const withoutAgenda = fixture('openeuler-tc.txt').replace(/^议题$[\s\S]+?(?=^本期遗留问题)/m, '');
      const missing = await lintText(withoutAgenda, '/src/TC/Meeting_Minutes/2023/20230517_minutes.txt');
      assert.deepEqual(
        only(missing.diagnostics, 'template/missing-section').map((d) => d.message),
        ['Missing section "议题" required by template openeuler-tc.'],
      );
    });

    it('openEuler: topics numbered without the 议题 label are the agenda (only the label line is missing)', async () => {
      const unlabelled = fixture('openeuler-tc.txt').replace(/^议题\n/m, '会议内容：\n');
      const result = await lintText(unlabelled, '/src/TC/Meeting_Minutes/2023/20230517_minutes.txt');
      assert.deepEqual(only(result.diagnostics, 'template/missing-section'), []);
    });

    it('openEuler: an attendee list written as a section is the 与会人 field', async () => {
      const asSection = fixture('openeuler-tc.txt').replace(/^Participants 与会人：.*$/m, '\nAttendees\n与会者\n张三\n李四\n');
      const result = await lintText(asSection, '/src/TC/Meeting_Minutes/2023/20230517_minutes.txt');
      assert.deepEqual(
        only(result.diagnostics, 'template/missing-field').map((d) => d.message),
        [],
      );
      const none = fixture('openeuler-tc.txt').replace(/^Participants 与会人：.*\n/m, '');
      const missing = await lintText(none, '/src/TC/Meeting_Minutes/2023/20230517_minutes.txt');
      assert.deepEqual(
        only(missing.diagnostics, 'template/missing-field').map((d) => d.message),
        ['Missing field "与会人" required by template openeuler-tc.'],
      );
    });

    it('openEuler: a closed-door meeting records conclusions only', async () => {
      const closed = fixture('openeuler-tc.txt')
        .replace('Data 日期：2023-5-17', 'Data 日期：2023-5-17（闭门会议）')
        .replace(/^Participants 与会人：.*\n/m, '')
        .replace(/^议题$[\s\S]+?(?=^本期遗留问题)/m, '会议结论：\n* 同意成立 sig-example\n\n');
      const result = await lintText(closed, '/src/TC/Meeting_Minutes/2023/20230517_minutes.txt');
      assert.equal(result.template.resolvedId, 'openeuler-tc/closed-door');
      assert.deepEqual(only(result.diagnostics, 'template/missing-section'), []);
      assert.deepEqual(only(result.diagnostics, 'template/missing-field'), []);
    });
  });

  describe('the built-in templates are consistent data', () => {
    for (const template of builtinTemplates) {
      describe(template.id, () => {
        const specs = [template, ...(template.variants ?? []).map((v) => ({ ...template, ...v.override }) as TemplateSpec)];

        it('has an English and a Chinese name and description', () => {
          for (const text of [template.name, template.description]) {
            assert.ok(text && typeof text === 'object' && text.en && text.zh, JSON.stringify(text));
          }
          for (const v of template.variants ?? []) assert.ok(typeof v.name === 'object' && v.name.en && v.name.zh, v.id);
        });

        it('every regular expression compiles', () => {
          const patterns: string[] = [];
          for (const s of specs) {
            for (const c of s.detect?.content ?? []) patterns.push(typeof c === 'string' ? c : c.pattern);
            if (s.filename) patterns.push(s.filename.pattern);
            if (s.title?.pattern) patterns.push(s.title.pattern);
            walkSectionSpecs(s.sections, (sec) => patterns.push(...(sec.patterns ?? [])));
            for (const f of s.fields ?? []) if (f.pattern) patterns.push(f.pattern);
            for (const a of s.agreements ?? []) if (a.extract) patterns.push(a.extract);
          }
          for (const v of template.variants ?? []) patterns.push(...(v.when.content ?? []));
          for (const p of patterns) assert.equal(patternError(p, { multiline: true }), undefined, p);
        });

        it('passes the validation a team template gets (schema, patterns, globs)', () => {
          assert.deepEqual(validateTemplate(template), []);
        });

        it('every id it refers to exists, and section and field ids are unique', () => {
          for (const s of specs) {
            const sectionIds: string[] = [];
            walkSectionSpecs(s.sections, (sec) => sectionIds.push(sec.id));
            const fieldIds = (s.fields ?? []).map((f) => f.id);
            assert.equal(new Set(sectionIds).size, sectionIds.length, `duplicate section id in ${s.id}`);
            assert.equal(new Set(fieldIds).size, fieldIds.length, `duplicate field id in ${s.id}`);
            const sections = new Set(sectionIds);
            const fields = new Set(fieldIds);
            for (const id of s.topics?.sections ?? []) assert.ok(sections.has(id), `topics.sections ${id}`);
            for (const id of s.attendees?.sections ?? []) assert.ok(sections.has(id), `attendees.sections ${id}`);
            for (const id of s.attendees?.fields ?? []) assert.ok(fields.has(id), `attendees.fields ${id}`);
            for (const id of s.dates?.fields ?? []) assert.ok(fields.has(id), `dates.fields ${id}`);
            for (const a of s.agreements ?? []) for (const id of a.fields) assert.ok(fields.has(id), `agreements ${id}`);
            for (const p of s.placeholders ?? []) for (const id of p.fields ?? []) assert.ok(fields.has(id), `placeholders.fields ${id}`);
            for (const id of s.numbering?.sections ?? []) assert.ok(id === '*' || sections.has(id), `numbering.sections ${id}`);
          }
          for (const v of template.variants ?? []) {
            const s = { ...template, ...v.override } as TemplateSpec;
            const sectionIds = new Set<string>();
            walkSectionSpecs(s.sections, (sec) => sectionIds.add(sec.id));
            const fieldIds = new Set((s.fields ?? []).map((f) => f.id));
            for (const sel of [v.require, v.optional]) {
              for (const id of sel?.sections ?? []) assert.ok(sectionIds.has(id), `${v.id}: section ${id}`);
              for (const id of sel?.fields ?? []) assert.ok(fieldIds.has(id), `${v.id}: field ${id}`);
            }
          }
        });

        it('its file-name example matches its file-name pattern', () => {
          if (!template.filename) return;
          assert.match(template.filename.example, new RegExp(template.filename.pattern));
        });
      });
    }
  });
});

describe('files no template recognises', () => {
  it('get the generic template without its requirements: a README is not reported for lacking an agenda', async () => {
    const text = '# Project\n\nSee [the docs](https://example.org/docs) and mail me at someone@corp.example.cn.\n';
    const result = await lint({ path: '/repo/README.md', text });
    assert.equal(result.template.id, 'generic');
    assert.equal(result.template.reason, 'fallback');
    assert.deepEqual(
      result.diagnostics.filter((d) => d.rule.startsWith('template/')).map((d) => d.message),
      [],
    );
  });
});
