import { ComingSoon } from '../../shared/coming-soon.tsx';

export function VillageAffairsPage() {
  return <ComingSoon title="village.title" what="village.what" />;
}
