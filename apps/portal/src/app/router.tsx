import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A very small history router: the portal has a handful of flat pages and must stay light. */
const listeners = new Set<() => void>();

// How many times the page changed client-side (links, navigate, back/forward); 0 on a fresh load.
let navigations = 0;
window.addEventListener('popstate', () => {
  navigations += 1;
});

export function navigationCount(): number {
  return navigations;
}

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/**
 * QR codes open `/?point=…`; links written as `/portal/…` (the server falls back to the portal for any path)
 * still work: the prefix is dropped before anything reads the address.
 */
export function canonicalizeLocation(): void {
  const { pathname, search, hash } = window.location;
  const match = /^\/portal(\/.*)?$/.exec(pathname);
  if (!match) return;
  window.history.replaceState(window.history.state, '', `${match[1] || '/'}${search}${hash}`);
}

/** `/guide/` and `/guide` are the same page. */
export function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/**
 * A page may ask before the citizen leaves it (the receipt, before its secret is saved). The guard returns
 * true to let them go. Only in-app links and `navigate` consult it; the page handles reloads itself.
 */
let leaveGuard: (() => boolean) | null = null;

export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

function mayLeave(): boolean {
  return leaveGuard ? leaveGuard() : true;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  navigations += 1;
  notify();
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => normalizePath(window.location.pathname));
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A real `<a href>` (works without JS, opens in new tabs), navigated client-side on a plain click. */
export function Link({ to, onClick, target, ...rest }: LinkProps) {
  const pathname = usePathname();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (target && target !== '_self') return;
    event.preventDefault();
    const [toPath, toQuery = ''] = to.split('?');
    const same = normalizePath(toPath) === pathname && (toQuery ? `?${toQuery}` : '') === window.location.search;
    if (same || !mayLeave()) return;
    navigate(to);
  };
  const current = normalizePath(to.split('?')[0]) === pathname ? 'page' : undefined;
  return <a href={to} target={target} aria-current={current} onClick={handleClick} {...rest} />;
}
