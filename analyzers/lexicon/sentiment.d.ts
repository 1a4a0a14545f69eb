// Types for the `sentiment` package (AFINN-165 scorer), which ships none.
declare module 'sentiment' {
  interface SentimentResult {
    score: number;
    comparative: number;
    calculation: Record<string, number>[];
    tokens: string[];
    words: string[];
    positive: string[];
    negative: string[];
  }
  class Sentiment {
    constructor(options?: object);
    analyze(phrase: string, options?: { language?: string; extras?: Record<string, number> }): SentimentResult;
  }
  export default Sentiment;
}
