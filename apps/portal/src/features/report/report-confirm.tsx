import type { ReactNode } from 'react';
import type { PetitionCategory } from '@guantong/contracts';
import { submissionTypeLabels } from '../../shared/labels.ts';
import { useT } from '../../shared/i18n.tsx';
import { Alert, Spinner } from '../../shared/form.tsx';
import { fill, formatBytes } from '../../shared/format.ts';
import type { ReportDraft } from './report-draft.ts';

export type SendPhase = 'idle' | 'verifying' | 'uploading' | 'sending';

interface ReportConfirmProps {
  draft: ReportDraft;
  files: File[];
  bodyName: string;
  place: string | null;
  category: PetitionCategory | null;
  phase: SendPhase;
  /** 0–100 while uploading. */
  progress: number;
  error: string | null;
  onBack(): void;
  onSubmit(): void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The whole report once more, read-only, before it is sent. */
export function ReportConfirm({ draft, files, bodyName, place, category, phase, progress, error, onBack, onSubmit }: ReportConfirmProps) {
  const t = useT();
  const busy = phase !== 'idle';
  const notGiven = <span className="muted">{t('report.confirm.notGiven')}</span>;
  const show = (value: string) => (value.trim() ? value.trim() : notGiven);
  const concerned = [draft.concernedName, draft.concernedUnit, draft.concernedPost].map((value) => value.trim()).filter(Boolean).join(' · ');
  const answerText = (value: string | boolean | undefined) => (value === true ? t('common.yes') : value === false ? t('common.no') : show(value ?? ''));

  return (
    <section className="confirm" data-testid="report-confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('report.confirm.title')}</h2>
      <p className="lead">{t('report.confirm.lead')}</p>
      {error && (
        <Alert kind="error" testId="submit-error">
          {error}
        </Alert>
      )}
      <dl className="summary">
        <Row label={t('field.receivingBody')}>{bodyName}</Row>
        {place && <Row label={t('report.confirm.place')}>{place}</Row>}
        <Row label={t('field.submissionType')}>{draft.submissionType ? t(submissionTypeLabels[draft.submissionType]) : notGiven}</Row>
        <Row label={t('field.category')}>{category ? t(category.label) : t('field.category.none')}</Row>
        {category?.questions.map((question) => (
          <Row key={question.key} label={t(question.label)}>
            {answerText(draft.extraAnswers[question.key])}
          </Row>
        ))}
        <Row label={t('field.title')}>{draft.title.trim()}</Row>
        <Row label={t('field.content')}>
          <span className="prewrap">{draft.content.trim()}</span>
        </Row>
        <Row label={t('field.occurredOn')}>{show(draft.occurredOn)}</Row>
        <Row label={t('field.occurredPlace')}>{show(draft.occurredPlace)}</Row>
        <Row label={t('report.section.concerned')}>{concerned || notGiven}</Row>
        <Row label={t('field.files')}>
          {files.length === 0 ? (
            t('report.confirm.noFiles')
          ) : (
            <ul className="plain-list">
              {files.map((file) => (
                <li key={`${file.name}-${file.size}-${file.lastModified}`}>
                  {file.name} <span className="muted">({formatBytes(file.size)})</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label={t('field.identity')}>
          {draft.identity === 'anonymous' ? (
            t('report.confirm.anonymous')
          ) : (
            <>
              {t('report.confirm.real')} · {draft.reporter.name.trim()} · {draft.reporter.phone.trim()}
            </>
          )}
        </Row>
      </dl>

      <p className="honesty">{t('report.confirm.honesty')}</p>

      <div className="form-actions">
        <button type="button" className="button-primary button-block" onClick={onSubmit} disabled={busy} aria-busy={busy || undefined} data-testid="report-submit">
          {busy ? <Spinner /> : null}
          {phase === 'verifying'
            ? t('report.verifying')
            : phase === 'uploading'
              ? fill(t('report.uploading'), { pct: progress })
              : phase === 'sending'
                ? t('report.sending')
                : t('report.confirm.submit')}
        </button>
        {phase === 'uploading' && <progress className="upload-progress" max={100} value={progress} aria-label={fill(t('report.uploading'), { pct: progress })} />}
        <p className="visually-hidden" role="status" aria-live="polite">
          {phase === 'verifying' ? t('report.verifying') : phase === 'sending' ? t('report.sending') : ''}
        </p>
        <button type="button" className="button-secondary button-block" onClick={onBack} disabled={busy}>
          {t('report.confirm.edit')}
        </button>
      </div>
    </section>
  );
}
