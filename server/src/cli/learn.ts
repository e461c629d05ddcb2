/**
 * `minutes-lint learn DIR [--write[=FILE]]`: infers the house template of each series of
 * minutes under DIR (core/series/learn) and prints it as template JSON, or writes it next to
 * the minutes so the team can commit it and pin it in `.minutesrc.json`.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LEARNED_TEMPLATE_FILE } from '../core/templates/confidence';
import type { TemplateSpec } from '../core/templates/types';
import { learnFolder } from '../node/learn';

export const LEARN_USAGE = `Usage: minutes-lint learn DIR [--write[=FILE]] [--lang en|zh]

Learns the template of the minutes in DIR from the series they form (the files of one folder,
and the same naming across year folders): the sections and fields (nearly) every recent minutes
has, their order and heading levels, value formats, file-name and title patterns. Prints the
template JSON (an array when DIR holds several series).

Options:
  --write          write each series' template to ${LEARNED_TEMPLATE_FILE} in its folder
  --write=FILE     write the template to FILE (DIR must hold one series)
  --lang en|zh     language of the messages on stderr (default en)

Pin a written template in the folder's .minutesrc.json: { "template": "./${LEARNED_TEMPLATE_FILE}" }`;

export interface LearnOptions {
  dir?: string;
  write: boolean;
  writeTo?: string;
  lang: 'en' | 'zh';
  help: boolean;
}

export function parseLearnArgs(argv: string[]): LearnOptions | string {
  const o: LearnOptions = { write: false, lang: 'en', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') o.help = true;
    else if (arg === '--write') o.write = true;
    else if (arg.startsWith('--write=')) {
      o.write = true;
      o.writeTo = arg.slice('--write='.length);
      if (!o.writeTo) return '--write= needs a file name';
    } else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value !== 'en' && value !== 'zh') return `--lang must be en or zh, not "${value ?? ''}"`;
      o.lang = value;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (o.dir === undefined) o.dir = arg;
    else return `learn takes one folder, not "${arg}" as well`;
  }
  return o;
}

const SAY = {
  en: {
    notDir: (dir: string) => `not a folder: ${dir}`,
    nothing: (dir: string) => `no series of 3 or more minutes with a common format under ${dir}: nothing to learn`,
    several: 'the folder holds several series: --write=FILE needs one (use --write to write each next to its minutes)',
    learned: (t: TemplateSpec, dir: string) =>
      `learned ${t.id} from ${t.learned?.files} of the ${t.learned?.seriesFiles} minutes in ${dir} (${t.learned?.since} to ${t.learned?.until})`,
    wrote: (file: string) => `wrote ${file}; pin it in .minutesrc.json there: { "template": "./${LEARNED_TEMPLATE_FILE}" }`,
    wroteTo: (file: string) => `wrote ${file}; pin it in .minutesrc.json: { "template": "<path to it>" }`,
  },
  zh: {
    notDir: (dir: string) => `不是目录：${dir}`,
    nothing: (dir: string) => `${dir} 下没有 3 份以上格式一致的系列纪要：无从学习`,
    several: '该目录包含多个系列：--write=FILE 只能用于一个系列（用 --write 把每个模板写到各自的目录）',
    learned: (t: TemplateSpec, dir: string) =>
      `已从 ${dir} 的 ${t.learned?.seriesFiles} 份纪要中最近的 ${t.learned?.files} 份（${t.learned?.since} 至 ${t.learned?.until}）学习得到 ${t.id}`,
    wrote: (file: string) => `已写入 ${file}；请在该目录的 .minutesrc.json 中固定：{ "template": "./${LEARNED_TEMPLATE_FILE}" }`,
    wroteTo: (file: string) => `已写入 ${file}；请在 .minutesrc.json 中固定：{ "template": "<文件路径>" }`,
  },
};

export function runLearn(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const options = parseLearnArgs(argv);
  if (typeof options === 'string') {
    err(`minutes-lint learn: ${options}\n\n${LEARN_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    out(`${LEARN_USAGE}\n`);
    return 0;
  }
  const say = SAY[options.lang];
  if (!options.dir || !existsSync(options.dir) || !statSync(options.dir).isDirectory()) {
    err(`minutes-lint learn: ${say.notDir(options.dir ?? '')}\n\n${LEARN_USAGE}\n`);
    return 2;
  }
  const learned = learnFolder(options.dir);
  if (!learned.length) {
    err(`minutes-lint learn: ${say.nothing(options.dir)}\n`);
    return 1;
  }
  if (options.writeTo && learned.length > 1) {
    err(`minutes-lint learn: ${say.several}\n`);
    return 2;
  }
  for (const { template, dir } of learned) err(`minutes-lint learn: ${say.learned(template, relative(process.cwd(), dir) || '.')}\n`);
  const json = (t: TemplateSpec) => `${JSON.stringify(t, null, 2)}\n`;
  if (options.write) {
    for (const learnt of learned) {
      const { template } = learnt;
      const file = options.writeTo ?? learnt.file;
      writeFileSync(file, json(template), 'utf8');
      err(`minutes-lint learn: ${options.writeTo ? say.wroteTo(file) : say.wrote(file)}\n`);
    }
    return 0;
  }
  out(
    learned.length === 1
      ? json(learned[0].template)
      : `${JSON.stringify(
          learned.map((l) => l.template),
          null,
          2,
        )}\n`,
  );
  return 0;
}
