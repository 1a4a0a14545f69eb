import { describe, expect, it } from 'vitest';
import { useDom } from './content-dom.ts';
import { domPosition, extractText, relocate } from '../../lib/content/text-map.ts';
import { gmail } from '../../lib/sites/gmail.ts';

describe('extractText (editor text ↔ DOM offsets)', () => {
  it('turns Gmail blocks and <br> into lines and leaves signature and quoted history out entirely', () => {
    const doc = useDom(
      '<div id="e"><div>Hi Sam,</div><div><br></div><div>Calm down, it is <b>only</b> a delay.<br>Thanks</div>' +
        '<div class="gmail_signature_prefix">-- </div><div class="gmail_signature">Ana<br>As I already explained</div>' +
        '<div class="gmail_quote">On Mon Sam wrote:<blockquote>You calm down</blockquote></div></div>',
    );
    const map = extractText(doc.getElementById('e') as HTMLElement, gmail.excludeSelector);
    expect(map.text).toBe('Hi Sam,\n\nCalm down, it is only a delay.\nThanks');
  });

  it('maps every offset of the text back to the DOM character it came from', () => {
    const doc = useDom('<div id="e"><p>First <i>line</i> here</p><p>Second</p></div>');
    const map = extractText(doc.getElementById('e') as HTMLElement);
    expect(map.text).toBe('First line here\nSecond');
    for (let i = 0; i < map.text.length; i++) {
      if (map.text[i] === '\n') continue;
      const pos = domPosition(map, i, true)!;
      expect(pos.node.nodeValue![pos.offset]).toBe(map.text[i]);
    }
  });

  it('reads an empty paragraph as an empty line, also the last one (as the editor model does)', () => {
    const doc = useDom('<div id="a"><p>A</p><p><br></p></div><div id="b"><p>A</p><p><br></p><p>B</p></div><div id="c"><p><br></p></div>');
    const text = (id: string) => extractText(doc.getElementById(id) as HTMLElement).text;
    expect(text('a')).toBe('A\n');
    expect(text('b')).toBe('A\n\nB');
    expect(text('c')).toBe('');
  });

  it('keeps a textarea value as is', () => {
    const doc = useDom('<textarea id="t"></textarea>');
    const ta = doc.getElementById('t') as HTMLTextAreaElement;
    ta.value = 'a\nb';
    expect(extractText(ta).text).toBe('a\nb');
  });
});

describe('relocate (underlines follow typing before the next analysis)', () => {
  it('finds the phrase after text was inserted before it, and gives up when the phrase itself changed', () => {
    expect(relocate('Hello. Calm down now', 0, 9, 'Calm down')).toEqual({ start: 7, end: 16 });
    expect(relocate('Calm down now', 0, 9, 'Calm down')).toEqual({ start: 0, end: 9 });
    expect(relocate('Calm dawn now', 0, 9, 'Calm down')).toBeUndefined();
  });

  it('picks the nearest occurrence when the phrase repeats', () => {
    const text = 'Calm down. x x x x x x x x x x Calm down.';
    expect(relocate(text, 33, 42, 'Calm down')).toEqual({ start: 31, end: 40 });
  });
});
