import { can } from '../../platform/auth/actor.ts';
import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ClueIntake } from './clue-handoff.ts';
import { open311Routes } from './open311.routes.ts';
import { createPetitionsContext } from './petitions.context.ts';
import { petitionMetricSource, petitionNotificationKinds, petitionSearchProvider, petitionTodoSources } from './petitions.places.ts';
import { petitionInScope } from './petitions.repository.ts';
import { petitionRecord } from './petitions.record.ts';
import { petitionsRoutes } from './petitions.routes.ts';
import { publicPetitionRoutes } from './public.routes.ts';
import { petitionSettingsRoutes } from './settings.routes.ts';

/**
 * Petitions and reports (信访举报): intake from the portal, Open311 and staff; the work queue; handling with proposals,
 * approvals, transfers between bodies and answers; the reporter following by receipt and rating the answer.
 * `clueIntake` is the clue ledger's hook for "convert to clue".
 */
export function petitionsModule(platform: Platform, hooks: { clueIntake?: ClueIntake } = {}) {
  const context = createPetitionsContext(platform, hooks);
  const { humanCheck, db } = platform;
  return defineModule({
    name: 'petitions',
    records: [petitionRecord],
    routes(app) {
      publicPetitionRoutes(app, context, platform);
      petitionsRoutes(app, context);
      petitionSettingsRoutes(app, context, { publicUrl: platform.config.publicIntake.publicUrl });
      // Open311 is a plugin scope of its own (form bodies, its own error shape); not awaited, it loads after the
      // enclosing scope's other routes, which is why the OpenAPI document lists it last.
      void open311Routes(app, context, platform.config);
    },
    // Spent human-check solutions are kept only as long as a challenge could still be answered.
    jobs: [{ name: 'public-intake.purge-challenges', everyMs: 3600_000, run: () => humanCheck.purgeExpired(db) }],
    // Attachments of a report are readable by whoever can see the report.
    attachmentPolicy: {
      [petitionRecord.type]: async (actor, ownerId) => can(actor, 'petitions.read') && Boolean(await petitionInScope(db, actor, ownerId)),
    },
    todoSources: petitionTodoSources(context),
    notificationKinds: petitionNotificationKinds,
    searchProviders: [petitionSearchProvider(context)],
    metrics: [petitionMetricSource(context)],
    exports: { context },
  });
}

export type PetitionsModule = ReturnType<typeof petitionsModule>;
export type { ClueHandoff, ClueIntake } from './clue-handoff.ts';
export { markHandoffReceived, recordClueResult, petitionById } from './petitions.repository.ts';
// The statements and the write path the benchmark replays and measures (bench/petitions.ts).
export { queuePageQueries } from './petitions-queue.repository.ts';
export { submitPublic } from './intake.ts';
