import type { CategoryQuestion, PetitionCategory, PublicSubmission } from '@guantong/contracts';
import type { PublicSubmissionType } from '../../shared/labels.ts';
import type { ApiError } from '../../shared/api-client.ts';
import { fill, formatBytes } from '../../shared/format.ts';
import type { FieldProblem } from '../../shared/form.tsx';
import type { Translate } from '../../shared/i18n.tsx';
import type { MessageKey } from '../../shared/messages.ts';

export type { PublicSubmissionType };
export type Identity = 'real' | 'anonymous';

/** What the citizen is typing: every field a string (or a choice), converted to a PublicSubmission on sending. */
export interface ReportDraft {
  receivingOrganizationId: string;
  submissionType: PublicSubmissionType | '';
  categoryKey: string;
  extraAnswers: Record<string, string | boolean>;
  title: string;
  content: string;
  occurredOn: string;
  occurredPlace: string;
  concernedName: string;
  concernedPost: string;
  concernedUnit: string;
  identity: Identity | '';
  reporter: { name: string; phone: string; idNumber: string; email: string; address: string; workUnit: string };
}

export type ReporterField = keyof ReportDraft['reporter'];

export function emptyDraft(): ReportDraft {
  return {
    receivingOrganizationId: '',
    submissionType: 'accusation',
    categoryKey: '',
    extraAnswers: {},
    title: '',
    content: '',
    occurredOn: '',
    occurredPlace: '',
    concernedName: '',
    concernedPost: '',
    concernedUnit: '',
    identity: '',
    reporter: { name: '', phone: '', idNumber: '', email: '', address: '', workUnit: '' },
  };
}

// The same limits as PublicSubmissionSchema and ReporterIdentitySchema (packages/contracts/src/petitions.ts).
export const limits = {
  title: 80,
  contentMin: 10,
  content: 10_000,
  concernedName: 40,
  concernedPost: 60,
  concernedUnit: 100,
  occurredOn: 40,
  occurredPlace: 100,
  answer: 500,
  reporter: { name: 40, email: 100, address: 200, workUnit: 100 },
} as const;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;
// A practical check; the server applies the full e-mail grammar.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Types the server accepts by content (files.ts `allowedAttachmentTypes`), matched here by the browser's type or the name. */
const ACCEPTED_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/wave',
  'audio/amr',
]);
const ACCEPTED_EXTENSIONS = /\.(jpe?g|png|webp|gif|pdf|docx|mp3|m4a|wav|amr)$/i;
export const FILE_ACCEPT = 'image/*,application/pdf,.docx,audio/*';

export function isAcceptedFile(file: File): boolean {
  return ACCEPTED_TYPES.has(file.type) || ACCEPTED_EXTENSIONS.test(file.name);
}

export const reporterLabels = {
  name: 'field.reporter.name',
  phone: 'field.reporter.phone',
  idNumber: 'field.reporter.idNumber',
  email: 'field.reporter.email',
  address: 'field.reporter.address',
  workUnit: 'field.reporter.workUnit',
} as const satisfies Record<ReporterField, MessageKey>;

export interface FileLimits {
  maxFiles: number;
  maxFileBytes: number;
}

/** Problems with the chosen files, one per file (path `files`, as the server reports them). */
export function fileProblems(files: File[], fileLimits: FileLimits, t: Translate): string[] {
  const problems: string[] = [];
  if (files.length > fileLimits.maxFiles) problems.push(fill(t('v.tooManyFiles'), { max: fileLimits.maxFiles }));
  for (const file of files) {
    if (file.size === 0) problems.push(fill(t('v.fileEmpty'), { name: file.name }));
    else if (file.size > fileLimits.maxFileBytes) problems.push(fill(t('v.fileTooLarge'), { name: file.name, size: formatBytes(fileLimits.maxFileBytes) }));
    else if (!isAcceptedFile(file)) problems.push(fill(t('v.fileType'), { name: file.name }));
  }
  return problems;
}

/** Every problem of the draft, in the order the fields appear on the form. */
export function validateDraft(draft: ReportDraft, files: File[], category: PetitionCategory | null, fileLimits: FileLimits, t: Translate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required = (path: string, value: string, label: MessageKey, max: number, min = 1) => {
    const name = t(label);
    const length = value.trim().length;
    if (length === 0 && min > 0) problems.push({ path, message: fill(t('v.required'), { label: name }) });
    else if (length > 0 && length < min) problems.push({ path, message: fill(t('v.tooShort'), { label: name, min }) });
    else if (length > max) problems.push({ path, message: fill(t('v.tooLong'), { label: name, max }) });
  };
  const optional = (path: string, value: string, label: MessageKey, max: number) => required(path, value, label, max, 0);

  if (!draft.receivingOrganizationId) problems.push({ path: 'receivingOrganizationId', message: fill(t('v.choose'), { label: t('field.receivingBody') }) });
  if (!draft.submissionType) problems.push({ path: 'submissionType', message: fill(t('v.choose'), { label: t('field.submissionType') }) });
  for (const question of category?.questions ?? []) problems.push(...answerProblems(question, draft.extraAnswers[question.key], t));
  required('title', draft.title, 'field.title', limits.title);
  required('content', draft.content, 'field.content', limits.content, limits.contentMin);
  optional('occurredOn', draft.occurredOn, 'field.occurredOn', limits.occurredOn);
  optional('occurredPlace', draft.occurredPlace, 'field.occurredPlace', limits.occurredPlace);
  optional('concernedName', draft.concernedName, 'field.concernedName', limits.concernedName);
  optional('concernedPost', draft.concernedPost, 'field.concernedPost', limits.concernedPost);
  optional('concernedUnit', draft.concernedUnit, 'field.concernedUnit', limits.concernedUnit);
  const fileMessages = fileProblems(files, fileLimits, t);
  if (fileMessages.length > 0) problems.push({ path: 'files', message: fileMessages.join('；') });
  if (!draft.identity) problems.push({ path: 'anonymous', message: t('v.identity') });
  if (draft.identity === 'real') {
    const reporter = draft.reporter;
    required('reporter.name', reporter.name, 'field.reporter.name', limits.reporter.name);
    if (!reporter.phone.trim()) problems.push({ path: 'reporter.phone', message: fill(t('v.required'), { label: t('field.reporter.phone') }) });
    else if (!PHONE.test(reporter.phone.trim())) problems.push({ path: 'reporter.phone', message: t('v.phone') });
    if (reporter.idNumber.trim() && !ID_NUMBER.test(reporter.idNumber.trim())) problems.push({ path: 'reporter.idNumber', message: t('v.idNumber') });
    if (reporter.email.trim() && (!EMAIL.test(reporter.email.trim()) || reporter.email.trim().length > limits.reporter.email)) {
      problems.push({ path: 'reporter.email', message: t('v.email') });
    }
    optional('reporter.address', reporter.address, 'field.reporter.address', limits.reporter.address);
    optional('reporter.workUnit', reporter.workUnit, 'field.reporter.workUnit', limits.reporter.workUnit);
  }
  return problems;
}

function answerProblems(question: CategoryQuestion, value: string | boolean | undefined, t: Translate): FieldProblem[] {
  const path = `extraAnswers.${question.key}`;
  const label = t(question.label);
  const empty = value === undefined || value === '' || (typeof value === 'string' && value.trim() === '');
  if (empty) {
    if (!question.required) return [];
    const chosen = question.type === 'select' || question.type === 'yesno' || question.type === 'date';
    return [{ path, message: fill(t(chosen ? 'v.choose' : 'v.required'), { label }) }];
  }
  if (typeof value === 'string' && value.trim().length > limits.answer) return [{ path, message: fill(t('v.tooLong'), { label, max: limits.answer }) }];
  return [];
}

function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The JSON `payload` of the multipart request. */
export function toSubmission(draft: ReportDraft, category: PetitionCategory | null, challenge: string, intakePointCode: string | null): PublicSubmission {
  const extraAnswers: Record<string, string | boolean> = {};
  for (const question of category?.questions ?? []) {
    const value = draft.extraAnswers[question.key];
    if (typeof value === 'boolean') extraAnswers[question.key] = value;
    else if (typeof value === 'string' && value.trim() !== '') extraAnswers[question.key] = value.trim();
  }
  const anonymous = draft.identity === 'anonymous';
  const reporter = draft.reporter;
  return {
    submissionType: draft.submissionType || 'other',
    categoryKey: category ? category.key : null,
    ...(category ? { extraAnswers } : {}),
    title: draft.title.trim(),
    content: draft.content.trim(),
    concernedName: optionalText(draft.concernedName),
    concernedPost: optionalText(draft.concernedPost),
    concernedUnit: optionalText(draft.concernedUnit),
    occurredOn: optionalText(draft.occurredOn),
    occurredPlace: optionalText(draft.occurredPlace),
    receivingOrganizationId: draft.receivingOrganizationId,
    intakePointCode,
    anonymous,
    // Nothing about the person leaves the phone for an anonymous report, even if fields were filled and then abandoned.
    reporter: anonymous
      ? null
      : {
          name: reporter.name.trim(),
          phone: reporter.phone.trim(),
          ...(optionalText(reporter.idNumber) ? { idNumber: reporter.idNumber.trim().toUpperCase() } : {}),
          ...(optionalText(reporter.email) ? { email: reporter.email.trim() } : {}),
          ...(optionalText(reporter.address) ? { address: reporter.address.trim() } : {}),
          ...(optionalText(reporter.workUnit) ? { workUnit: reporter.workUnit.trim() } : {}),
        },
    challenge,
  };
}

const FORM_PATHS = new Set([
  'receivingOrganizationId',
  'submissionType',
  'categoryKey',
  'title',
  'content',
  'occurredOn',
  'occurredPlace',
  'concernedName',
  'concernedPost',
  'concernedUnit',
  'files',
  'anonymous',
  'reporter',
  ...Object.keys(reporterLabels).map((key) => `reporter.${key}`),
]);

/**
 * Maps a refused submission back onto the form: `payload.title` → `title`, `body.reporter.phone` → `reporter.phone`,
 * whole-request codes (receiving body, files, category answers) → their field. Returns the problems it could place.
 */
export function serverProblems(error: ApiError, category: PetitionCategory | null, t: Translate): FieldProblem[] {
  const placed: FieldProblem[] = [];
  for (const detail of error.details ?? []) {
    const path = detail.path.replace(/^(payload|body)\./, '');
    if (path === 'reporter') {
      placed.push({ path: 'reporter.name', message: detail.message });
      continue;
    }
    if (path.startsWith('extraAnswers.')) {
      const question = category?.questions.find((candidate) => `extraAnswers.${candidate.key}` === path);
      // The server names the question (in Chinese) rather than the problem: say it in the page's language.
      if (question) placed.push({ path, message: fill(t('v.required'), { label: t(question.label) }) });
      continue;
    }
    const top = path.split('.').slice(0, path.startsWith('reporter.') ? 2 : 1).join('.');
    if (FORM_PATHS.has(top) && !placed.some((problem) => problem.path === top)) placed.push({ path: top, message: detail.message });
  }
  if (placed.length > 0) return placed;
  switch (error.code) {
    case 'RECEIVING_BODY_INVALID':
      return [{ path: 'receivingOrganizationId', message: error.message }];
    case 'CATEGORY_NOT_FOUND':
      return [{ path: 'categoryKey', message: error.message }];
    case 'FILE_TOO_LARGE':
    case 'FILE_TYPE_NOT_ALLOWED':
    case 'TOO_MANY_FILES':
    case 'PAYLOAD_TOO_LARGE':
      return [{ path: 'files', message: error.message }];
    default:
      return [];
  }
}
