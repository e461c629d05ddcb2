// Real Curve minutes (corpus curve/2023/2023-04-27.md) as a person opens them: squiggles on the
// items, and the Problems panel listing them with their rule ids.
import { strict as assert } from 'node:assert';
import { goTo, openFile, openWorkbench, screenshot } from '../workbench.mjs';
import { REAL_FILE } from './workspace.mjs';

export const name = 'real Curve minutes (2023-04-27) show squiggles and their rows in the Problems panel';

/** The defects product.md names for this file, as the Problems panel ends their rows. */
const EXPECTED = [
  'link/duplicate-target [Ln 39, Col 3]', // …/pull/2409 linked by two different items
  'handle/invalid [Ln 54, Col 94]', // @数名开发者
  'handle/invalid [Ln 62, Col 33]', // @David Lee
];

export async function run({ page, url, screenshots, log }) {
  await openWorkbench(page, url);
  await openFile(page, REAL_FILE);
  const template = page.locator('[id="community-minutes.community-minutes.communityMinutes.template"]');
  await template.waitFor({ timeout: 20_000 });
  assert.match(await template.innerText(), /curve-biweekly/);

  await page.keyboard.press('Control+Shift+M');
  const rows = '.markers-panel .monaco-list-row';
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length >= n, [rows, EXPECTED.length + 1], { timeout: 30_000 });
  await page.waitForTimeout(1000); // the roster's own problems may arrive a moment later
  const texts = await page.locator(rows).evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ')));
  log('problems rows', texts);
  const minutes = texts.map((r) => r.slice(r.lastIndexOf(' minutes ') + ' minutes '.length));
  for (const row of EXPECTED) assert.ok(minutes.includes(row), `no Problems row ends with "${row}": ${JSON.stringify(texts)}`);
  assert.ok(
    texts.some((r) => /David Lee/.test(r)),
    'the @David Lee row does not name him',
  );

  // The side bar away: long lines wrap less, so the editor shows the duplicated PR (lines 35
  // and 39) with its squiggle, and the @handles below it.
  await page.keyboard.press('Control+B');
  await page.waitForSelector('.part.sidebar', { state: 'hidden', timeout: 10_000 });
  await goTo(page, 39, 3);
  // A warning squiggle under the second link to pull/2409, an info one under @caoxianfei1 (line 43).
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.monaco-editor .squiggly-warning').length >= 1 &&
      document.querySelectorAll('.monaco-editor .squiggly-info').length >= 1,
    null,
    { timeout: 15_000 },
  );
  await screenshot(page, screenshots, 'real-problems.png');
}
