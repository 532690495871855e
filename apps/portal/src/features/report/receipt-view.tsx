import { useEffect, useState, type MouseEvent } from 'react';
import { Link, setLeaveGuard } from '../../app/router.tsx';
import { useLocale, useT } from '../../shared/i18n.tsx';
import { Alert } from '../../shared/form.tsx';
import { fill, formatDateTime } from '../../shared/format.ts';
import { PageTitle, usePageTitle } from '../../shared/page.tsx';
import { markReceiptSaved, setPendingReceipt, type PendingReceipt } from './receipt-store.ts';

/** Where a code can be followed; the secret never goes into an address. */
export function trackPath(receiptCode: string): string {
  return `/track?code=${encodeURIComponent(receiptCode)}`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way (some WebViews refuse the Clipboard API)
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/**
 * Shown once after sending: the receipt code and the secret, big, with copy and download, and a
 * "saved" box that must be ticked before leaving (links ask, a reload or closing the tab warns).
 */
export function ReceiptView({ pending }: { pending: PendingReceipt }) {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('receipt.title'));
  const { receipt, anonymous, saved } = pending;
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [nudge, setNudge] = useState(false);
  const receivedAt = formatDateTime(receipt.receivedAt, locale);

  useEffect(() => {
    if (saved) {
      setLeaveGuard(null);
      return;
    }
    setLeaveGuard(() => window.confirm(t('receipt.leave')));
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [saved, t]);

  // The page changed without a navigation: move focus to the new heading so it is announced.
  useEffect(() => {
    document.querySelector<HTMLElement>('[data-page-title]')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, []);

  // Once saved, leaving the page forgets the receipt for good.
  useEffect(() => {
    if (!saved) return;
    return () => setPendingReceipt(null);
  }, [saved]);

  const plain = `${t('receipt.code')}：${receipt.receiptCode}\n${t('receipt.secret')}：${receipt.secret}`;

  const copy = async () => setCopyState((await copyText(plain)) ? 'copied' : 'failed');

  const download = () => {
    const lines = [
      `${t('site.org')} · ${t('site.app')} — ${t('receipt.file.heading')}`,
      '',
      `${t('receipt.code')}：${receipt.receiptCode}`,
      `${t('receipt.secret')}：${receipt.secret}`,
      `${t('receipt.file.at')}：${receivedAt}`,
      `${t('receipt.file.org')}：${receipt.receivingOrganizationName}`,
      `${t('receipt.file.url')}：${window.location.origin}${trackPath(receipt.receiptCode)}`,
      '',
      t('receipt.file.keep'),
      '',
    ];
    // BOM and CRLF so that Chinese text opens correctly in Windows Notepad as well.
    const blob = new Blob(['\ufeff', lines.join('\r\n')], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `${t('receipt.file.heading')}-${receipt.receiptCode}.txt`;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const guardLink = (event: MouseEvent) => {
    if (saved) return;
    event.preventDefault();
    setNudge(true);
    document.getElementById('receipt-saved')?.focus();
  };

  return (
    <article className="page receipt" data-testid="receipt">
      <div className="receipt-head">
        <span className="receipt-tick" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
            <path d="m5 12.5 4.5 4.5L19 7.5" />
          </svg>
        </span>
        <PageTitle>{t('receipt.title')}</PageTitle>
      </div>
      <p>{fill(t('receipt.lead'), { at: receivedAt, org: receipt.receivingOrganizationName })}</p>

      <section className="receipt-card" aria-labelledby="receipt-save">
        <h2 id="receipt-save">{t('receipt.save')}</h2>
        <dl className="receipt-codes">
          <div>
            <dt>{t('receipt.code')}</dt>
            <dd className="code" data-testid="receipt-code" translate="no">
              {receipt.receiptCode}
            </dd>
          </div>
          <div>
            <dt>{t('receipt.secret')}</dt>
            <dd className="code" data-testid="receipt-secret" translate="no">
              {receipt.secret}
            </dd>
          </div>
        </dl>
        <p className="receipt-warning">{t('receipt.warning')}</p>
        <div className="button-row">
          <button type="button" className="button-secondary" onClick={copy}>
            {t('receipt.copy')}
          </button>
          <button type="button" className="button-secondary" onClick={download}>
            {t('receipt.download')}
          </button>
        </div>
        <p className="copy-status" role="status" aria-live="polite">
          {copyState === 'copied' ? t('receipt.copied') : copyState === 'failed' ? t('receipt.copyFailed') : ''}
        </p>
      </section>

      <Alert kind="info">{t(anonymous ? 'receipt.anonymous' : 'receipt.real')}</Alert>

      <div className={`checkbox${nudge && !saved ? ' checkbox-nudge' : ''}`}>
        <input
          type="checkbox"
          id="receipt-saved"
          checked={saved}
          onChange={(event) => {
            markReceiptSaved(event.target.checked);
            if (event.target.checked) setNudge(false);
          }}
          aria-describedby={nudge && !saved ? 'receipt-saved-nudge' : undefined}
        />
        <label htmlFor="receipt-saved">{t('receipt.saved')}</label>
      </div>
      {nudge && !saved && (
        <p className="field-error" id="receipt-saved-nudge" role="alert">
          {t('receipt.savedFirst')}
        </p>
      )}

      <div className="form-actions">
        <Link to={trackPath(receipt.receiptCode)} className="button-primary button-block" aria-disabled={!saved || undefined} onClick={guardLink} data-testid="receipt-track">
          {t('receipt.track')}
        </Link>
        <Link to="/" className="button-secondary button-block" aria-disabled={!saved || undefined} onClick={guardLink}>
          {t('receipt.home')}
        </Link>
      </div>
    </article>
  );
}
