import type { PublicSubmission } from '@guantong/contracts';

// The vocabulary comes from contracts' zod-free module, so the bundle does not take the schemas with it.
export { publicSubmissionTypes, satisfactionLabels, satisfactionLevels, submissionTypeLabels } from '@guantong/contracts';

export type PublicSubmissionType = PublicSubmission['submissionType'];
