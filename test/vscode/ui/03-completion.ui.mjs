// The suggest widget after "@": logins the workspace's minutes use, inserted with Enter.
import { strict as assert } from 'node:assert';
import { goTo, revertFile, lineText, openFile, openWorkbench, screenshot, showSuggestDetails } from './workbench.mjs';

export const name = 'typing "@" in Curve minutes opens the suggest widget with the logins of the workspace';

const LINE = 18; // "- [元数据服务支持批量删除](…) @example-dev（已合入）"

export async function run({ page, url, screenshots, log }) {
  await openWorkbench(page, url);
  await openFile(page, 'curve/2023/2023-08-10.md');
  const before = await lineText(page, LINE);
  assert.match(before, /@example-dev（已合入）$/);
  await goTo(page, LINE, before.length + 1);
  // Typed at a person's pace: keys sent the moment "Go to Line" closes can beat the editor's
  // suggest controller, which then sees the "@" as plain text.
  await page.waitForTimeout(500);
  await page.keyboard.type(' 感谢 ', { delay: 80 });
  const rows = '.editor-widget.suggest-widget.visible .monaco-list-row';
  // The "@" itself must open the list (it is the trigger character; no Ctrl+Space here). On a
  // loaded machine the first request can miss the editor's moment, so the "@" is typed again,
  // as a person would, up to three times.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.type('@');
    const shown = await page.waitForSelector(rows, { timeout: 8_000 }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt === 3) throw new Error('typing "@" three times never opened the suggest widget');
    log(`no suggest widget after "@" (attempt ${attempt}); typing it again`);
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(1_000);
  }
  const labels = await page.locator(`${rows} .label-name`).allInnerTexts();
  log('suggestions', labels);
  for (const login of ['example-dev', 'another-dev', 'grace'])
    assert.ok(labels.includes(login), `${login} not in ${JSON.stringify(labels)}`);

  // Ctrl+Space on an open list shows the focused login's details (who, where it is mentioned).
  await showSuggestDetails(page, log, '.editor-widget.suggest-widget.visible.shows-details, .suggest-details-container .suggest-details');
  await screenshot(page, screenshots, 'completion.png');

  await page.keyboard.type('ano');
  await page.waitForFunction((sel) => document.querySelector(`${sel}.focused .label-name`)?.textContent === 'another-dev', rows, {
    timeout: 10_000,
  });
  await page.keyboard.press('Enter');
  assert.equal(await lineText(page, LINE), `${before} 感谢 @another-dev`);
  await revertFile(page);
}
