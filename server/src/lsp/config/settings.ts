import { normalizeLang, type Lang } from '../../core';
import type { ClientSettings } from '../../protocol';

export const SETTINGS_SECTION = 'communityMinutes';

export const defaultSettings: ClientSettings = { language: 'auto', enable: true, run: 'onType', links: { online: false } };

/**
 * Reads settings sent by a client, keeping defaults for anything missing or malformed.
 * Accepts the section itself, `{ communityMinutes: {...} }` and `{ settings: {...} }` shapes,
 * because clients put `initializationOptions` and configuration pushes together differently.
 */
export function readSettings(raw: unknown, base: ClientSettings = defaultSettings): ClientSettings {
  const section = unwrap(raw);
  if (!section) return base;
  const out = { ...base };
  if (section.language === 'auto' || section.language === 'en' || section.language === 'zh') out.language = section.language;
  if (typeof section.enable === 'boolean') out.enable = section.enable;
  if (section.run === 'onType' || section.run === 'onSave') out.run = section.run;
  // VS Code nests dotted settings (`links.online` → `{ links: { online } }`); other clients may not.
  const links = typeof section.links === 'object' && section.links !== null ? (section.links as Record<string, unknown>) : {};
  const online = 'online' in links ? links.online : section['links.online'];
  const api = 'api' in links ? links.api : section['links.api'];
  out.links = { ...out.links };
  if (typeof online === 'boolean') out.links.online = online;
  if (isHostMap(api)) out.links.api = api;
  return out;
}

/** `links.api`: forge host → an http(s) API base URL; anything else is ignored whole. */
function isHostMap(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((url) => typeof url === 'string' && /^https?:\/\/[^/]/i.test(url));
}

function unwrap(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r[SETTINGS_SECTION] === 'object' && r[SETTINGS_SECTION] !== null) return unwrap(r[SETTINGS_SECTION]);
  if (typeof r.settings === 'object' && r.settings !== null) return unwrap(r.settings);
  return r;
}

/** `auto` follows the locale the client reported (`zh-cn` → Chinese). */
export function effectiveLang(settings: ClientSettings, clientLocale: string | undefined): Lang {
  return settings.language === 'auto' ? normalizeLang(clientLocale) : settings.language;
}
