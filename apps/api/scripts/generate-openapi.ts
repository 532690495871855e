// Writes apps/api/openapi.json from the contracts (through the live route table); CI fails when it is stale.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { createPlatform } from '../src/platform/platform.ts';

const database = await openDatabase({ kind: 'pglite' });
const app = await buildApp(createPlatform({ database, clock: systemClock, config: testConfig() }));
await app.ready();
const target = path.resolve(import.meta.dirname, '../openapi.json');
fs.writeFileSync(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await database.close();
console.log(`wrote ${target}`);
