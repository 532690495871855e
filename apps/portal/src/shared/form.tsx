import { useEffect, useRef, type ChangeEvent, type ReactNode } from 'react';
import { useT } from './i18n.tsx';
import { fill } from './format.ts';

/** DOM id of the control for a field path (`reporter.phone` → `f-reporter-phone`), used by the error summary's links. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, extra ?? null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ htmlFor, required, children }: { htmlFor: string; required?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <label className="field-label" htmlFor={htmlFor}>
      {children}
      {required ? (
        <span className="req" title={t('common.required')}>
          {' *'}
        </span>
      ) : (
        <span className="field-optional">{t('common.optional')}</span>
      )}
    </label>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  /** Shows `n/max` under the control. */
  counterMax?: number;
  type?: 'text' | 'tel' | 'email' | 'date';
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  autoComplete?: string;
  placeholder?: string;
  maxLength?: number;
  spellCheck?: boolean;
  autoCapitalize?: string;
  className?: string;
}

export function TextField(props: TextFieldProps) {
  const t = useT();
  const { path, label, value, onChange, error, hint, required, multiline, rows = 6, counterMax } = props;
  const id = fieldId(path);
  const counterId = counterMax ? `${id}-count` : undefined;
  const common = {
    id,
    name: path,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(id, hint, error, counterId),
    placeholder: props.placeholder,
    autoComplete: props.autoComplete ?? 'off',
    maxLength: props.maxLength,
    spellCheck: props.spellCheck,
    autoCapitalize: props.autoCapitalize,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
  };
  const length = value.trim().length;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={rows} {...common} /> : <input type={props.type ?? 'text'} inputMode={props.inputMode} {...common} />}
      {counterMax !== undefined && (
        <p className={`field-count${length > counterMax ? ' over' : ''}`} id={counterId} aria-live="off">
          {fill(t('common.chars'), { n: length, max: counterMax })}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

interface SelectFieldProps {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  /** Label of the empty first option; omit to have none. */
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}

export function SelectField({ path, label, value, onChange, options, placeholder, error, hint, required }: SelectFieldProps) {
  const id = fieldId(path);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <select
        id={id}
        name={path}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

interface ChoiceGroupProps<V extends string> {
  path: string;
  legend: string;
  value: V | '';
  onChange(value: V): void;
  options: { value: V; label: string; description?: string }[];
  error?: string;
  required?: boolean;
  /** Two short options side by side (yes/no). */
  inline?: boolean;
}

/** Radio buttons drawn as large tappable cards; the first one carries the field id for the error summary. */
export function ChoiceGroup<V extends string>({ path, legend, value, onChange, options, error, required, inline }: ChoiceGroupProps<V>) {
  const t = useT();
  const id = fieldId(path);
  return (
    <fieldset className={`field choices${inline ? ' choices-inline' : ''}${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">
        {legend}
        {required ? <span className="req" title={t('common.required')}>{' *'}</span> : <span className="field-optional">{t('common.optional')}</span>}
      </legend>
      <div className="choice-list">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <label key={option.value} className={`choice${value === option.value ? ' choice-on' : ''}`} htmlFor={optionId}>
              <input
                type="radio"
                id={optionId}
                name={path}
                value={option.value}
                checked={value === option.value}
                aria-labelledby={option.description ? `${optionId}-label` : undefined}
                aria-describedby={option.description ? `${optionId}-desc` : undefined}
                onChange={() => onChange(option.value)}
              />
              <span className="choice-text">
                <span className="choice-label" id={`${optionId}-label`}>
                  {option.label}
                </span>
                {option.description && (
                  <span className="choice-desc" id={`${optionId}-desc`}>
                    {option.description}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** Lists every problem at the top with a link to its field; takes focus each time `revision` changes. */
export function ErrorSummary({ problems, title, revision }: { problems: FieldProblem[]; title?: string; revision: number }) {
  const t = useT();
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (revision === 0) return;
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'start' });
  }, [revision]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} data-testid="error-summary" ref={ref}>
      <p className="error-summary-title">{title ?? t('common.errorSummary')}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.path}>
            <a
              href={`#${fieldId(problem.path)}`}
              onClick={(event) => {
                const target = document.getElementById(fieldId(problem.path));
                if (!target) return;
                event.preventDefault();
                target.focus({ preventScroll: true });
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A message box: `error` is announced at once, `info`/`success` politely. */
export function Alert({ kind, children, testId }: { kind: 'error' | 'info' | 'success' | 'warning'; children: ReactNode; testId?: string }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

/** A small turning ring inside a busy button. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
