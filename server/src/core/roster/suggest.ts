/**
 * Optimal string alignment distance: Levenshtein plus the swap of two neighbours, so
 * `Wnie93` is one edit from `Wine93` (typing mistakes swap letters more than anything).
 */
export function typoDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** How far a login may be from a roster login to be suggested: short logins tolerate less. */
export function maxTypoDistance(handle: string): number {
  return handle.length <= 3 ? 0 : handle.length <= 5 ? 1 : 2;
}

/** Candidates within typo distance of `handle`, closest first, then the most used. Case is ignored. */
export function closeHandles<T>(handle: string, candidates: readonly T[], loginOf: (c: T) => string, weight: (c: T) => number): T[] {
  const target = handle.toLowerCase();
  const max = maxTypoDistance(handle);
  if (max === 0) return [];
  const close: Array<{ c: T; d: number; w: number }> = [];
  for (const c of candidates) {
    const login = loginOf(c).toLowerCase();
    if (login === target) continue;
    // `stonefly` for `stonefly128`: the digits people add when their login is taken.
    const d = /^\d+$/.test(login.slice(target.length)) && login.startsWith(target) ? 1 : typoDistance(target, login, max);
    if (d <= max) close.push({ c, d, w: weight(c) });
  }
  return close.sort((a, b) => a.d - b.d || b.w - a.w || loginOf(a.c).localeCompare(loginOf(b.c))).map((x) => x.c);
}
