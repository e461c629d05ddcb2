// The preview of the real Curve minutes, shared by the light and the dark screenshots: opened
// as a person does (command palette), its summary read from the webview's own DOM.
import { strict as assert } from 'node:assert';
import { openFile, openWorkbench, runCommand } from '../workbench.mjs';
import { REAL_FILE } from './workspace.mjs';

/** Opens the real file and its preview; checks what the summary must say; returns the webview's frame. */
export async function openRealPreview(page, url, log) {
  await openWorkbench(page, url);
  await openFile(page, REAL_FILE);
  // Linted: the status bar names the template (the first problems are further down than the editor shows).
  await page.waitForFunction(
    (sel) => /curve-biweekly/.test(document.querySelector(sel)?.textContent ?? ''),
    '[id="community-minutes.community-minutes.communityMinutes.template"]',
    { timeout: 30_000 },
  );
  await runCommand(page, 'Community Minutes: Open Minutes Preview to the Side');

  // The webview is an iframe in the workbench; the extension's page is the iframe inside it.
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const summary = preview.locator('#summary');
  await summary.locator('.summary-header').waitFor({ timeout: 30_000 });
  await summary.locator('.summary-problems li[data-rule]').first().waitFor({ timeout: 30_000 });
  log('summary', await summary.innerText());

  // The meeting's date and template, read from the minutes, and the problems of this file.
  assert.equal(await summary.locator('.summary-date time').getAttribute('datetime'), '2023-04-27');
  assert.equal(await summary.locator('.summary-template').getAttribute('data-template'), 'curve-biweekly');
  const problems = await summary
    .locator('.summary-problems li[data-rule]')
    .evaluateAll((els) => els.map((e) => ({ rule: e.getAttribute('data-rule'), text: e.innerText })));
  const duplicate = problems.find((p) => p.rule === 'link/duplicate-target');
  assert.ok(duplicate, `no duplicate-PR problem in ${JSON.stringify(problems)}`);
  assert.match(duplicate.text, /2409/);
  assert.ok(
    problems.some((p) => p.rule === 'handle/invalid' && p.text.includes('@David Lee')),
    `no @David Lee problem in ${JSON.stringify(problems)}`,
  );
  // The rendered minutes below it: a heading and the PR item that the duplicate points at.
  const minutes = preview.locator('#minutes');
  assert.match(await minutes.innerText(), /近期工作/);
  assert.ok((await minutes.locator('a[href="https://github.com/opencurve/curve/pull/2409"]').count()) === 2);

  await page.keyboard.press('Control+B'); // the side bar away: room for the editor and its preview
  await page.waitForSelector('.part.sidebar', { state: 'hidden', timeout: 10_000 });
  return { preview, summary };
}
