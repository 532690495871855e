import type { LocalizedText } from '@guantong/contracts';
import type { Actor } from '../auth/actor.ts';

// The places a module definition fills in for the workbench, the bell, global search and the cockpit. Each shape is
// what the platform composes across modules; the API that serves them (and its contracts) comes with those features.

/** Where a record stands against its open deadline. */
export type OpenDeadlineState = 'on_time' | 'due_soon' | 'overdue';

/** One thing a person must do now: what, on which record, why it is theirs, and by when. */
export interface TodoItem {
  /** The key of the to-do source that produced it, e.g. `petitions.register`. */
  source: string;
  /** The record it concerns; `recordType` is the record kit's type (`petition`, `clue`, `case` …). */
  recordType: string;
  recordId: string;
  /** The number people know the record by (serial or ledger number, receipt code), when it has one. */
  reference: string | null;
  title: string;
  /** What is to be done, e.g. 登记受理 / register. */
  action: LocalizedText;
  /** Why it falls to this person: their body's queue, assigned to them, their step of an approval chain. */
  reason: LocalizedText;
  organizationId: string;
  organizationName: string;
  dueAt: Date | null;
  deadlineState: OpenDeadlineState | null;
}

/**
 * A kind of to-do. `list` answers for the actor's active membership (body and roles) only, soonest due first (no due
 * date last), at most `limit` items; a person without the roles for it gets `[]`.
 */
export interface TodoSource {
  /** `<module>.<what>`, unique across the application. */
  key: string;
  /** Shown as the filter of the workbench's to-do list, e.g. 待受理的信访举报. */
  label: LocalizedText;
  list(actor: Actor, options: { limit: number }): Promise<TodoItem[]>;
}

/**
 * A kind of notice the module sends: `inApp` notices land in the recipients' bell (`notifications`), `message` ones go
 * out through the message adapter (SMS to real-name reporters). Every kind a module sends must be declared here.
 */
export interface NotificationKind {
  /** The `kind` written with the notice, `<record or module>.<event>`. */
  kind: string;
  channel: 'inApp' | 'message';
  label: LocalizedText;
  /** Who receives it and when, for administrators and for the notification settings to come. */
  recipients: LocalizedText;
}

/** A record found by global search. */
export interface SearchHit {
  recordType: string;
  recordId: string;
  reference: string | null;
  title: string;
  /** A second line: the person or unit concerned. */
  detail: string | null;
  status: LocalizedText;
  organizationName: string;
  /** When it came in (received, filed), to order hits of several kinds together. */
  at: Date;
}

/**
 * Finds records of one type by number, name or receipt code. Hits are within the reader's scope (never a record the
 * reader could not open); a reader without the permission for the type gets `[]`.
 */
export interface SearchProvider {
  recordType: string;
  label: LocalizedText;
  search(actor: Actor, text: string, options: { limit: number }): Promise<SearchHit[]>;
}

/** A period of China calendar dates, both ends included, and optionally the body (with its subtree) to count for. */
export interface MetricPeriod {
  from: string;
  to: string;
  /** A body within the reader's scope; without it, the reader's own scope. Outside it: NOT_FOUND. */
  organizationId?: string;
}

export interface MetricFigure {
  /** `<module>.<figure>`, stable: the quarterly report and saved dashboards refer to it. */
  key: string;
  label: LocalizedText;
  /** A count, or a ratio from 0 to 1; null when the ratio has no denominator in the period. */
  value: number | null;
  unit: 'count' | 'ratio';
}

/** The figures a module reports for a body and period (the cockpit, the quarterly analysis report). */
export interface MetricSource {
  /** The module's name. */
  key: string;
  label: LocalizedText;
  figures(actor: Actor, period: MetricPeriod): Promise<MetricFigure[]>;
}
