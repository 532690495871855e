import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PublicPetitionView } from '@guantong/contracts';
import { ApiError } from '../../shared/api-client.ts';
import { errorMessage } from '../../shared/error-message.ts';
import { Alert, Spinner, ErrorSummary, TextField, type FieldProblem } from '../../shared/form.tsx';
import { fill } from '../../shared/format.ts';
import { useT, type Translate } from '../../shared/i18n.tsx';
import { trackPetition, type TrackBody } from '../../shared/intake-api.ts';
import { BackHome, PageTitle, usePageTitle } from '../../shared/page.tsx';
import { TrackView } from './track-view.tsx';

const CODE = /^[A-Z0-9-]{6,20}$/;

function validate(code: string, secret: string, t: Translate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const cleanCode = code.trim().toUpperCase();
  if (!cleanCode) problems.push({ path: 'receiptCode', message: fill(t('v.required'), { label: t('receipt.code') }) });
  else if (!CODE.test(cleanCode)) problems.push({ path: 'receiptCode', message: t('v.receiptCode') });
  const cleanSecret = secret.trim();
  if (!cleanSecret) problems.push({ path: 'secret', message: fill(t('v.required'), { label: t('receipt.secret') }) });
  else if (cleanSecret.length < 6 || cleanSecret.length > 40) problems.push({ path: 'secret', message: t('v.secret') });
  return problems;
}

/** A code handed over in the address (`/track?code=…`, from the receipt); never a secret. */
function codeFromAddress(): string {
  const code = new URLSearchParams(window.location.search).get('code') ?? '';
  return CODE.test(code.trim().toUpperCase()) ? code.trim().toUpperCase() : '';
}

/**
 * Follow a report with its receipt code and secret. The secret lives only in this component's state:
 * not in the address, not in storage, gone when the page is left.
 */
export function TrackPage() {
  const t = useT();
  usePageTitle(t('track.title'));
  const [code, setCode] = useState(codeFromAddress);
  const [secret, setSecret] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [revision, setRevision] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ view: PublicPetitionView; credentials: TrackBody } | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  const look = async (credentials: TrackBody) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    setError(null);
    try {
      const view = await trackPetition(credentials, controller.signal);
      setResult({ view, credentials });
    } catch (caught) {
      if (controller.signal.aborted) return;
      const details = caught instanceof ApiError ? (caught.details ?? []) : [];
      const placed = details
        .map((detail) => ({ path: detail.path.replace(/^body\./, ''), message: detail.message }))
        .filter((problem) => problem.path === 'receiptCode' || problem.path === 'secret');
      if (placed.length > 0) {
        setProblems(placed);
        setRevision((value) => value + 1);
      } else setError(errorMessage(caught, t));
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setLoading(false);
      }
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const found = validate(code, secret, t);
    setProblems(found);
    if (found.length > 0) {
      setRevision((value) => value + 1);
      return;
    }
    void look({ receiptCode: code.trim().toUpperCase(), secret: secret.trim() });
  };

  const startOver = () => {
    setResult(null);
    setSecret('');
    setCode('');
    setError(null);
    setProblems([]);
    window.history.replaceState(window.history.state, '', '/track');
    window.scrollTo(0, 0);
    window.setTimeout(() => document.getElementById('f-receiptCode')?.focus(), 0);
  };

  const errorOf = (path: string) => problems.find((problem) => problem.path === path)?.message;

  return (
    <article className="page track">
      <BackHome />
      <PageTitle>{t('track.title')}</PageTitle>
      {result ? (
        <>
          <TrackView
            view={result.view}
            credentials={result.credentials}
            onView={(view) => setResult({ view, credentials: result.credentials })}
            refreshing={loading}
            onRefresh={() => void look(result.credentials)}
          />
          {error && <Alert kind="error">{error}</Alert>}
          <button type="button" className="button-secondary button-block" onClick={startOver}>
            {t('track.another')}
          </button>
        </>
      ) : (
        <>
          <p className="lead">{t('track.intro')}</p>
          <form className="track-form" noValidate onSubmit={submit} data-testid="track-form">
            <ErrorSummary problems={problems} revision={revision} />
            {error && (
              <Alert kind="error" testId="track-error">
                {error}
              </Alert>
            )}
            <TextField
              path="receiptCode"
              label={t('receipt.code')}
              value={code}
              onChange={setCode}
              error={errorOf('receiptCode')}
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              required
              className="field-code"
            />
            <TextField
              path="secret"
              label={t('receipt.secret')}
              value={secret}
              onChange={setSecret}
              error={errorOf('secret')}
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              required
              className="field-code"
            />
            <button type="submit" className="button-primary button-block" disabled={loading} aria-busy={loading || undefined} data-testid="track-submit">
              {loading && <Spinner />}
              {loading ? t('track.loading') : t('track.submit')}
            </button>
          </form>
          <p className="muted small">{t('track.lost')}</p>
        </>
      )}
    </article>
  );
}
