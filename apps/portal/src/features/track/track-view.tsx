import { useState, type FormEvent } from 'react';
import type { PublicPetitionView, Satisfaction } from '@guantong/contracts';
import { satisfactionLabels, satisfactionLevels, submissionTypeLabels } from '../../shared/labels.ts';
import { errorMessage } from '../../shared/error-message.ts';
import { Alert, Spinner, ChoiceGroup, ErrorSummary, TextField, type FieldProblem } from '../../shared/form.tsx';
import { fill, formatDateTime } from '../../shared/format.ts';
import { useLocale, useT } from '../../shared/i18n.tsx';
import { ratePetition, supplementPetition, type TrackBody } from '../../shared/intake-api.ts';
import type { MessageKey } from '../../shared/messages.ts';

type Stage = PublicPetitionView['stage'];

/** What each stage means for the citizen, in plain words; a new stage fails the build until it is explained. */
const stageText = {
  received: 'stage.received',
  accepted: 'stage.accepted',
  in_hand: 'stage.in_hand',
  answered: 'stage.answered',
  under_review: 'stage.under_review',
  closed: 'stage.closed',
  not_accepted: 'stage.not_accepted',
} as const satisfies Record<Stage, MessageKey>;

const stageTone = {
  received: 'waiting',
  accepted: 'working',
  in_hand: 'working',
  answered: 'action',
  under_review: 'working',
  closed: 'done',
  not_accepted: 'done',
} as const satisfies Record<Stage, string>;

interface TrackViewProps {
  view: PublicPetitionView;
  credentials: TrackBody;
  onView(view: PublicPetitionView): void;
  refreshing: boolean;
  onRefresh(): void;
}

export function TrackView({ view, credentials, onView, refreshing, onRefresh }: TrackViewProps) {
  const t = useT();
  const { locale } = useLocale();
  const when = (iso: string) => formatDateTime(iso, locale);
  // Newest first; the server lists the events in the order they happened.
  const timeline = [...view.timeline].reverse();

  return (
    <div className="track-view" data-testid="track-view">
      <section className="card status-card" aria-labelledby="status-title">
        <p className="status-code" translate="no">
          {t('receipt.code')} {view.receiptCode}
        </p>
        <h2 id="status-title" className="status-title">
          {view.title}
        </h2>
        <p className="status-stage-label">{t('track.stage')}</p>
        <p className={`stage stage-${stageTone[view.stage]}`} data-testid="track-stage" data-stage={view.stage}>
          {t(view.stageLabel)}
        </p>
        <p className="status-explain">{t(stageText[view.stage])}</p>
        <dl className="facts">
          <div>
            <dt>{t('track.handlingBody')}</dt>
            <dd data-testid="track-body">{view.handlingOrganizationName}</dd>
          </div>
          <div>
            <dt>{t('track.receivedAt')}</dt>
            <dd>{when(view.receivedAt)}</dd>
          </div>
          <div>
            <dt>{t('track.type')}</dt>
            <dd>{t(submissionTypeLabels[view.submissionType])}</dd>
          </div>
          <div>
            <dt>{t('track.reporter')}</dt>
            <dd>{t(view.anonymous ? 'track.anonymous' : 'track.realName')}</dd>
          </div>
        </dl>
        <button type="button" className="button-quiet" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing || undefined}>
          {refreshing && <Spinner />}
          {t('track.refresh')}
        </button>
      </section>

      <section className="card" aria-labelledby="answers-title">
        <h2 id="answers-title">{t('track.answers')}</h2>
        {view.answers.length === 0 ? (
          <p className="muted">{t('track.answers.empty')}</p>
        ) : (
          <ul className="answers">
            {view.answers.map((answer) => (
              <li key={`${answer.at}-${answer.organizationName}`}>
                <p className="meta">
                  {answer.organizationName} · {when(answer.at)}
                </p>
                <p className="prewrap">{answer.body}</p>
              </li>
            ))}
          </ul>
        )}
        {view.rating && (
          <div className="rating-given" data-testid="rating-given">
            <p>
              {t('track.rate.yours')}
              <strong>{t(satisfactionLabels[view.rating.satisfaction])}</strong>
              <span className="muted"> · {when(view.rating.at)}</span>
            </p>
            {view.rating.comment && <p className="prewrap">{view.rating.comment}</p>}
            {!view.canRate && <p>{t(view.stage === 'under_review' ? 'track.rate.reviewStarted' : 'track.rate.thanks')}</p>}
          </div>
        )}
        {/* After a review the new answer can be rated again. */}
        {view.canRate && <RatingForm key={view.answers.length} credentials={credentials} onView={onView} startsReview={view.dissatisfiedStartsReview} />}
      </section>

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('track.timeline')}</h2>
        {timeline.length === 0 ? (
          <p className="muted">{t('track.timeline.empty')}</p>
        ) : (
          <ol className="timeline" data-testid="timeline">
            {timeline.map((entry, index) => (
              <li key={`${entry.at}-${index}`} className={index === 0 ? 'timeline-latest' : undefined}>
                <p className="timeline-label">{t(entry.label)}</p>
                <p className="meta">
                  {entry.organizationName} · <time dateTime={entry.at}>{when(entry.at)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="supplements-title">
        <h2 id="supplements-title">{t('track.supplements')}</h2>
        {view.supplements.length === 0 ? (
          <p className="muted">{t('track.supplements.empty')}</p>
        ) : (
          <ul className="supplements">
            {view.supplements.map((supplement, index) => (
              <li key={`${supplement.at}-${index}`}>
                <p className="meta">{when(supplement.at)}</p>
                <p className="prewrap">{supplement.body}</p>
              </li>
            ))}
          </ul>
        )}
        {view.canSupplement && <SupplementForm credentials={credentials} onView={onView} />}
      </section>
    </div>
  );
}

function SupplementForm({ credentials, onView }: { credentials: TrackBody; onView(view: PublicPetitionView): void }) {
  const t = useT();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const length = body.trim().length;
    const label = t('track.supplement.label');
    const found =
      length === 0
        ? [{ path: 'supplement', message: fill(t('v.required'), { label }) }]
        : length < 2
          ? [{ path: 'supplement', message: fill(t('v.tooShort'), { label, min: 2 }) }]
          : length > 5000
            ? [{ path: 'supplement', message: fill(t('v.tooLong'), { label, max: 5000 }) }]
            : [];
    setProblems(found);
    setDone(false);
    if (found.length > 0) {
      setRevision((value) => value + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onView(await supplementPetition({ ...credentials, body: body.trim() }));
      setBody('');
      setDone(true);
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="subform" noValidate onSubmit={submit} data-testid="supplement-form">
      <ErrorSummary problems={problems} revision={revision} />
      {error && <Alert kind="error">{error}</Alert>}
      {done && <Alert kind="success">{t('track.supplement.done')}</Alert>}
      <TextField
        path="supplement"
        label={t('track.supplement.label')}
        hint={t('track.supplement.hint')}
        value={body}
        onChange={setBody}
        error={problems[0]?.message}
        multiline
        rows={4}
        counterMax={5000}
        required
      />
      <button type="submit" className="button-secondary button-block" disabled={busy} aria-busy={busy || undefined}>
        {busy && <Spinner />}
        {busy ? t('track.supplement.sending') : t('track.supplement.submit')}
      </button>
    </form>
  );
}

function RatingForm({ credentials, onView, startsReview }: { credentials: TrackBody; onView(view: PublicPetitionView): void; startsReview: boolean }) {
  const t = useT();
  const [satisfaction, setSatisfaction] = useState<Satisfaction | ''>('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const errorOf = (path: string) => problems.find((problem) => problem.path === path)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: FieldProblem[] = [];
    if (!satisfaction) found.push({ path: 'satisfaction', message: fill(t('v.choose'), { label: t('track.rate.title') }) });
    if (comment.trim().length > 1000) found.push({ path: 'comment', message: fill(t('v.tooLong'), { label: t('track.rate.comment'), max: 1000 }) });
    setProblems(found);
    if (found.length > 0 || !satisfaction) {
      setRevision((value) => value + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onView(await ratePetition({ ...credentials, satisfaction, comment: comment.trim() || null }));
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="subform rating-form" noValidate onSubmit={submit} data-testid="rating-form">
      <h3>{t('track.rate.title')}</h3>
      <ErrorSummary problems={problems} revision={revision} />
      {error && <Alert kind="error">{error}</Alert>}
      <ChoiceGroup<Satisfaction>
        path="satisfaction"
        legend={t('track.rate.choice')}
        value={satisfaction}
        onChange={setSatisfaction}
        options={satisfactionLevels.map((level) => ({ value: level, label: t(satisfactionLabels[level]) }))}
        error={errorOf('satisfaction')}
        required
      />
      {satisfaction === 'dissatisfied' && (
        <Alert kind="warning" testId="review-note">
          {t(startsReview ? 'track.rate.dissatisfiedNote' : 'track.rate.dissatisfiedFinalNote')}
        </Alert>
      )}
      <TextField path="comment" label={t('track.rate.comment')} value={comment} onChange={setComment} error={errorOf('comment')} multiline rows={3} counterMax={1000} />
      <button type="submit" className="button-primary button-block" disabled={busy} aria-busy={busy || undefined}>
        {busy && <Spinner />}
        {busy ? t('track.rate.sending') : t('track.rate.submit')}
      </button>
    </form>
  );
}
