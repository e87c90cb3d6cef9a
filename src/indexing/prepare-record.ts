import { createHash } from 'node:crypto';
import { InputError } from '../errors.ts';
import { recordToDocument } from '../extraction/index.ts';
import { prepareDocument, type PreparedDocument } from '../analysis/fields.ts';

/** One JSON Lines record, ready for the engine, or why it cannot be indexed. */
export type PreparedRecord = { line: number; hash: string; prepared: PreparedDocument } | { line: number; failure: string };

/** Parses, validates, extracts and analyses one line; never throws for bad input. */
export function prepareRecord(text: string, file: string, line: number): PreparedRecord {
  try {
    const document = recordToDocument(JSON.parse(text) as unknown, file, line);
    return { line, hash: createHash('sha256').update(text).digest('base64url').slice(0, 22), prepared: prepareDocument(document) };
  } catch (error) {
    if (error instanceof SyntaxError) return { line, failure: `malformed JSON: ${error.message}` };
    if (error instanceof InputError) return { line, failure: error.message };
    throw error;
  }
}
