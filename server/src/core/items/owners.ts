/**
 * Who owns an item, when it is written as a name rather than an @handle: openEuler's
 * `…决策。 - 杜开田/谢秀奇`, `…规范化——鲁卫军和胡峰`, `… -- 责任人 朱健伟`; deepin's
 * `责任人：@zeno`; English `Owner: Jane`, `(owner: @jane)`; Rust's `boats to comment on #64273`.
 */
import { trimEndOf } from '../text/trim';

/** A trailing owner after a dash: ` - 杜开田/谢秀奇`, `——鲁卫军和胡峰`, `--- 熊伟`, `-- 责任人 朱健伟`. */
const TRAILING_OWNER = /(?:\s[-–—]{1,3}|[-–—]{2,3})\s*(?:(?:责任人|负责人|owner)[\s:：]*)?([^-–—]{1,40})$/i;
/** `责任人：X`, `负责人: X`, `Owner: X`, `Owners: X, Y`, `Assignee: X`. */
export const OWNER_LABEL =
  /(?:^|[\s(（【[,，;；])(?:责任人|负责人|跟进人|汇报人|发起人|报告人|owners?|assignees?|assigned to|DRI)(?=[\s:：]|$)\s*[:：]?\s*/i;
/** `boats to comment on #64273`: a single word and then `to` + verb opens an English task. */
const ENGLISH_SUBJECT = /^([A-Za-z][\w.-]{1,30})\s+(?:to|will)\s+[a-z]/;

const NAME_SPLIT = /(?<!\s)\s*(?:[/、,，&＆;；和及与]|\band\b)\s*/;

/**
 * Common Chinese family names. A trailing `- 支持` or `-- 通过` is a remark, not a person:
 * a Chinese name starts with a family name (the given name alone, `欣蔚`, also occurs, but
 * then next to a full name in the same list).
 */
const FAMILY_NAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
/** Words that start with a family name's character and often end a line of minutes. */
const NOT_NAMES = new Set([
  '关闭',
  '成立',
  '时间',
  '文档',
  '明确',
  '安全',
  '方案',
  '全部',
  '全体',
  '应用',
  '项目',
  '包括',
  '管理',
  '同意',
  '通过',
  '支持',
  '完成',
  '继续',
  '讨论',
  '确认',
  '结论',
  '决策',
  '建议',
  '待定',
  '暂无',
]);

function looksLikeChineseName(text: string, alone: boolean): boolean {
  if (!/^[\u3400-\u9fff·]{2,4}$/.test(text) || NOT_NAMES.has(text)) return false;
  return !alone || FAMILY_NAMES.has(text[0]) || FAMILY_NAMES.has(text.slice(0, 2));
}

function looksLikeLatinName(text: string): boolean {
  return /^[A-Z][\w.-]+(?:\s[A-Z][\w.-]*)?$/i.test(text) && text.length <= 30;
}

/**
 * Names in a short owner list (`杜开田/谢秀奇`, `欣蔚/曹志`, `Jane Doe`), or none when a part
 * does not look like a name or no Chinese part starts with a family name.
 */
export function ownerNames(text: string): string[] {
  const cleaned = trimEndOf(text.replace(/[(（][^()（）]*[)）]/g, ' '), '。.').trim();
  if (!cleaned || cleaned.length > 40) return [];
  const parts = cleaned
    .split(NAME_SPLIT)
    .map((p) => p.replace(/^(?:由|请)/, '').trim())
    .filter(Boolean);
  if (!parts.length || parts.length > 5) return [];
  if (!parts.every((p) => looksLikeLatinName(p) || looksLikeChineseName(p, false))) return [];
  const chinese = parts.filter((p) => !looksLikeLatinName(p));
  if (chinese.length && !chinese.some((p) => looksLikeChineseName(p, true))) return [];
  return parts;
}

/** The owner written at the end of a line after a dash, and the line without it. */
export function trailingOwner(line: string): { owners: string[]; rest: string } | undefined {
  const m = TRAILING_OWNER.exec(line);
  if (!m) return undefined;
  const owners = ownerNames(m[1]);
  if (!owners.length) return undefined;
  return { owners, rest: line.slice(0, m.index).trim() };
}

/** The names after an owner label (`责任人：朱健伟`), handles excluded (the parser finds those). */
export function labelledOwners(line: string): string[] {
  const m = OWNER_LABEL.exec(line);
  if (!m) return [];
  const after = line
    .slice(m.index + m[0].length)
    .split(/[，,。；;(（]|\s{2,}/)[0]
    .replace(/@\S+/g, '')
    .trim();
  return ownerNames(after);
}

/** `boats to comment on #64273` → `boats`. Only for lines already known to be tasks. */
export function englishSubject(line: string): string | undefined {
  const m = ENGLISH_SUBJECT.exec(line.trim());
  if (!m || /^(?:need|needs|want|wants|plan|plans|how|what|who|we|they|i|you|it|this|that|the|a|an)$/i.test(m[1])) return undefined;
  // `TODO: Link to product board`, `Move to the new calendar`: a verb that takes "to", said to nobody.
  if (
    /^(?:link|add|move|switch|migrate|upgrade|go|reach|talk|write|send|reply|respond|post|push|point|refer|return|subscribe|submit|apply|connect|stick|get)$/i.test(
      m[1],
    )
  )
    return undefined;
  return m[1];
}
