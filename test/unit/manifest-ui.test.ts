import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { ROOT } from '../helpers';

// The parts of the manifest that only VS Code reads: the walkthrough, the plain-text grammar,
// the client's own settings. Nothing compiles them, so these tests keep them honest.

type Json = any;
const readJson = (path: string): Json => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const pkg = readJson('package.json');
const contributes = pkg.contributes;
const en = readJson('package.nls.json');
const zh = readJson('package.nls.zh-cn.json');
const commands = new Set<string>(contributes.commands.map((c: Json) => c.command));

/** `%key%` → the English text, to read what the user reads. */
const english = (value: string) => en[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;

/** vsce's reading of .vscodeignore: the last matching pattern decides, `!` re-includes. */
function shipped(path: string): boolean {
  const rules = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  let included = true;
  for (const rule of rules) {
    const negated = rule.startsWith('!');
    if (picomatch(negated ? rule.slice(1) : rule, { dot: true })(path)) included = negated;
  }
  return included;
}

describe('Get Started walkthrough', () => {
  const walkthroughs: Json[] = contributes.walkthroughs ?? [];
  const steps: Json[] = walkthroughs.flatMap((w) => w.steps);

  it('has one walkthrough of three or four steps, titled in both languages', () => {
    assert.equal(walkthroughs.length, 1);
    assert.ok(steps.length >= 3 && steps.length <= 4, `${steps.length} steps`);
    for (const value of [walkthroughs[0].title, walkthroughs[0].description, ...steps.flatMap((s) => [s.title, s.description])]) {
      const key = /^%(.+)%$/.exec(value)?.[1];
      assert.ok(key, `${value} is not localized`);
      assert.ok(/[\u4e00-\u9fff]/.test(zh[key]), `no Chinese for ${key}`);
    }
  });

  for (const step of steps) {
    it(`step "${step.id}": its page exists, ships in the .vsix and is in English`, () => {
      const media: string = step.media.markdown;
      assert.ok(media.startsWith('media/walkthrough/'), media);
      assert.ok(existsSync(join(ROOT, media)), `${media} is missing`);
      assert.ok(shipped(media), `${media} is left out of the .vsix`);
      const page = readFileSync(join(ROOT, media), 'utf8');
      assert.match(page, /^# \S/, 'a page starts with its title');
      assert.doesNotMatch(page, /[\u4e00-\u9fff]{6,}/, 'the pages are English (Chinese names of files and labels are fine)');
    });

    it(`step "${step.id}": completes on things the extension contributes, and its button runs one of its commands`, () => {
      assert.ok(step.completionEvents?.length, 'no completion event');
      for (const event of step.completionEvents as string[]) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        const setting = /^onSettingChanged:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(commands.has(command), `${event}: not a contributed command`);
        else if (setting) assert.ok(contributes.configuration.properties[setting], `${event}: not a contributed setting`);
        else assert.fail(`unexpected completion event ${event}`);
      }
      for (const description of [english(step.description), zh[/^%(.+)%$/.exec(step.description)![1]]]) {
        const buttons = [...description.matchAll(/\]\(command:([^)?]+)/g)].map((m) => m[1]);
        assert.ok(buttons.length, `no command button in ${JSON.stringify(description)}`);
        for (const button of buttons) assert.ok(commands.has(button), `${button} is not a contributed command`);
      }
    });
  }
});

describe('client-side manifest entries', () => {
  it('contributes a grammar for plain text that carries the minutes patterns', () => {
    const plain = contributes.grammars.find((g: Json) => g.language === 'plaintext');
    assert.ok(plain, 'no grammar for plaintext');
    const grammar = readJson(plain.path);
    assert.equal(grammar.scopeName, plain.scopeName);
    const injection = contributes.grammars.find((g: Json) => g.injectTo);
    assert.deepEqual(grammar.patterns, [{ include: injection.scopeName }]);
    assert.ok(shipped(plain.path.replace(/^\.\//, '')), 'the plain-text grammar is left out of the .vsix');
  });

  it('declares the BOM setting with the values the client reads', () => {
    const setting = contributes.configuration.properties['communityMinutes.encoding.bom'];
    assert.deepEqual(setting.enum, ['forbid', 'allow', 'require']);
    assert.equal(setting.default, 'forbid');
    assert.equal(setting.scope, 'resource', 'a folder of minutes can have its own policy');
    assert.equal(setting.enumDescriptions.length, setting.enum.length);
  });

  it('lets the status bar change the template from the palette too', () => {
    assert.ok(commands.has('communityMinutes.changeTemplate'));
    const source = readFileSync(join(ROOT, 'client/src/templateStatus.ts'), 'utf8');
    assert.match(source, /item\.command = 'communityMinutes\.changeTemplate'/);
  });

  it('runs the grammar tests with npm test', () => {
    assert.match(pkg.scripts.test, /npm run --silent test:grammar$/);
    assert.ok(pkg.devDependencies['vscode-tmgrammar-test'], 'vscode-tmgrammar-test');
  });
});
