import type { Lang } from '../../core';

/** What a report format may need besides the reports. */
export interface FormatContext {
  lang: Lang;
  /** ANSI colours (text on a terminal only). */
  color: boolean;
  /** minutes-lint's version, for formats that name their tool. */
  version: string;
  /** The working folder: paths are shown relative to it. */
  cwd: string;
}
