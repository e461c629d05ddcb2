// The configuration blocks of docs/editors.md, run in the real editors Debian has: Neovim
// (the plain `vim.lsp.start_client` block) and Emacs with eglot (the init.el block), headless,
// on examples/curve/2024-03-14.md. `minutes-language-server` is dist/server.js, as a global npm
// install makes it. The blocks' language setting is switched to zh, so Chinese messages prove
// the settings reach the server the way each editor sends them. Prints "N passed, N failed".
//   node scripts/check-editors.mjs
// Helix is not in Debian 12: its block is checked by test/lsp/editors.test.ts only.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, checks, have } from './checks.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const DOC = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');

/** The first fenced block of `language` after the line that contains `marker`. */
function block(marker, language) {
  const at = DOC.indexOf(marker);
  if (at < 0) throw new Error(`docs/editors.md has no "${marker}"`);
  const match = DOC.slice(at).match(new RegExp('```' + language + '\\n([\\s\\S]*?)```'));
  if (!match) throw new Error(`no ${language} block after "${marker}"`);
  return match[1];
}

const { check, finish } = checks('editors');

/** The diagnostics printed must be the server's, in Chinese, with rule ids. */
function looksRight(output) {
  return /缺少模板 curve-biweekly 要求的章节「时间」/.test(output) && /link\/spaced-syntax/.test(output) && /handle\/invalid/.test(output);
}

const work = mkdtempSync(join(tmpdir(), 'minutes-editors-'));
try {
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'minutes-language-server'), `#!/bin/sh\nexec "${process.execPath}" "${SERVER}" "$@"\n`);
  chmodSync(join(bin, 'minutes-language-server'), 0o755);
  const project = join(work, 'minutes');
  mkdirSync(project);
  copyFileSync(join(ROOT, 'examples', 'curve', '2024-03-14.md'), join(project, '2024-03-14.md'));
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: work };

  if (!have('nvim')) aptInstall(['neovim']);
  if (have('nvim')) {
    writeFileSync(join(work, 'init.lua'), block('Neovim 0.7 to 0.10 without plugins', 'lua').replace("language = 'en'", "language = 'zh'"));
    writeFileSync(
      join(work, 'report.lua'),
      `
      local function chinese()
        for _, d in ipairs(vim.diagnostic.get(0)) do if d.message:find('缺少模板', 1, true) then return true end end
        return false
      end
      local ok = vim.wait(30000, chinese, 100)
      for _, d in ipairs(vim.diagnostic.get(0)) do
        local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
        io.stdout:write(string.format('%d:%d %s %s\\n', d.lnum + 1, d.col + 1, code, d.message))
      end
      vim.cmd(ok and 'qa!' or 'cq!')`,
    );
    const r = spawnSync(
      'nvim',
      ['--headless', '-u', join(work, 'init.lua'), '-c', `luafile ${join(work, 'report.lua')}`, '2024-03-14.md'],
      { cwd: project, env, encoding: 'utf8', timeout: 90000 },
    );
    check(
      'Neovim (vim.lsp.start_client block): diagnostics in the language its settings ask for',
      r.status === 0 && looksRight(r.stdout),
      `${r.stdout}\n${r.stderr}`,
    );
  } else {
    check('Neovim is installed (apt-get install neovim)', false, '');
  }

  if (!have('emacs')) aptInstall(['emacs-nox', 'elpa-eglot']);
  if (have('emacs')) {
    writeFileSync(join(work, 'init.el'), block('## Emacs (eglot)', 'elisp').replace(':language "auto"', ':language "zh"'));
    // markdown-mode is a package of its own: the file opens in text-mode, which the block lists too.
    // In batch mode no command runs, so eglot is started directly instead of by eglot-ensure's hook.
    writeFileSync(
      join(work, 'report.el'),
      `
      (package-initialize)
      (require 'eglot)
      (require 'flymake)
      (find-file (car command-line-args-left))
      (text-mode)
      (apply #'eglot (eglot--guess-contact))
      (let ((deadline (+ (float-time) 60)))
        (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
          (accept-process-output nil 0.2)))
      (dolist (d (flymake-diagnostics))
        (princ (format "%d %s\\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))
      (kill-emacs (if (flymake-diagnostics) 0 1))`,
    );
    const r = spawnSync('emacs', ['--batch', '-l', join(work, 'init.el'), '-l', join(work, 'report.el'), '2024-03-14.md'], {
      cwd: project,
      env,
      encoding: 'utf8',
      timeout: 120000,
    });
    check(
      'Emacs eglot (init.el block): diagnostics in the language its settings ask for',
      r.status === 0 && looksRight(r.stdout),
      `${r.stdout}\n${r.stderr}`,
    );
  } else {
    check('Emacs is installed (apt-get install emacs-nox elpa-eglot)', false, '');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
finish();
