import { useSyncExternalStore } from 'react';

/**
 * What a printed QR code presets: `?point=<code>` (an intake point created by an administrator, which the
 * server resolves to a body and a place) or the older `?org=<id>&place=<text>`. Read once on load, kept for
 * the tab's session (sessionStorage), so the report form can preset the receiving body.
 */
export interface Preset {
  org: string | null;
  place: string | null;
  point: string | null;
}

const STORAGE_KEY = 'gt_portal_preset';
const ORG_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PLACE_LENGTH = 60;
const POINT_PATTERN = /^[A-Z0-9]{4,12}$/;

function cleanPlace(raw: string | null): string | null {
  if (raw === null) return null;
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim().slice(0, MAX_PLACE_LENGTH);
  return text || null;
}

function cleanOrg(raw: string | null): string | null {
  const text = raw?.trim() ?? '';
  return ORG_PATTERN.test(text) ? text : null;
}

function cleanPoint(raw: string | null): string | null {
  const text = raw?.trim().toUpperCase() ?? '';
  return POINT_PATTERN.test(text) ? text : null;
}

function isEmpty(preset: Preset): boolean {
  return !preset.org && !preset.place && !preset.point;
}

function load(): Preset | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Preset>;
    const preset = {
      org: cleanOrg(typeof parsed.org === 'string' ? parsed.org : null),
      place: cleanPlace(typeof parsed.place === 'string' ? parsed.place : null),
      point: cleanPoint(typeof parsed.point === 'string' ? parsed.point : null),
    };
    return isEmpty(preset) ? null : preset;
  } catch {
    return null;
  }
}

function save(preset: Preset | null): void {
  try {
    if (preset) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(preset));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage blocked: the preset lives in memory for this page only
  }
}

let current: Preset | null = null;
const listeners = new Set<() => void>();

function set(preset: Preset | null): void {
  current = preset;
  save(preset);
  for (const listener of listeners) listener();
}

/**
 * Call once before rendering: a QR code's parameters replace any earlier preset, then are removed
 * from the address bar (the tab keeps them), so a shared or bookmarked link stays clean.
 */
export function initPreset(): void {
  const params = new URLSearchParams(window.location.search);
  if (params.has('org') || params.has('place') || params.has('point')) {
    const fromUrl = { org: cleanOrg(params.get('org')), place: cleanPlace(params.get('place')), point: cleanPoint(params.get('point')) };
    set(isEmpty(fromUrl) ? null : fromUrl);
    params.delete('org');
    params.delete('place');
    params.delete('point');
    const query = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
  } else {
    current = load();
  }
}

export function clearPreset(): void {
  set(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePreset(): Preset | null {
  return useSyncExternalStore(subscribe, () => current);
}
