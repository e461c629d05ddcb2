import type { Message } from '../i18n/lang';

/** What can be wrong with a `.minutesrc.json`, in English and Chinese. */
export const configMessages = {
  syntax: { en: 'JSON syntax error: {detail}', zh: 'JSON 语法错误：{detail}' },
  empty: { en: 'empty configuration file', zh: '配置文件为空' },
  notObject: { en: 'the configuration must be a JSON object', zh: '配置必须是一个 JSON 对象' },
  unknownKey: { en: 'unknown key "{key}" (known: {known})', zh: '未知的键「{key}」（可用：{known}）' },
  extendsType: { en: '"extends" must be a path or a list of paths', zh: '"extends" 必须是一个路径或路径列表' },
  templateType: {
    en: '"template" must be a built-in id, a path to a template file, or a template object',
    zh: '"template" 必须是内置模板 id、模板文件路径或模板对象',
  },
  filesType: { en: '"files" must be a list of globs', zh: '"files" 必须是 glob 列表' },
  rulesType: {
    en: '"rules" must map rule ids to off, info, warning or error',
    zh: '"rules" 必须把规则 id 映射到 off、info、warning 或 error',
  },
  severity: { en: 'rule "{id}": severity must be one of {severities}', zh: '规则「{id}」：严重级别必须是 {severities} 之一' },
  unknownRule: { en: 'unknown rule "{id}"', zh: '未知规则「{id}」' },
  ruleOptions: {
    en: 'rule "{id}": the options must be an object; the rule runs with its defaults',
    zh: '规则「{id}」：选项必须是对象；该规则使用默认选项',
  },
  unknownOption: {
    en: 'rule "{id}" has no option "{option}" (options: {known}); the rule runs with its defaults',
    zh: '规则「{id}」没有选项「{option}」（可用：{known}）；该规则使用默认选项',
  },
  optionType: {
    en: 'rule "{id}": option "{option}" must be {expected}; the rule runs with its defaults',
    zh: '规则「{id}」：选项「{option}」必须是{expected}；该规则使用默认选项',
  },
  linksType: { en: '"links" must be an object', zh: '"links" 必须是对象' },
  reposType: { en: '"links.repos" must be a list of owner/repo globs', zh: '"links.repos" 必须是 owner/repo glob 列表' },
  onlineType: { en: '"links.online" must be true or false', zh: '"links.online" 必须是 true 或 false' },
  apiType: { en: '"links.api" must map forge hosts to API base URLs', zh: '"links.api" 必须把代码托管主机映射到 API 地址' },
  contributorsType: { en: '"contributors" must be an object', zh: '"contributors" 必须是对象' },
  sourcesType: { en: '"contributors.sources" must be a list of roster file paths', zh: '"contributors.sources" 必须是名册文件路径列表' },
  handlesType: { en: '"contributors.handles" must be a list of handles', zh: '"contributors.handles" 必须是账号列表' },
  cycle: { en: '"extends" cycle: {chain}', zh: '"extends" 形成循环：{chain}' },
  extendsDepth: { en: '"extends" chain longer than {n} files: {path} is not read', zh: '"extends" 链超过 {n} 个文件：不再读取 {path}' },
  extendsCount: {
    en: 'more than {n} configuration files through "extends": {path} is not read',
    zh: '通过 "extends" 读取的配置文件超过 {n} 个：不再读取 {path}',
  },
  outside: {
    en: '"{key}": "{value}" leads outside the repository ({root}); it is not read',
    zh: '"{key}"：「{value}」指向仓库（{root}）之外，不会读取',
  },
  tooLarge: {
    en: '{path} is too large ({size} KB, the limit is {limit} KB); it is not read',
    zh: '{path} 过大（{size} KB，上限 {limit} KB），不会读取',
  },
  tooDeep: { en: 'nested more than {n} levels deep; the file is not read', zh: '嵌套超过 {n} 层，不读取该文件' },
  onlineWish: {
    en: '"links.online" is a wish of the repository, not a switch: online link checks run only when you turn them on (minutes-lint --online, or the user setting communityMinutes.links.online)',
    zh: '"links.online" 只是仓库的意愿，不是开关：只有你开启时才会联网检查链接（minutes-lint --online，或用户设置 communityMinutes.links.online）',
  },
  apiWish: {
    en: '"links.api": {host} → {url} is not asked until you confirm it (minutes-lint --api {host}={url}, or the user setting communityMinutes.links.api)',
    zh: '"links.api"：{host} → {url} 需经你确认后才会访问（minutes-lint --api {host}={url}，或用户设置 communityMinutes.links.api）',
  },
  templateInvalid: { en: 'template {where}: {problem}; detecting the template instead', zh: '模板 {where}：{problem}；改为自动识别模板' },
  notFound: { en: 'configuration file not found: {path}', zh: '找不到配置文件：{path}' },
  templateFile: { en: 'template file {path}: {why}; detecting the template instead', zh: '模板文件 {path}：{why}；改为自动识别模板' },
  templateMissing: { en: 'not found', zh: '不存在' },
  templateUnknown: { en: 'unknown template "{id}"; detecting the template instead', zh: '未知模板「{id}」；改为自动识别模板' },
} satisfies Record<string, Message>;

export type ConfigMessageId = keyof typeof configMessages;
