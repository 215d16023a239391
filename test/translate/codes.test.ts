import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesOf, splitCodes } from '../../pipeline/translate/codes.ts';
import { unitParts, joinParts } from '../../pipeline/translate/segments.ts';

const join = (text: string, syntax: 'markdown' | 'icu') => splitCodes(text, syntax).map((piece) => piece.text).join('');

describe('codes a translator must keep', () => {
  it('finds Handlebars expressions, blocks, partials and footnote labels in Markdown', () => {
    const text = 'At {{score "1.4"}}[^cpi], {{#if (above "1" "2")}}more{{else}}less{{/if}}.\n{{> csi-intro}}\n[^cpi]: See {{figref "III.1"}}.';
    expect(codesOf(text, 'markdown').map((code) => code.text)).toEqual([
      '{{score "1.4"}}', '[^cpi]', '{{#if (above "1" "2")}}', '{{else}}', '{{/if}}', '{{> csi-intro}}', '[^cpi]', '{{figref "III.1"}}',
    ]);
  });

  it('keeps the frame of an ICU plural as code and its keywords as text', () => {
    const pieces = splitCodes('{count, plural, one {# person} other {# people}} in {place}', 'icu');
    expect(pieces).toEqual([
      { kind: 'code', text: '{count, plural,', role: 'open' },
      { kind: 'text', text: ' one {' },
      { kind: 'code', text: '#', role: 'pound' },
      { kind: 'text', text: ' person} other {' },
      { kind: 'code', text: '#', role: 'pound' },
      { kind: 'text', text: ' people}' },
      { kind: 'code', text: '}', role: 'close' },
      { kind: 'text', text: ' in ' },
      { kind: 'code', text: '{place}', role: 'argument' },
    ]);
  });

  it('treats quoted braces and a # outside a plural as text', () => {
    expect(codesOf("Use '{braces}' and # here, {n, number, ::percent}", 'icu').map((code) => code.text)).toEqual(['{n, number, ::percent}']);
    expect(codesOf('{g, select, male {# he} other {they}}', 'icu').map((code) => code.text)).toEqual(['{g, select,', '}']);
  });

  it('splits any text losslessly, however malformed', () => {
    const alphabet = fc.constantFrom('{', '}', '#', "'", '[^a]', '{{x}}', '{{#if a}}', ',', ' plural', ' select', 'one ', 'a', '\n', '\n\n', 'é');
    const text = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (value) => join(value, 'icu') === value && join(value, 'markdown') === value));
  });
});

describe('segments of a unit', () => {
  it('cuts paragraphs into segments and keeps blank lines and edges as ignorables', () => {
    const source = '# Title\n\nFirst paragraph\ncontinues.\n\n\nSecond.\n';
    const target = '# Заголовок\n\nПервый абзац\nпродолжается.\n\nВторой.';
    const parts = unitParts(source, target);
    expect(parts.map((part) => part.kind)).toEqual(['segment', 'ignorable', 'segment', 'ignorable', 'segment', 'ignorable']);
    expect(joinParts(parts, 'source')).toBe(source);
    expect(joinParts(parts, 'target')).toBe(target);
  });

  it('falls back to one segment when the paragraphs do not pair up', () => {
    const parts = unitParts('One.\n\nTwo.\n', 'Один и два.\n');
    expect(parts.filter((part) => part.kind === 'segment')).toHaveLength(1);
    expect(joinParts(parts, 'target')).toBe('Один и два.\n');
  });

  it('gives every text back exactly', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\t', '\n', '\n\n', 'б', '\r\n'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, fc.option(text, { nil: undefined }), (source, target) => {
      const parts = unitParts(source, target);
      return joinParts(parts, 'source') === source && (target === undefined || joinParts(parts, 'target') === target);
    }));
  });
});
