import type { Config } from './config.ts';
import type { Clock } from './platform/clock.ts';
import { openDatabase } from './platform/db/client.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { createPlatform, type Platform } from './platform/platform.ts';
import { composeApplication, type Application } from './app.ts';
import type { Logger } from './platform/jobs/scheduler.ts';
import { seedCalendar } from './seed/calendar.seed.ts';
import { seedDemoData } from './seed/demo.seed.ts';
import { seedDemoCasework } from './seed/demo-casework.seed.ts';
import { seedPetitionDefaults } from './seed/petition-categories.seed.ts';

/** Opens the configured database, brings its schema up to date, composes the modules and seeds it through them. */
export async function bootstrap({ config, clock, logger }: { config: Config; clock: Clock; logger?: Logger }): Promise<{ platform: Platform; application: Application }> {
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    await seedCalendar(database.db);
    await seedPetitionDefaults(database.db);
    const demoCreated = config.seedDemo && (await seedDemoData(database.db));
    if (demoCreated) logger?.info({}, 'demo data created (fictional city 清源市)');
    const platform = createPlatform({ database, clock, config, logger });
    const application = composeApplication(platform);
    if (demoCreated && config.seedDemoCasework && (await seedDemoCasework(platform, application))) logger?.info({}, 'demo clues and cases created (104 clues, 36 cases)');
    return { platform, application };
  } catch (error) {
    await database.close();
    throw error;
  }
}
