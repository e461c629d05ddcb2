import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/**
 * The reader and writer for `--stdio` and `--node-ipc` (the transports the VS Code client and
 * most editors use), made here so that the server sees their errors; undefined for the others
 * (`--socket`, `--pipe`), which vscode-languageserver sets up itself.
 */
export function messageTransport(argv: readonly string[]): { reader: MessageReader; writer: MessageWriter } | undefined {
  if (argv.includes('--stdio')) return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout) };
  if (argv.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process) };
  return undefined;
}
