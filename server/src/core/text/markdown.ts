/** Text shown inside Markdown (hovers, tooltips) as written: its special characters escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
