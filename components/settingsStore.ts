// One settings store per extension page, loaded on first use and kept in
// step with the other pages through storage change events.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createSettingsStore, followStoredSettings, type SettingsState } from '../lib/store-settings.ts';

export const settingsStore = createSettingsStore();

let started = false;
export function useSettings<T>(select: (state: SettingsState) => T): T {
  useEffect(() => {
    if (started) return;
    started = true;
    followStoredSettings(settingsStore);
    void settingsStore.getState().load();
  }, []);
  return useStore(settingsStore, select);
}
