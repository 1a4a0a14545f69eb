// The reply's politeness on a -1..1 scale, as a gauge with a word beside it.
import { toneLabel } from '../lib/ui-labels.ts';

export function ToneGauge({ politeness }: { politeness: number }) {
  const clamped = Math.max(-1, Math.min(1, politeness));
  const label = toneLabel(clamped);
  return (
    <section className="card" aria-labelledby="tone-h">
      <h2 id="tone-h">Tone of your reply</h2>
      <div className="gauge-row">
        <span className="muted">Harsh</span>
        <meter min={-1} max={1} low={-0.2} high={0.3} optimum={1} value={clamped} aria-label={`Tone: ${label}`} />
        <span className="muted">Warm</span>
      </div>
      <p data-testid="tone">
        Tone: <strong>{label}</strong> <span className="muted">({clamped.toFixed(2)})</span>
      </p>
    </section>
  );
}
