// How upset the customer is, why, and whether to hand the case over.
import type { CustomerReading } from '../analyzers/types.ts';
import { upsetLabel } from '../lib/ui-labels.ts';

export function CustomerCard({ customer, hasMessage }: { customer: CustomerReading; hasMessage: boolean }) {
  if (!hasMessage) {
    return (
      <section className="card" aria-labelledby="customer-h">
        <h2 id="customer-h">Customer</h2>
        <p className="muted">No customer message found on the page, so the reply is checked on its own.</p>
      </section>
    );
  }
  const percent = Math.round(customer.upset * 100);
  return (
    <section className="card" aria-labelledby="customer-h" data-testid="customer">
      <h2 id="customer-h">Customer</h2>
      <p>
        <strong>{upsetLabel(customer.upset)}</strong> <span className="muted">({percent}% upset)</span>
      </p>
      <meter min={0} max={1} low={0.3} high={0.7} optimum={0} value={customer.upset} aria-label={`Customer upset: ${percent}%`} />
      {customer.reasons.length > 0 && (
        <ul className="reasons">
          {customer.reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      )}
      {customer.escalate && (
        <div className="callout escalate" role="note" data-testid="escalate">
          <strong>Escalate:</strong> hand this over to a manager or colleague instead of arguing. Acknowledge, say who will take
          it and by when.
        </div>
      )}
    </section>
  );
}
