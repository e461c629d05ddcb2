import type { MinutesDocument } from '../../model/types';
import type { Span } from '../../text/lines';
import type { Rule, RuleContext, TextEdit } from '../types';
import { trimEndOf } from '../../text/trim';
import { LineScan } from '../../text/line-scan';

export const meetingSecret: Rule = {
  id: 'privacy/meeting-secret',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'A meeting link with its password (`pwd=`), a meeting passcode, or the password of an archive (`解压密码：…`) is published.',
    zh: '公开了带密码（`pwd=`）的会议链接、会议密码或压缩包的解压密码（`解压密码：…`）。',
  },
  messages: {
    inUrl: {
      en: 'This meeting link carries its password ({param}=…): anyone who reads the minutes can join the meeting.',
      zh: '会议链接中带有密码（{param}=…）：任何读到纪要的人都能入会。',
    },
    passcode: {
      en: 'A meeting passcode is published here: anyone who reads the minutes can join the meeting.',
      zh: '此处公开了会议密码：任何读到纪要的人都能入会。',
    },
    invitation: {
      en: '{problem} It sits under "{heading}", an invitation to join: if the meeting is open to all, this is on purpose.',
      zh: '{problem}它位于「{heading}」之下，是入会邀请：如果会议对所有人开放，这是有意公开的。',
    },
    page: {
      en: '"{name}" is a page about the meetings, not the minutes of one, and publishes a meeting\'s password: if the meeting is open to all, this is on purpose; if not, anyone who reads the page can join.',
      zh: '「{name}」是介绍会议的页面，而非某次会议的纪要，其中公开了会议密码：如果会议对所有人开放，这是有意公开的；否则任何读到此页面的人都能入会。',
    },
    archive: {
      en: 'The password of an archive is published here: anyone who reads the minutes can open it.',
      zh: '此处公开了压缩包的解压密码：任何读到纪要的人都能打开它。',
    },
    fixUrl: { en: 'Remove the password from the link', zh: '从链接中删除密码' },
    fixPasscode: { en: 'Remove the passcode', zh: '删除会议密码' },
    fixArchive: { en: 'Remove the password', zh: '删除解压密码' },
  },
  // Pasted invitations usually sit in code blocks: this rule reads the whole text, code included.
  check(ctx) {
    checkUrls(ctx);
    checkPasscodes(ctx);
  },
};

// Stops at spaces, brackets, quotes and non-ASCII text (`…?pwd=abc）`, `(…?pwd=abc)`).
const URL = /https?:\/\/[^\s<>"'`()[\]{}\u0080-\uffff]+/gi;
const SECRET_PARAM = /([?&])(?:pwd|passcode|password|passwd|meetingpassword)=[^&#]+/gi;

/**
 * `https://us06web.zoom.us/j/834…?pwd=QXZM…`: the fix drops the parameter, the link still opens the
 * meeting. `[https://…?pwd=x](https://…?pwd=x)` is one secret written twice: one finding, both edits.
 */
function checkUrls(ctx: RuleContext): void {
  const { text } = ctx.doc;
  const found = new Map<string, { span: Span; edits: TextEdit[] }>();
  for (const url of text.matchAll(URL)) {
    if (FILE_SHARE.test(url[0])) continue;
    for (const param of url[0].matchAll(SECRET_PARAM)) {
      const start = url.index + param.index;
      const end = start + param[0].length;
      const followedByMore = text[end] === '&';
      // `?pwd=x&a=b` → `?a=b`; `?pwd=x` → ``; `&pwd=x` → ``.
      const edit: TextEdit =
        param[1] === '?' && followedByMore ? { start: start + 1, end: end + 1, newText: '' } : { start, end, newText: '' };
      const key = `${ctx.doc.lines.position(start).line}\u0000${param[0]}`;
      const seen = found.get(key);
      if (seen) seen.edits.push(edit);
      else found.set(key, { span: { start: start + 1, end }, edits: [edit] });
    }
  }
  for (const { span, edits } of found.values()) {
    const param = /^[^=]+/.exec(text.slice(span.start, span.end))![0];
    ctx.report({
      span,
      ...published(ctx, span.start - 1, ctx.t('inUrl', { param })),
      fixes: [{ title: ctx.t('fixUrl'), edits, preferred: true, safe: true }],
    });
  }
}

/**
 * `https://pan.baidu.com/s/1Rd…?pwd=ffpm`: a shared file's extraction code, published with the link
 * on purpose (a meeting's recording for those who missed it); it opens no meeting.
 */
const FILE_SHARE =
  /^https?:\/\/(?:[\w-]+\.)*(?:pan\.baidu\.com|aliyundrive\.com|alipan\.com|pan\.quark\.cn|cloud\.189\.cn|share\.weiyun\.com|lanzou[a-z]?\.com|123pan\.com)\//i;

// Labels that always mean a meeting's (or an archive's) secret, and generic ones that do only
// near a meeting or an archive.
const MEETING_LABEL = String.raw`会议密码|入会密码|会议口令|入会口令|meeting\s*pass(?:word|code)|pass\s?code`;
const ARCHIVE_LABEL = String.raw`解压密码|解压码|压缩包密码|压缩密码|(?:archive|zip|unzip|extraction)\s*password`;
const GENERIC_LABEL = String.raw`密码|口令|password|pwd`;
// A code read out in groups (`244 801 51010`, as meeting apps show it) is one value: taking its first
// group alone would leave the rest behind when the fix removes it.
const SECRET_VALUE = String.raw`\d{2,6}(?:[ \u00a0]\d{2,6})+(?![\w-])|[\w!@#$%^&*.~+=/-]{3,40}`;
const PASSCODE = new RegExp(
  String.raw`(?<![a-z])(?:(${MEETING_LABEL})|(${ARCHIVE_LABEL})|${GENERIC_LABEL})[ \t]*[:：][ \t]*(${SECRET_VALUE})(?![a-z0-9])`,
  'gi',
);
const NOT_A_SECRET = /^(?:none|null|nil|n\/a|tbd|todo|[*x#.-]+)$/i;

interface Passcode {
  /** Where the label starts in its line, and the length of label and value together. */
  index: number;
  length: number;
  label: 'meeting' | 'archive' | 'generic';
  value: string;
}

// A label and its value sit on one line: each line's are found once while the author types.
const passcodesIn = new LineScan<Passcode>((line) =>
  [...line.matchAll(PASSCODE)]
    // `Use case from 1Password: clear …` names a product: an English label glued to a digit is part of a word.
    .filter((m) => !NOT_A_SECRET.test(m[3]) && !(/^[a-z]/i.test(m[0]) && /\d/.test(line[m.index - 1] ?? '')))
    .map((m) => ({
      index: m.index,
      length: m[0].length,
      label: m[1] !== undefined ? 'meeting' : m[2] !== undefined ? 'archive' : 'generic',
      value: m[3],
    })),
);
const MEETING_CONTEXT =
  /zoom|meeting\.tencent|voovmeeting|webex|feishu|larksuite|teams\.microsoft|meet\.google|welink|bmeeting|腾讯会议|飞书会议|会议号|会议\s*ID|meeting\s*(?:id|number|link)|入会|会议链接/i;

const ARCHIVE_CONTEXT = /\.(?:zip|7z|rar|tar\.gz|tgz)\b|压缩包|压缩文件|附件|\barchive\b|\battachment\b/i;

/**
 * `会议密码：123456`, `Passcode: 834213`, `解压密码：2024`; `password: demo` in a code sample is no
 * meeting's: a generic label counts only near a meeting or an archive.
 */
function checkPasscodes(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const found of passcodesIn.of(doc.text)) {
    const line = doc.lines.position(found.start).line;
    for (const m of found.items) {
      const meeting = m.label === 'meeting' || (m.label === 'generic' && near(doc, line, MEETING_CONTEXT));
      const archive = m.label === 'archive' || (!meeting && m.label === 'generic' && near(doc, line, ARCHIVE_CONTEXT));
      if ((!meeting && !archive) || (meeting && opensRecording(doc, line))) continue;
      const lineStart = doc.lines.lineStart(line);
      const valueStart = lineStart + m.index + m.length - m.value.length;
      ctx.report({
        span: { start: valueStart, end: valueStart + m.value.length },
        ...(meeting ? published(ctx, valueStart, ctx.t('passcode')) : { message: ctx.t('archive') }),
        fixes: [
          {
            title: ctx.t(meeting ? 'fixPasscode' : 'fixArchive'),
            edits: [removePasscode(doc, line, { start: lineStart + m.index, end: lineStart + m.index + m.length })],
            preferred: true,
            // Deleting a line of a pasted invitation is a change of content a person should see.
            safe: false,
          },
        ],
      });
    }
  }
}

// A recording shared for those who missed the meeting (Zoom's `/rec/share/`, Tencent Meeting's `cloud-record`).
const RECORDING_URL = /^https?:\/\/(?:[\w-]+\.)*(?:zoom\.(?:us|com)\/rec\/(?:share|play)\/|meeting\.tencent\.com\/v2\/cloud-record\/)/i;

/**
 * `https://zoom.us/rec/share/…` and below it `Passcode: a*VW+2P0`: the code opens the recording the
 * team publishes on purpose, not the meeting. The nearest link above (or on the line) decides, so a
 * join link between them still makes it a meeting's.
 */
function opensRecording(doc: MinutesDocument, line: number): boolean {
  for (let l = line; l >= Math.max(0, line - 4); l--) {
    const urls = [...doc.lines.lineText(l).matchAll(URL)];
    if (urls.length) return RECORDING_URL.test(urls[urls.length - 1][0]);
  }
  return false;
}

// `## 社区会议参与方式`, `## How to join`: the team publishes the way in for anyone who wants to come.
const INVITATION =
  /参与方式|参会方式|入会方式|加入方式|如何(?:参与|参会|加入|入会)|how\s+to\s+(?:join|attend|participate)|joining\s+(?:the|this|our)\s+(?:meeting|call)/i;

/**
 * A meeting's secret in a section that invites readers to the meeting is published on purpose
 * when the meeting is open to all (OpenSergo's notes end with how to join): only pointed out.
 * The invitation is a heading, or a line just above that introduces the list (`…入会方式：`).
 */
function published(ctx: RuleContext, offset: number, problem: string): { message: string; severity?: 'info' } {
  const { doc } = ctx;
  const heading =
    doc.sections.filter((s) => s.kind === 'heading' && s.body.start <= offset && offset < s.body.end && INVITATION.test(s.title)).pop()
      ?.title ?? introducingLine(doc, doc.lines.position(offset).line);
  if (heading) return { message: ctx.t('invitation', { problem, heading }), severity: 'info' };
  const name = aboutTheMeetings(ctx);
  return name ? { message: ctx.t('page', { name }), severity: 'info' } : { message: problem };
}

/**
 * `README.md`, `working-groups.md`, `contributor-guidelines.md`: a file named without a date or
 * number, which no template reads as minutes, is a page about the meetings; the link on it is the
 * standing way in. Its file name, if so. (`2025.md` holds a year's minutes; an unsaved buffer has
 * no name yet: either may be minutes.)
 */
function aboutTheMeetings(ctx: RuleContext): string | undefined {
  const path = ctx.doc.path;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!name.includes('.') || /\d/.test(name) || ctx.series) return undefined;
  return ctx.template.confidence === 'none' || ctx.template.confidence === 'guessed' ? name : undefined;
}

function introducingLine(doc: MinutesDocument, line: number): string | undefined {
  for (let l = line - 1; l >= Math.max(0, line - 4); l--) {
    const text = doc.lines.lineText(l).trim();
    if (INVITATION.test(text) && /[:：]$/.test(text)) return text;
  }
  return undefined;
}

function near(doc: MinutesDocument, line: number, context: RegExp): boolean {
  for (let l = Math.max(0, line - 4); l <= Math.min(doc.lines.lineCount - 1, line + 4); l++) {
    if (context.test(doc.lines.lineText(l))) return true;
  }
  return false;
}

/** The whole line when the passcode is all it holds; else the label, the value and the space before. */
function removePasscode(doc: MinutesDocument, line: number, secret: Span): TextEdit {
  const lineSpan = doc.lines.lineSpan(line);
  const before = doc.text.slice(lineSpan.start, secret.start);
  const after = doc.text.slice(secret.end, lineSpan.end);
  if (/^[\s>*+-]*$/.test(before) && /^[\s,，;；。.]*$/.test(after)) {
    const next = line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : lineSpan.end;
    return { start: lineSpan.start, end: next, newText: '' };
  }
  const spaceBefore = before.length - trimEndOf(before, ' \t\u3000,，;；').length;
  return { start: secret.start - spaceBefore, end: secret.end, newText: '' };
}
