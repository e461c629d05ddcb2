/** `maintainers` → `maintainer`, `emeritus_approvers` → `emeritus_approver`: roles read as one person's. */
export function roleFromKey(key: string): string {
  const k = key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (/(?:ers|ors|ees|ists|ants|ents|ins|ads|ds|bers)$/.test(k)) return k.slice(0, -1);
  return k;
}
