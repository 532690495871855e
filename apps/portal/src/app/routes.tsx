import type { ComponentType } from 'react';
import { HomePage } from '../features/home/home-page.tsx';
import { GuidePage } from '../features/guide/guide-page.tsx';
import { ReportPage } from '../features/report/report-page.tsx';
import { TrackPage } from '../features/track/track-page.tsx';
import { VillageAffairsPage } from '../features/village-affairs/village-affairs-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** Flat list of pages; paths are matched exactly after trimming trailing slashes. */
export const routes: Record<string, ComponentType> = {
  '/': HomePage,
  '/guide': GuidePage,
  '/report': ReportPage,
  '/track': TrackPage,
  '/village-affairs': VillageAffairsPage,
};

export function pageFor(pathname: string): ComponentType {
  return routes[pathname] ?? NotFoundPage;
}
