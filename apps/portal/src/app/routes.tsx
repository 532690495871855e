import { lazy, type ComponentType } from 'react';
import { HomePage } from '../features/home/home-page.tsx';
import { GuidePage } from '../features/guide/guide-page.tsx';
import { VillageAffairsPage } from '../features/village-affairs/village-affairs-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// The report form and the tracking page are loaded on first use, so the page a QR code opens stays light.
const ReportPage = lazy(() => import('../features/report/report-page.tsx').then((module) => ({ default: module.ReportPage })));
const TrackPage = lazy(() => import('../features/track/track-page.tsx').then((module) => ({ default: module.TrackPage })));

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
