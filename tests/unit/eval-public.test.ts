import { describe, expect, it } from 'vitest';
import { auc, csvRecords, parseCsv, precisionRecall } from '../../scripts/eval-public.ts';

describe('eval-public helpers', () => {
  it('parses RFC 4180 quoting: commas, doubled quotes, newlines and CRLF', () => {
    const rows = parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\n2,"line\nbreak",\n');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line\nbreak', ''],
    ]);
    expect(csvRecords('h1,h2\nv1,v2')).toEqual([{ h1: 'v1', h2: 'v2' }]);
  });

  it('computes AUC with ties counting half', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5);
  });

  it('computes precision and recall', () => {
    expect(precisionRecall([true, true, false, false], [true, false, true, false])).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
