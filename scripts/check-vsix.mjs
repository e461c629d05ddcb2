// Packages the extension as a user gets it from the Marketplace and checks the .vsix: what it
// holds (the bundles, the manifest and its translations, no sources, tests or node_modules),
// how big it is, and what the Marketplace and Open VSX ask of a listing, offline: a license
// (Open VSX's own check, from the ovsx package), a repository, a PNG icon, a README whose
// images and links are absolute https URLs (vsce rewrites relative ones against the
// repository) that name files this repository has. Prints the file list and sizes.
//   node scripts/check-vsix.mjs [--keep FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { isLicenseOk, validateManifest } from 'ovsx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Both clients and both server entries: 809 KB. The clients carry the LSP client and a few of
// the core's helpers; the server renders the preview and reads file-name patterns, so the HTML
// parser and the pattern engine ship once, in dist/server-core.js. 1 MiB leaves room for rules,
// not for a second copy of the core or of a parser.
const MAX_VSIX_BYTES = 1024 * 1024;
const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/browser/extension.js',
  'extension/dist/browser/server.js',
  'extension/dist/server-core.js',
  'extension/schemas/minutesrc.schema.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/images/icon.png',
];
const FORBIDDEN = [/node_modules\//, /\.ts$/, /\.map$/, /^extension\/(test|server\/src|client\/src|scripts|docs|examples)\//];

/** The entries of a zip file, read from its central directory. */
function zipEntries(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries.push({ name, size, compressed, method, local });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function entryBytes(bytes, entry) {
  const nameLength = bytes.readUInt16LE(entry.local + 26);
  const extra = bytes.readUInt16LE(entry.local + 28);
  const data = bytes.subarray(entry.local + 30 + nameLength + extra, entry.local + 30 + nameLength + extra + entry.compressed);
  return entry.method === 8 ? inflateRawSync(data) : data;
}

const entryText = (bytes, entry) => entryBytes(bytes, entry).toString('utf8');

/** What the Marketplace and Open VSX check when the package is published, checked here without a network. */
async function listingProblems(manifest, readme, icon) {
  const problems = [];
  try {
    validateManifest(manifest);
  } catch (error) {
    problems.push(`Open VSX: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!(await isLicenseOk(ROOT, manifest))) problems.push('Open VSX: no license');
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const repo = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repository ?? '');
  if (!repo) problems.push(`manifest repository is not an https GitHub URL: ${repository}`);
  if (!icon) problems.push(`the icon ${manifest.icon} is not in the package`);
  else if (icon.readUInt32BE(0) !== 0x89504e47) problems.push('the icon is not a PNG');
  else if (icon.readUInt32BE(16) < 128 || icon.readUInt32BE(20) < 128)
    problems.push(`the icon is ${icon.readUInt32BE(16)}x${icon.readUInt32BE(20)}, smaller than 128x128`);
  const targets = [...readme.matchAll(/!?\[[^[\]]*\]\(([^)\s]+)(?:\s[^)]*)?\)|<img\s[^>]*?src="([^"]+)"/g)].map((m) => ({
    url: m[1] ?? m[2],
    image: m[0].startsWith('!') || m[0].startsWith('<img'),
  }));
  for (const { url, image } of targets) {
    if (url.startsWith('#') || url.startsWith('mailto:')) continue;
    if (!/^https:\/\//.test(url)) {
      problems.push(`README ${image ? 'image' : 'link'} is not an absolute https URL: ${url}`);
      continue;
    }
    if (image && /\.svg(?:\?|$)/i.test(url)) problems.push(`README image is an SVG (the Marketplace refuses them): ${url}`);
    // A link into this repository must name a file it has, or the listing shows a broken image.
    const own = repo && new RegExp(`^https://github\\.com/${repo[1]}/(?:raw|blob|tree)/HEAD/([^#?]+)`).exec(url);
    if (own && !existsSync(join(ROOT, decodeURIComponent(own[1]))))
      problems.push(`README ${image ? 'image' : 'link'} names a file the repository does not have: ${own[1]}`);
  }
  if (!targets.some((t) => t.image)) problems.push('the README shows no picture');
  return problems;
}

const dir = mkdtempSync(join(tmpdir(), 'minutes-vsix-'));
const vsix = join(dir, 'community-minutes.vsix');
try {
  const build = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run package failed (${build.status})`);
  const bytes = readFileSync(vsix);
  const entries = zipEntries(bytes);
  const names = entries.map((e) => e.name);
  const problems = [];
  for (const required of REQUIRED) if (!names.includes(required)) problems.push(`missing ${required}`);
  for (const name of names) if (FORBIDDEN.some((re) => re.test(name))) problems.push(`should not ship ${name}`);
  const size = statSync(vsix).size;
  if (size > MAX_VSIX_BYTES) problems.push(`the .vsix is ${(size / 1024).toFixed(0)} KB, more than ${MAX_VSIX_BYTES / 1024} KB`);
  const manifest = JSON.parse(
    entryText(
      bytes,
      entries.find((e) => e.name === 'extension/package.json'),
    ),
  );
  if (manifest.main !== './dist/extension.js') problems.push(`manifest main is ${manifest.main}`);
  if (manifest.browser !== './dist/browser/extension.js') problems.push(`manifest browser is ${manifest.browser}`);
  const readme = entryText(
    bytes,
    entries.find((e) => e.name === 'extension/readme.md'),
  );
  const iconEntry = entries.find((e) => e.name === `extension/${manifest.icon}`);
  problems.push(...(await listingProblems(manifest, readme, iconEntry && entryBytes(bytes, iconEntry))));
  for (const e of entries) console.log(`${String(e.size).padStart(9)}  ${e.name}`);
  console.log(`vsix: ${entries.length} files, ${(size / 1024).toFixed(0)} KB (limit ${MAX_VSIX_BYTES / 1024} KB)`);
  const keep = process.argv.indexOf('--keep');
  if (keep > 0 && process.argv[keep + 1]) copyFileSync(vsix, process.argv[keep + 1]);
  if (problems.length) {
    for (const p of problems) console.error(`check-vsix: ${p}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
