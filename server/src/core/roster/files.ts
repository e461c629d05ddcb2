/** Which files hold minutes whose mentions a roster learns from: Markdown and text, not too large to scan. */
export const MINUTES_FILE = /\.(?:md|markdown|txt)$/i;
export const MAX_SCANNED_BYTES = 1024 * 1024;
