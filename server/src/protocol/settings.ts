/** Settings under `communityMinutes` (VS Code settings, or `initializationOptions`). */
export interface ClientSettings {
  /** `auto` follows the editor's display language. */
  language: 'auto' | 'en' | 'zh';
  enable: boolean;
  /** `onType` lints while typing (debounced); `onSave` only on open and save. */
  run: 'onType' | 'onSave';
  /**
   * User-level settings only (the VS Code client reads their global value): the network is the
   * user's decision, and a workspace's settings are repository content. `online`:
   * `communityMinutes.links.online`; `api`: `communityMinutes.links.api`, forge host → API base
   * URL confirmed for look-ups (a `.minutesrc.json`'s `links.api` is only a wish).
   */
  links: { online: boolean; api?: Record<string, string> };
}
