import { useSyncExternalStore } from 'react';
import type { Receipt } from '@guantong/contracts';

/**
 * The receipt of the report just sent. Memory only (never storage): it survives moving around the portal and the
 * back button, so the secret can still be saved, but not a reload, and it is gone once the citizen says it is saved.
 */
export interface PendingReceipt {
  receipt: Receipt;
  anonymous: boolean;
  saved: boolean;
}

let current: PendingReceipt | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function setPendingReceipt(next: PendingReceipt | null): void {
  current = next;
  emit();
}

export function markReceiptSaved(saved: boolean): void {
  if (!current) return;
  current = { ...current, saved };
  emit();
}

export function usePendingReceipt(): PendingReceipt | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
