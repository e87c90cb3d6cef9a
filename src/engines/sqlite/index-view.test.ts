import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyDocument as document, writerAndReader, type WriterAndReader } from '../../../tests/lib/index-files.ts';
import type { IndexFile } from './index-file.ts';
import { Field } from './index-terms.ts';
import { IndexView } from './index-view.ts';

describe('IndexView', () => {
  let files: WriterAndReader;
  let writer: IndexFile;
  let reader: IndexFile;

  beforeEach(() => {
    files = writerAndReader([document('a', 'Hoà bình.', 2017), document('b', 'Hoà giải.', 2018)]);
    ({ writer, reader } = files);
  });
  afterEach(() => files.close());

  const years = (view: IndexView) => view.facets.filterAndCount(view.facets.rowids(), {}).facets.year;
  const rowids = (view: IndexView, word: string) => [...view.postings.get(Field.words, word)];

  it('sees one data version: a commit after it is seen by the next view only', () => {
    const first = new IndexView(reader, reader.dataVersion());
    expect(rowids(first, 'hoa')).toEqual([1, 2]);
    writer.upsert([document('c', 'Hoà hợp.', 2019)]);
    writer.delete(['a']);
    writer.commit();
    expect(rowids(first, 'hoa'), 'what a view read stays as it read it').toEqual([1, 2]);
    const next = first.next(reader.dataVersion());
    expect(next.dataVersion).not.toBe(first.dataVersion);
    expect(rowids(next, 'hoa'), 'a deleted, c added').toEqual([2, 3]);
  });

  it('hands its facet entries on, so that the next views add new rows and drop deleted ones', () => {
    const first = new IndexView(reader, reader.dataVersion());
    expect(years(first)).toEqual({ 2017: 1, 2018: 1 });
    writer.upsert([document('c', 'Hoà hợp.', 2019)]);
    writer.commit();
    // A view whose facets nobody read hands on what it was handed.
    const second = first.next(reader.dataVersion());
    writer.delete(['a']);
    writer.upsert([document('b', 'Hoà giải lại.', 2020)]);
    writer.commit();
    const third = second.next(reader.dataVersion());
    expect(years(third)).toEqual({ 2019: 1, 2020: 1 });
  });

  it('keeps answers only for the words they were given with', () => {
    const view = new IndexView(reader, reader.dataVersion());
    const answers = view.answers(0);
    expect(view.answers(0)).toBe(answers);
    expect(view.answers(1)).not.toBe(answers);
  });
});
