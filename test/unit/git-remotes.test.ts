import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../server/src/core';
import { GitRemotes, repoOfRemoteUrl } from '../../server/src/node/gitRemotes';
import { only } from '../helpers';

describe('the repositories the minutes live in (git remotes)', () => {
  it('reads https, scp-like and ssh remote URLs', () => {
    assert.equal(repoOfRemoteUrl('https://github.com/nodejs/TSC.git'), 'github.com/nodejs/TSC');
    assert.equal(repoOfRemoteUrl('git@gitee.com:openeuler/community.git'), 'gitee.com/openeuler/community');
    assert.equal(repoOfRemoteUrl('ssh://git@github.com:22/opencurve/curve-meetup-slides'), 'github.com/opencurve/curve-meetup-slides');
    assert.equal(repoOfRemoteUrl('/srv/mirror.git'), undefined);
  });

  it("makes a PR link into a fork of the team's own repository a finding, with no configuration", async () => {
    const root = mkdtempSync(join(tmpdir(), 'minutes-git-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, 'meetings'));
      writeFileSync(
        join(root, '.git', 'config'),
        '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:nodejs/TSC.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
      );
      const path = join(root, 'meetings', '2026-01-07.md');
      const text =
        '# Node.js TSC Meeting 2026-01-07\n\n## Present\n\n* A @a\n\n## Agenda\n\n* Charter update [#1754](https://github.com/nodejs/TSC/pull/1754)\n* Same change, from a fork [#12](https://github.com/someone/TSC/pull/12)\n';
      const remotes = new GitRemotes();
      assert.deepEqual(remotes.reposFor(path), ['github.com/nodejs/TSC']);
      const withRemotes = await lint({ path, text, services: { workspaceRepos: (p) => remotes.reposFor(p) } });
      const found = only(withRemotes.diagnostics, 'link/foreign-repo');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /someone\/TSC, which looks like a fork of nodejs\/TSC/);
      const without = await lint({ path, text });
      assert.equal(only(without.diagnostics, 'link/foreign-repo').length, 0, 'the generic template alone has no opinion on repos');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
