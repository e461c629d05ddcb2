// What the UI tests do with the VS Code workbench, the way a person does it: keyboard shortcuts,
// Quick Open, the command palette, and what is on screen (squiggles, the Problems panel, the
// status bar, widgets). Selectors are the workbench's own DOM classes of VS Code 1.100.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';

export const EDITOR = '.editor-instance .monaco-editor';

/** Loads the workbench on the fixtures folder and waits for the explorer to list it. */
export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

async function quickInput(page, keys, text) {
  await page.keyboard.press(keys);
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(text);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
}

/** Ctrl+P, the file's relative path, Enter: the file opens in an editor. */
export async function openFile(page, relativePath) {
  await quickInput(page, 'Control+P', relativePath);
  await page.keyboard.press('Enter');
  const name = relativePath.split('/').pop();
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${name}"]`, { timeout: 20_000 });
  await page.waitForSelector(`${EDITOR} .view-lines`, { timeout: 20_000 });
}

/** F1, the command's title as the palette shows it, Enter. */
export async function runCommand(page, title) {
  await quickInput(page, 'F1', title);
  const first = await page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label');
  assert.ok(first?.includes(title), `the palette's first match for "${title}" is "${first}"`);
  await page.keyboard.press('Enter');
}

/** Waits until the editor shows exactly `count` squiggles of a kind (error, warning, info). */
export async function waitForSquiggles(page, kind, count, timeout = 30_000) {
  await page.waitForFunction(([k, n]) => document.querySelectorAll(`.monaco-editor .squiggly-${k}`).length === n, [kind, count], {
    timeout,
  });
}

export async function squiggleCount(page, kind) {
  return page.locator(`.monaco-editor .squiggly-${kind}`).count();
}

/** Moves the cursor to a 1-based line and column with "Go to Line/Column" (Ctrl+G). */
export async function goTo(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([l, c]) => {
      const item = document.querySelector('[id="status.editor.selection"]');
      return item?.textContent?.includes(`Ln ${l}, Col ${c}`);
    },
    [line, column],
    { timeout: 10_000 },
  );
}

/**
 * The text of one logical line (1-based) as rendered. Markdown wraps long lines, so it is the
 * view lines from the one numbered `line` in the gutter down to the next numbered one.
 */
export async function lineText(page, line) {
  await goTo(page, line);
  return page.evaluate((wanted) => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return undefined;
    const top = (el) => parseFloat(el.style.top || el.parentElement?.style.top || 'NaN');
    const numbered = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')]
      .map((el) => ({ n: Number(el.textContent), top: top(el) }))
      .filter((x) => x.n > 0)
      .sort((a, b) => a.top - b.top);
    const start = numbered.find((x) => x.n === wanted);
    if (!start) return undefined;
    const next = numbered.find((x) => x.top > start.top)?.top ?? Infinity;
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .filter((el) => top(el) >= start.top && top(el) < next)
      .sort((a, b) => top(a) - top(b))
      .map((el) => el.textContent)
      .join('')
      .replace(/\u00a0/g, ' ');
  }, line);
}

/**
 * Throws away the active editor's changes (File: Revert File). The workbench keeps unsaved
 * editors across page loads, so a test that typed must revert, or the next test inherits them.
 */
export async function revertFile(page) {
  await runCommand(page, 'File: Revert File');
  await page.waitForSelector('.tabs-container .tab.active:not(.dirty)', { timeout: 10_000 });
}

/**
 * Ctrl+Space on an open suggest list shows the focused item's details. Pressed while the list is
 * being refreshed it can be lost (CI, now and then, in both completion tests): a person presses it
 * again. Resolves once `selector` is visible.
 */
export async function showSuggestDetails(page, log, selector = '.suggest-details-container .suggest-details') {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Space');
    const shown = await page.waitForSelector(selector, { state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (shown) return;
    if (attempt === 3) throw new Error('Ctrl+Space three times never showed the details of the focused item');
    log(`no details after Ctrl+Space (attempt ${attempt}); pressing it again`);
  }
}

export async function screenshot(page, dir, name) {
  const path = join(dir, name);
  await page.screenshot({ path });
  return path;
}
