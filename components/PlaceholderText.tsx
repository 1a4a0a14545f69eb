// Text with unfilled placeholders ([time], [amount] …) highlighted. Rendered
// as React text nodes only: draft text is never interpreted as HTML.
import { splitPlaceholders } from '../lib/ui-diff.ts';

export function PlaceholderText({ text }: { text: string }) {
  return (
    <>
      {splitPlaceholders(text).map((part, i) =>
        part.placeholder ? (
          <mark key={i} className="placeholder" title="Placeholder: fill this in before sending">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
