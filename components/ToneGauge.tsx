// How the reply sounds: a sentence in words ("Firm, a little defensive; no
// apology yet") beside a meter of the same reading, which weighs what was
// flagged as well as the word-level politeness score.
import type { Finding } from '../analyzers/types.ts';
import { summarizeTone } from '../lib/ui-tone-summary.ts';

export function ToneGauge({ findings, politeness }: { findings: Omit<Finding, 'suggestions'>[]; politeness: number }) {
  const tone = summarizeTone(findings, politeness);
  return (
    <section className="card tone" aria-labelledby="tone-h">
      <h2 id="tone-h">How it sounds</h2>
      <p data-testid="tone" data-word={tone.word} className="tone-summary">
        <strong>{tone.text}</strong>
      </p>
      <div className="gauge-row">
        <span className="muted">Harsh</span>
        <meter min={-1} max={1} low={-0.2} high={0.3} optimum={1} value={tone.reading} aria-label={`Tone: ${tone.text}`} />
        <span className="muted">Warm</span>
      </div>
    </section>
  );
}
