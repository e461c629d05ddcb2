// The same preview under a dark colour theme: the webview takes VS Code's theme colours, so it
// turns dark with the editor beside it (no colours of its own).
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { openRealPreview } from './preview.mjs';
import { screenshot } from '../workbench.mjs';

export const name = 'with the "Default Dark Modern" theme the preview of the real minutes is dark too';

const THEME = 'Default Dark Modern';

/** Relative luminance (0 black … 1 white) of a CSS `rgb(…)` colour. */
function luminance(css) {
  const [r, g, b] = css
    .match(/\d+(\.\d+)?/g)
    .slice(0, 3)
    .map(Number)
    .map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export async function run({ page, url, screenshots, userSettings, log }) {
  // The run's user settings, read when the workbench loads: the theme a person would have picked.
  const settings = readFileSync(userSettings, 'utf8');
  writeFileSync(userSettings, JSON.stringify({ ...JSON.parse(settings), 'workbench.colorTheme': THEME }, null, 2));
  try {
    const { preview, summary } = await openRealPreview(page, url, log);
    const workbench = await page.locator('.monaco-workbench').getAttribute('class');
    assert.match(workbench, /\bvs-dark\b/, `the workbench is not dark: ${workbench}`);

    // The webview's body says which kind of theme it got, and its colours follow it.
    assert.match(await preview.locator('body').getAttribute('class'), /\bvscode-dark\b/);
    const colours = await preview
      .locator('body')
      .evaluate((body) => ({ background: getComputedStyle(body).backgroundColor, text: getComputedStyle(body).color }));
    const summaryColour = await summary.evaluate((el) => getComputedStyle(el).color);
    log('colours', colours, summaryColour);
    assert.ok(luminance(colours.background) < 0.05, `the preview's background ${colours.background} is not dark`);
    assert.ok(luminance(colours.text) > 0.5, `the preview's text ${colours.text} is not light`);
    assert.ok(luminance(summaryColour) > 0.5, `the summary's text ${summaryColour} is not light`);
    await screenshot(page, screenshots, 'real-preview-dark.png');
  } finally {
    writeFileSync(userSettings, settings);
  }
}
