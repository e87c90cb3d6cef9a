import { createHash } from 'node:crypto';

export type LabelPart = 'tuning' | 'held-out';

/** An article is held out when the first byte of the SHA-256 of its id is divisible by 3 (a third). */
export function labelPart(id: string): LabelPart {
  return createHash('sha256').update(id).digest()[0]! % 3 === 0 ? 'held-out' : 'tuning';
}
