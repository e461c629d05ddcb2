/**
 * `minutes-lint -`: the text comes on standard input, from an editor or a tool that pipes it.
 * Reading stops past the size limit, so an endless stream cannot fill the memory.
 */
export async function readStdin(
  maxBytes: number,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<{ bytes: Buffer } | { error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) return { error: `standard input is too large to check (more than ${maxBytes / 1048576} MB)` };
    chunks.push(buffer);
  }
  return { bytes: Buffer.concat(chunks) };
}
