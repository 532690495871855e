import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../shared/api-client.ts';
import { errorMessage } from '../../shared/error-message.ts';
import { Alert, type FieldProblem } from '../../shared/form.tsx';
import { useT } from '../../shared/i18n.tsx';
import { submitPetition, type IntakeOptions } from '../../shared/intake-api.ts';
import { BackHome, PageTitle, usePageTitle } from '../../shared/page.tsx';
import { usePreset } from '../../shared/preset.ts';
import { useIntakePoint } from '../../shared/use-intake-point.ts';
import { ReceiptView } from './receipt-view.tsx';
import { setPendingReceipt, usePendingReceipt } from './receipt-store.ts';
import { ReportConfirm, type SendPhase } from './report-confirm.tsx';
import { emptyDraft, serverProblems, toSubmission, validateDraft, type ReportDraft } from './report-draft.ts';
import { ReportForm, type ReportPreset } from './report-form.tsx';
import { InsecureContextError, useHumanCheck } from './use-human-check.ts';
import { useIntakeOptions } from './use-intake-options.ts';

export function ReportPage() {
  const t = useT();
  const pending = usePendingReceipt();
  const options = useIntakeOptions();
  usePageTitle(pending ? t('receipt.title') : t('report.title'));

  if (pending) return <ReceiptView pending={pending} />;

  return (
    <article className="page report">
      <BackHome />
      <PageTitle>{t('report.title')}</PageTitle>
      {options.status === 'loading' && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {options.status === 'error' && (
        <Alert kind="error" testId="load-error">
          <p>
            {t('report.loadFailed')} {errorMessage(options.error, t)}
          </p>
          <button type="button" className="button-secondary" onClick={options.reload}>
            {t('common.retry')}
          </button>
        </Alert>
      )}
      {options.status === 'ok' &&
        (options.options.receivingBodies.length === 0 ? <Alert kind="info">{t('report.noBodies')}</Alert> : <ReportFlow options={options.options} />)}
    </article>
  );
}

// The unsent report is kept in memory while the tab is open, so a look at the guide does not lose it.
// Never in storage: a shared phone must not keep what someone reported.
let keptDraft: { draft: ReportDraft; files: File[] } | null = null;

function ReportFlow({ options }: { options: IntakeOptions }) {
  const t = useT();
  const [draft, setDraft] = useState<ReportDraft>(() => keptDraft?.draft ?? emptyDraft());
  const [files, setFiles] = useState<File[]>(() => keptDraft?.files ?? []);
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [revision, setRevision] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [phase, setPhase] = useState<SendPhase>('idle');
  const [progress, setProgress] = useState(0);
  const sending = useRef(false);
  const humanCheck = useHumanCheck();

  useEffect(() => {
    keptDraft = { draft, files };
  }, [draft, files]);

  // ---- QR preset: an intake point code, or the older org id and place ----
  const preset = usePreset();
  const point = useIntakePoint(preset?.point ?? null);
  const presetOrgId = point.status === 'ok' ? point.point.organizationId : (preset?.org ?? null);
  const presetBody = useMemo(() => options.receivingBodies.find((body) => body.id === presetOrgId) ?? null, [options.receivingBodies, presetOrgId]);
  const reportPreset: ReportPreset = {
    body: presetBody,
    place: point.status === 'ok' ? point.point.placeName : (preset?.place ?? null),
    loading: point.status === 'loading',
    invalid: point.status === 'invalid',
  };
  const intakePointCode = point.status === 'ok' ? point.point.code : null;
  const presetApplied = useRef(false);
  useEffect(() => {
    if (!presetBody || presetApplied.current) return;
    presetApplied.current = true;
    setDraft((current) => (current.receivingOrganizationId ? current : { ...current, receivingOrganizationId: presetBody.id }));
  }, [presetBody]);

  const category = options.categories.find((candidate) => candidate.key === draft.categoryKey) ?? null;
  const bodyName = options.receivingBodies.find((body) => body.id === draft.receivingOrganizationId)?.name ?? '';

  const update = useCallback((change: (current: ReportDraft) => ReportDraft) => setDraft(change), []);

  // After a failed check, problems are re-checked as the citizen types, so fixed ones disappear.
  const liveValidation = useRef(false);
  useEffect(() => {
    if (!liveValidation.current) return;
    setProblems(validateDraft(draft, files, category, options, t));
  }, [draft, files, category, options, t]);

  const showProblems = (found: FieldProblem[]) => {
    setProblems(found);
    setRevision((value) => value + 1);
  };

  const goToConfirm = () => {
    const found = validateDraft(draft, files, category, options, t);
    setFormError(null);
    if (found.length > 0) {
      liveValidation.current = true;
      showProblems(found);
      return;
    }
    setProblems([]);
    setSendError(null);
    setStep('confirm');
    window.scrollTo(0, 0);
  };

  useEffect(() => {
    if (step === 'confirm') document.querySelector<HTMLElement>('[data-page-title]')?.focus({ preventScroll: true });
  }, [step]);

  const send = async () => {
    // A second tap while sending does nothing: the ref flips before React re-renders the disabled button.
    if (sending.current) return;
    sending.current = true;
    setSendError(null);
    try {
      let retriedHumanCheck = false;
      for (;;) {
        if (humanCheck.status !== 'ready') setPhase('verifying');
        const challenge = await humanCheck.take();
        setPhase('uploading');
        setProgress(0);
        try {
          const receipt = await submitPetition(toSubmission(draft, category, challenge, intakePointCode), files, {
            onProgress: (sent, total) => {
              if (total > 0) setProgress(Math.min(100, Math.round((sent / total) * 100)));
              if (total > 0 && sent >= total) setPhase('sending');
            },
          });
          keptDraft = null;
          setPendingReceipt({ receipt, anonymous: draft.identity === 'anonymous', saved: false });
          return;
        } catch (error) {
          // An expired or already-used check: solve a fresh one and send again, once.
          if (error instanceof ApiError && error.code === 'HUMAN_CHECK_FAILED' && !retriedHumanCheck) {
            retriedHumanCheck = true;
            humanCheck.renew();
            setPhase('verifying');
            continue;
          }
          throw error;
        }
      }
    } catch (error) {
      if (error instanceof InsecureContextError) {
        setSendError(t('report.insecure'));
      } else if (error instanceof ApiError) {
        const placed = serverProblems(error, category, t);
        if (placed.length > 0) {
          // Back to the form, with each problem at its field.
          setStep('form');
          liveValidation.current = false;
          setFormError(t('report.fixFields'));
          showProblems(placed);
        } else {
          setSendError(errorMessage(error, t));
        }
        if (error.code === 'HUMAN_CHECK_FAILED') humanCheck.renew();
      } else {
        setSendError(t('report.humanCheckFailed'));
      }
    } finally {
      sending.current = false;
      setPhase('idle');
    }
  };

  if (step === 'confirm') {
    return (
      <ReportConfirm
        draft={draft}
        files={files}
        bodyName={bodyName}
        place={reportPreset.place}
        category={category}
        phase={phase}
        progress={progress}
        error={sendError}
        onBack={() => {
          setStep('form');
          window.scrollTo(0, 0);
        }}
        onSubmit={send}
      />
    );
  }

  return (
    <>
      <p className="lead">{t('report.intro')}</p>
      <ReportForm
        options={options}
        draft={draft}
        update={update}
        files={files}
        setFiles={setFiles}
        category={category}
        preset={reportPreset}
        problems={problems}
        revision={revision}
        generalError={formError}
        onNext={goToConfirm}
      />
    </>
  );
}
