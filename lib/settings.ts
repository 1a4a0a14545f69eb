// User and team settings, stored in browser.storage.local under one key and
// honored by the analysis (see analyzers/types.ts AnalyzeOptions).
import type { AnalyzeOptions, Category, CustomPhrase } from '../analyzers/types.ts';

export interface Settings {
  /** Master switch. */
  enabled: boolean;
  /** Per-site switch, keyed by hostname pattern ('mail.google.com', '*.zendesk.com', 'www.upwork.com', …). */
  sites: Record<string, boolean>;
  disabledCategories: Category[];
  disabledRules: string[];
  sensitivity: 'low' | 'normal' | 'high';
  customPhrases: CustomPhrase[];
  /** Voice of suggested rewrites. */
  voice: 'formal' | 'warm';
}

export const SETTINGS_KEY = 'tactful:settings';

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  sites: {},
  disabledCategories: [],
  disabledRules: [],
  sensitivity: 'normal',
  customPhrases: [],
  voice: 'warm',
};

export function toAnalyzeOptions(s: Settings): AnalyzeOptions {
  return {
    disabledCategories: s.disabledCategories,
    disabledRules: s.disabledRules,
    sensitivity: s.sensitivity,
    customPhrases: s.customPhrases,
  };
}
