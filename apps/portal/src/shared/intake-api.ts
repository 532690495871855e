import type { EndpointInput, EndpointResponse, PublicPetitionView, PublicSubmission, Receipt } from '@guantong/contracts';
import { apiGet, apiPost, apiUpload, type UploadOptions } from './api-client.ts';

/**
 * The public intake endpoints (contracts `endpoints.getIntakeOptions` … `ratePetition`). Paths are written out
 * rather than read from `endpoints`, which would pull every zod schema into the portal bundle.
 */
export type IntakeOptions = EndpointResponse<'getIntakeOptions'>;
export type ReceivingBody = IntakeOptions['receivingBodies'][number];
export type PublicIntakePoint = EndpointResponse<'getPublicIntakePoint'>;
export type HumanChallenge = EndpointResponse<'getHumanChallenge'>;
export type TrackBody = EndpointInput<'trackPetition'>['body'];
export type SupplementBody = EndpointInput<'supplementPetition'>['body'];
export type RatingBody = EndpointInput<'ratePetition'>['body'];

export function fetchIntakeOptions(signal?: AbortSignal): Promise<IntakeOptions> {
  return apiGet<IntakeOptions>('/api/public/intake-options', { signal });
}

export function fetchIntakePoint(code: string, signal?: AbortSignal): Promise<PublicIntakePoint> {
  return apiGet<PublicIntakePoint>(`/api/public/intake-points/${encodeURIComponent(code)}`, { signal });
}

export function fetchHumanChallenge(signal?: AbortSignal): Promise<HumanChallenge> {
  return apiGet<HumanChallenge>('/api/public/challenge', { signal });
}

/** Multipart: the JSON `payload` field first, then one `files` part per attachment. */
export function submitPetition(payload: PublicSubmission, files: File[], options: UploadOptions = {}): Promise<Receipt> {
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const file of files) form.append('files', file, file.name);
  return apiUpload<Receipt>('/api/public/petitions', form, options);
}

export function trackPetition(body: TrackBody, signal?: AbortSignal): Promise<PublicPetitionView> {
  return apiPost<PublicPetitionView>('/api/public/petitions/track', body, { signal });
}

export function supplementPetition(body: SupplementBody): Promise<PublicPetitionView> {
  return apiPost<PublicPetitionView>('/api/public/petitions/supplement', body);
}

export function ratePetition(body: RatingBody): Promise<PublicPetitionView> {
  return apiPost<PublicPetitionView>('/api/public/petitions/rate', body);
}
