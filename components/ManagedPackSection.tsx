// Options: the team pack the organisation pushes by policy, read-only. The
// user sees what it adds and cannot remove it here (their own settings sit on top).
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../lib/ui-labels.ts';
import { loadManagedPack, NO_MANAGED_PACK, type ManagedPack } from '../lib/settings-managed.ts';

function useManagedPack(): ManagedPack {
  const [managed, setManaged] = useState<ManagedPack>(NO_MANAGED_PACK);
  useEffect(() => {
    let live = true;
    const read = () => void loadManagedPack().then((m) => live && setManaged(m));
    const onChanged = (_changes: unknown, area: string) => area === 'managed' && read();
    read();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return managed;
}

export function ManagedPackSection() {
  const { pack, errors } = useManagedPack();
  if (Object.keys(pack).length === 0 && errors.length === 0) return null;
  const phrases = pack.customPhrases ?? [];
  const sites = Object.entries(pack.sites ?? {});
  return (
    <section aria-labelledby="managed-h" data-testid="managed-pack">
      <h2 id="managed-h">From your organisation</h2>
      <p className="muted">Managed by your organisation: these settings come from a policy set by your IT team and cannot be removed here. Your own settings add to them.</p>
      {errors.length > 0 && (
        <div className="notice error" role="alert">
          <p>Your organisation's team pack could not be used, so none of it applies. Tell your IT team:</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {phrases.length > 0 && (
        <table className="phrases">
          <caption className="visually-hidden">Phrases managed by your organisation</caption>
          <thead>
            <tr>
              <th scope="col">Avoid</th>
              <th scope="col">Prefer</th>
              <th scope="col">Note</th>
              <th scope="col">Category</th>
              <th scope="col">Severity</th>
            </tr>
          </thead>
          <tbody>
            {phrases.map((p) => (
              <tr key={p.avoid}>
                <td>{p.avoid}</td>
                <td>{p.prefer ?? ''}</td>
                <td>{p.note ?? ''}</td>
                <td>{p.category ? CATEGORY_LABELS[p.category] : '—'}</td>
                <td>{SEVERITY_LABELS[p.severity ?? 'warning']}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="plain">
        {(pack.disabledCategories ?? []).length > 0 && (
          <li>Checks turned off: {pack.disabledCategories!.map((c) => CATEGORY_LABELS[c]).join(', ')}</li>
        )}
        {(pack.disabledRules ?? []).length > 0 && <li>Rules turned off: {pack.disabledRules!.length}</li>}
        {pack.sensitivity && <li>Default sensitivity: {pack.sensitivity} (until you choose your own)</li>}
        {pack.voice && <li>Default voice of suggested replies: {pack.voice} (until you choose your own)</li>}
        {sites.length > 0 && <li>Sites: {sites.map(([host, on]) => `${host} ${on ? 'on' : 'off'}`).join(', ')}</li>}
      </ul>
    </section>
  );
}
