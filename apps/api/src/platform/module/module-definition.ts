import type { FastifyInstance } from 'fastify';
import type { WorkflowDefinition } from '@guantong/contracts';
import type { Actor } from '../auth/actor.ts';
import type { RecordType } from '../records/record-type.ts';
import type { MetricSource, NotificationKind, SearchProvider, TodoSource } from './module-places.ts';
import type { ComposedApplication } from './compose-modules.ts';

/** Who may read an attachment owned by a record of one type (`ownerType`): the owning record's own visibility rule. */
export type AttachmentReadCheck = (actor: Actor, ownerId: string) => Promise<boolean>;

/** Work the scheduler runs every `everyMs` across all processes (one run per interval slot). */
export interface JobDefinition {
  /** Unique across the application, `<module>.<what>` (e.g. `files.sweep-orphans`). */
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * What one module contributes to the application. `app.ts` builds every module's definition from the platform (and,
 * where a module needs another's hook, from that module's `exports`), then `composeModules` puts them together; nothing
 * is written into shared state while a module loads.
 */
export interface ModuleDefinition<Exports = unknown> {
  /** The module's folder name under `modules/`. */
  name: string;
  /**
   * HTTP routes, registered in the order of the module list (which is also the order of the OpenAPI document). They
   * receive the composed application: a module that serves what all modules declare (files, workflows) reads it there.
   */
  routes?: (app: FastifyInstance, application: ComposedApplication) => void | Promise<void>;
  /**
   * Record types the module runs through the record kit (`defineRecordType`): their workflows join the workflow catalog
   * (flowcharts, deadline rules, extensions) and their open deadline is copied onto their own rows.
   */
  records?: readonly RecordType[];
  /** Workflows of the module that have no record type of the kit (the staff account's). */
  workflows?: readonly WorkflowDefinition[];
  /** Recurring jobs the scheduler runs. */
  jobs?: readonly JobDefinition[];
  /** Who may read attachments owned by the module's records, by owner type (`attachments.owner_type`). */
  attachmentPolicy?: Readonly<Record<string, AttachmentReadCheck>>;
  /** What a given person must do now, with due dates: the workbench's to-dos (see module-places.ts). */
  todoSources?: readonly TodoSource[];
  /** Every kind of in-app notice or outside message the module sends. */
  notificationKinds?: readonly NotificationKind[];
  /** Finding a record by number, name or receipt code within the reader's scope: global search. */
  searchProviders?: readonly SearchProvider[];
  /** Figures for dashboards and the quarterly report. */
  metrics?: readonly MetricSource[];
  /** What other modules may use of this one (hooks, read functions), typed; the modules above it receive it in app.ts. */
  exports?: Exports;
}

/** Declares a module; the definition is frozen so that nothing changes it after composition. */
export function defineModule<Exports = undefined>(definition: ModuleDefinition<Exports> & { exports?: Exports }): ModuleDefinition<Exports> & { exports: Exports } {
  return Object.freeze({ ...definition, exports: definition.exports as Exports });
}
