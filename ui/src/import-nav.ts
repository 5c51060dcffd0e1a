// Opening Importar vendas ready to go (e.g. after the demo starts: its first integration, the last 30 days).

/** What Importar vendas opens with: one of `integrationIds` (see demo.ts's demoImportTarget), by sale date. */
export interface ImportPreset {
  integrationIds: number[];
  /** `YYYY-MM-DD`. */
  from: string;
  to: string;
}

/** Fired when a preset is left while Importar vendas is already on screen (the hash does not change then). */
export const IMPORT_PRESET_EVENT = 'ponte:import-preset';

let pending: ImportPreset | null = null;

/** Goes to Importar vendas with `preset` applied. */
export function openImport(preset: ImportPreset): void {
  pending = preset;
  if (window.location.hash === '#/import') window.dispatchEvent(new Event(IMPORT_PRESET_EVENT));
  else window.location.hash = '#/import';
}

/** The preset Importar vendas was opened with, once. */
export function takePendingImport(): ImportPreset | null {
  const p = pending;
  pending = null;
  return p;
}
