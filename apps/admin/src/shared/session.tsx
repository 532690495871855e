import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentSession, Locale, Membership, Permission, Role } from '@guantong/contracts';
import { ApiRequestError, callApi, isSessionEnded, setCsrfToken } from './api-client.ts';
import { useI18n, writeLocaleCookie } from './i18n.tsx';

export const sessionQueryKey = ['session'] as const;

/** The signed-in session, or null when signed out (401 is an answer here, not an error). */
async function fetchSession(): Promise<CurrentSession | null> {
  try {
    return await callApi('currentSession');
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

// A language picked on the login page wins over the one stored with the account, once the person signs in.
let loginPageLocale: Locale | null = null;
export function rememberLoginPageLocale(locale: Locale): void {
  loginPageLocale = locale;
}

interface SessionContextValue {
  session: CurrentSession | null;
  /** True until the first answer of GET /api/auth/session. */
  loading: boolean;
  /** Failure other than "signed out" (network, server error). */
  error: Error | null;
  retry: () => void;
  activeMembership: Membership | null;
  can: (permission: Permission) => boolean;
  hasRole: (role: Role) => boolean;
  /** Stores a session answered by login, TOTP verification, switch or preferences. */
  acceptSession: (session: CurrentSession) => Promise<void>;
  switchMembership: (membershipId: string) => Promise<CurrentSession>;
  changeLocale: (locale: Locale) => Promise<void>;
  logout: () => Promise<void>;
  /** Forgets the session locally (after a 401). */
  clear: () => void;
  /** The person signed out themselves (no "come back here" after the next sign-in). */
  signedOutByUser: boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { locale, setLocale } = useI18n();
  const query = useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: 1 });
  const session = query.data ?? null;
  const [signedOutByUser, setSignedOutByUser] = useState(false);

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session?.csrfToken]);

  // The account's language decides the UI once signed in.
  const accountLocale = session?.user.locale;
  useEffect(() => {
    if (accountLocale) setLocale(accountLocale);
  }, [accountLocale, setLocale]);

  const acceptSession = useCallback(
    async (next: CurrentSession) => {
      setCsrfToken(next.csrfToken);
      let stored = next;
      if (loginPageLocale && loginPageLocale !== next.user.locale) {
        stored = await callApi('updatePreferences', { body: { locale: loginPageLocale } }).catch(() => next);
      }
      loginPageLocale = null;
      setSignedOutByUser(false);
      queryClient.setQueryData(sessionQueryKey, stored);
    },
    [queryClient],
  );

  const switchMembership = useCallback(
    async (membershipId: string) => {
      const next = await callApi('switchMembership', { body: { membershipId } });
      setCsrfToken(next.csrfToken);
      // Everything seen so far belonged to the other body: store the new session, then drop all other data
      // (so nothing of the old body shows meanwhile) and refetch what the open page uses.
      queryClient.setQueryData(sessionQueryKey, next);
      await queryClient.resetQueries({ predicate: (cached) => cached.queryKey[0] !== sessionQueryKey[0] });
      return next;
    },
    [queryClient],
  );

  const changeLocale = useCallback(
    async (next: Locale) => {
      const previous = locale;
      setLocale(next);
      if (!session) {
        writeLocaleCookie(next);
        rememberLoginPageLocale(next);
        return;
      }
      try {
        const updated = await callApi('updatePreferences', { body: { locale: next } });
        queryClient.setQueryData(sessionQueryKey, updated);
        // Server texts (errors, labels built on the server) follow the new language.
        await queryClient.invalidateQueries({ predicate: (cached) => cached.queryKey[0] !== sessionQueryKey[0] });
      } catch (error) {
        setLocale(previous);
        throw error;
      }
    },
    [locale, queryClient, session, setLocale],
  );

  const clear = useCallback(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (cached) => cached.queryKey[0] !== sessionQueryKey[0] });
    queryClient.setQueryData(sessionQueryKey, null);
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await callApi('logout');
    } catch (error) {
      // Already signed out on the server: nothing more to do.
      if (!isSessionEnded(error)) throw error;
    }
    setSignedOutByUser(true);
    clear();
  }, [clear]);

  const value = useMemo<SessionContextValue>(() => {
    const activeMembership = session?.memberships.find((membership) => membership.id === session.activeMembershipId) ?? null;
    return {
      session,
      loading: query.isPending,
      error: query.error,
      retry: () => void query.refetch(),
      activeMembership,
      can: (permission) => Boolean(session?.permissions.includes(permission)),
      hasRole: (role) => Boolean(activeMembership?.roles.includes(role)),
      acceptSession,
      switchMembership,
      changeLocale,
      logout,
      clear,
      signedOutByUser,
    };
  }, [session, query.isPending, query.error, query.refetch, acceptSession, switchMembership, changeLocale, logout, clear, signedOutByUser]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session of a page behind the sign-in guard. */
export function useSignedInSession(): CurrentSession {
  const { session } = useSession();
  if (!session) throw new Error('useSignedInSession on a signed-out page');
  return session;
}
