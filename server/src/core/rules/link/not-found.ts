import { writtenUrlSpan } from '../../links/document';
import type { Fix, Rule, RuleContext } from '../types';
import { checkedItems, itemName, type CheckedItem } from './online';

/** Unverified answers that say nothing useful to the author: no request was made, or one is still on its way. */
const SILENT_REASONS = new Set(['pending', 'untrusted', 'no-api']);

export const notFound: Rule = {
  id: 'link/not-found',
  defaultSeverity: 'error',
  online: true,
  fixable: true,
  description: {
    en: '(online) The linked pull request or issue does not exist: the forge answers "not found". Look-ups that fail or are rate-limited are reported as unverified (information), never as broken.',
    zh: '（联网）链接的 PR 或 issue 不存在：代码托管平台返回「未找到」。查询失败或被限流时只提示「未验证」（信息级别），不会报告为失效链接。',
  },
  messages: {
    notFound: {
      en: '{item} does not exist on {host}: this link leads to a "page not found".',
      zh: '{host} 上不存在 {item}：这个链接打开的是「页面不存在」。',
    },
    moved: {
      en: '{item} has moved to {url}.',
      zh: '{item} 已迁移到 {url}。',
    },
    fixMoved: { en: 'Link to {url}', zh: '改为链接 {url}' },
    noConnection: { en: 'no connection', zh: '无法连接' },
    rateLimited: {
      en: '{count} PR/issue link(s) could not be verified: {host} limits requests until {time}. Unverified links are not reported as broken.',
      zh: '有 {count} 个 PR/issue 链接未能验证：{host} 限制了请求频率，直到 {time}。未验证的链接不会被报告为失效。',
    },
    timeout: {
      en: '{count} PR/issue link(s) could not be verified: {host} did not answer in time. Unverified links are not reported as broken.',
      zh: '有 {count} 个 PR/issue 链接未能验证：{host} 没有及时响应。未验证的链接不会被报告为失效。',
    },
    auth: {
      en: '{count} PR/issue link(s) could not be verified: {host} refused the token. Unverified links are not reported as broken.',
      zh: '有 {count} 个 PR/issue 链接未能验证：{host} 拒绝了访问令牌。未验证的链接不会被报告为失效。',
    },
    failed: {
      en: '{count} PR/issue link(s) could not be verified: the request to {host} failed ({detail}). Unverified links are not reported as broken.',
      zh: '有 {count} 个 PR/issue 链接未能验证：对 {host} 的请求失败（{detail}）。未验证的链接不会被报告为失效。',
    },
  },
  async check(ctx) {
    const items = await checkedItems(ctx);
    const unverified = new Map<string, CheckedItem[]>();
    for (const item of items) {
      const { status, target } = item;
      const host = target.host;
      if (status.state === 'not-found') {
        ctx.report({ span: item.span, message: ctx.t('notFound', { item: itemName(target), host }) });
      } else if (status.state === 'moved') {
        reportMoved(ctx, item);
      } else if (status.state === 'unverified' && !SILENT_REASONS.has(status.reason ?? '')) {
        const key = `${apiHost(item.api)} ${status.reason ?? ''}`;
        const list = unverified.get(key);
        if (list) list.push(item);
        else unverified.set(key, [item]);
      }
    }
    // One note per cause, on its first link: forty "unverified" lines would bury the real findings.
    for (const list of unverified.values()) {
      const first = list[0];
      const { reason = '', retryAt } = first.status;
      const detail = reason === 'network' ? ctx.t('noConnection') : reason.replace(/^http-/, 'HTTP ');
      const data = { count: new Set(list.map((i) => itemName(i.target))).size, host: apiHost(first.api), time: clock(retryAt), detail };
      const id = reason === 'rate-limited' ? 'rateLimited' : reason === 'timeout' ? 'timeout' : reason === 'auth' ? 'auth' : 'failed';
      ctx.report({ span: first.span, message: ctx.t(id, data), severity: 'info', maxSeverity: 'info' });
    }
  },
};

function reportMoved(ctx: RuleContext, item: CheckedItem): void {
  const url = item.status.movedTo;
  if (!url) return; // moved somewhere the API would not say: the old link still redirects there
  const fixes: Fix[] = [];
  const written = item.resolved && writtenUrlSpan(ctx.doc, item.resolved);
  if (written && /^https?:\/\//.test(url)) {
    fixes.push({ title: ctx.t('fixMoved', { url }), edits: [{ start: written.start, end: written.end, newText: url }], preferred: true });
  }
  ctx.report({ span: item.span, message: ctx.t('moved', { item: itemName(item.target), url }), severity: 'info', fixes });
}

function apiHost(api: string): string {
  try {
    return new URL(api).host;
  } catch {
    return api;
  }
}

/** `14:05`, in the local time of whoever reads the message. */
function clock(at: number | undefined): string {
  if (at === undefined) return '?';
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
