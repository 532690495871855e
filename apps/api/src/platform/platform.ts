import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { DatabaseHandle } from './db/client.ts';
import { createCalendarService } from './calendar/calendar.service.ts';
import { createSealer, loadSealingKey } from './crypto/sealing.ts';
import { createDeadlineService } from './deadlines/deadlines.service.ts';
import { createAuditRecorder } from './audit/audit.service.ts';
import { createDocumentsService } from './documents/documents.service.ts';
import { createDocumentTemplates } from './documents/document-templates.ts';
import { createFileStore } from './files/file-store.ts';
import { createScheduler, type Logger } from './jobs/scheduler.ts';
import { createLogOnlyAdapter, createNotifier } from './notify/notifier.ts';
import { createSessionService } from './auth/sessions.ts';
import { createWorkflowEngine } from './workflow/workflow.engine.ts';
import { createHumanCheck } from './http/human-check.ts';

/** What every module shares, built once per process (or per test) with explicit dependencies. */
export function createPlatform({ database, clock, config, logger }: { database: DatabaseHandle; clock: Clock; config: Config; logger?: Logger }) {
  const db = database.db;
  const calendar = createCalendarService({ db });
  const notifier = createNotifier({ clock });
  const deadlines = createDeadlineService({ db, clock, calendar, notifier });
  const sealer = createSealer(loadSealingKey({ configured: config.sealKey, dataDir: config.dataDir }));
  const files = createFileStore(config.files);
  return {
    database,
    db,
    clock,
    config,
    calendar,
    notifier,
    // SMS to reporters; the default only logs. A gateway adapter replaces it in production.
    messages: createLogOnlyAdapter('sms', clock),
    deadlines,
    workflows: createWorkflowEngine({ db, clock, deadlines }),
    sealer,
    sessions: createSessionService({ db, clock, config }),
    humanCheck: createHumanCheck({ hmacKey: sealer.derive('human-check'), maxNumber: config.publicIntake.humanCheckMaxNumber, clock }),
    files,
    // Official documents (文号 and Word files), shared by the clue and case modules.
    documents: createDocumentsService({ db, clock, files }),
    documentTemplates: createDocumentTemplates({ db, clock }),
    // Audit entries of reads (need-to-know views), grouped so that busy pages do not queue on the chain's lock.
    auditRecorder: createAuditRecorder({ db, clock }),
    scheduler: createScheduler({ db, clock, pollMs: config.scheduler.pollMs, logger }),
  };
}
export type Platform = ReturnType<typeof createPlatform>;
