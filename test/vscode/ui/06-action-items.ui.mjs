// The Action-items view and New minutes on a series (fixtures series/infra and series/tc): the
// open items grouped by owner with the overdue one first, a click opening its line, and new
// minutes that start on the next meeting day with the open items carried over.
import { strict as assert } from 'node:assert';
import { openFile, openWorkbench, runCommand, screenshot } from './workbench.mjs';

export const name =
  "the Action-items view lists the series' open items by owner, a click opens the line, and New minutes carries them over";

const VIEW = '.pane:has(.pane-header[aria-label*="Action Items"])';
const ROWS = `${VIEW} .monaco-list-row`;

export async function run({ page, url, screenshots, log }) {
  await openWorkbench(page, url);
  await openFile(page, 'series/infra/2024-05-23.md');
  await runCommand(page, 'Explorer: Focus on Action Items View');
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].some((r) => r.textContent.includes('book the summit room')),
    ROWS,
    { timeout: 30_000 },
  );
  const rows = await page.locator(ROWS).allInnerTexts();
  log('rows', rows);
  // Owners with overdue items first; the overdue item under its owner, with its due date and series.
  assert.match(rows[0], /^@bo-sample/);
  assert.match(rows[1], /book the summit room.*Due 2024-05-30 · series\/infra/);
  await screenshot(page, screenshots, 'action-items.png');

  // A click opens the minutes that last mention the item, at its line.
  await page.locator(ROWS, { hasText: 'book the summit room' }).click();
  await page.waitForSelector('.tabs-container .tab.active[aria-label*="2024-05-16.md"]', { timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('[id="status.editor.selection"]')?.textContent?.includes('Ln 11,'), null, {
    timeout: 10_000,
  });

  // New minutes for the infra series: the generic template, the folder of the current file
  // (the one the click opened).
  await runCommand(page, 'Community Minutes: New Minutes from Template…');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
  await page.keyboard.type('Generic');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="folder of the current file"], .quick-input-widget input', {
    timeout: 10_000,
  });
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter'); // the folder of the current file
  await page.waitForTimeout(800);
  const proposed = await page.locator('.quick-input-widget input').inputValue();
  log('proposed name', proposed);
  assert.match(proposed, /^\d{4}-\d{2}-\d{2}\.md$/);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${proposed}"]`, { timeout: 20_000 });
  await page.keyboard.press('Escape'); // out of the snippet's placeholders
  // The editor's lines as rendered, wrapped lines joined again.
  const rendered = () =>
    page.evaluate(() =>
      [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line'))]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((l) => l.textContent)
        .join('')
        .replace(/\u00a0/g, ' '),
    );
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines')].some((e) =>
        /book the summit room/.test((e.textContent ?? '').replace(/\u00a0/g, ' ')),
      ),
    null,
    { timeout: 10_000 },
  );
  const text = await rendered();
  log('new minutes', text);
  assert.match(text, /@bo-sample book the summit room \(due 2024-05-30\) — from \[2024-05-16\]\(2024-05-16\.md#L11\)/);
  await page.keyboard.press('Control+B');
  await page.waitForSelector('.part.sidebar', { state: 'hidden', timeout: 10_000 });
  await screenshot(page, screenshots, 'new-minutes-carry-over.png');
  await page.keyboard.press('Control+B');
}
