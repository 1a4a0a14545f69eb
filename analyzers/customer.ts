// PLACEHOLDER (engine-context helper replaces this): reads how upset the customer is.
import type { CustomerReport } from './context.ts';

export function readCustomer(text = ''): CustomerReport {
  return { upset: 0, escalate: false, reasons: [], level: 'none', facts: [], text };
}
