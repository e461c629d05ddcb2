/**
 * What the core may ask of its host. Rules never touch the file system or the network;
 * the language server, the CLI and the tests each supply these.
 */
export interface Services {
  /** Does a file exist (path resolved by the host against the document)? Case-sensitive. */
  fileExists?(path: string): boolean;
}

export const noServices: Services = {};
