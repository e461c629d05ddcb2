/**
 * `npm run check:learn [FOLDER…]`: on every series of real minutes (../shared/corpus and
 * ../shared/corpus-wild by default), learns the series' template, deletes one thing it requires
 * (a section, else a field) from the newest minutes, and checks that the learned template catches
 * it twice: pinned (`minutes-lint learn --write`, then configured) and unpinned (learned on the fly
 * from the series, the edited file saved in it). Prints one line per series; fails when a
 * deletion goes unnoticed. Skips cleanly when ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint, resolveTemplate } from '../server/src/core';
import { normalizeName } from '../server/src/core/text/names';
import { SeriesIndex, type Series } from '../server/src/core/series';
import type { TemplateSpec } from '../server/src/core/templates/types';
import { trimEndOf } from '../server/src/core/text/trim';
import { readMinutes } from './corpus';

const SHARED = resolve(process.cwd(), '..', 'shared');

interface Deletion {
  what: string;
  text: string;
  rule: 'template/missing-section' | 'template/missing-field';
}

/** The first required section the file has, removed with its body (up to the next heading of its level or above). */
function deleteSection(text: string, template: TemplateSpec): Deletion | undefined {
  const lines = text.split('\n');
  for (const spec of template.sections ?? []) {
    if (!spec.required) continue;
    const names = new Set(spec.names.map((n) => normalizeName(n)));
    const at = lines.findIndex((l) => {
      const heading = /^#{1,6}\s(.*)$/.exec(l);
      const title = heading ? trimEndOf(heading[1], ' \t#').trim() : template.format === 'plaintext' ? l : undefined;
      return title !== undefined && names.has(normalizeName(title.replace(/^[一二三四五六七八九十\d]+[、.．]\s*/, '')));
    });
    if (at < 0) continue;
    const level = /^(#{1,6})\s/.exec(lines[at])?.[1].length ?? 1;
    let end = at + 1;
    while (end < lines.length) {
      const heading = /^(#{1,6})\s/.exec(lines[end]);
      if (heading && heading[1].length <= level) break;
      if (!heading && template.format === 'plaintext' && /^\S.{0,40}[：:]\s*$/.test(lines[end])) break;
      end++;
    }
    return {
      what: `section "${spec.names[0]}"`,
      text: [...lines.slice(0, at), ...lines.slice(end)].join('\n'),
      rule: 'template/missing-section',
    };
  }
  return undefined;
}

function deleteField(text: string, template: TemplateSpec): Deletion | undefined {
  const lines = text.split('\n');
  for (const spec of template.fields ?? []) {
    const source = spec.source ?? 'line';
    if (!spec.required || source === 'section') continue;
    const labels = new Set(spec.labels.map((l) => normalizeName(l)));
    const label =
      source === 'lctt-header' ? /^\[#\]:\s*([A-Z][\w-]*)\s*:/i : /^(?:[-*+][ \t])?(?:\*\*|__)?([^：:\n]{1,40}?)(?:\*\*|__)?[：:]/;
    const at = lines.findIndex((l) => {
      const m = label.exec(source === 'lctt-header' ? l : l.trim());
      return m !== null && labels.has(normalizeName(m[1]));
    });
    if (at >= 0)
      return {
        what: `field "${spec.labels[0]}"`,
        text: [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'),
        rule: 'template/missing-field',
      };
  }
  return undefined;
}

async function caught(
  path: string,
  text: string,
  deletion: Deletion,
  template: ReturnType<typeof resolveTemplate> | undefined,
  index?: SeriesIndex,
): Promise<boolean> {
  const result = await lint({ path, text, template, services: index ? { series: (p) => index.view(p) } : undefined });
  return result.diagnostics.some((d) => d.rule === deletion.rule);
}

async function checkSeries(folder: string, series: Series, texts: Map<string, string>, template: TemplateSpec): Promise<string> {
  const newest = series.members[series.members.length - 1];
  const text = texts.get(newest.path)!;
  const deletion = deleteSection(text, template) ?? deleteField(text, template);
  const name = `${template.id} (${template.learned?.files} of ${template.learned?.seriesFiles} minutes)`;
  if (!deletion) return `NOTHING   ${name}: requires no section or field the newest minutes have`;
  const pinned = await caught(
    newest.path,
    deletion.text,
    deletion,
    resolveTemplate(newest.path, deletion.text, { spec: template, reason: 'check:learn' }),
  );
  const saved = new SeriesIndex({ root: folder });
  for (const [path, t] of texts) if (series.members.some((m) => m.path === path)) saved.set(path, path === newest.path ? deletion.text : t);
  const unpinned = await caught(newest.path, deletion.text, deletion, undefined, saved);
  const ok = pinned && unpinned;
  return `${ok ? 'CAUGHT ' : 'MISSED '}   ${name}: ${deletion.what} deleted from ${newest.name} — pinned ${pinned ? 'yes' : 'no'}, unpinned ${unpinned ? 'yes' : 'no'}`;
}

async function main(): Promise<void> {
  const folders = process.argv.slice(2).length
    ? process.argv.slice(2).map((f) => resolve(f))
    : ['corpus', 'corpus-wild'].map((c) => join(SHARED, c));
  if (!folders.some(existsSync)) {
    console.log(`check:learn: ${SHARED} is not here; nothing to check (skipped)`);
    return;
  }
  let missed = 0;
  let checked = 0;
  for (const folder of folders.filter(existsSync)) {
    const texts = new Map(readMinutes(folder).map((m) => [m.path, m.text]));
    const index = new SeriesIndex({ root: folder });
    for (const [path, text] of texts) index.set(path, text);
    console.log(`${folder}:`);
    for (const key of index.keys()) {
      const series = index.series(key)!;
      const template = index.learn(key);
      if (!template) {
        console.log(`TOO SHORT ${series.folder}: ${series.members.length} minutes, no latest era of 3 with a common format`);
        continue;
      }
      const line = await checkSeries(folder, series, texts, template);
      checked++;
      if (line.startsWith('MISSED')) missed++;
      console.log(line);
    }
  }
  console.log(`\n${checked} series learned, ${missed} deletions missed`);
  if (missed) process.exitCode = 1;
}

void main();
