import { ComingSoon } from '../../shared/coming-soon.tsx';

export function TrackPage() {
  return <ComingSoon title="track.title" what="track.what" />;
}
