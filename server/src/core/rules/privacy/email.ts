import { dataPattern, quotePattern, type DataPattern } from '../../regex/pattern';
import { insideAny } from '../../text/spans';
import { spanOf, walk } from '../../model/tree';
import type { MinutesDocument } from '../../model/types';
import type { Span } from '../../text/lines';
import { defineRule, type TextEdit } from '../types';

export const email = defineRule({
  id: 'privacy/email',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'A personal e-mail address is published in the minutes (for example left by an editor header template).',
    zh: '纪要中公开了个人邮箱（例如编辑器文件头模板留下的）。',
  },
  messages: {
    editorHeader: {
      en: "The editor's file header left the e-mail address {address} in the minutes.",
      zh: '编辑器的文件头注释在纪要中留下了邮箱 {address}。',
    },
    personal: {
      en: 'The personal e-mail address {address} is published in the minutes; the name (or @handle) is enough.',
      zh: '纪要中公开了个人邮箱 {address}；写姓名（或 @账号）即可。',
    },
    fix: { en: 'Remove the address {address}', zh: '删除邮箱 {address}' },
  },
  options: {
    allow: {
      type: 'string-list',
      default: [],
      description: {
        en: 'Addresses that may be published, `*` as a wildcard (`*@corp.example`).',
        zh: '允许公开的邮箱地址，可用 `*` 通配（`*@corp.example`）。',
      },
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const code = codeSpans(doc);
    const urls = [...doc.text.matchAll(URL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const allowed = allowList(ctx.options.allow);
    for (const m of doc.text.matchAll(EMAIL)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const address = m[0];
      // URLs (`mailto:`, archive links) point to an address and inline code quotes a command
      // (`git config user.email …`): neither publishes one by accident. A code block publishes it
      // like prose (a pasted invitation, a `git log`), but code also says `x@self.weights`: there
      // only a domain with a real-looking top level counts.
      if (insideAny(span.start, urls) || insideAny(span.start, code.inline)) continue;
      if (insideAny(span.start, code.blocks) && !ADDRESS_DOMAIN.test(address)) continue;
      if (!isPersonal(address) || allowed.some((a) => a.test(address))) continue;
      const header = inEditorHeader(doc, span);
      const removal = removalOf(doc.text, span);
      ctx.report({
        span,
        message: ctx.t(header ? 'editorHeader' : 'personal', { address }),
        // A forgotten editor header is a mistake; an address written next to a speaker's name is
        // a choice some communities make (openEuler TC hosts), so it is only pointed out.
        severity: header ? undefined : 'info',
        fixes: [
          {
            title: ctx.t('fix', { address }),
            edits: [removal.edit],
            preferred: true,
            // Unattended only when a name stays behind: `王建民 jianmin@…` → `王建民`, not `提交人：`.
            safe: removal.nameStays,
          },
        ],
      });
    }
  },
});

const EMAIL = /(?<![\w.+-])[A-Z0-9](?:[\w.+-]*[\w+-])?@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}(?![\w-]|\.[\w-])/gi;
const ADDRESS_DOMAIN = /\.(?:[a-z]{2}|com|org|net|edu|gov|mil|int|info|biz|name|pro|dev|app|tech|site|online|xyz|top|club|email|mail)$/i;
const URL = /(?:https?|ftp|mailto):[^\s<>"'`()[\]{}\u3001-\uffff]+/gi;

/** Inline code (a quoted command) and code blocks (a pasted invitation, a `git log`). */
function codeSpans(doc: MinutesDocument): { inline: Span[]; blocks: Span[] } {
  const inline: Span[] = [];
  const blocks: Span[] = [];
  walk(doc.mdast, (node) => {
    const span = spanOf(node);
    if (span && node.type === 'code') blocks.push(span);
    else if (span && node.type === 'inlineCode') inline.push(span);
  });
  return { inline, blocks };
}

// Addresses that belong to no one person: machines, examples, lists and roles.
const NO_REPLY = /(?:^|[._+-])(?:no-?reply|do-?not-?reply|bounces?|mailer-daemon)(?:$|[._+-])|noreply/i;
const DOCUMENTATION_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/i;
const LIST_DOMAIN =
  /^(?:lists?|groups?|mailman|listserv)\.|(?:^|\.)(?:googlegroups\.com|groups\.io|freelists\.org)$|(?:^|\.)noreply\.(?:github|gitee)\.com$/i;
const ROLE_LOCAL = new Set([
  'abuse',
  'admin',
  'administrator',
  'all',
  'announce',
  'ask',
  'board',
  'bugs',
  'coc',
  'committee',
  'community',
  'conduct',
  'contact',
  'dev',
  'devel',
  'discuss',
  'discussion',
  'events',
  'feedback',
  'general',
  'git',
  'hello',
  'help',
  'hostmaster',
  'info',
  'infra',
  'kernel',
  'legal',
  'list',
  'maintainers',
  'marketing',
  'meetings',
  'news',
  'newsletter',
  'office',
  'operations',
  'postmaster',
  'press',
  'privacy',
  'security',
  'support',
  'tc',
  'team',
  'tsc',
  'users',
  'webmaster',
]);
// `public-chinese-web@w3.org`, `member-i18n@…`: W3C and others name their lists by who may read them.
const ROLE_PATTERN =
  /^(?:sig|wg|team|tsc|tc|list|public|members?)[-_.]|[-_.](?:dev|devel|users?|announce|discuss|general|list|team|sig|maintainers|security|commits|help)$/i;

/** A person's address, not a list (`dev@openeuler.org`, `*@lists.*`), a role, an example or a robot. */
export function isPersonal(address: string): boolean {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  if (NO_REPLY.test(local) || DOCUMENTATION_DOMAIN.test(domain) || LIST_DOMAIN.test(domain)) return false;
  return !ROLE_LOCAL.has(local) && !ROLE_PATTERN.test(local);
}

/** `"allow": ["*@corp.example", "me@home.net"]` in the rule's options. */
function allowList(addresses: readonly string[]): DataPattern[] {
  return addresses.flatMap((p) => dataPattern(`^${p.split('*').map(quotePattern).join('.*')}$`, { ignoreCase: true }) ?? []);
}

// koroFileHeader and similar: ` * @Author: name name@corp.com`, `LastEditors: …`.
const HEADER_LINE = /^[\s*#/!<-]*@?(?:author|lasteditors?|last\s*modified\s*by|editors?|modified\s*by|e-?mail)\s*[:：]/i;

function inEditorHeader(doc: MinutesDocument, span: Span): boolean {
  const line = doc.lines.position(span.start).line;
  if (!HEADER_LINE.test(doc.lines.lineText(line))) return false;
  return doc.comments.some((c) => c.span.start <= span.start && span.end <= c.span.end);
}

/**
 * The address with its brackets (`<a@b.c>`, `(a@b.c)`) and the space before it. The name stays
 * when a letter remains right before the removed text.
 */
function removalOf(text: string, span: Span): { edit: TextEdit; nameStays: boolean } {
  let { start, end } = span;
  const open = text[start - 1];
  if ((open === '<' && text[end] === '>') || (open === '(' && text[end] === ')') || (open === '（' && text[end] === '）')) {
    start--;
    end++;
  }
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t' || text[start - 1] === '\u3000')) start--;
  const before = text.slice(Math.max(0, start - 12), start);
  // `退信email <a@b.c>`: the word before names the address, not a person.
  const nameStays = /[\p{L}\p{N}\]]$/u.test(before) && !/(?:e-?mail|mail|address|邮箱|邮件|地址)$/i.test(before);
  return { edit: { start, end, newText: '' }, nameStays };
}
