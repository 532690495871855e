// Every table of the application, platform and modules: drizzle-kit generates the migrations from this index
// (drizzle.config.ts). It sits beside app.ts, the composition root, because it names every module.
export * from './platform/identity/organizations.table.ts';
export * from './platform/identity/users.table.ts';
export * from './platform/auth/sessions.table.ts';
export * from './platform/audit/audit.table.ts';
export * from './platform/workflow/workflow.table.ts';
export * from './platform/calendar/calendar.table.ts';
export * from './platform/deadlines/deadlines.table.ts';
export * from './platform/jobs/jobs.table.ts';
export * from './platform/files/files.table.ts';
export * from './platform/notify/notifications.table.ts';
export * from './platform/numbering/serials.table.ts';
export * from './platform/http/human-check.table.ts';
export * from './platform/documents/documents.table.ts';
export * from './platform/records/record-transfers.table.ts';
export * from './platform/records/record-notes.table.ts';
export * from './modules/petitions/petitions.table.ts';
export * from './modules/clues/clues.table.ts';
export * from './modules/cases/cases.table.ts';
