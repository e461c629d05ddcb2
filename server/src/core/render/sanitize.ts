import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * What rendered minutes may contain: GitHub's rules (the sites that publish minutes apply the
 * same), which drop `<script>`, `<style>`, `<iframe>`, every `on…=` handler, `style=`, and any
 * URL whose scheme is not http(s)/mailto (so `javascript:` and `data:` links go). Additions: the
 * `data-line` attribute the renderer puts on blocks for scroll sync, and the plain-text classes.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Dropped with their content: a stylesheet's text must not show up as a paragraph.
  strip: [...(defaultSchema.strip ?? []), 'style', 'title', 'textarea', 'noscript'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine'],
    // Plain-text minutes are rendered as `<div class="plaintext">` of `<p class="line">`.
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'plaintext']],
    p: [['className', 'line']],
  },
};
