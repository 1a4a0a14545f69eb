// What every analyzer gets to see besides the draft itself.
import type { AnalyzeOptions, Channel, CustomerReading } from './types.ts';

export type UpsetLevel = 'none' | 'mild' | 'upset' | 'furious';

/** The customer's message, read once per analysis (see customer.ts). */
export interface CustomerReport extends CustomerReading {
  level: UpsetLevel;
  /** Facts the customer raised (order ids, amounts, dates, products) for mirroring in rewrites. */
  facts: string[];
  /** A short noun phrase for what went wrong ("the late delivery"), if one can be read. */
  problem?: string;
  /** The raw text (empty when unknown). */
  text: string;
}

export interface AnalysisContext {
  channel: Channel;
  customer: CustomerReport;
  options: AnalyzeOptions;
}
