// The preview pane: a webview whose summary (date, decisions, problems…) is read from its DOM.
import { strict as assert } from 'node:assert';
import { openFile, openWorkbench, runCommand, screenshot, waitForSquiggles } from './workbench.mjs';

export const name = 'the preview of openEuler TC minutes shows their summary: date, template, decisions, problems';

export async function run({ page, url, screenshots, log }) {
  await openWorkbench(page, url);
  await openFile(page, 'openeuler-tc/2023/20230412_minutes.txt');
  await waitForSquiggles(page, 'warning', 3); // and one info: Data 日期
  await runCommand(page, 'Community Minutes: Open Minutes Preview to the Side');

  // The webview is an iframe in the workbench; the extension's page is the iframe inside it.
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const summary = preview.locator('#summary');
  await summary.locator('.summary-header').waitFor({ timeout: 30_000 });
  log('summary', await summary.innerText());

  assert.equal(await summary.locator('.summary-date time').getAttribute('datetime'), '2023-04-12');
  assert.equal(await summary.locator('.summary-template').getAttribute('data-template'), 'openeuler-tc');
  const decisions = (await summary.locator('.summary-decisions li').allInnerTexts()).join('\n');
  assert.match(decisions, /同意按计划发布/);
  assert.match(decisions, /下次会议继续评审/);
  const rules = await summary
    .locator('.summary-problems li[data-rule]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')).sort());
  assert.deepEqual(rules, ['attendee/duplicate', 'privacy/meeting-secret', 'template/deprecated-label', 'template/field-format']);
  // The rendered minutes are there too, below the summary.
  assert.match(await preview.locator('#minutes').innerText(), /社区版本规划讨论/);
  await page.keyboard.press('Control+B'); // the side bar away: room for the editor and its preview
  await page.waitForSelector('.part.sidebar', { state: 'hidden', timeout: 10_000 });
  await screenshot(page, screenshots, 'preview.png');
}
