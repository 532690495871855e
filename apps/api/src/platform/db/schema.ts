// Every table, for drizzle's typed queries; drizzle-kit reads the *.table.ts files directly.
export * from '../../modules/organizations/organizations.table.ts';
export * from '../../modules/users/users.table.ts';
export * from '../auth/sessions.table.ts';
export * from '../audit/audit.table.ts';
export * from '../workflow/workflow.table.ts';
export * from '../calendar/calendar.table.ts';
export * from '../deadlines/deadlines.table.ts';
export * from '../jobs/jobs.table.ts';
export * from '../files/files.table.ts';
export * from '../notify/notifications.table.ts';
export * from '../numbering/serials.table.ts';
export * from '../http/human-check.table.ts';
export * from '../documents/documents.table.ts';
export * from '../../modules/petitions/petitions.table.ts';
export * from '../../modules/clues/clues.table.ts';
export * from '../../modules/cases/cases.table.ts';
