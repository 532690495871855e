import type { FastifyInstance } from 'fastify';
import type { DeadlineMirror, DeadlineService } from '../deadlines/deadlines.service.ts';
import type { Scheduler } from '../jobs/scheduler.ts';
import { mirrorDeadline } from '../records/record-type.ts';
import { createWorkflowCatalog, type WorkflowCatalog } from '../workflow/workflow-catalog.ts';
import type { AttachmentReadCheck, JobDefinition, ModuleDefinition } from './module-definition.ts';
import type { MetricSource, NotificationKind, SearchProvider, TodoSource } from './module-places.ts';

/** What the modules declare, put together once: the application's catalogue of workflows, jobs, to-dos and the rest. */
export interface ComposedApplication {
  modules: readonly ModuleDefinition[];
  workflows: WorkflowCatalog;
  jobs: readonly JobDefinition[];
  /** Who may read an attachment, by the owning record's type. */
  attachmentPolicy: ReadonlyMap<string, AttachmentReadCheck>;
  deadlineMirrors: ReadonlyMap<string, DeadlineMirror>;
  todoSources: readonly TodoSource[];
  notificationKinds: readonly NotificationKind[];
  searchProviders: readonly SearchProvider[];
  metrics: readonly MetricSource[];
}

/** Fails at start-up, naming both places, when two modules claim the same name. */
function uniqueBy<T>(what: string, entries: { module: string; item: T }[], keyOf: (item: T) => string): T[] {
  const seen = new Map<string, string>();
  for (const { module, item } of entries) {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined) throw new Error(`${what} "${key}" is declared by module ${first} and by module ${module}`);
    seen.set(key, module);
  }
  return entries.map((entry) => entry.item);
}

function collect<T>(modules: readonly ModuleDefinition[], pick: (module: ModuleDefinition) => readonly T[] | undefined) {
  return modules.flatMap((module) => (pick(module) ?? []).map((item) => ({ module: module.name, item })));
}

export function composeModules(modules: readonly ModuleDefinition[]): ComposedApplication {
  uniqueBy('module', modules.map((module) => ({ module: module.name, item: module.name })), (name) => name);
  const entriesOf = (record: Readonly<Record<string, unknown>> | undefined) => Object.entries(record ?? {});
  const records = uniqueBy('record type', collect(modules, (module) => module.records), (record) => record.type);
  return Object.freeze({
    modules,
    workflows: createWorkflowCatalog(modules.flatMap((module) => [...(module.workflows ?? []), ...(module.records ?? []).map((record) => record.workflow)])),
    jobs: uniqueBy('job', collect(modules, (module) => module.jobs), (job) => job.name),
    attachmentPolicy: new Map(
      uniqueBy('attachment owner type', collect(modules, (module) => entriesOf(module.attachmentPolicy) as [string, AttachmentReadCheck][]), ([type]) => type),
    ),
    deadlineMirrors: new Map(records.map((record) => [record.workflow.id, mirrorDeadline(record)] as const)),
    todoSources: uniqueBy('to-do source', collect(modules, (module) => module.todoSources), (source) => source.key),
    notificationKinds: uniqueBy('notification kind', collect(modules, (module) => module.notificationKinds), (kind) => kind.kind),
    searchProviders: uniqueBy('search provider of record type', collect(modules, (module) => module.searchProviders), (provider) => provider.recordType),
    metrics: uniqueBy('metric source', collect(modules, (module) => module.metrics), (source) => source.key),
  });
}

/** Registers every module's routes, in the order of the module list. */
export async function registerModuleRoutes(app: FastifyInstance, application: ComposedApplication): Promise<void> {
  for (const module of application.modules) await module.routes?.(app, application);
}

/** Gives the scheduler every module's recurring jobs. */
export function registerModuleJobs(scheduler: Scheduler, application: ComposedApplication): void {
  for (const job of application.jobs) {
    scheduler.register(job.name, async () => {
      await job.run();
    });
    scheduler.every(job.name, job.everyMs);
  }
}

/** Lets the deadline service copy open deadlines onto the records' rows. */
export function attachDeadlineMirrors(deadlines: DeadlineService, application: ComposedApplication): void {
  for (const [workflowId, mirror] of application.deadlineMirrors) deadlines.mirror(workflowId, mirror);
}
