// Settings: sites, categories and single rules, sensitivity, voice, the
// team's own phrases, and import/export of all of it as a team pack.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category, type Severity } from '../analyzers/types.ts';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../lib/ui-labels.ts';
import { ruleCatalog, ruleMatches, rulesByCategory } from '../lib/ui-rules.ts';
import { isSiteHost } from '../lib/site-host.ts';
import { KNOWN_SITES, isManifestHost, originsFor, siteEnabled } from '../lib/ui-sites.ts';
import { applyTeamPack, describePackChanges, exportTeamPack, parseTeamPack, teamPackFileName, validatePhrase, type PackMode, type PackSettings } from '../lib/ui-teampack.ts';
import type { Settings } from '../lib/settings.ts';
import { settingsStore, useSettings } from './settingsStore.ts';
import { permissionOrigins, sitesNeedingPermission, withoutSites } from '../lib/pack-site-permissions.ts';
import { ManagedPackSection } from './ManagedPackSection.tsx';

// The engine may publish its rule list; without it the page offers categories only.
const compiledRules = Object.values(import.meta.glob('../rules/compiled.json', { eager: true }))[0];
const RULES = ruleCatalog(compiledRules);

function SitesSection() {
  const sites = useSettings((s) => s.settings.sites);
  const [newHost, setNewHost] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hosts = [...new Set<string>([...KNOWN_SITES, ...Object.keys(sites)])];
  const toggle = async (host: string, on: boolean) => {
    setError(null);
    if (on && !isManifestHost(host)) {
      const granted = await browser.permissions.request({ origins: originsFor(host) }).catch(() => false);
      if (!granted) return setError(`Permission for ${host} was not granted, so it stays off.`);
    }
    await settingsStore.getState().setSite(host, on);
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const host = newHost.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    if (!isSiteHost(host)) return setError(`"${newHost}" is not a site address like support.example.com or *.example.com.`);
    setNewHost('');
    await toggle(host, true);
  };
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">Sites</h2>
      <p className="muted">Gmail and Zendesk are on from the start. Other sites ask for your permission when you turn them on.</p>
      <ul className="plain">
        {hosts.map((host) => {
          const on = siteEnabled(sites, host);
          return (
            <li key={host}>
              <label>
                <input type="checkbox" role="switch" checked={on} onChange={(e) => void toggle(host, e.target.checked)} /> {host}{' '}
                <span className="muted">({on ? 'on' : 'off'})</span>
              </label>
            </li>
          );
        })}
      </ul>
      <form onSubmit={add} className="inline">
        <label htmlFor="new-site">Add a site</label>
        <input id="new-site" value={newHost} onChange={(e) => setNewHost(e.target.value)} placeholder="support.example.com" />
        <button type="submit">Add and turn on</button>
      </form>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function CategoriesSection() {
  const { disabledCategories, disabledRules } = useSettings((s) => s.settings);
  const [query, setQuery] = useState('');
  const grouped = useMemo(() => rulesByCategory(RULES.filter((r) => ruleMatches(r, query))), [query]);
  const store = settingsStore.getState();
  const known = new Set(RULES.map((r) => r.id));
  // Rules turned off from the card that the list does not show (team phrases, the tone model).
  const offElsewhere = disabledRules.filter((id) => !known.has(id));
  return (
    <section aria-labelledby="cats-h">
      <h2 id="cats-h">What to check</h2>
      {RULES.length === 0 && <p className="muted">Switch whole categories on or off.</p>}
      {RULES.length > 0 && (
        <p>
          <label>
            Find a rule{' '}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. calm down, policy, refund" />
          </label>
        </p>
      )}
      {offElsewhere.length > 0 && (
        <div className="card" data-testid="rules-off-elsewhere">
          <p>Turned off from a card:</p>
          <ul className="plain">
            {offElsewhere.map((id) => (
              <li key={id}>
                {id.startsWith('model/') ? `Tone model: ${CATEGORY_LABELS[id.slice(6) as Category] ?? id.slice(6)}` : id}{' '}
                <button type="button" onClick={() => void store.toggleRule(id, true)}>
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="plain">
        {CATEGORIES.map((category) => {
          const on = !disabledCategories.includes(category);
          const rules = grouped.get(category) ?? [];
          if (query.trim() && rules.length === 0) return null;
          return (
            <li key={category} data-category={category}>
              <label>
                <input type="checkbox" checked={on} onChange={(e) => void store.toggleCategory(category, e.target.checked)} />{' '}
                {CATEGORY_LABELS[category]}
              </label>
              {rules.length > 0 && (
                <details open={query.trim() !== ''}>
                  <summary>
                    {rules.length} {rules.length === 1 ? 'rule' : 'rules'}
                  </summary>
                  <ul className="plain nested rules">
                    {rules.map((rule) => (
                      <li key={rule.id} data-rule-id={rule.id}>
                        <label>
                          <input
                            type="checkbox"
                            disabled={!on}
                            checked={on && !disabledRules.includes(rule.id)}
                            onChange={(e) => void store.toggleRule(rule.id, e.target.checked)}
                          />{' '}
                          <strong>{rule.title}</strong>
                        </label>
                        {rule.description && <p className="rule-description">{rule.description}</p>}
                        {(rule.flagExample || rule.passExample) && (
                          <p className="rule-examples muted">
                            {rule.flagExample && (
                              <>
                                Flags: <q>{rule.flagExample}</q>
                              </>
                            )}
                            {rule.flagExample && rule.passExample && ' · '}
                            {rule.passExample && (
                              <>
                                Fine: <q>{rule.passExample}</q>
                              </>
                            )}
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function StyleSection() {
  const { sensitivity, voice } = useSettings((s) => s.settings);
  const store = settingsStore.getState();
  return (
    <section aria-labelledby="style-h">
      <h2 id="style-h">Sensitivity and voice</h2>
      <fieldset>
        <legend>Sensitivity</legend>
        {(
          [
            ['low', 'Low: only what is clearly wrong'],
            ['normal', 'Normal'],
            ['high', 'High: also borderline wording'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="radio">
            <input type="radio" name="sensitivity" value={value} checked={sensitivity === value} onChange={() => void store.setSensitivity(value)} />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Voice of suggested replies</legend>
        {(
          [
            ['warm', 'Warm'],
            ['formal', 'Formal'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="radio">
            <input type="radio" name="voice" value={value} checked={voice === value} onChange={() => void store.setVoice(value)} /> {label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function PhrasesSection() {
  const phrases = useSettings((s) => s.settings.customPhrases);
  const [form, setForm] = useState({ avoid: '', prefer: '', note: '', category: '', severity: 'warning' });
  const [error, setError] = useState<string | null>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const result = validatePhrase({
      avoid: form.avoid,
      prefer: form.prefer,
      note: form.note,
      category: form.category || undefined,
      severity: form.severity,
    });
    if (typeof result === 'string') return setError(`Not added: ${result}`);
    setError(null);
    await settingsStore.getState().addPhrase(result);
    setForm({ ...form, avoid: '', prefer: '', note: '' });
  };
  return (
    <section aria-labelledby="phrases-h">
      <h2 id="phrases-h">Your team's phrases</h2>
      {phrases.length === 0 ? (
        <p className="muted">No team phrases yet.</p>
      ) : (
        <table className="phrases">
          <thead>
            <tr>
              <th scope="col">Avoid</th>
              <th scope="col">Prefer</th>
              <th scope="col">Note</th>
              <th scope="col">Category</th>
              <th scope="col">Severity</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {phrases.map((p, i) => (
              <tr key={`${p.avoid}-${i}`}>
                <td>{p.avoid}</td>
                <td>{p.prefer ?? ''}</td>
                <td>{p.note ?? ''}</td>
                <td>{p.category ? CATEGORY_LABELS[p.category] : '—'}</td>
                <td>{SEVERITY_LABELS[p.severity ?? 'warning']}</td>
                <td>
                  <button type="button" onClick={() => void settingsStore.getState().removePhrase(i)} aria-label={`Remove phrase ${p.avoid}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} className="phrase-form">
        <label>
          Avoid <input required value={form.avoid} onChange={(e) => setForm({ ...form, avoid: e.target.value })} />
        </label>
        <label>
          Prefer <input value={form.prefer} onChange={(e) => setForm({ ...form, prefer: e.target.value })} />
        </label>
        <label>
          Note <input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
        </label>
        <label>
          Category{' '}
          <select value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            <option value="">(none)</option>
            {CATEGORIES.filter((c) => !c.startsWith('missing_')).map((c: Category) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity{' '}
          <select value={form.severity} onChange={(e) => setForm({ ...form, severity: e.target.value })}>
            {(['info', 'warning', 'error'] as Severity[]).map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add phrase</button>
      </form>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

type PackStep =
  | { kind: 'idle' }
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'preview'; name: string; pack: PackSettings; mode: PackMode }
  | { kind: 'imported'; previous: Settings; changes: number; refusedSites: string[] }
  | { kind: 'undone' };

/** Import: the file is checked, its changes previewed (merge or replace), applied on request, and can be undone. */
function TeamPackSection() {
  const fileInput = useRef<HTMLInputElement>(null);
  const current = useSettings((s) => s.settings);
  const [step, setStep] = useState<PackStep>({ kind: 'idle' });
  const exportPack = () => {
    const pack = exportTeamPack(settingsStore.getState().settings);
    const url = URL.createObjectURL(new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = teamPackFileName();
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    const result = parseTeamPack(await file.text());
    setStep(result.ok ? { kind: 'preview', name: file.name, pack: result.settings, mode: 'merge' } : { kind: 'invalid', errors: result.errors });
    if (fileInput.current) fileInput.current.value = '';
  };
  const importNow = async (given: PackSettings, mode: PackMode) => {
    // Asked first, inside the Import click: the browser shows its prompt only from a user gesture.
    const hosts = sitesNeedingPermission(given);
    const granted = hosts.length === 0 || (await browser.permissions.request({ origins: permissionOrigins(hosts) }).catch(() => false));
    const refusedSites = granted ? [] : hosts;
    const pack = withoutSites(given, refusedSites);
    const previous = structuredClone(settingsStore.getState().settings);
    const changes = describePackChanges(previous, pack, mode).length;
    // What the pack holds counts as the user's choice (stored), even where it equals what was shown.
    await settingsStore.getState().update((s) => applyTeamPack(s, pack, mode), Object.keys(pack) as (keyof Settings)[]);
    setStep({ kind: 'imported', previous, changes, refusedSites });
  };
  const undo = async (previous: Settings) => {
    await settingsStore.getState().update((s) => ({ ...previous, enabled: s.enabled }));
    setStep({ kind: 'undone' });
  };
  const changes = step.kind === 'preview' ? describePackChanges(current, step.pack, step.mode) : [];
  return (
    <section aria-labelledby="pack-h">
      <h2 id="pack-h">Team pack</h2>
      <p className="muted">Share sites, checks, sensitivity, voice and phrases with your team as one JSON file. A pack may hold only phrases.</p>
      <div className="actions">
        <button type="button" onClick={exportPack}>
          Export team pack
        </button>
        <label className="file">
          Import team pack <input ref={fileInput} type="file" accept="application/json,.json" onChange={(e) => void chooseFile(e.target.files?.[0])} />
        </label>
      </div>
      {step.kind === 'preview' && (
        <div className="card" role="region" aria-labelledby="pack-preview-h" data-testid="pack-preview">
          <h3 id="pack-preview-h">Before importing {step.name}</h3>
          <fieldset>
            <legend>How to import</legend>
            {(
              [
                ['merge', 'Merge: add its phrases and switches to yours'],
                ['replace', 'Replace: use the pack’s settings instead of yours'],
              ] as const
            ).map(([mode, label]) => (
              <label key={mode} className="radio">
                <input type="radio" name="pack-mode" value={mode} checked={step.mode === mode} onChange={() => setStep({ ...step, mode })} /> {label}
              </label>
            ))}
          </fieldset>
          {changes.length === 0 ? (
            <p data-testid="pack-changes">Nothing would change: you already have these settings.</p>
          ) : (
            <ul data-testid="pack-changes">
              {changes.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={changes.length === 0} onClick={() => void importNow(step.pack, step.mode)}>
              Import
            </button>
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {step.kind === 'imported' && (
        <p className="notice ok" role="status" data-testid="import-result">
          Team pack imported ({step.changes} {step.changes === 1 ? 'change' : 'changes'}).{' '}
          <button type="button" onClick={() => void undo(step.previous)}>
            Undo import
          </button>
        </p>
      )}
      {step.kind === 'imported' && step.refusedSites.length > 0 && (
        <p className="notice error" role="alert" data-testid="refused-sites">
          Imported without {step.refusedSites.join(', ')}: the browser's permission for {step.refusedSites.length === 1 ? 'that site' : 'those sites'} was not
          granted, so {step.refusedSites.length === 1 ? 'it stays' : 'they stay'} off. Turn {step.refusedSites.length === 1 ? 'it' : 'them'} on under Sites to be asked again.
        </p>
      )}
      {step.kind === 'undone' && (
        <p className="notice ok" role="status" data-testid="import-result">
          Import undone: your settings are as they were.
        </p>
      )}
      {step.kind === 'invalid' && (
        <div className="notice error" role="alert" data-testid="import-result">
          <p>The file was not imported; your settings are unchanged.</p>
          <ul>
            {step.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function OptionsApp() {
  const enabled = useSettings((s) => s.settings.enabled);
  const loaded = useSettings((s) => s.loaded);
  if (!loaded) return <main className="options">Loading settings…</main>;
  return (
    <main className="options">
      <h1>Tactful settings</h1>
      <label className="master">
        <input type="checkbox" role="switch" checked={enabled} onChange={(e) => void settingsStore.getState().update((s) => ({ ...s, enabled: e.target.checked }))} />{' '}
        Check my replies (Tactful on)
      </label>
      <SitesSection />
      <CategoriesSection />
      <StyleSection />
      <ManagedPackSection />
      <PhrasesSection />
      <TeamPackSection />
    </main>
  );
}
