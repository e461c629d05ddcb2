// A stand-in for GitHub's REST API on 127.0.0.1, started by the VS Code runners for the online
// link checks of test/vscode/fixtures/ws/online: the runner writes its address into that folder's
// `.minutesrc.json` (`links.api` maps github.com to it) and tells the extension host through
// MINUTES_LINK_SERVER. It records every request, so a test can prove that a look-up was made
// (trusted workspace) or that none was (Restricted Mode).
//
//   GET /repos/{owner}/{repo}/issues/{n}   the answer of ITEMS (404 for anything else)
//   GET /__control                         what arrived: { requests, opened, observesBrowser }
//
// `opened` holds the external URLs the workbench's browser tried to open (the web runner reports
// them from Playwright; `communityMinutes.openRuleDocs` ends there). Control requests are not
// recorded, the runner clears the log before each VS Code run, and nothing here leaves 127.0.0.1.
import http from 'node:http';

/** The fixture's link address written in the repository; the runner replaces it with this server's. */
export const PLACEHOLDER_API = 'http://link-server.invalid';

/**
 * What the fake forge knows, by `owner/repo#n` (GitHub's issues endpoint answers for issues and
 * pull requests alike; a pull request carries `pull_request`). Numbers not listed are 404.
 */
const ITEMS = {
  'opencurve/curve#3101': {
    title: 'Warm the metadata cache at mount',
    state: 'closed',
    user: 'cache-dev',
    pull: { merged_at: '2023-09-18T08:00:00Z' },
  },
  'opencurve/curve#3103': { title: 'Snapshot export fails on empty volumes', state: 'open', user: 'snapshot-dev' },
};

function itemBody(owner, repo, number, item) {
  const body = {
    number: Number(number),
    title: item.title,
    state: item.state,
    user: { login: item.user },
    html_url: `https://github.com/${owner}/${repo}/${item.pull ? 'pull' : 'issues'}/${number}`,
  };
  if (item.pull) body.pull_request = { merged_at: item.pull.merged_at };
  return body;
}

/**
 * Starts the server on a free port of 127.0.0.1. `observesBrowser` says whether `opened` is
 * filled (the web runner watches the browser; the desktop runner cannot).
 */
export function startLinkServer({ observesBrowser = false } = {}) {
  const requests = [];
  const opened = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/__control') {
      send(200, { requests, opened, observesBrowser });
      return;
    }
    requests.push({ method: req.method, path: url.pathname, authorization: req.headers.authorization !== undefined, at: Date.now() });
    const match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(url.pathname);
    const item = match && ITEMS[`${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}#${match[3]}`];
    if (req.method !== 'GET' || !item) send(404, { message: 'Not Found' });
    else send(200, itemBody(match[1], match[2], match[3], item));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        opened,
        /** Forgets what arrived: each VS Code run starts with an empty log. */
        reset: () => {
          requests.length = 0;
          opened.length = 0;
        },
        close: () =>
          /** @type {Promise<void>} */ (
            new Promise((r) => {
              server.closeAllConnections?.();
              server.close(() => r());
            })
          ),
      });
    });
  });
}
