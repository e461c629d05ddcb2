// Squiggles, the status bar and the Problems panel on a Curve file with seven defects (and the
// note that its series has no minutes for the meeting before it).
import { strict as assert } from 'node:assert';
import { openFile, openWorkbench, screenshot, waitForSquiggles } from './workbench.mjs';

export const name = 'a Curve file shows its problems as squiggles, in the status bar and in the Problems panel';

/** Each problem as the Problems panel ends its row: source, rule code, position. */
const ROWS = [
  'minutes template/missing-section [Ln 1, Col 1]',
  'minutes privacy/meeting-secret [Ln 3, Col 46]',
  'minutes link/number-mismatch [Ln 11, Col 3]',
  'minutes link/duplicate-target [Ln 13, Col 3]',
  'minutes handle/invalid [Ln 13, Col 63]',
  'minutes link/spaced-syntax [Ln 17, Col 3]',
  'minutes style/cjk-emphasis [Ln 21, Col 3]',
];
/** Information, listed after the warnings: 2023-06-01 to 2023-07-13 leaves out meetings of a biweekly series. */
const INFOS = ['minutes series/missed-meeting [Ln 1, Col 1]'];

export async function run({ page, url, screenshots, log }) {
  await openWorkbench(page, url);
  await openFile(page, 'curve/2023/2023-07-13.md');
  await waitForSquiggles(page, 'warning', ROWS.length);

  // The status bar counts them, and names the template the server applied.
  const status = await page.locator('[id="status.problems"]').getAttribute('aria-label');
  assert.equal(status, `Warnings: ${ROWS.length}, Infos: ${INFOS.length}`);
  const template = page.locator('[id="community-minutes.community-minutes.communityMinutes.template"]');
  await template.waitFor({ timeout: 10_000 });
  assert.match(await template.innerText(), /curve-biweekly/);

  // Ctrl+Shift+M: one row for the file, one per problem, each naming its rule.
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15_000 });
  const count = ROWS.length + INFOS.length;
  await page.waitForFunction((n) => document.querySelectorAll('.markers-panel .monaco-list-row').length === n + 1, count, {
    timeout: 15_000,
  });
  const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ')));
  log('problems rows', rows);
  assert.match(rows[0], new RegExp(`^2023-07-13\\.md ?curve/2023 ?${count}$`));
  assert.deepEqual(
    rows.slice(1).map((r) => r.slice(r.lastIndexOf(' minutes ') + 1)),
    [...ROWS, ...INFOS],
  );
  await screenshot(page, screenshots, 'problems.png');
}
