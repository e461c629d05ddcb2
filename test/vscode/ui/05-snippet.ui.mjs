// Completion from a snippet prefix: a new, empty Curve file gets its whole skeleton from
// "minutes-curve" (snippets/curve-biweekly.json), chosen in the suggest widget like a person would.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EDITOR, lineText, openFile, openWorkbench, revertFile, screenshot } from './workbench.mjs';

export const name = 'typing the Curve snippet prefix in a new empty file offers the skeleton, and accepting it writes the sections';

/** Named as Curve minutes are, in a folder no other test reads. */
const FILE = 'curve/2023/2023-09-07.md';
const PREFIX = 'minutes-curve';
const ROWS = '.editor-widget.suggest-widget.visible .monaco-list-row';

export async function run({ page, url, workspace, screenshots, log }) {
  // Created before the workbench loads, so Quick Open's file search finds it.
  const file = join(workspace, FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  await openWorkbench(page, url);
  await openFile(page, FILE);
  // The side bar away: the snippet's body then shows to the right of the list, over nothing.
  await page.keyboard.press('Control+B');
  await page.waitForSelector('.part.sidebar', { state: 'hidden', timeout: 10_000 });
  await page.click(`${EDITOR} .view-lines`);
  await page.waitForTimeout(500);
  await page.keyboard.type(PREFIX, { delay: 40 });

  // Markdown has no quick suggestions by default: Ctrl+Space asks, as a person would.
  await page.keyboard.press('Control+Space');
  await page.waitForSelector(ROWS, { timeout: 20_000 });
  const labels = await page.locator(`${ROWS} .label-name`).allInnerTexts();
  log('suggestions', labels);
  assert.ok(labels.includes(PREFIX), `${PREFIX} not in ${JSON.stringify(labels)}`);
  // The exact prefix is the focused row, and the widget names the snippet it inserts.
  const focused = page.locator(`${ROWS}.focused`);
  assert.equal(await focused.locator('.label-name').innerText(), PREFIX);
  assert.match(await focused.getAttribute('aria-label'), /Curve biweekly meeting minutes/);

  // Ctrl+Space again shows the snippet's body beside the list: the picture of what Enter does.
  await page.keyboard.press('Control+Space');
  const details = page.locator('.suggest-details-container .suggest-details');
  await details.waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForFunction(
    () => /## 会议内容/.test(document.querySelector('.suggest-details-container .suggest-details')?.textContent ?? ''),
    null,
    { timeout: 10_000 },
  );
  await screenshot(page, screenshots, 'snippet.png');

  await page.keyboard.press('Enter');
  await page.waitForSelector('.editor-widget.suggest-widget.visible', { state: 'hidden', timeout: 10_000 });
  await page.keyboard.press('Escape'); // leaves the snippet's placeholders

  // The skeleton landed, the prefix is gone, and the date variables were filled in.
  assert.equal(await lineText(page, 1), '## 时间');
  assert.match(await lineText(page, 3), /^\d{4}\/\d{2}\/\d{2} 19:00~19:30$/);
  assert.equal(await lineText(page, 5), '## 加入会议');
  assert.equal(await lineText(page, 13), '## 会议内容');
  assert.equal(await lineText(page, 15), '### 一、近期工作');
  const text = await page.locator(`${EDITOR} .view-lines`).innerText();
  assert.ok(!text.includes(PREFIX), 'the typed prefix is still in the file');
  // The empty file had no template; the skeleton is recognised as Curve minutes.
  const template = page.locator('[id="community-minutes.community-minutes.communityMinutes.template"]');
  await page.waitForFunction(
    (sel) => /curve-biweekly/.test(document.querySelector(sel)?.textContent ?? ''),
    '[id="community-minutes.community-minutes.communityMinutes.template"]',
    { timeout: 15_000 },
  );
  log('template', await template.innerText());
  await revertFile(page);
}
