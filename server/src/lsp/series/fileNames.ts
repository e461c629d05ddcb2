/**
 * `minutes/proposeFileName` and `minutes/checkFileName`: the "New Minutes" dialog's file name
 * from a built-in template's `filename` data. Answered here because its pattern is read by the
 * core's pattern engine (RE2), which the client does not carry.
 */
import { RequestType, type Connection } from 'vscode-languageserver';
import { builtinTemplate, fileNameProblem, parseDate, proposeFileName } from '../../core';
import {
  CHECK_FILE_NAME_METHOD,
  PROPOSE_FILE_NAME_METHOD,
  type CheckFileNameParams,
  type CheckFileNameResult,
  type ProposedFileName,
  type ProposeFileNameParams,
} from '../../protocol';

export const proposeFileNameRequest = new RequestType<ProposeFileNameParams, ProposedFileName | null, void>(PROPOSE_FILE_NAME_METHOD);
export const checkFileNameRequest = new RequestType<CheckFileNameParams, CheckFileNameResult, void>(CHECK_FILE_NAME_METHOD);

export function registerFileNames(connection: Connection): void {
  connection.onRequest(proposeFileNameRequest, ({ template, date }) => {
    const spec = builtinTemplate(template);
    const meetingDate = typeof date === 'string' ? parseDate(date) : undefined;
    return spec && meetingDate ? proposeFileName(spec, meetingDate) : null;
  });
  connection.onRequest(checkFileNameRequest, ({ template, name }) => {
    const spec = builtinTemplate(template);
    const problem = typeof name === 'string' ? fileNameProblem(name, spec ?? {}) : 'invalid';
    return problem ? { problem } : {};
  });
}
