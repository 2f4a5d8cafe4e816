import { readFlagFile, UsageError } from './io';

const CR = 0x0d;
const LF = 0x0a;

/**
 * The body `-d`/`--data` gives, read as curl reads it: `@file` is the file's content and `@-` is stdin, with carriage
 * returns and newlines stripped (curl's `--data`); anything else is the text itself. `--data-file` keeps exact bytes.
 */
export function dataFlagBody(data: string): Buffer {
  if (!data.startsWith('@')) return Buffer.from(data, 'utf8');
  const path = data.slice(1);
  if (path === '')
    throw new UsageError('--data: "@" names no file (use @file, @- for stdin, or --data-file F)');
  return withoutLineBreaks(readFlagFile(path, '--data'));
}

const withoutLineBreaks = (bytes: Buffer) => Buffer.from(bytes.filter((b) => b !== CR && b !== LF));
