// The preview beside the real Curve minutes: the summary (date, template, linked PRs, problems)
// that no Markdown preview has, above the rendered minutes.
import { openRealPreview } from './preview.mjs';
import { screenshot } from '../workbench.mjs';

export const name =
  'the preview of real Curve minutes (2023-04-27) summarises them, with the duplicate PR and @David Lee among its problems';

export async function run({ page, url, screenshots, log }) {
  await openRealPreview(page, url, log);
  await screenshot(page, screenshots, 'real-preview.png');
}
