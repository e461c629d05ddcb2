/** The report formats of `--format`, by name. Each turns the reports of a run into the text printed. */
import { toGithub, toJson, toText, type FileReport } from '../report';
import { toCodeQuality } from './codeQuality';
import type { FormatContext } from './context';
import { toJunit } from './junit';
import { toSarif } from './sarif';

export type { FormatContext } from './context';

const FORMATS = {
  text: (reports, context) => toText(reports, context.color, context.lang),
  json: (reports, context) => toJson(reports, context.lang),
  github: (reports) => toGithub(reports),
  sarif: toSarif,
  junit: toJunit,
  gitlab: toCodeQuality,
} satisfies Record<string, (reports: FileReport[], context: FormatContext) => string>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function formatReports(name: FormatName, reports: FileReport[], context: FormatContext): string {
  return FORMATS[name](reports, context);
}
