import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CategoryQuestion, PetitionCategory } from '@guantong/contracts';
import { publicSubmissionTypes, submissionTypeLabels } from '../../shared/labels.ts';
import { Link } from '../../app/router.tsx';
import { useT } from '../../shared/i18n.tsx';
import { Alert, ChoiceGroup, ErrorSummary, fieldId, SelectField, TextField, type FieldProblem } from '../../shared/form.tsx';
import type { IntakeOptions, ReceivingBody } from '../../shared/intake-api.ts';
import { AttachmentsField } from './attachments-field.tsx';
import { limits, reporterLabels, type Identity, type ReportDraft, type ReporterField } from './report-draft.ts';

export interface ReportPreset {
  /** The body the QR code stands for, when it is one of the receiving bodies. */
  body: ReceivingBody | null;
  place: string | null;
  loading: boolean;
  /** The scanned code is unknown or switched off. */
  invalid: boolean;
}

interface ReportFormProps {
  options: IntakeOptions;
  draft: ReportDraft;
  update(change: (draft: ReportDraft) => ReportDraft): void;
  files: File[];
  setFiles(files: File[]): void;
  category: PetitionCategory | null;
  preset: ReportPreset;
  problems: FieldProblem[];
  /** Bumped each time the problems should be announced and focused. */
  revision: number;
  generalError: string | null;
  onNext(): void;
}

/** Bodies in tree order, indented by depth so that a county's townships sit under it. */
function bodyOptions(bodies: ReceivingBody[]) {
  const byId = new Map(bodies.map((body) => [body.id, body]));
  const depthOf = (body: ReceivingBody): number => {
    let depth = 0;
    let parent = body.parentId ? byId.get(body.parentId) : undefined;
    while (parent && depth < 8) {
      depth += 1;
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return depth;
  };
  return bodies.map((body) => ({ value: body.id, label: `${'\u3000'.repeat(depthOf(body))}${body.name}` }));
}

export function ReportForm(props: ReportFormProps) {
  const t = useT();
  const { options, draft, update, files, setFiles, category, preset, problems, revision } = props;
  const errorOf = (path: string) => problems.find((problem) => problem.path === path)?.message;
  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => update((current) => ({ ...current, [key]: value }));
  const setReporter = (key: ReporterField, value: string) => update((current) => ({ ...current, reporter: { ...current.reporter, [key]: value } }));

  const [changingBody, setChangingBody] = useState(false);
  const showPresetBody = preset.body !== null && !changingBody && draft.receivingOrganizationId === preset.body.id;
  const bodySelectOptions = useMemo(() => bodyOptions(options.receivingBodies), [options.receivingBodies]);
  const focusSelectAfterChange = useRef(false);
  useEffect(() => {
    if (!changingBody || !focusSelectAfterChange.current) return;
    focusSelectAfterChange.current = false;
    document.getElementById(fieldId('receivingOrganizationId'))?.focus();
  }, [changingBody]);

  const categoryOptions = options.categories.map((candidate) => ({ value: candidate.key, label: t(candidate.label) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onNext();
  };

  return (
    <form className="report-form" noValidate onSubmit={submit} data-testid="report-form">
      <ErrorSummary problems={problems} revision={revision} />
      {props.generalError && <Alert kind="error">{props.generalError}</Alert>}

      <section className="form-section" aria-labelledby="sec-body">
        <h2 id="sec-body">{t('report.section.body')}</h2>
        {preset.invalid && <Alert kind="warning">{t('field.receivingBody.pointInvalid')}</Alert>}
        {preset.loading ? (
          <p className="muted">{t('common.loading')}</p>
        ) : showPresetBody ? (
          <div className="preset-receiver" data-testid="preset-body">
            <p className="field-label">{t('field.receivingBody')}</p>
            <p className="preset-receiver-name">{preset.body?.name}</p>
            {preset.place && (
              <p className="preset-receiver-place">
                {t('field.receivingBody.place')}
                <strong>{preset.place}</strong>
              </p>
            )}
            <p className="preset-note">{t('field.receivingBody.preset')}</p>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                focusSelectAfterChange.current = true;
                setChangingBody(true);
              }}
            >
              {t('field.receivingBody.change')}
            </button>
          </div>
        ) : (
          <>
            <SelectField
              path="receivingOrganizationId"
              label={t('field.receivingBody')}
              hint={t('field.receivingBody.hint')}
              value={draft.receivingOrganizationId}
              onChange={(value) => set('receivingOrganizationId', value)}
              options={bodySelectOptions}
              placeholder={t('common.choose')}
              error={errorOf('receivingOrganizationId')}
              required
            />
            {preset.place && (
              <p className="preset-receiver-place">
                {t('field.receivingBody.place')}
                <strong>{preset.place}</strong>
              </p>
            )}
          </>
        )}
      </section>

      <section className="form-section" aria-labelledby="sec-problem">
        <h2 id="sec-problem">{t('report.section.problem')}</h2>
        <ChoiceGroup
          path="submissionType"
          legend={t('field.submissionType')}
          value={draft.submissionType}
          onChange={(value) => set('submissionType', value)}
          options={publicSubmissionTypes.map((type) => ({ value: type, label: t(submissionTypeLabels[type]), description: t(`field.submissionType.${type}`) }))}
          error={errorOf('submissionType')}
          required
        />
        {categoryOptions.length > 0 && (
          <SelectField
            path="categoryKey"
            label={t('field.category')}
            value={draft.categoryKey}
            onChange={(value) => update((current) => ({ ...current, categoryKey: value, extraAnswers: {} }))}
            options={categoryOptions}
            placeholder={t('field.category.none')}
            error={errorOf('categoryKey')}
          />
        )}
        {category?.questions.map((question) => (
          <QuestionField
            key={`${category.key}-${question.key}`}
            question={question}
            value={draft.extraAnswers[question.key]}
            onChange={(value) => update((current) => ({ ...current, extraAnswers: { ...current.extraAnswers, [question.key]: value } }))}
            error={errorOf(`extraAnswers.${question.key}`)}
          />
        ))}
        <TextField
          path="title"
          label={t('field.title')}
          hint={t('field.title.hint')}
          value={draft.title}
          onChange={(value) => set('title', value)}
          error={errorOf('title')}
          counterMax={limits.title}
          required
        />
        <TextField
          path="content"
          label={t('field.content')}
          hint={t('field.content.hint')}
          value={draft.content}
          onChange={(value) => set('content', value)}
          error={errorOf('content')}
          multiline
          rows={8}
          counterMax={limits.content}
          required
        />
        <div className="field-pair">
          <TextField
            path="occurredOn"
            label={t('field.occurredOn')}
            placeholder={t('field.occurredOn.placeholder')}
            value={draft.occurredOn}
            onChange={(value) => set('occurredOn', value)}
            error={errorOf('occurredOn')}
          />
          <TextField
            path="occurredPlace"
            label={t('field.occurredPlace')}
            placeholder={t('field.occurredPlace.placeholder')}
            value={draft.occurredPlace}
            onChange={(value) => set('occurredPlace', value)}
            error={errorOf('occurredPlace')}
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby="sec-concerned">
        <h2 id="sec-concerned">{t('report.section.concerned')}</h2>
        <p className="muted">{t('report.section.concernedHint')}</p>
        <TextField path="concernedName" label={t('field.concernedName')} value={draft.concernedName} onChange={(value) => set('concernedName', value)} error={errorOf('concernedName')} />
        <div className="field-pair">
          <TextField path="concernedUnit" label={t('field.concernedUnit')} value={draft.concernedUnit} onChange={(value) => set('concernedUnit', value)} error={errorOf('concernedUnit')} />
          <TextField path="concernedPost" label={t('field.concernedPost')} value={draft.concernedPost} onChange={(value) => set('concernedPost', value)} error={errorOf('concernedPost')} />
        </div>
      </section>

      <section className="form-section" aria-labelledby="sec-files">
        <h2 id="sec-files">{t('report.section.files')}</h2>
        <AttachmentsField files={files} onChange={setFiles} limits={options} error={errorOf('files')} />
      </section>

      <section className="form-section" aria-labelledby="sec-identity">
        <h2 id="sec-identity">{t('report.section.identity')}</h2>
        <ChoiceGroup<Identity>
          path="anonymous"
          legend={t('field.identity')}
          value={draft.identity}
          onChange={(value) => set('identity', value)}
          options={[
            { value: 'real', label: t('field.identity.real'), description: t('field.identity.real.desc') },
            { value: 'anonymous', label: t('field.identity.anonymous'), description: t('field.identity.anonymous.desc') },
          ]}
          error={errorOf('anonymous')}
          required
        />
        {draft.identity === 'real' && (
          <div className="reporter-fields" data-testid="reporter-fields">
            <TextField path="reporter.name" label={t(reporterLabels.name)} value={draft.reporter.name} onChange={(value) => setReporter('name', value)} error={errorOf('reporter.name')} autoComplete="name" required />
            <TextField
              path="reporter.phone"
              label={t(reporterLabels.phone)}
              value={draft.reporter.phone}
              onChange={(value) => setReporter('phone', value)}
              error={errorOf('reporter.phone')}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              required
            />
            <TextField
              path="reporter.idNumber"
              label={t(reporterLabels.idNumber)}
              value={draft.reporter.idNumber}
              onChange={(value) => setReporter('idNumber', value)}
              error={errorOf('reporter.idNumber')}
              autoCapitalize="characters"
              spellCheck={false}
            />
            <TextField
              path="reporter.email"
              label={t(reporterLabels.email)}
              value={draft.reporter.email}
              onChange={(value) => setReporter('email', value)}
              error={errorOf('reporter.email')}
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
            />
            <TextField path="reporter.workUnit" label={t(reporterLabels.workUnit)} value={draft.reporter.workUnit} onChange={(value) => setReporter('workUnit', value)} error={errorOf('reporter.workUnit')} />
            <TextField
              path="reporter.address"
              label={t(reporterLabels.address)}
              value={draft.reporter.address}
              onChange={(value) => setReporter('address', value)}
              error={errorOf('reporter.address')}
              autoComplete="street-address"
            />
          </div>
        )}
      </section>

      <div className="form-actions">
        <button type="submit" className="button-primary button-block" data-testid="report-next">
          {t('report.next')}
        </button>
        <p className="muted small">
          <Link to="/guide">{t('report.guideLink')}</Link>
        </p>
      </div>
    </form>
  );
}

function QuestionField({ question, value, onChange, error }: { question: CategoryQuestion; value: string | boolean | undefined; onChange(value: string | boolean): void; error?: string }) {
  const t = useT();
  const path = `extraAnswers.${question.key}`;
  const label = t(question.label);
  const text = typeof value === 'string' ? value : '';
  switch (question.type) {
    case 'yesno':
      return (
        <ChoiceGroup
          path={path}
          legend={label}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(choice) => onChange(choice === 'yes')}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          error={error}
          required={question.required}
          inline
        />
      );
    case 'select':
      // The Chinese wording is the stored answer; the server accepts either language's wording.
      return (
        <SelectField
          path={path}
          label={label}
          value={text}
          onChange={onChange}
          options={(question.options ?? []).map((option) => ({ value: option.zhCN, label: t(option) }))}
          placeholder={t('common.choose')}
          error={error}
          required={question.required}
        />
      );
    case 'date':
      return <TextField path={path} label={label} value={text} onChange={onChange} error={error} type="date" required={question.required} />;
    case 'textarea':
      return <TextField path={path} label={label} value={text} onChange={onChange} error={error} multiline rows={3} required={question.required} />;
    default:
      return <TextField path={path} label={label} value={text} onChange={onChange} error={error} required={question.required} />;
  }
}
