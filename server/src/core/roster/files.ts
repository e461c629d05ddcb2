/** Which files hold minutes whose mentions a roster learns from: Markdown and text, not too large to scan. */
export const MINUTES_FILE = /\.(?:md|markdown|txt)$/i;
export const MAX_SCANNED_BYTES = 1024 * 1024;
/** Real rosters are a few KB (openEuler's largest sig-info.yaml: 20 KB). */
export const MAX_ROSTER_BYTES = 1024 * 1024;
