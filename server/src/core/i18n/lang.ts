export type Lang = 'en' | 'zh';

/** A message in both languages; `{name}` placeholders are filled from the data object. */
export interface Message {
  en: string;
  zh: string;
}

export function normalizeLang(locale: string | undefined): Lang {
  return locale && /^zh\b/i.test(locale) ? 'zh' : 'en';
}

export function format(message: Message, lang: Lang, data: Record<string, string | number> = {}): string {
  const template = message[lang] || message.en;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** A template's text: one string for every language, or English with an optional Chinese. */
export function localized(text: string | { en: string; zh?: string }, lang: Lang): string {
  return typeof text === 'string' ? text : (lang === 'zh' && text.zh) || text.en;
}
