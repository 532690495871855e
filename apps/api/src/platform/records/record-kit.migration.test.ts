import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { openTestDatabase } from '../../../test/test-platform.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { migrationsFolder } from '../db/migrate.ts';

// Migrations 0013 and 0014 move the modules' own transfers, notes and step records into the record kit's tables. An
// installation that upgrades must find every row there, with its ids, times and fields.

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };

async function apply(handle: DatabaseHandle, tags: string[]) {
  for (const tag of tags) {
    const text = fs.readFileSync(path.join(migrationsFolder, `${tag}.sql`), 'utf8');
    for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await handle.query(statement);
  }
}

describe('migrations 0013–0014: the record kit takes over transfers and notes', () => {
  let handle: DatabaseHandle;
  const tags = journal.entries.map((entry) => entry.tag);
  const kitAt = tags.indexOf('0013_record_kit');
  const [petitionFrom, petitionTo, clueFrom, clueTo, caseId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [org1, org2, author] = [randomUUID(), randomUUID(), randomUUID()];
  const ids = { petitionTransfer: randomUUID(), clueTransfer: randomUUID(), forward: randomUUID(), petitionNote: randomUUID(), clueRecord: randomUUID(), caseRecord: randomUUID() };

  before(async () => {
    handle = await openTestDatabase({ migrate: false });
    await apply(handle, tags.slice(0, kitAt));
    const at = '2026-03-01T02:00:00Z';
    await handle.query(
      `insert into petition_transfers (id, mode, status, from_petition_id, from_organization_id, to_organization_id, to_petition_id, report_back_required, created_by, created_at, reported_at, result)
       values ($1, 'assign_with_report', 'reported', $2, $3, $4, $5, true, $6, $7, $7, '已办结')`,
      [ids.petitionTransfer, petitionFrom, org1, org2, petitionTo, author, at],
    );
    await handle.query(
      `insert into clue_transfers (id, mode, status, from_clue_id, from_organization_id, to_organization_id, to_clue_id, created_at, returned_at, return_reason)
       values ($1, 'transfer', 'returned', $2, $3, $4, $5, $6, $6, '不属本级管辖')`,
      [ids.clueTransfer, clueFrom, org1, org2, clueTo, at],
    );
    await handle.query(
      `insert into clue_transfers (id, mode, status, from_clue_id, from_organization_id, to_organization_id, to_clue_id, created_at) values ($1, 'forward', 'pending', $2, $3, $4, $5, $6)`,
      [ids.forward, clueFrom, org1, org2, randomUUID(), at],
    );
    await handle.query(`insert into petition_notes (id, petition_id, author_id, author_name, body, created_at) values ($1, $2, $3, '王静', '内部备注', $4)`, [ids.petitionNote, petitionFrom, author, at]);
    await handle.query(
      `insert into clue_records (id, clue_id, action, body, inquiry_method, recommendation, author_id, author_name, created_at) values ($1, $2, 'recordTalk', '谈话记录', 'talk', null, $3, '陈明', $4)`,
      [ids.clueRecord, clueFrom, author, at],
    );
    await handle.query(`insert into case_records (id, case_id, action, body, author_id, author_name, created_at) values ($1, $2, 'decide', '处分决定', $3, '张建国', $4)`, [ids.caseRecord, caseId, author, at]);
    await apply(handle, tags.slice(kitAt));
  });
  after(() => handle.close());

  it('keeps every transfer with its id, both ends, state, times, reasons and result', async () => {
    const rows = await handle.query<Record<string, unknown>>('select * from record_transfers order by record_type, mode');
    assert.deepEqual(
      rows.map((row) => [row.id, row.record_type, row.mode, row.status, row.from_record_id, row.to_record_id, row.report_back_required, row.result, row.return_reason]),
      [
        [ids.forward, 'clue', 'forward', 'pending', clueFrom, rows[0].to_record_id, false, null, null],
        [ids.clueTransfer, 'clue', 'transfer', 'returned', clueFrom, clueTo, true, null, '不属本级管辖'],
        [ids.petitionTransfer, 'petition', 'assign_with_report', 'reported', petitionFrom, petitionTo, true, '已办结', null],
      ],
    );
    assert.equal(new Date(rows[2].reported_at as string).toISOString(), '2026-03-01T02:00:00.000Z');
  });

  it('keeps notes as free notes and step records with their action and structured fields', async () => {
    const rows = await handle.query<Record<string, unknown>>('select * from record_notes order by record_type');
    assert.deepEqual(
      rows.map((row) => [row.id, row.record_type, row.action, row.body, row.author_name, row.details]),
      [
        [ids.caseRecord, 'case', 'decide', '处分决定', '张建国', {}],
        [ids.clueRecord, 'clue', 'recordTalk', '谈话记录', '陈明', { inquiryMethod: 'talk', recommendation: null }],
        [ids.petitionNote, 'petition', null, '内部备注', '王静', {}],
      ],
    );
  });

  it('drops the modules’ own tables once copied', async () => {
    const left = await handle.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_name in ('petition_transfers', 'petition_notes', 'clue_transfers', 'clue_records', 'case_records')`,
    );
    assert.deepEqual(left, []);
  });
});
